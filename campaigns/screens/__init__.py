"""Screens in public transport: groups, screens, playlists and their schedule, the playlist
API with its fast path, proof of play, the player, the agenda and the plays report
(docs/screens.md)."""
