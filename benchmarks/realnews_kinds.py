"""Who said what on real news, by kind of construction: recall and speaker accuracy per failure kind.

    python -m benchmarks.realnews_kinds GOLD_DIR READER [--raw SPLIT_DIR] [--show KIND] [--json]

GOLD_DIR is a gold folder made by the shared ``polnear_gold.py`` (articles and ``*.gold.json``);
READER the ``reader`` executable to measure (e.g. ``.venv/bin/reader`` of a checkout, to compare
two versions). ``--raw`` names the PolNeAR split the gold was made from (``data/dev``): with it, each
attribution's source and cue are read from the annotation; without it they are found around the
content (the cue text nearest to it, the words beside the cue). Not part of ``make test``: the corpora
live outside the repository and are never copied into it.

Only the gold attributions the reader is meant to find are counted (``speech``: a verb of saying and
a clausal content). Each falls in one or more kinds, after issue 14's list of what fails on real copy:

- source: ``named`` (the gold names it), ``pronoun`` ("he said"), ``nominal`` ("officials said",
  "the campaign said"), ``quantifier`` ("some said", "another said"), ``group`` (a plural subject,
  named or not: "Democrats said", "lawmakers said");
- cue place: ``cue-before`` ("X said that ..."), ``cue-after`` ("..., X said."), ``cue-mid`` (the
  content on both sides: "Nobody was hurt, Smith said, but ...");
- construction: ``according-to``, ``told-X-that``, ``denied/claimed/acknowledged``,
  ``asked/urged/called``, ``quoted-as-saying``, ``statement`` ("in a statement, X said"),
  ``coordination`` ("did not apologise, but said"), ``transcript-label`` (``MR. NAME:``, ``Q:``),
  ``wrote`` (emails, memos, posts), ``other-verb`` (neither say, tell nor according to: "joked").

Recall counts a gold attribution found when a predicted quote matches it (the shared scorer's
rule, a partial quote inside its content counting); speaker accuracy is over those found whose
gold source is a name (PolNeAR has no coreference, so a pronoun source is never judged).
``not-speech`` counts the other gold attributions (beliefs, endorsements, documents, headline
colons), which the PolNeAR scorer's ``attribution`` figure also judges. ``--show KIND`` lists that
kind's misses and wrong speakers.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
QUANTIFIERS = {"some", "many", "most", "another", "one", "several", "few", "all", "both", "each", "none", "nobody",
               "others", "two", "three", "four", "half", "more", "much", "any", "either", "neither", "other"}
GROUP_WORDS = {"democrats", "republicans", "people", "police", "staff", "voters", "officials", "critics",
               "supporters", "lawmakers", "aides", "advisers", "advisors", "leaders", "members", "analysts"}
KINDS = ("all", "direct", "indirect", "named", "pronoun", "nominal", "quantifier", "group", "cue-before",
         "cue-after", "cue-mid", "according-to", "told-X-that", "denied/claimed/acknowledged", "asked/urged/called",
         "quoted-as-saying", "statement", "coordination", "transcript-label", "wrote", "other-verb", "not-speech")
_LABEL_RE = re.compile(r"(?:(?:MR|MRS|MS|DR|SEN|REP|GOV)\.?\s+)?[A-Z][A-Z.'’ -]{0,30}:\s|Q:\s|A:\s")


def _scoring() -> ModuleType:
    """The shared scorer's matching rules, as copied into the tests (tests/analysis/scoring.py)."""
    spec = importlib.util.spec_from_file_location("realnews_scoring", ROOT / "tests" / "analysis" / "scoring.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


S = _scoring()


@dataclass(slots=True)
class Tally:
    """Counts for one kind."""

    n: int = 0
    found: int = 0
    judged: int = 0
    right: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)


def heads(source: str) -> set[str]:
    """Capitalised last words of a source's comma-separated parts (as the PolNeAR scorer reads them)."""
    out = set()
    for part in source.split(","):
        words = [w.strip(".'’\"”“") for w in part.split()]
        words = [w for w in words if w and not w.endswith(("'s", "’s"))]
        if words and words[-1][:1].isupper():
            out.add(words[-1].casefold())
    return out


def speaker_right(pred: str | None, aliases: list[str]) -> bool:
    if S.speaker_ok(pred, aliases):
        return True
    last = (pred or "").split()[-1:]
    return bool(last) and any(last[0].strip(".,").casefold() in heads(a) for a in aliases)


def hit(q: dict, g: dict) -> bool:
    return S.quote_matches(q["text"], g["text"]) or (
        q.get("kind") == "partial" and len(S.norm(q["text"])) >= 3 and S.norm(q["text"]) in S.norm(g["text"]))


# -- where source and cue are ------------------------------------------------------------------------

@dataclass(slots=True)
class Attribution:
    """What the kinds are read from: the source's surface and offset, the cue's offsets, the content pieces."""

    source: str
    source_start: int
    cue_start: int
    cue_end: int
    pieces: list[tuple[int, int]]


