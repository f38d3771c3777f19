"""``python -m benchmarks`` (``make bench``): run the benchmarks and print one table.

The table is also written to ``benchmarks/results/latest.json`` and ``latest.svg``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmarks.suite import RESULTS, ROOT, SECTIONS, Options, publish, run


def parse_args(argv: list[str] | None = None) -> Options:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 runs per figure and no frogmouth (under 2 minutes)")
    parser.add_argument("--only", action="append", choices=SECTIONS, default=[], metavar="NAME",
                        help=f"run only this section (repeatable): {', '.join(SECTIONS)}")
    parser.add_argument("--runs", type=int, default=None, help="runs per figure (default 5, 3 with --quick)")
    parser.add_argument("--reader", type=Path, default=ROOT / ".venv" / "bin" / "reader",
                        help="the reader executable to measure (default: .venv/bin/reader)")
    parser.add_argument("--no-frogmouth", action="store_true", help="skip frogmouth (implied by --quick)")
    parser.add_argument("--results", type=Path, default=RESULTS, help="where latest.json and latest.svg go")
    args = parser.parse_args(argv)
    runs = args.runs if args.runs is not None else (3 if args.quick else 5)
    if runs < 1:
        parser.error("--runs must be at least 1")
    return Options(quick=args.quick, only=args.only, runs=runs, reader=args.reader.absolute(),
                   frogmouth=not (args.quick or args.no_frogmouth), results=args.results)


def main(argv: list[str] | None = None) -> int:
    options = parse_args(argv)
    rows, meta = run(options)
    table = publish(rows, meta, options.results)
    print(table)
    print(f"\n{meta['command']} took {meta['duration_s']} s on {meta['machine']['cpus']} cpus "
          f"(load {', '.join(f'{x:.1f}' for x in meta['machine']['load_average'])}); "
          f"written to {options.results / 'latest.json'} and latest.svg")
    return 0


if __name__ == "__main__":
    sys.exit(main())
