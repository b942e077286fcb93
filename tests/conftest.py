"""Test-wide settings.

Property-based tests run derandomised by default, so that `make test` (and CI) gives the same
verdict on the same code: a failure found by chance on one machine would otherwise come and go.
`make fuzz` runs the same tests with fresh random examples to look for new failures; add each
one it finds as an explicit example or unit test.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("repeatable", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))
