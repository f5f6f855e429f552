"""What the report shows, as data: cards, feedback, comparison, frames, charts, downloads, the HTML report."""
