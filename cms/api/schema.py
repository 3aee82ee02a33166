"""The OpenAPI document describes our own /api/v1/ endpoints only (not the schema and docs
pages themselves, nor Wagtail's or Django's views)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension

SELF_DESCRIBING = ("/api/v1/schema/", "/api/v1/docs/")


def only_our_endpoints(endpoints, **kwargs):
    return [
        (path, path_regex, method, callback)
        for path, path_regex, method, callback in endpoints
        if path.startswith("/api/v1/") and not path.startswith(SELF_DESCRIBING)
    ]


class PartnerKeyScheme(OpenApiAuthenticationExtension):
    target_class = "campaigns.partners.access.PartnerKeyAuthentication"
    name = "partnerKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "X-Partner-Key",
            "description": "Optional: a partner key raises the rate limit (docs/partners.md).",
        }


class ScreenTokenScheme(OpenApiAuthenticationExtension):
    target_class = "campaigns.screens.api.views.ScreenTokenAuthentication"
    name = "screenToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "The screen's own token, shown once in the admin (docs/screens.md).",
        }
