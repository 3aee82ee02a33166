"""The video library: uploaded videos with captions, a poster and a small data-saver rendition
made in the background, links to videos elsewhere (embeds) and the blocks that show them
(docs/videos.md)."""
