"""Same figure, same bytes: two saves must be identical in every format."""

from __future__ import annotations

import pandas as pd
import pytest

from briefing import charts


def _save(out):
    df = pd.DataFrame({"place": ["上海 Shanghai", "Beijing", "Hubei"], "cny": [350.0, 250, 100]})
    fig = charts.hbar(
        df, "place", "cny", title="Shanghai leads", subtitle="bn yuan", source="Xinhua"
    )
    return charts.save_figure(fig, "targets", out, finding="f", quotes=[])


@pytest.mark.parametrize("kind", ["svg", "pdf", "png", "transparent_png"])
def test_two_saves_are_byte_identical(tmp_path, kind):
    first = _save(tmp_path / "one")
    _save(tmp_path / "two")
    name = first[kind].name
    assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    assert (tmp_path / "one" / "targets.json").read_bytes() == (
        tmp_path / "two" / "targets.json"
    ).read_bytes()
