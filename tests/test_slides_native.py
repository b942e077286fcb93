"""The deck an analyst restyles: native charts whose data equal the section tables, any
template's layouts found by their placeholders, and the data behind every chart as CSV."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pandas as pd
import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from briefing import charts, sections
from briefing.claims import merge_claims
from briefing.exports import build_all, read_sidecars
from briefing.exports.slides import native_charts, write_slides
from briefing.render.params import ParameterError, check_slide_template

FIXTURE = Path(__file__).parent / "fixtures" / "facts_small.csv"


@pytest.fixture(scope="module")
def facts() -> pd.DataFrame:
    return pd.read_csv(FIXTURE)


@pytest.fixture(scope="module")
def deck(tmp_path_factory, facts):
    """The targets section's chart and a share chart, saved and built into a deck."""
    root = tmp_path_factory.mktemp("native")
    figures, processed = root / "figures", root / "processed"
    processed.mkdir()
    facts.to_csv(processed / "facts.csv", index=False)
    targets = sections.targets.table(merge_claims(facts), 7.1, facts)
    bars = sections.targets.chartable(targets, facts=facts)
    assert len(bars) >= 2, "the fixture must give a targets chart with several bars"
    charts.save_figure(
        charts.hbar(bars, "label", "value_cny_bn"),
        "targets-by-province",
        figures,
        title="Largest target",
        subtitle="Market-size target, billion yuan",
        source="Sources: Xinhua, 2022-07-08",
        quotes=sections.quotes_for(facts, bars["fact_ids"]),
        order=2,
    )
    shares = pd.DataFrame(
        {"who": ["United States", "China"], "n": [17293.0, 14291], "pct": [36, 30]}
    )
    charts.save_figure(
        charts.share_bars(shares, "who", "n", "pct"), "patent-shares", figures, order=3
    )
    timeline = pd.DataFrame({"date": ["2022-01-01", "2023-03-01"], "who": ["A", "B"]})
    charts.save_figure(charts.timeline(timeline, "date", "who"), "events", figures, order=6)
    build_all(figures, processed, root / "out")
    return root, bars


def test_native_bar_chart_equals_the_targets_table(deck):
    root, bars = deck
    found = native_charts(root / "out" / "briefing-slides.pptx")
    targets = next(c for c in found if c["title"] == "Largest target")
    expected = bars.sort_values("value_cny_bn", ascending=False, kind="stable")
    assert targets["categories"] == expected["label"].astype(str).tolist()
    (values,) = targets["series"].values()
    assert values == pytest.approx(expected["value_cny_bn"].astype(float).tolist())


def test_share_chart_names_each_share_and_draws_counts(deck):
    root, _ = deck
    found = native_charts(root / "out" / "briefing-slides.pptx")
    shares = next(c for c in found if c["categories"][0].startswith("United States"))
    assert shares["categories"] == ["United States (36%)", "China (30%)"]
    assert next(iter(shares["series"].values())) == [17293.0, 14291.0]


def test_timeline_stays_a_picture_with_its_source_text(deck):
    root, _ = deck
    slides = list(Presentation(root / "out" / "briefing-slides.pptx").slides)
    assert len(slides) == 4
    last = slides[-1]
    assert any(s.shape_type == 13 for s in last.shapes)  # a picture
    assert not any(getattr(s, "has_chart", False) and s.has_chart for s in last.shapes)


def test_every_chart_has_its_csv_with_sources_and_quotes(deck, facts):
    root, bars = deck
    figures = root / "figures"
    for side in read_sidecars(figures):
        assert (figures / side["files"]["csv"]).exists(), side["name"]
    table = pd.read_csv(figures / "targets-by-province.csv")
    assert (
        table["label"].tolist()
        == bars.sort_values("value_cny_bn", ascending=False)["label"].tolist()
    )
    sentences = set(facts["sentence"].astype(str))
    for quote in table["quote"]:
        assert all(part in sentences for part in str(quote).split(" | "))
    assert table["source"].str.len().min() > 0


def _template(path: Path) -> Path:
    """A corporate-style template: layouts renamed and reordered, one sample slide."""
    prs = Presentation()
    for layout in prs.slide_layouts:
        layout.name = f"Corp {layout.name}"
    id_list = prs.slide_masters[0].element.find(
        "{http://schemas.openxmlformats.org/presentationml/2006/main}sldLayoutIdLst"
    )
    ids = list(id_list)
    for entry in ids:  # reversed: index-based lookups (layouts[0], [5]) now find other layouts
        id_list.remove(entry)
    for entry in reversed(ids):
        id_list.append(copy.deepcopy(entry))
    sample = prs.slides.add_slide(prs.slide_layouts[0])
    sample.shapes.title.text = "Sample slide of the template"
    prs.save(str(path))
    return path


def test_deck_on_a_template_uses_its_layouts_by_placeholders(deck, tmp_path):
    root, _ = deck
    template = _template(tmp_path / "corp.pptx")
    out = tmp_path / "deck.pptx"
    write_slides(
        read_sidecars(root / "figures"),
        root / "figures",
        out,
        title="T",
        subtitle="S",
        template=template,
    )
    slides = list(Presentation(out).slides)
    assert len(slides) == 4, "the template's own sample slide is dropped"
    names = [s.slide_layout.name for s in slides]
    assert all(name.startswith("Corp ") for name in names)
    assert names[0] == "Corp Title Slide"
    assert set(names[1:]) == {"Corp Title Only"}
    kinds = {ph.placeholder_format.type for ph in slides[0].placeholders}
    assert PP_PLACEHOLDER.SUBTITLE in kinds
    assert len(native_charts(out)) == 2


def test_template_parameter_refuses_missing_and_invalid_files(tmp_path):
    assert check_slide_template("") is None
    with pytest.raises(ParameterError, match="SLIDE_TEMPLATE"):
        check_slide_template(tmp_path / "absent.pptx")
    bad = tmp_path / "bad.pptx"
    bad.write_text("not a deck")
    with pytest.raises(ParameterError, match="SLIDE_TEMPLATE"):
        check_slide_template(bad)
    good = _template(tmp_path / "good.pptx")
    assert check_slide_template(str(good)) == good.resolve()


def test_sidecar_records_the_native_spec(deck):
    root, _ = deck
    side = json.loads((root / "figures" / "targets-by-province.json").read_text())
    assert side["native"]["type"] == "BAR_CLUSTERED"
    assert side["native"]["axis_title"] == "Market-size target, billion yuan"