def raw_attributions(split: Path, stem: str) -> dict[tuple[int, int], Attribution]:
    """Content piece (start, end) -> its attribution, from PolNeAR's brat annotation of one article."""
    anns = sorted((split / "attributions").glob(stem + "_*.ann"))
    if not anns:
        return {}
    spans: dict[str, tuple[str, str, list[tuple[int, int]]]] = {}
    events = []
    for line in anns[0].read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            label, offs = parts[1].split(" ", 1)
            spans[parts[0]] = (label, parts[2], [tuple(map(int, p.split())) for p in offs.split(";")])
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":") for arg in parts[1].split(" ") if ":" in arg))
    out: dict[tuple[int, int], Attribution] = {}
    for ev in events:
        content, source, cue = spans.get(ev.get("Content", "")), spans.get(ev.get("Source", "")), \
            spans.get(ev.get("Cue", ""))
        if not content or not source:
            continue
        cue_at = cue[2][0] if cue else (-1, -1)
        att = Attribution(source[1].strip(), source[2][0][0], cue_at[0], cue_at[1], sorted(content[2]))
        for piece in content[2]:
            out[piece] = att
    return out


def guess_attribution(text: str, g: dict, cue_count: dict[str, int]) -> Attribution:
    """Without the annotation: the cue text nearest the content, and the words beside it as the source."""
    cue = g.get("cue") or ""
    a, b = g["start"], g["end"]
    best = (-1, -1)
    if cue:
        lo, hi = max(0, a - 300), min(len(text), b + 300)
        for m in re.finditer(re.escape(cue), text[lo:hi]):
            s, e = lo + m.start(), lo + m.end()
            dist = a - e if e <= a else (s - b if s >= b else 0)
            if best[0] < 0 or dist < abs(best[0] - (a if best[0] < a else b)):
                best = (s, e)
    s, e = best
    source = ""
    if s >= 0:
        if s >= b:  # "..., X said." or "..., said X."
            between = text[b:s].strip(" ,\"”’'")
            source = between or re.split(r"[,.;:]", text[e:e + 80])[0]
        else:  # "X said ..."
            sentence_start = max(text.rfind(". ", 0, s), text.rfind("\n", 0, s), text.rfind(", ", 0, s)) + 1
            source = text[sentence_start:s]
    source = source.strip()
    return Attribution(source, s, s, e, [(a, b)])


def kinds_of(text: str, g: dict, att: Attribution) -> set[str]:
    """The kinds one gold attribution belongs to."""
    found = {"all", g["kind"]}
    src = att.source
    words = re.findall(r"[A-Za-z][\w'’-]*", src)
    lows = [w.lower() for w in words]
    if g["speaker"]:
        found.add("named")
    elif lows and lows[-1] in PRONOUNS or (len(lows) == 1 and lows[0] in PRONOUNS):
        found.add("pronoun")
    elif lows and (lows[0] in QUANTIFIERS or lows[-1] in QUANTIFIERS):
        found.add("quantifier")
    elif lows:
        found.add("nominal")
    if lows and (lows[-1] in GROUP_WORDS or lows[-1] == "they" or (
            lows[-1].endswith("s") and not lows[-1].endswith(("ss", "us", "'s", "’s")) and len(lows[-1]) > 3
            and not words[-1][:1].isupper() or lows[-1] in {"democrats", "republicans"})):
        found.add("group")
    cue = (g.get("cue") or "").lower()
    first = att.pieces[0][0]
    last = att.pieces[-1][1]
    if att.cue_start >= 0:
        if att.cue_start < first:
            found.add("cue-before")
        elif att.cue_start >= last:
            found.add("cue-after")
        else:
            found.add("cue-mid")
    if cue.startswith("accord"):
        found.add("according-to")
    if re.match(r"(?:has |have |had )?(?:told|tell|tells|telling)\b", cue) and att.cue_end >= 0 and \
            len(re.findall(r"\w+", text[att.cue_end:g["start"]])) >= 1 and g["start"] > att.cue_end:
        found.add("told-X-that")
    if re.search(r"\b(?:den(?:y|ies|ied|ying)|claim\w*|acknowledg\w*|admit\w*|insist\w*|conced\w*)\b", cue):
        found.add("denied/claimed/acknowledged")
    if re.search(r"\b(?:ask\w*|urg\w*|call\w*)\b", cue):
        found.add("asked/urged/called")
    if "quot" in cue or "as saying" in text[max(0, att.cue_start - 5):att.cue_end + 15]:
        found.add("quoted-as-saying")
    around = text[max(0, min(first, att.cue_start) - 120):max(att.cue_end, first) + 10].lower()
    if re.search(r"\bstatement\b", around):
        found.add("statement")
    if att.source_start >= 0 and att.cue_start > att.source_start and \
            re.search(r"\b(?:and|but)\b", text[att.source_start + len(att.source):att.cue_start]):
        found.add("coordination")
    para_start = text.rfind("\n", 0, first) + 1
    if _LABEL_RE.match(text, para_start) and first <= para_start + 40 or cue in (":",):
        found.add("transcript-label")
    if re.search(r"\b(?:wr(?:ote|ite|ites|itten|iting)|email\w*|memo\w*|post\w*|tweet\w*)\b", cue):
        found.add("wrote")
    if not re.search(r"\b(?:sa(?:y|ys|id|ying)|t(?:ell|ells|old|elling)|accord\w*)\b", cue):
        found.add("other-verb")
    return found


