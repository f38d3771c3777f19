"""What the reading pane shows, worked out without Textual: line layout, overlay spans, and the
index of an article's analysis the cursor moves through.

Pure Python (Rich for styles), below the UI in the layers, so it is unit-tested and benchmarked
without starting an app; ``reader.tui`` draws it.
"""
