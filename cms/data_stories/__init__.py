"""Facts and figures: data story pages, statistic and chart blocks, the SVG drawing behind
them (docs/data-stories.md)."""
