"""The tidy tables behind each section of the briefing, one module per section.

Notebooks stay thin: every number they show is computed here from the claims table
(`briefing.claims.merge_claims`) or the facts table (`briefing.schema.FACT_COLUMNS`), so the
same code can be tested on small hand-made tables and rerun on articles never seen before.
"""

from briefing.sections import (
    caveats,
    companies,
    geography,
    market,
    patents,
    sources,
    summary,
    targets,
    timeline,
)
from briefing.sections._common import articles_of, quotes_for, source_line

__all__ = [
    "articles_of",
    "caveats",
    "companies",
    "geography",
    "market",
    "patents",
    "quotes_for",
    "source_line",
    "sources",
    "summary",
    "targets",
    "timeline",
]
