"""The `briefing` command line: thin dispatch to the modules that do the work.

Each subcommand lives with the code it drives (`briefing.extract.corpus`,
`briefing.render.pipeline`, `briefing.corrections`); this module only parses arguments,
so that importing the package stays cheap and a broken subcommand cannot break the others.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def _build_parser(command: str | None) -> argparse.ArgumentParser:
    """The parser; only the chosen subcommand's module is imported (a no-op `briefing
    build` must not pay for importing the extractor and pandas)."""
    parser = argparse.ArgumentParser(
        prog="briefing",
        description=(
            "The China metaverse briefing: extract figures from articles and render the report."
        ),
    )
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser(
        "extract", help="extract every figure from a folder of articles to CSV"
    )
    build = sub.add_parser("build", help="build the briefing (HTML, PDF, charts, deck)")
    correct = sub.add_parser(
        "correct", help="record an analyst's correction of a figure (validated)"
    )
    if command in (None, "extract"):
        from briefing.extract.corpus import add_extract_arguments

        add_extract_arguments(extract)
    if command in (None, "build"):
        from briefing.render.pipeline import add_build_arguments

        add_build_arguments(build)
    if command in (None, "correct"):
        from briefing.corrections import add_correct_arguments

        add_correct_arguments(correct)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `briefing` console script; returns the process exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = _build_parser(argv[0] if argv and not argv[0].startswith("-") else None)
    args = parser.parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
