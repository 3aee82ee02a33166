"""Partner sites: API keys, rate limits and browser origins (CORS), and the webhooks that tell
their servers when public content changes (docs/partners.md)."""
