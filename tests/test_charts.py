"""Charts: house figures carry their texts, sort, fold long tails, and save cleanly."""

from __future__ import annotations

import json
import struct

import pandas as pd
import pytest
from matplotlib.figure import Figure

from briefing import charts

CJK = "上海"


def _all_text(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(lambda o: hasattr(o, "get_text"))]


def _ytick_labels(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.axes[0].get_yticklabels()]


@pytest.fixture
def bars() -> pd.DataFrame:
    return pd.DataFrame(
        {"place": [f"{CJK} Shanghai", "Beijing", "Zhejiang"], "cny": [350.0, 250, 500]}
    )


def test_hbar_sorts_largest_on_top_and_draws_header(bars):
    fig = charts.hbar(
        bars,
        "place",
        "cny",
        title="T1",
        subtitle="bn yuan",
        source="Xinhua",
        value_fmt=lambda v: f"¥{v:.0f}bn",
    )
    assert isinstance(fig, Figure)
    assert _ytick_labels(fig) == ["Beijing", f"{CJK} Shanghai", "Zhejiang"]  # bottom-up
    texts = _all_text(fig)
    assert {"T1", "bn yuan", "Source: Xinhua", "¥500bn"} <= set(texts)


def test_top_n_folds_the_rest_into_other():
    df = pd.DataFrame({"k": [f"p{i:02d}" for i in range(20)], "v": range(20)})
    rows = charts.top_n_with_other(df, "k", "v", 5)
    assert rows["k"].tolist() == ["p19", "p18", "p17", "p16", "Other (16)"]
    assert rows["v"].iloc[-1] == sum(range(16))
    fig = charts.hbar(df, "k", "v", top_n=5)
    assert "Other (16)" in _ytick_labels(fig)


def test_share_bars_marks_derived_rows():
    df = pd.DataFrame(
        {
            "who": ["China", "United States", "Rest of world"],
            "n": [500, 300, 200],
            "pct": [50, 30, 20],
            "derived": [False, False, True],
        }
    )
    fig = charts.share_bars(df, "who", "n", "pct", title="S")
    texts = _all_text(fig)
    assert "500 (50%)" in texts and "200 (20%) derived" in texts
    assert _ytick_labels(fig)[-1] == "China"


def test_matrix_sorts_by_memberships_from_long_or_grid():
    long = pd.DataFrame(
        {"co": ["Tencent", "Baidu", "Tencent", "华为"], "body": ["A", "A", "B", "B"]}
    )
    fig = charts.matrix(long, "co", "body")
    assert _ytick_labels(fig)[0] == "Tencent"
    grid = pd.crosstab(long["co"], long["body"])
    assert _ytick_labels(charts.matrix(grid))[0] == "Tencent"


def test_timeline_staggers_and_drops_undated():
    df = pd.DataFrame(
        {"d": ["2022-01-01", "2022-01-02", "bad"], "e": ["A", "B", "C"], "k": ["x", "y", "x"]}
    )
    fig = charts.timeline(df, "d", "e", "k")
    labels = [t for t in fig.axes[0].texts if t.get_text().startswith(("A\n", "B\n", "C\n"))]
    assert len(labels) == 2
    assert labels[0].get_position()[1] == -labels[1].get_position()[1]  # one above, one below


def test_tile_map_matches_chinese_and_english_names():
    tiles = charts.load_tiles()
    assert len(tiles) == 34 and not tiles.duplicated(["row", "col"]).any()
    fig = charts.tile_map(
        pd.DataFrame({"p": ["上海市", "Beijing Municipality"], "n": [2, 1]}), "p", "n"
    )
    highlighted = [
        p
        for p in fig.axes[0].patches
        if p.get_facecolor()[:3] != (0.9019607843137255, 0.9137254901960784, 0.9294117647058824)
    ]
    assert len(highlighted) == 2


def _save(tmp_path, sub="a"):
    df = pd.DataFrame({"place": [f"{CJK} Shanghai", "Beijing"], "cny": [350.0, 250]})
    fig = charts.hbar(df, "place", "cny")
    return charts.save_figure(
        fig,
        "targets-by-province",
        tmp_path / sub,
        title="Title here",
        subtitle="bn yuan",
        source="Xinhua",
        finding="Shanghai leads",
        quotes=[{"article": "a1", "outlet": "Xinhua", "date": "2022-07-08", "quote": "q"}],
    )


def test_save_figure_writes_typed_files_and_sidecar(tmp_path):
    sidecar = _save(tmp_path)
    out = tmp_path / "a"
    magic = {"svg": b"<?xml", "pdf": b"%PDF", "png": b"\x89PNG", "transparent_png": b"\x89PNG"}
    for kind, start in magic.items():
        assert sidecar[kind].read_bytes().startswith(start)
    for kind in ("png", "transparent_png"):
        head = sidecar[kind].read_bytes()[:32]
        width, height, _depth, color_type = struct.unpack(">IIBB", head[16:26])
        assert (width, height) == (1920, 1080)
        assert color_type == 6  # RGBA
    side = json.loads((out / "targets-by-province.json").read_text(encoding="utf-8"))
    assert side["title"] == "Title here" and side["source"] == "Source: Xinhua"
    assert side["quotes"][0]["outlet"] == "Xinhua" and side["finding"] == "Shanghai leads"


def test_transparent_png_has_transparent_pixels(tmp_path):
    from PIL import Image

    _save(tmp_path)
    corner = Image.open(tmp_path / "a" / "targets-by-province-transparent.png").getpixel((5, 5))
    assert corner[3] == 0
    assert Image.open(tmp_path / "a" / "targets-by-province.png").getpixel((5, 5))[3] == 255


