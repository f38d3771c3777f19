"""reader: a terminal article reader that shows who is named and who said what.

The package is split in two: a core (``document``, ``analysis``, ``store``, ``export``,
``themes``, ``sanitize``, ``errors``) that never imports Textual, and ``tui`` on top of it.
"""

__version__ = "0.1.0"
