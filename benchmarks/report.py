"""The results: rows with goals, printed as one table, written as JSON and as an SVG bar chart."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape

from benchmarks.stats import Measured

GoalKind = Literal["ratio_at_most", "value_at_most", "value_at_least"]


@dataclass(frozen=True)
class Goal:
    """A target from the issues: on the ratio reader/reference, or on reader's own value."""

    kind: GoalKind
    limit: float
    text: str

    def check(self, value: float | None, ratio: float | None) -> bool | None:
        """True/False when it can be judged, None when a figure is missing."""
        if self.kind == "ratio_at_most":
            return None if ratio is None else ratio <= self.limit
        if value is None:
            return None
        return value <= self.limit if self.kind == "value_at_most" else value >= self.limit


@dataclass
class Row:
    """One line of the table: reader's figure against a reference measured in the same run."""

    metric: str
    unit: str
    reader: Measured
    reference_name: str
    reference: Measured
    goal: Goal | None = None

    @property
    def ratio(self) -> float | None:
        """reader / reference (for times: below 1 means reader is faster)."""
        mine, theirs = self.reader.value, self.reference.value
        if mine is None or theirs is None or theirs == 0:
            return None
        return mine / theirs

    @property
    def ratio_bound(self) -> float | None:
        """When the reference timed out: the ratio is known to be below this."""
        mine, floor = self.reader.value, self.reference.at_least
        if self.ratio is not None or mine is None or not floor:
            return None
        return mine / floor

    @property
    def met(self) -> bool | None:
        if self.goal is None:
            return None
        verdict = self.goal.check(self.reader.value, self.ratio)
        bound = self.ratio_bound
        if verdict is None and self.goal.kind == "ratio_at_most" and bound is not None and bound <= self.goal.limit:
            return True  # the reference took longer than its timeout, and even that is slow enough
        return verdict

    def to_dict(self) -> dict[str, Any]:
        return {
            "metric": self.metric,
            "unit": self.unit,
            "reader": self.reader.value,
            "reader_runs": self.reader.runs,
            "reader_note": self.reader.note,
            "reference_name": self.reference_name,
            "reference": self.reference.value,
            "reference_runs": self.reference.runs,
            "reference_note": self.reference.note,
            "ratio": self.ratio,
            "ratio_below": self.ratio_bound,
            "reference_at_least": self.reference.at_least,
            "goal": self.goal.text if self.goal else None,
            "met": self.met,
        }


def format_value(value: float | None, unit: str) -> str:
    """A figure with its unit, to a sensible precision."""
    if value is None:
        return "n/a"
    if unit == "s":
        return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"
    if unit == "ms":
        return f"{value:.2f} ms" if value < 100 else f"{value:,.0f} ms"
    if unit == "MiB":
        return f"{value:.1f} MiB" if value < 10 else f"{value:,.0f} MiB"
    if unit == "words/s":
        return f"{value:,.0f} w/s"
    return f"{value:g} {unit}"


def format_ratio(ratio: float | None) -> str:
    if ratio is None:
        return "n/a"
    if ratio == 0 or not math.isfinite(ratio):
        return f"{ratio}x"
    digits = max(2, 2 - math.floor(math.log10(abs(ratio)))) if abs(ratio) < 1 else 2
    return f"{ratio:.{min(digits, 4)}f}x"


def _cell(measured: Measured, unit: str, footnotes: list[str]) -> str:
    """The figure, or 'n/a' with a footnote number that says why."""
    text = format_value(measured.value, unit)
    if measured.value is None and measured.at_least is not None:
        text = "> " + format_value(measured.at_least, unit)
    if measured.note:
        if measured.note not in footnotes:
            footnotes.append(measured.note)
        text += f" [{footnotes.index(measured.note) + 1}]"
    return text


def format_table(rows: list[Row]) -> str:
    """A markdown table (readable as plain text too), then the numbered notes it refers to."""
    footnotes: list[str] = []
    body = []
    for row in rows:
        reference = f"{row.reference_name} {_cell(row.reference, row.unit, footnotes)}" if row.reference_name else "-"
        met = {True: "yes", False: "NO", None: "-" if row.goal is None else "n/a"}[row.met]
        ratio = format_ratio(row.ratio) if row.ratio_bound is None else "< " + format_ratio(row.ratio_bound)
        body.append([row.metric, _cell(row.reader, row.unit, footnotes), reference, ratio,
                     row.goal.text if row.goal else "", met])
    header = ["metric", "reader", "reference", "ratio", "goal", "met?"]
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    lines = [line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += [line(r) for r in body]
    if footnotes:
        lines.append("")
        lines += [f"[{i}] {note}" for i, note in enumerate(footnotes, 1)]
    return "\n".join(lines)


def write_json(path: Path, rows: list[Row], meta: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {**meta, "rows": [r.to_dict() for r in rows]}
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def render_svg(rows: list[Row], title: str) -> str:
    """A horizontal bar chart: per row, reader's bar against the reference's, scaled to the larger."""
    label_w, bar_w, value_w, row_h = 330, 360, 170, 40
    width = label_w + bar_w + value_w + 20
    height = 60 + row_h * len(rows) + 30
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="monospace" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="10" y="22" font-size="15" font-weight="bold">{escape(title)}</text>',
        '<rect x="10" y="34" width="12" height="10" fill="#2b6cb0"/><text x="26" y="43">reader</text>',
        '<rect x="90" y="34" width="12" height="10" fill="#a0aec0"/><text x="106" y="43">reference</text>',
    ]
    for index, row in enumerate(rows):
        top = 60 + index * row_h
        met = row.met
        colour = {True: "#2f855a", False: "#c53030", None: "#4a5568"}[met]
        out.append(f'<text x="10" y="{top + 12}" fill="{colour}">{escape(row.metric[:44])}</text>')
        out.append(f'<text x="10" y="{top + 27}" fill="#718096">{escape(("vs " + row.reference_name)[:44])}</text>')
        # a figure that timed out is drawn at its timeout, labelled "> timeout"
        values = [m.value if m.value is not None else m.at_least for m in (row.reader, row.reference)]
        scale = max((v for v in values if v is not None), default=0.0)
        for offset, measured, value, fill in ((2, row.reader, values[0], "#2b6cb0"),
                                              (18, row.reference, values[1], "#a0aec0")):
            y = top + offset
            if value is None:
                out.append(f'<text x="{label_w}" y="{y + 11}" fill="#718096">n/a</text>')
                continue
            label = format_value(value, row.unit) if measured.value is not None else "> " + format_value(value, row.unit)
            length = max(1.0, bar_w * value / scale) if scale > 0 else 1.0
            out.append(f'<rect x="{label_w}" y="{y}" width="{length:.1f}" height="14" fill="{fill}"/>')
            out.append(f'<text x="{label_w + bar_w + 8}" y="{y + 11}">{escape(label)}</text>')
    out.append(f'<text x="10" y="{height - 10}" fill="#718096">green: goal met, red: goal missed, '
               'grey: no goal or no figure. Bars are scaled per row.</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def write_svg(path: Path, rows: list[Row], title: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_svg(rows, title), encoding="utf-8")
    return path
