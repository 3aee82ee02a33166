"""Campaign pages: an awareness campaign (myths and facts, events, videos, figures, stories)
and the index that lists them (docs/stories.md)."""
