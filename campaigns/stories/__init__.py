"""Migrants' stories, their partner organisations and themes, and the consent under which
each story is told: withdrawing it takes the story down everywhere (docs/stories.md)."""
