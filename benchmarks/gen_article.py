"""Generate a large, deterministic markdown article for the benchmarks.

The article looks like long-form news: sections with headings, paragraphs that name people,
organisations and places and quote them (direct, partial and reported speech), bullet and
numbered lists, block quotes, fenced code and the odd rule. The same seed and size always give
the same bytes, so runs on different days measure the same input.

Run ``python -m benchmarks.gen_article OUT.md [--size BYTES] [--seed N]``.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

DEFAULT_SIZE = 3 * 1024 * 1024
DEFAULT_SEED = 20161214

FIRST_NAMES = (
    "Amira", "Bashar", "Carla", "Dmitri", "Elena", "Farid", "Grace", "Hassan", "Ines", "Jamal",
    "Katya", "Leila", "Mohammed", "Nadia", "Omar", "Pilar", "Rami", "Sofia", "Tariq", "Yusuf",
    "Zeynep", "Björn", "Chloé", "José", "Şükrü",
)
LAST_NAMES = (
    "Haddad", "Ivanova", "Khoury", "Lavrov", "Mansour", "Nasser", "O'Brien", "Petrov", "Qureshi",
    "Rahman", "Saleh", "Tanaka", "Usmani", "Valdés", "Whitfield", "Yilmaz", "Zahir", "Müller",
)
ORGANISATIONS = (
    "the Red Crescent", "the United Nations", "the Defense Ministry", "the World Health Organization",
    "Interfax", "the Foreign Office", "Médecins Sans Frontières", "the city council",
    "the International Committee of the Red Cross", "the Interior Ministry", "Reuters",
)
PLACES = (
    "Aleppo", "Damascus", "Homs", "Idlib", "Ankara", "Moscow", "Geneva", "Beirut", "Amman",
    "Bustan al-Qasr", "Latakia", "Gaziantep", "Raqqa", "Hama", "Tartus",
)
ROLES = (
    "a spokesperson for", "the director of", "an official at", "a senior adviser to",
    "a field coordinator with", "the head of", "a researcher at",
)
SPEECH_VERBS = ("said", "told reporters", "added", "warned", "insisted", "explained", "noted")
NOUNS = (
    "convoy", "ceasefire", "corridor", "checkpoint", "evacuation", "negotiation", "shelter",
    "hospital", "supply line", "agreement", "statement", "district", "report", "delegation",
    "bus", "crossing", "winter", "shortage", "camp", "assessment",
)
ADJECTIVES = (
    "fragile", "delayed", "urgent", "contested", "partial", "temporary", "renewed", "limited",
    "unexpected", "formal", "eastern", "western", "northern", "besieged", "quiet",
)
VERBS = (
    "reached", "left", "crossed", "delayed", "confirmed", "denied", "announced", "reported",
    "blocked", "opened", "suspended", "resumed", "inspected", "organised", "monitored",
)
QUOTE_CLAUSES = (
    "we have not seen anything like this in years",
    "the families need water, blankets and time",
    "nobody should have to choose between leaving and staying alive",
    "the agreement holds only if both sides keep their word",
    "our teams are ready to move as soon as the road is open",
    "this is the hardest winter the city has known",
    "we counted every bus that crossed the line",
    "the numbers will change again before the morning",
)
CODE_SNIPPETS = (  # PLACE, COUNT and STATE are filled in per block
    '{\n  "district": "PLACE",\n  "evacuated": COUNT,\n  "status": "STATE"\n}',
    "convoy --from PLACE --count COUNT --status STATE",
    "SELECT district, count(*) FROM departures\nWHERE city = 'PLACE' AND day = COUNT\nGROUP BY district; -- STATE",
)


def _plural(noun: str) -> str:
    """English plural of the nouns above (all regular)."""
    return noun + ("es" if noun.endswith("s") else "s")


class _Writer:
    """Builds the article from random but seeded choices."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def pick(self, options: tuple[str, ...]) -> str:
        return self.rng.choice(options)

    def person(self) -> str:
        return f"{self.pick(FIRST_NAMES)} {self.pick(LAST_NAMES)}"

    def sentence(self) -> str:
        """A plain declarative sentence about places, organisations and things."""
        rng = self.rng
        subject = f"The {self.pick(ADJECTIVES)} {self.pick(NOUNS)}"
        parts = [subject, self.pick(VERBS), f"{rng.randint(2, 9000):,}", _plural(self.pick(NOUNS))]
        parts.append(f"near {self.pick(PLACES)}")
        if rng.random() < 0.4:
            parts.append(f"according to {self.pick(ORGANISATIONS)}")
        if rng.random() < 0.3:
            parts.append(f"on {self.pick(('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'))}")
        return " ".join(parts) + "."

    def quote_sentence(self) -> str:
        """Direct, partial or reported speech, attributed to a named person."""
        rng = self.rng
        who = self.person()
        role = f"{self.pick(ROLES)} {self.pick(ORGANISATIONS)}"
        clause = self.pick(QUOTE_CLAUSES)
        verb = self.pick(SPEECH_VERBS)
        style = rng.randrange(4)
        if style == 0:
            return f"\u201c{clause[0].upper()}{clause[1:]},\u201d {who}, {role}, {verb}."
        if style == 1:
            return f"{who}, {role}, {verb} that {clause}."
        if style == 2:
            words = clause.split()
            cut = rng.randint(2, max(2, len(words) - 1))
            return f"{who} described it as \u201c{' '.join(words[:cut])}\u201d and {verb} the rest could wait."
        return f"\u2018{clause[0].upper()}{clause[1:]},\u2019 {who} {verb} in {self.pick(PLACES)}."

    def inline_styled(self, text: str) -> str:
        """Sometimes wrap one word in bold, italic or code, as real articles do."""
        rng = self.rng
        if rng.random() >= 0.3:
            return text
        words = text.split(" ")
        index = rng.randrange(len(words))
        word = words[index]
        if not word.isalpha():
            return text
        words[index] = rng.choice(("**%s**", "*%s*", "`%s`")) % word
        return " ".join(words)

    def paragraph(self) -> str:
        rng = self.rng
        sentences = [self.quote_sentence() if rng.random() < 0.35 else self.sentence()
                     for _ in range(rng.randint(3, 7))]
        return self.inline_styled(" ".join(sentences))

    def bullet_list(self) -> str:
        rng = self.rng
        numbered = rng.random() < 0.4
        items = []
        for number in range(1, rng.randint(3, 6) + 1):
            marker = f"{number}." if numbered else "-"
            items.append(f"{marker} {self.sentence()}")
        return "\n".join(items)

    def block_quote(self) -> str:
        lines = [self.quote_sentence() for _ in range(self.rng.randint(1, 3))]
        return "\n".join(f"> {line}" for line in lines)

    def code_block(self) -> str:
        rng = self.rng
        body = (rng.choice(CODE_SNIPPETS).replace("PLACE", self.pick(PLACES))
                .replace("COUNT", str(rng.randint(10, 9999))).replace("STATE", self.pick(ADJECTIVES)))
        return f"```\n{body}\n```"

    def section(self, number: int) -> str:
        rng = self.rng
        level = "##" if number % 5 else "#"
        heading = f"{level} {number}. {self.pick(ADJECTIVES).capitalize()} {self.pick(NOUNS)} in {self.pick(PLACES)}"
        blocks = [heading]
        for _ in range(rng.randint(4, 9)):
            roll = rng.random()
            if roll < 0.68:
                blocks.append(self.paragraph())
            elif roll < 0.80:
                blocks.append(self.bullet_list())
            elif roll < 0.92:
                blocks.append(self.block_quote())
            elif roll < 0.97:
                blocks.append(self.code_block())
            else:
                blocks.append("---")
        return "\n\n".join(blocks)


