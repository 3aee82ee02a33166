"""The API framework every app's endpoints share (docs/api.md): errors, languages, stored
answers and ETags (caching), rate limits (throttles), addresses and CDN purges, typed blocks,
the content viewsets and the OpenAPI shapes. Kept free of imports: models load some of it."""