# -- running ------------------------------------------------------------------------------------------

def run_reader(reader: str, path: Path) -> dict | None:
    out = subprocess.run([reader, "analyze", "--json", str(path)], capture_output=True, text=True, timeout=300)
    return json.loads(out.stdout) if out.returncode == 0 else None


def measure(gold_dir: Path, reader: str, raw: Path | None) -> tuple[dict[str, Tally], int]:
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.gold.json"))]
    with ThreadPoolExecutor(2) as pool:
        preds = list(pool.map(lambda g: run_reader(reader, gold_dir / g["file"]), golds))
    tallies = {k: Tally() for k in KINDS}
    failed = 0
    for gold, pred in zip(golds, preds, strict=True):
        if pred is None:
            failed += 1
            continue
        text = (gold_dir / gold["file"]).read_text(encoding="utf-8")
        qs = [q for q in pred["quotes"] if S.norm(q.get("text"))]
        atts = raw_attributions(raw, Path(gold["file"]).stem) if raw else {}
        for g in gold["quotes"]:
            att = atts.get((g["start"], g["end"])) or _containing(atts, g) or guess_attribution(text, g, {})
            kinds = kinds_of(text, g, att) if g["speech"] else {"not-speech"}
            m = [q for q in qs if hit(q, g)]
            right = bool(m) and bool(g["speaker"]) and any(speaker_right(q.get("speaker"), g["speaker"]) for q in m)
            for k in kinds:
                t = tallies[k]
                t.n += 1
                t.found += bool(m)
                if not m:
                    t.misses.append(f"{gold['file'][:40]}: [{g['kind']}, cue {g['cue']!r}, source {att.source!r}] "
                                    f"{g['text'][:110]!r}")
                if m and g["speaker"]:
                    t.judged += 1
                    t.right += right
                    if not right:
                        t.wrong.append(f"{gold['file'][:40]}: {[q.get('speaker') for q in m]} want "
                                       f"{g['speaker'][0]!r}: {g['text'][:80]!r}")
    return tallies, failed


def _containing(atts: dict[tuple[int, int], Attribution], g: dict) -> Attribution | None:
    """The attribution whose content piece holds the gold quote (gold merges touching pieces)."""
    for (a, b), att in atts.items():
        if a >= g["start"] and b <= g["end"]:
            return att
    return None


def table(tallies: dict[str, Tally]) -> Iterable[str]:
    yield f"{'kind':<30}{'n':>6}{'recall':>9}{'judged':>8}{'speaker':>9}"
    for kind in KINDS:
        t = tallies[kind]
        if not t.n:
            continue
        recall = f"{t.found / t.n:.3f}"
        speaker = f"{t.right / t.judged:.3f}" if t.judged else "   -"
        yield f"{kind:<30}{t.n:>6}{recall:>9}{t.judged:>8}{speaker:>9}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.realnews_kinds", description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("reader")
    parser.add_argument("--raw", type=Path, default=None, help="the PolNeAR split the gold was made from")
    parser.add_argument("--show", action="append", default=[], metavar="KIND", help="list this kind's misses")
    parser.add_argument("--json", action="store_true", help="one JSON line of figures instead of the table")
    args = parser.parse_args(argv)
    if not args.gold_dir.is_dir():
        print(f"realnews_kinds: no gold folder {args.gold_dir}", file=sys.stderr)
        return 2
    tallies, failed = measure(args.gold_dir, args.reader, args.raw)
    for kind in args.show:
        t = tallies.get(kind)
        if t is None:
            print(f"realnews_kinds: no kind {kind!r} (kinds: {', '.join(KINDS)})", file=sys.stderr)
            return 2
        print(f"== {kind}: {len(t.misses)} missed, {len(t.wrong)} wrong speakers")
        for line in t.misses + t.wrong:
            print("  " + line)
    if args.json:
        print(json.dumps({k: {"n": t.n, "recall": round(t.found / t.n, 3) if t.n else None,
                              "judged": t.judged, "speaker": round(t.right / t.judged, 3) if t.judged else None}
                          for k, t in tallies.items()}))
    else:
        print("\n".join(table(tallies)))
        if failed:
            print(f"({failed} articles failed to analyse)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
