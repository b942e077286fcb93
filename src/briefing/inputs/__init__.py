"""Reading untrusted article files: bytes to text, markup to plain text, the manifest.

`briefing.articles` is the entry point; these modules each hold one concern so that a new
encoding or file format is a change in one small place.
"""
