"""Photovoice: the public form and gallery, moderation in the admin, withdrawal by link.

Models live in campaigns.models.photovoice; image sanitising in cms.uploads (docs/photovoice.md).
"""
