"""Words per second of ``reader.analysis.analyze`` on a generated ~3 MB article.

Standalone: ``python benchmarks/analysis_speed.py [MEGABYTES]`` prints the figures. Other benchmark
code calls :func:`measure` with any text. The article is made from varied news paragraphs (quotes,
reported speech, names, places) with numbered names so the entity tables grow as in a real book.
"""

from __future__ import annotations

import gc
import sys
import time
import tracemalloc

from reader.analysis import analyze

_PARAGRAPHS = [
    "Foreign Minister Anna Kowalczyk{n} said on Tuesday that the talks in Geneva would resume next week, "
    "according to the Polish News Agency.",
    "\u201cWe expect a result within days,\u201d she told reporters. \u201cNobody wants another winter of this.\u201d",
    "The ministry later said in a statement that it had \u201cno plans\u201d to recall its ambassador from Brussels.",
    "Shares of Harwell Logistics{n} fell 4 per cent after the company warned that freight volumes would "
    "stay weak, analysts at Brightwater Securities said.",
    "'It was a scrappy game and we rode our luck,' said coach Daniel Mensah{n}, whose side climbed to "
    "sixth. Mensah added that the club's injury list was 'the longest I can remember'.",
    "According to the Northfield University study, older adults who walked daily were less likely to "
    "develop dementia, though the researchers cautioned that the link may not be causal.",
    "Police in Manchester said two men had been arrested. A spokeswoman for Greater Manchester Police, "
    "Claire Hughes{n}, declined to comment further.",
    "The bill, which passed the House in March, would spend $4.2 billion over five years on pipes, "
    "treatment plants and wells in rural counties across Nevada, Utah and New Mexico.",
    "Harwell Logistics{n} operates about 14,000 trucks from hubs in Memphis, Indianapolis and Dallas; "
    "its shares have lost a third of their value since January.",
    "The study followed 78,000 adults in the United Kingdom for an average of seven years. Participants "
    "wore activity trackers for a week at the start, and their health was then tracked through hospital "
    "records. Those who walked less than ten minutes a day were compared with those who walked more.",
    "Negotiations began in the spring and were expected to finish by the summer, but disagreements over "
    "the price of carbon and the treatment of smaller island states kept delegations apart for months. "
    "By October, several governments had quietly lowered their expectations for a deal this year.",
    "The port handles about a fifth of the country's container traffic and employs more than 3,000 "
    "people, most of them on permanent contracts negotiated before the pandemic. Its owners have spent "
    "heavily on automation since 2019.",
    "\u201cThis is the beginning, not the end,\u201d said Senator Maria Delgado{n}, a Democrat from Arizona. "
    "\u201cWe will keep pushing until the water reaches every town.\u201d",
]


def make_article(megabytes: float = 3.0) -> str:
    """A news-like article of about ``megabytes`` MB, paragraphs separated by blank lines.

    About one quotation or report per 30 words, a little denser than the hand-annotated news in
    ``tests/gold`` (one per ~40 words), so the figure is not flattered by quiet text.
    """
    parts: list[str] = []
    size = 0
    n = 0
    target = int(megabytes * 1_000_000)
    while size < target:
        para = _PARAGRAPHS[n % len(_PARAGRAPHS)].format(n=chr(ord("a") + (n // len(_PARAGRAPHS)) % 26))
        parts.append(para)
        size += len(para) + 2
        n += 1
    return "\n\n".join(parts)


def measure(text: str, repeat: int = 1, memory: bool = False) -> dict[str, float]:
    """Run ``analyze`` on ``text`` ``repeat`` times and return the best run's figures.

    ``seconds``/``words_per_second`` are wall-clock; ``cpu_seconds``/``cpu_words_per_second`` count
    only this process's CPU time, which is the fairer figure on a machine shared with other work.
    With ``memory=True`` one more run is traced for ``peak_mb`` (slow: tracing costs ~10x).
    """
    words = len(text.split())
    best = best_cpu = float("inf")
    result = None
    for _ in range(max(1, repeat)):
        gc.collect()
        start, cpu = time.perf_counter(), time.process_time()
        result = analyze(text)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    assert result is not None
    stats = {"chars": float(len(text)), "words": float(words), "seconds": best,
             "words_per_second": words / best if best else float("inf"), "cpu_seconds": best_cpu,
             "cpu_words_per_second": words / best_cpu if best_cpu else float("inf"),
             "entities": float(len(result.entities)), "quotes": float(len(result.quotes))}
    if memory:
        tracemalloc.start()
        analyze(text)
        stats["peak_mb"] = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    return stats


def main(argv: list[str]) -> int:
    megabytes = float(argv[0]) if argv else 3.0
    text = make_article(megabytes)
    # Two sizes show the time is linear in the length; the traced run gives peak memory.
    for label, chunk in (("1/4 size", text[: len(text) // 4]), ("full size", text)):
        stats = measure(chunk, repeat=3, memory=label == "full size")
        peak = f", peak {stats['peak_mb']:.0f} MB" if "peak_mb" in stats else ""
        print(f"{label}: {stats['chars'] / 1e6:.2f} MB, {stats['words']:,.0f} words, "
              f"{stats['seconds']:.2f} s wall = {stats['words_per_second']:,.0f} words/s, "
              f"{stats['cpu_seconds']:.2f} s CPU = {stats['cpu_words_per_second']:,.0f} words/s{peak}, "
              f"{stats['entities']:,.0f} entities, {stats['quotes']:,.0f} quotes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
