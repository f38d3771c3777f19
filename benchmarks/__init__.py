"""Benchmarks: reader side by side with the tools a reader would otherwise use (``python -m benchmarks``)."""
