"""The matching rules of the shared evaluation scorer (``../shared/eval/score.py``), copied so the
project's tests do not depend on files outside the repository.

Only the scoring functions are kept (the command-line driver is not); :func:`summarise` adds the
micro-averaged metrics the scorer prints. Keep this in step with the shared scorer.
"""

from __future__ import annotations

import re
import unicodedata

LABELS = {"PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "ORGANIZATION": "ORG",
          "ORGANISATION": "ORG", "PLACE": "PLACE", "GPE": "PLACE", "LOC": "PLACE",
          "LOCATION": "PLACE", "FAC": "PLACE"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "its"}
QUOTE_CHARS = "\"'“”‘’«»„‟‹›`"


def norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "")
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    s = re.sub(r"\s+", " ", s).strip().casefold()
    s = s.strip(QUOTE_CHARS + " .,;:!?—–-()[]")
    s = re.sub(r"^the ", "", s)
    s = re.sub(r"'s$", "", s)
    return s.strip(QUOTE_CHARS + " .,;:!?")


def contains_words(hay: str, needle: str) -> bool:
    return bool(needle) and re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", hay) is not None


def entity_matches(surface: str, alias: str) -> bool:
    """Exact, or the alias plus at most four capitalised title words (e.g. 'Foreign Minister')."""
    p, a = norm(surface), norm(alias)
    if p == a:
        return True
    if len(a) < 4 or not contains_words(p, a):
        return False
    extra = re.sub(r"(?<!\w)" + re.escape(a) + r"(?!\w)", " ", p, count=1, flags=re.I).split()
    raw_words = re.findall(r"[\w’'-]+", surface)
    extra_raw = [w for w in raw_words if norm(w) in extra]
    return len(extra) <= 4 and all(w[:1].isupper() for w in extra_raw)


def score_entities(gold: dict, pred: dict) -> dict:
    pairs = {}
    for e in pred.get("entities", []):
        label = LABELS.get(str(e.get("label", "")).upper())
        if label and norm(e.get("text")):
            pairs[(norm(e["text"]), label)] = (e["text"], label)
    found, tp, fp, fps = set(), 0, 0, []
    for surface, label in pairs.values():
        hits = [i for i, g in enumerate(gold["entities"])
                if g["label"] == label and any(entity_matches(surface, a) for a in g["names"])]
        if hits:
            tp += 1
            found.update(hits)
            continue
        wrong_label = any(norm(surface) == norm(a) for g in gold["entities"] for a in g["names"])
        neutral = any(norm(surface) == norm(o) or contains_words(norm(surface), norm(o))
                      for o in gold.get("entities_ok", []))
        if wrong_label or not neutral:
            fp += 1
            fps.append(f"{surface} [{label}]")
    missed = [g["names"][0] + f" [{g['label']}]" for i, g in enumerate(gold["entities"]) if i not in found]
    return {"tp": tp, "fp": fp, "gold": len(gold["entities"]), "found": len(found),
            "false_positives": fps, "missed": missed}


def quote_matches(pred_text: str, gold_text: str) -> bool:
    p, g = norm(pred_text), norm(gold_text)
    if not p or not g:
        return False
    if g in p:
        return len(p) <= max(2 * len(g), len(g) + 60)
    return p in g and len(p) >= 0.6 * len(g)


def speaker_ok(pred: str | None, aliases: list[str]) -> bool:
    p = norm(pred)
    if not p or p in PRONOUNS:
        return False
    for alias in aliases:
        a = norm(alias)
        if p == a or contains_words(p, a) or (len(p) >= 3 and contains_words(a, p)):
            return True
    return False