def test_svg_keeps_text_and_names_the_cjk_font(tmp_path):
    _save(tmp_path)
    svg = (tmp_path / "a" / "targets-by-province.svg").read_text(encoding="utf-8")
    assert ">Title here</text>" in svg
    assert CJK in svg
    assert "Noto Sans CJK SC" in svg


def test_pdf_embeds_the_cjk_font(tmp_path):
    _save(tmp_path)
    pdf = (tmp_path / "a" / "targets-by-province.pdf").read_bytes()
    assert b"NotoSansCJKsc" in pdf  # no tofu: the glyphs come from Noto Sans CJK SC


def test_save_rejects_unstable_names(tmp_path):
    with pytest.raises(ValueError):
        charts.save_figure(
            charts.hbar(pd.DataFrame({"a": ["x"], "b": [1]}), "a", "b"), "Bad Name", tmp_path
        )


EMPTY_CALLS = {
    "hbar": lambda df: charts.hbar(df, "label", "value"),
    "share_bars": lambda df: charts.share_bars(df, "label", "value"),
    "matrix": lambda df: charts.matrix(df),
    "timeline": lambda df: charts.timeline(df, "date", "label"),
    "tile_map": lambda df: charts.tile_map(df, "label", "value"),
}


@pytest.mark.parametrize("kind", sorted(EMPTY_CALLS))
def test_every_chart_draws_no_data_for_an_empty_frame(kind):
    empty = pd.DataFrame({"label": [], "value": [], "date": []})
    fig = EMPTY_CALLS[kind](empty)
    assert isinstance(fig, Figure)
    assert "no data" in _all_text(fig)
    assert tuple(fig.get_size_inches()) == pytest.approx((16, 9))  # 16:9


def test_hbar_over_twelve_rows_keeps_eleven_plus_other_and_accents_the_top():
    df = pd.DataFrame({"k": [f"p{i:02d}" for i in range(15)], "v": range(15)})
    fig = charts.hbar(df, "k", "v")
    labels = _ytick_labels(fig)
    assert len(labels) == 12 and "Other (4)" in labels
    assert labels[-1] == "p14"  # largest on top
    top = max(fig.axes[0].patches, key=lambda p: p.get_y())
    assert top.get_facecolor()[:3] == pytest.approx(
        tuple(int(charts.ACCENT[i : i + 2], 16) / 255 for i in (1, 3, 5))
    )


def test_house_palette_is_okabe_ito_and_the_body_font_first():
    import matplotlib

    charts.use_house_style()
    cycle = [c.upper() for c in matplotlib.rcParams["axes.prop_cycle"].by_key()["color"]]
    assert cycle == [c.upper() for c in charts.OKABE_ITO]
    assert list(matplotlib.rcParams["font.family"]) == ["Noto Sans CJK SC", "DejaVu Sans"]
    assert matplotlib.rcParams["svg.hashsalt"] == "briefing"


def test_tile_map_colours_values_on_one_sequential_colormap():
    df = pd.DataFrame({"p": ["Guangdong", "Shanghai", "Sichuan"], "n": [1, 5, 3]})
    fig = charts.tile_map(df, "p", "n")
    grey = (0.9019607843137255, 0.9137254901960784, 0.9294117647058824)
    faces = {p.get_facecolor()[:3] for p in fig.axes[0].patches}
    assert len(faces - {grey}) == 3 and grey in faces
    assert len(fig.axes) == 2  # the colour bar


def test_png_is_1920_by_1080_with_pillow(tmp_path):
    from PIL import Image

    paths = _save(tmp_path)
    with Image.open(paths["png"]) as im:
        assert im.size == (1920, 1080)
    assert not list((tmp_path / "a").glob("*.tmp"))  # atomic writes leave no temp files


def test_timeline_writes_each_date_at_its_precision():
    df = pd.DataFrame(
        {
            "d": ["2022-09-27", "2022-07", "2021"],
            "label": ["Henan publishes plan", "Shanghai publishes plan", "Meta renames"],
            "p": ["day", "month", "year"],
        }
    )
    fig = charts.timeline(df, "d", "label", precision="p")
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert "Henan publishes plan\n2022-09-27" in texts
    assert (
        "Shanghai publishes\nplan\nJul 2022" in texts
        or "Shanghai publishes plan\nJul 2022" in texts
    )
    assert "Meta renames\n2021" in texts


def test_timeline_labels_never_overlap_and_crowded_events_are_left_to_the_table():
    from briefing.charts.plots import _LABEL_SHARE, _timeline_levels

    days = pd.to_datetime(["2023-01-01"] * 8 + ["2023-12-31"])
    lo, hi = days.min() - pd.Timedelta(days=30), days.max() + pd.Timedelta(days=30)
    levels = _timeline_levels(list(days), lo, hi)
    drawn = [lv for lv in levels[:8] if lv is not None]
    assert len(drawn) == len(set(drawn)) == 6, "six rows, one label each on the same day"
    assert levels[:8].count(None) == 2 and levels[8] is not None
    width = _LABEL_SHARE * (hi - lo)
    placed = [(d, lv) for d, lv in zip(days, levels, strict=True) if lv is not None]
    for i, (d1, l1) in enumerate(placed):
        for d2, l2 in placed[i + 1 :]:
            assert l1 != l2 or abs(d2 - d1) >= width
