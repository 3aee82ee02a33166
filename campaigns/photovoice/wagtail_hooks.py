"""Photovoice pages are answered by their view (the form and the gallery); the moderation
queue and the audit themes are in the Campaigns menu (campaigns/wagtail_hooks.py)."""

from wagtail import hooks

from campaigns.photovoice.models import PhotovoicePage
from campaigns.photovoice.views import photovoice_page


# Wagtail serves a page through the `on_serve_page` chain; a high order puts this innermost,
# where `page.serve` would be called: view restrictions and the other checks run first.
@hooks.register("on_serve_page", order=100)
def serve_photovoice_page(serve):
    def inner(page, request, serve_args, serve_kwargs):
        if isinstance(page, PhotovoicePage):
            return photovoice_page(request, page=page)
        return serve(page, request, serve_args, serve_kwargs)

    return inner
