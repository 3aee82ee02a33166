"""What every endpoint under /api/ shares: one error shape, `{"detail": "…"}`, with the
field errors of a bad request under `errors`."""

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions
from rest_framework.views import exception_handler


def api_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        response.data = {"detail": "The request is not valid.", "errors": response.data}
    # An error is about this one request (a key, a rate, a typo): no CDN may keep it.
    response["Cache-Control"] = "no-store"
    return response


@csrf_exempt  # a POST to an unknown address is a JSON 404, not Django's HTML CSRF page
def not_found(request, path: str = ""):
    """Unknown API addresses answer in JSON, like the rest of the API."""
    return JsonResponse({"detail": "There is nothing at this address."}, status=404)


def refuse_unless_plain_read(request) -> JsonResponse | None:
    """For the plain (non-DRF) read-only endpoints: a JSON 405 for another method, a 400 for
    any query parameter; None when the request may be answered."""
    if request.method not in ("GET", "HEAD"):
        response = JsonResponse(
            {"detail": f"Method “{request.method}” is not allowed."}, status=405
        )
        response["Allow"] = "GET, HEAD"
        return response
    if request.GET:
        unknown = ", ".join(sorted(request.GET))
        return JsonResponse(
            {"detail": f"This endpoint takes no query parameters (got: {unknown})."}, status=400
        )
    return None
