"""Photovoice: residents' photos on the city audit's themes. The public form and gallery,
moderation in the admin, withdrawal by link or at the sender's request, the API; image
sanitising is cms.uploads' (docs/photovoice.md)."""
