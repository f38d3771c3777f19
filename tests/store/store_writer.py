"""A writer process for the durability tests: random note adds, edits and deletes, each acknowledged.

Usage: ``python store_writer.py DB ARTICLE_ID TEXT_FILE SEED COUNT``. Prints ``ready`` once the
library is open, then after each change has returned (so is durably saved) one line:
``add ID``, ``upd ID VERSION`` or ``del ID``; before a deletion it announces ``try-del ID``, so
the parent knows which note a writer killed mid-deletion may or may not have deleted. The
parent kills it at random moments.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from reader.store import Library


def main() -> None:
    db, aid, text_file, seed, count = sys.argv[1:6]
    text = Path(text_file).read_text(encoding="utf-8")
    rng = random.Random(int(seed))
    library = Library.open(db)
    mine: list[str] = []
    versions: dict[str, int] = {}
    print("ready", flush=True)
    for _ in range(int(count)):
        roll = rng.random()
        if mine and roll < 0.15:
            nid = mine.pop(rng.randrange(len(mine)))
            print(f"try-del {nid}", flush=True)
            library.delete_note(nid)
            print(f"del {nid}", flush=True)
        elif mine and roll < 0.35:
            nid = rng.choice(mine)
            versions[nid] += 1
            library.update_note(nid, note=f"v{versions[nid]}")
            print(f"upd {nid} {versions[nid]}", flush=True)
        else:
            start = rng.randrange(len(text) - 40)
            nid = library.add_note(aid, start, start + rng.randint(5, 40), text, note="v0").id
            mine.append(nid)
            versions[nid] = 0
            print(f"add {nid}", flush=True)


if __name__ == "__main__":
    main()
