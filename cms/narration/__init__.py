"""Read aloud: narration audio for lessons and stories, made on the server with espeak-ng
and encoded small with the project's own ffmpeg, or an editor's recording (docs/narration.md)."""