def score_quotes(gold: dict, pred: dict) -> dict:
    quotes = [q for q in pred.get("quotes", []) if norm(q.get("text"))]
    tp = fp = 0
    fps = []
    best: dict[int, bool] = {}
    for q in quotes:
        hits = [i for i, g in enumerate(gold["quotes"]) if quote_matches(q["text"], g["text"])]
        if hits:
            tp += 1
            for i in hits:
                ok = speaker_ok(q.get("speaker"), gold["quotes"][i]["speaker"])
                best[i] = best.get(i, False) or ok
        elif any(norm(o) and norm(o) in norm(q["text"]) for o in gold.get("quotes_ok", [])):
            continue
        else:
            fp += 1
            fps.append(q["text"][:80])
    by_kind = {"direct": [0, 0], "indirect": [0, 0]}
    for i, g in enumerate(gold["quotes"]):
        kind = "indirect" if g["kind"] == "indirect" else "direct"
        by_kind[kind][1] += 1
        by_kind[kind][0] += i in best
    wrong = [f'{g["text"][:50]} -> want {g["speaker"][0]}' for i, g in enumerate(gold["quotes"])
             if i in best and g["speaker"] and not best[i]]
    missed = [g["text"][:60] for i, g in enumerate(gold["quotes"]) if i not in best]
    judged = [i for i in best if gold["quotes"][i]["speaker"]]  # gold with no speaker list is not judged
    return {"tp": tp, "fp": fp, "gold": len(gold["quotes"]), "found": len(best), "judged": len(judged),
            "speaker_right": sum(best[i] for i in judged), "by_kind": by_kind,
            "false_positives": fps, "missed": missed, "wrong_speaker": wrong}


def score_offsets(pred: dict) -> tuple[int, int]:
    text = pred.get("text")
    if not isinstance(text, str):
        return 0, 0
    spans = pred.get("entities", []) + pred.get("quotes", [])
    good = sum(1 for s in spans if isinstance(s.get("start"), int) and isinstance(s.get("end"), int)
               and text[s["start"]:s["end"]] == s.get("text"))
    return good, len(spans)


def ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def summarise(pairs: list[tuple[dict, dict]]) -> dict[str, float]:
    """Micro-averaged metrics over (gold, prediction) pairs, as ``score.py`` prints them."""
    t = dict.fromkeys(("e_tp", "e_fp", "e_gold", "e_found", "q_tp", "q_fp", "q_gold", "q_found", "judged",
                       "spk", "d_found", "d_gold", "i_found", "i_gold", "off_good", "off_all"), 0)
    for gold, pred in pairs:
        e, q = score_entities(gold, pred), score_quotes(gold, pred)
        good, spans = score_offsets(pred)
        for key, val in (("e_tp", e["tp"]), ("e_fp", e["fp"]), ("e_gold", e["gold"]), ("e_found", e["found"]),
                         ("q_tp", q["tp"]), ("q_fp", q["fp"]), ("q_gold", q["gold"]), ("q_found", q["found"]),
                         ("judged", q["judged"]), ("spk", q["speaker_right"]),
                         ("d_found", q["by_kind"]["direct"][0]), ("d_gold", q["by_kind"]["direct"][1]),
                         ("i_found", q["by_kind"]["indirect"][0]), ("i_gold", q["by_kind"]["indirect"][1]),
                         ("off_good", good), ("off_all", spans)):
            t[key] += val
    ep, er = ratio(t["e_tp"], t["e_tp"] + t["e_fp"]), ratio(t["e_found"], t["e_gold"])
    qp, qr = ratio(t["q_tp"], t["q_tp"] + t["q_fp"]), ratio(t["q_found"], t["q_gold"])
    return {"entity_p": ep, "entity_r": er, "entity_f1": f1(ep, er), "quote_p": qp, "quote_r": qr,
            "quote_f1": f1(qp, qr), "direct_r": ratio(t["d_found"], t["d_gold"]),
            "indirect_r": ratio(t["i_found"], t["i_gold"]), "attribution": ratio(t["spk"], t["judged"]),
            "offsets": ratio(t["off_good"], t["off_all"]) if t["off_all"] else 1.0}
