"""Named rules in ordered registries: one reported-speech construction (or attribution) per rule.

A rule is a function with a name, a docstring saying the construction it reads, and its own
``examples``: sentences written for this project with the span, kind and speaker the rule must
give. The examples feed one parametrised test (tests/analysis/test_analysis_rules.py), so adding
a construction means adding one rule and its examples in one place.

Registries are ordered: the quote finder tries a registry's rules in turn and the first that
answers wins, so a narrower construction is registered before a broader one.

A rule reads the text, its entities, quotations and cues, and may learn through the speaker
resolver, but keeps no state of its own from one cue or quotation to the next: a long article's
quotes are read in two halves at once (:mod:`reader.analysis.parallel`), which is exact only so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Example:
    """A sentence a rule reads, and what it must find there.

    ``span`` is the exact text of the quote, ``kind`` its kind (direct, partial, indirect),
    ``speaker`` the speaker it must be given (None: any).
    """

    sentence: str
    span: str
    kind: str
    speaker: str | None


@dataclass(frozen=True, slots=True)
class Rule:
    """One construction: ``find`` does the work; ``when`` (on the cue word; for a subject rule, on the
    labels of the phrase's mentions) says whether it applies; a ``final`` rule that applies ends the
    search even when it finds nothing.

    ``needs``: a cheap test the rule cannot answer without (for a reported-speech rule ``f, hit,
    sent -> bool``, such as "a comma before the cue in its sentence"; for a span end ``f, start,
    end -> bool``, such as "a comma in the clause"). Rules share such tests, so the finder asks
    each once per cue (or clause) for the rules next to each other that need it, and skips them
    when it fails: it only spares work, as each rule itself would answer None there (tests check
    it on long texts).

    ``prepare``: for a rule read once over the whole text (a block rule), the part of its work that
    reads only the text (``f -> anything``), which ``find`` asks for through
    :meth:`QuoteFinder.prepared`: worked out once, and early where a process has time to spare
    (the parallel run, while it waits for its child). Where it found nothing (an empty result)
    the rule must find nothing: it is then not run (a test checks every block rule so)."""

    name: str
    find: Callable[..., Any]
    examples: tuple[Example, ...]
    when: Callable[[str], bool] | None = None
    final: bool = False
    needs: Callable[..., bool] | None = None
    prepare: Callable[..., Any] | None = None

    @property
    def doc(self) -> str:
        return (self.find.__doc__ or "").strip()

    def applies(self, cue: str) -> bool:
        return self.when is None or self.when(cue)


@dataclass(slots=True)
class Registry:
    """An ordered list of rules, filled by the :meth:`rule` decorator in the order rules are defined."""

    name: str
    rules: list[Rule] = field(default_factory=list)

    def rule(self, name: str, examples: tuple[Example, ...] | list[Example] = (),
             when: Callable[[str], bool] | None = None, final: bool = False,
             needs: Callable[..., bool] | None = None, prepare: Callable[..., Any] | None = None
             ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Register the decorated function as the rule ``name`` (names are unique in a registry)."""
        def add(func: Callable[..., Any]) -> Callable[..., Any]:
            if any(r.name == name for r in self.rules):
                raise ValueError(f"rule {name!r} is registered twice in {self.name}")
            self.rules.append(Rule(name, func, tuple(examples), when, final, needs, prepare))
            return func
        return add

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)


@dataclass(frozen=True, slots=True)
class Rulebook:
    """The registries the quote finder reads by.

    ``reported``: constructions at a cue outside quotations (``f, hit, sent, sent_end -> Quote``);
    ``openers``: what stands between a speech verb and its clause (``f, verb, pos, that -> (pos, has_that)``;
    an opener's ``when`` reads the verb, and one that does not apply is not tried);
    ``attributions``: who said a quotation (``f, q, sent, para, kind -> (speaker, cue)``);
    ``inside``: reports inside quotations, and ``blocks``: quotations set off without marks, each
    read once over the whole text (``f -> list[Quote]``).
    """

    reported: Registry
    openers: Registry
    attributions: Registry
    inside: Registry
    blocks: Registry

    def registries(self) -> tuple[Registry, ...]:
        return (self.reported, self.openers, self.attributions, self.inside, self.blocks)

    def all_rules(self) -> list[Rule]:
        return [rule for registry in self.registries() for rule in registry]
