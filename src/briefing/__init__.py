"""The China metaverse briefing: figures from news articles, with provenance."""

__version__ = "0.1.0"
