"""Generate large markdown articles for the tests (deterministic, no randomness)."""

from __future__ import annotations

_SOURCE = ("the council said that residents of the northern districts would be moved before winter "
         "while officials in the capital insisted the plan had been agreed with every party involved "
         "and observers noted the delays")
WORDS = _SOURCE.split()


def paragraph(seed: int, words: int = 90) -> str:
    """A paragraph of ``words`` words, different for each ``seed``."""
    out = [WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(words)]
    out[0] = out[0].capitalize()
    return " ".join(out) + "."


def large_markdown(target_bytes: int = 3_000_000) -> str:
    """A markdown article of about ``target_bytes`` with every block kind, ending in a known line."""
    parts = ["# A very long generated report", ""]
    section = 0
    while sum(len(p) + 1 for p in parts) < target_bytes:
        section += 1
        parts += [f"## Section {section}", "", paragraph(section), "",
                  f"- first point of section {section} with *emphasis*", f"- second point with `code` {section}", "",
                  f"> A quoted remark number {section}, said **loudly**.", "",
                  "```", f"code line {section}", "    indented", "```", "",
                  "| name | value |", "| --- | --- |", f"| row {section} | {section * 3} |", "",
                  paragraph(section + 1, 140), "", "---", ""]
    parts += ["The final line of the generated report.", ""]
    return "\n".join(parts)