def generate(size: int = DEFAULT_SIZE, seed: int = DEFAULT_SEED) -> str:
    """Return a markdown article of at least ``size`` UTF-8 bytes (a few KiB over at most)."""
    writer = _Writer(seed)
    title = "# The long winter: a record of the evacuation, district by district"
    intro = ("Reporters followed the convoys for months and wrote down who said what, "
             "where and when. This record keeps every section in the order it was filed.")
    parts = [title, intro]
    total = len(title.encode()) + len(intro.encode()) + 4
    number = 1
    while total < size:
        section = writer.section(number)
        parts.append(section)
        total += len(section.encode("utf-8")) + 2
        number += 1
    parts.append(f"Closing words: the archive ends here after {number - 1} sections.")
    return "\n\n".join(parts) + "\n"


def write(path: Path, size: int = DEFAULT_SIZE, seed: int = DEFAULT_SEED) -> Path:
    """Write the generated article to ``path`` unless an identical file is already there."""
    text = generate(size, seed)
    data = text.encode("utf-8")
    if not (path.exists() and path.read_bytes() == data):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.gen_article", description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="where to write the markdown file")
    parser.add_argument("--size", type=int, default=DEFAULT_SIZE, help="target size in bytes (default 3 MiB)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    args = parser.parse_args(argv)
    path = write(args.out, args.size, args.seed)
    print(f"{path}: {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
