"""Extracting figures, dates and facts from article text."""
