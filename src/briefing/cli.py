"""The `briefing` command line: thin dispatch to the modules that do the work.

Each subcommand lives with the code it drives (`briefing.extract.corpus`,
`briefing.render.pipeline`, `briefing.corrections`); this module only parses arguments,
so that importing the package stays cheap and a broken subcommand cannot break the others.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description=(
            "The China metaverse briefing: extract figures from articles and render the report."
        ),
    )
    sub = parser.add_subparsers(dest="command", required=True)

    from briefing.extract.corpus import add_extract_arguments

    add_extract_arguments(
        sub.add_parser("extract", help="extract every figure from a folder of articles to CSV")
    )

    from briefing.render.pipeline import add_build_arguments

    add_build_arguments(
        sub.add_parser("build", help="build the briefing (HTML, PDF, charts, deck)")
    )

    from briefing.corrections import add_correct_arguments

    add_correct_arguments(
        sub.add_parser("correct", help="record an analyst's correction of a figure (validated)")
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `briefing` console script; returns the process exit code."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
