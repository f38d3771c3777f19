"""Frozen dataclass records made about twice as fast as their own ``__init__``.

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``; the analysis of a
long article makes some 60,000 sentence spans, 59,000 mentions and 10,000 quoted spans, several of
them again in the serial part of the parallel analysis. For a slotted class, filling the slots
directly makes the very same record (equal, hashed alike, still frozen): the spans (segment.py) and
the quoted spans (marks.py). For a class without slots, setting its ``__dict__`` at once does the
same: the mentions (entities.py) and the quotes (quotes.py, parallel.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, Field, fields
from typing import Any, TypeVar

Record = TypeVar("Record")


def slot_maker(cls: type[Record]) -> Callable[..., Record]:
    """A function taking ``cls``'s fields in order (with their defaults) and making the record by
    filling its slots; ``cls`` itself unless it is exactly such a class: slots that are its fields,
    every field set by ``__init__`` with at most a plain default, no ``__post_init__``."""
    found = fields(cls)  # type: ignore[arg-type]
    names = tuple(f.name for f in found)
    if (tuple(getattr(cls, "__slots__", ())) != names or hasattr(cls, "__post_init__")
            or any(not f.init or f.default_factory is not MISSING for f in found)):
        return cls
    namespace: dict[str, Any] = {f"_set{i}": getattr(cls, name).__set__ for i, name in enumerate(names)}
    body = "".join(f"    _set{i}(made, {name})\n" for i, name in enumerate(names))
    return _make(cls, found, body, namespace, "its slots filled directly")


def dict_maker(cls: type[Record]) -> Callable[..., Record]:
    """For a dataclass without slots (``Quote``, ``Mention``: orjson writes those faster): a function
    taking ``cls``'s fields in order (with their defaults) and making the record by setting its
    ``__dict__`` at once, fields in order, as ``__init__`` would leave it (equal, hashed, shown and
    written alike; still frozen); about twice as fast as a frozen class's ``__init__``, which sets
    each field through ``object.__setattr__``. ``cls`` itself unless it is exactly such a class:
    no slots, every field set by ``__init__`` with at most a plain default, no ``__post_init__``."""
    found = fields(cls)  # type: ignore[arg-type]
    names = tuple(f.name for f in found)
    if (hasattr(cls, "__slots__") or hasattr(cls, "__post_init__") or any(name.startswith("_") for name in names)
            or "made" in names or any(not f.init or f.default_factory is not MISSING for f in found)):
        return cls
    items = ", ".join(f"{name!r}: {name}" for name in names)
    body = f"    _set(made, '__dict__', {{{items}}})\n"
    return _make(cls, found, body, {"_set": object.__setattr__}, "its ``__dict__`` set at once")


def _make(cls: type[Record], found: tuple[Field[Any], ...], body: str, namespace: dict[str, Any],
          how: str) -> Callable[..., Record]:
    """``make(field, ..., field=default)``: a new ``cls`` object, then ``body`` (lines filling
    ``made``, with the names in ``namespace``), then the object."""
    namespace.update(_new=object.__new__, _cls=cls)
    params = []
    for i, f in enumerate(found):
        if f.default is MISSING:
            params.append(f.name)
        else:
            namespace[f"_default{i}"] = f.default
            params.append(f"{f.name}=_default{i}")
    exec(f"def make({', '.join(params)}):\n    made = _new(_cls)\n{body}    return made\n", namespace)  # noqa: S102
    make: Callable[..., Record] = namespace["make"]
    make.__doc__ = f"``{cls.__name__}(...)``, {how} (see reader.analysis.records)."
    return make
