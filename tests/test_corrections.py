"""Analyst corrections: matched by article and quote (never offsets), applied between
extraction and claims, kept in an audit trail, and refused with row and column when wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from briefing import corrections as C
from briefing.claims import merge_claims

ARTICLE = "2024-01-01-henan"
TEXT = (
    "Henan plans a metaverse industry of 250 billion yuan by 2025. "
    "Sichuan targets 3500亿元 by 2025. "
    "A separate 350-billion-yuan goal was set for Shanghai by 2025. "
    "Over 100 companies joined."
)


def _fact(quote: str, **fields) -> dict:
    start = TEXT.index(quote)
    row = {
        "id": f"{ARTICLE}:{start}",
        "article": ARTICLE,
        "start": start,
        "end": start + len(quote),
        "text": quote,
        "value": 250e9,
        "value_high": None,
        "unit": "CNY",
        "qualifier": "exact",
        "counted": None,
        "measure": "market_size_target",
        "entity": "China",
        "year": 2025,
        "on_topic": True,
        "sentence": quote,
        "conversion_of": None,
        "outlet": "Outlet",
        "published": "2024-01-01",
    }
    row.update(fields)
    return row


@pytest.fixture
def facts() -> pd.DataFrame:
    return pd.DataFrame(
        [
            _fact("250 billion yuan"),
            _fact("3500亿元", value=350e9, entity="Sichuan"),
            _fact(
                "100 companies",
                value=100,
                unit="count",
                measure="companies",
                counted="companies",
                qualifier="more_than",
                year=None,
            ),
        ]
    )


def _rows(*rows: dict) -> list[C.Correction]:
    return C.parse_rows([{"article": ARTICLE, **r} for r in rows])


def _apply(facts, *rows: dict, texts=None):
    return C.apply_corrections(facts, _rows(*rows), {ARTICLE: TEXT} if texts is None else texts)


@pytest.mark.parametrize(
    ("field", "raw", "expected"),
    [
        ("entity", "Henan", "Henan"),
        ("year", "2030", 2030),
        ("measure", "market_size", "market_size"),
        ("value", "260000000000", 260e9),
        ("unit", "USD", "USD"),
        ("qualifier", "about", "about"),
        ("on_topic", "false", False),
    ],
)
def test_a_correction_of_each_field_sets_the_value_and_keeps_the_original(
    facts, field, raw, expected
):
    out, report = _apply(
        facts, {"quote": "250 billion yuan", "field": field, "value": raw, "note": "checked"}
    )
    row = out.iloc[0]
    assert row[field] == expected
    assert row["corrected_fields"] == field
    assert json.loads(row["original"]) == {field: C._original(field, facts.iloc[0][field])}
    assert row["correction_note"] == "checked"
    assert [o.status for o in report.outcomes] == ["applied"]
    assert out.iloc[1]["corrected_fields"] == ""  # other figures untouched
    claims = merge_claims(out)
    fact_id = out.iloc[0]["id"]
    mine = claims[claims["fact_ids"].map(lambda ids: fact_id in ids)]
    if field == "on_topic":
        assert mine.empty  # an off-topic figure makes no claim
    else:
        assert mine.iloc[0][field] == expected


def test_an_entity_correction_reaches_the_claims(facts):
    out, _ = _apply(facts, {"quote": "250 billion yuan", "field": "entity", "value": "Henan"})
    claims = merge_claims(out)
    assert "Henan" in set(claims["entity"])
    assert set(merge_claims(facts)["entity"]) >= {"China"}


def test_the_report_note_says_what_the_extractor_said(facts):
    out, _ = _apply(
        facts,
        {
            "quote": "250 billion yuan",
            "field": "entity",
            "value": "Henan",
            "note": "plan is Henan's",
        },
    )
    marks = C.correction_marks(out.iloc[0].to_dict())
    assert marks.startswith("entity corrected by analyst: Henan (extracted: China)")
    assert "plan is Henan's" in marks


def test_matching_survives_shifted_offsets_and_an_added_sentence(facts):
    shifted_text = "A new first sentence. " + TEXT
    shift = len("A new first sentence. ")
    shifted = facts.assign(start=facts["start"] + shift, end=facts["end"] + shift)
    shifted["id"] = ARTICLE + ":" + shifted["start"].astype(str)
    out, report = _apply(
        shifted,
        {"quote": "3500亿元", "field": "entity", "value": "Henan"},
        texts={ARTICLE: shifted_text},
    )
    assert out.iloc[1]["entity"] == "Henan"
    assert report.outcomes[0].fact_id == f"{ARTICLE}:{TEXT.index('3500亿元') + shift}"


def test_a_quote_gone_from_the_article_is_reported_stale_not_dropped(facts):
    _, report = _apply(
        facts,
        {"quote": "999 billion yuan", "field": "entity", "value": "Henan"},
        {"quote": "250 billion yuan", "field": "year", "value": "2026"},
    )
    assert [o.status for o in report.outcomes] == ["stale", "applied"]
    assert "no longer in the article" in report.stale[0].reason
    assert any("stale correction row 2" in line for line in report.lines())
    assert report.table()["status"].tolist() == ["stale", "applied"]


def test_a_removed_article_makes_its_corrections_stale(facts):
    _, report = _apply(
        facts, {"quote": "250 billion yuan", "field": "year", "value": "2026"}, texts={}
    )
    assert report.stale[0].reason == "the article is no longer in ARTICLES"


def test_an_ambiguous_quote_is_refused_naming_the_row(facts):
    text = TEXT + " Again, 250 billion yuan."
    with pytest.raises(
        C.CorrectionError, match=r"row 2, column occurrence: ambiguous.*occurs 2 times"
    ):
        _apply(
            facts,
            {"quote": "250 billion yuan", "field": "year", "value": "2030"},
            texts={ARTICLE: text},
        )
    out, _ = _apply(
        facts,
        {"quote": "250 billion yuan", "occurrence": "1", "field": "year", "value": "2030"},
        texts={ARTICLE: text},
    )
    assert out.iloc[0]["year"] == 2030


def test_a_quote_does_not_match_inside_a_longer_number():
    assert C.quote_spans("a 1,250 billion yuan plan", "250 billion yuan") == []
    assert C.quote_spans("a 250\nbillion yuan plan", "250 billion yuan") == [(2, 18)]


def test_an_add_row_adds_the_missed_figure_with_its_sentence(facts):
    out, report = _apply(
        facts,
        {
            "quote": "350-billion-yuan",
            "field": "add",
            "value": "350000000000",
            "unit": "CNY",
            "entity": "Shanghai",
            "year": "2025",
            "measure": "market_size_target",
        },
    )
    added = out[out["corrected_fields"] == "add"].iloc[0]
    assert report.outcomes[0].status == "applied"
    assert added["id"] == f"{ARTICLE}:{TEXT.index('350-billion-yuan')}"
    assert added["value"] == 350e9 and added["entity"] == "Shanghai"
    assert added["sentence"].startswith("A separate 350-billion-yuan goal")
    assert added["outlet"] == "Outlet"
    assert list(out["start"]) == sorted(out["start"])
    claims = merge_claims(out)
    assert ((claims["entity"] == "Shanghai") & (claims["measure"] == "market_size_target")).any()


def test_an_add_the_extractor_now_reads_is_stale_not_doubled(facts):
    out, report = _apply(
        facts,
        {
            "quote": "3500亿元",
            "field": "add",
            "value": "350000000000",
            "unit": "CNY",
            "measure": "market_size_target",
        },
    )
    assert len(out) == len(facts)
    assert "extractor now reads" in report.stale[0].reason


def test_an_excluded_figure_stays_in_the_audit_trail_but_not_in_claims(facts):
    out, _ = _apply(
        facts, {"quote": "3500亿元", "field": "exclude", "note": "a typo in the source"}
    )
    assert C.excluded_mask(out).tolist() == [False, True, False]
    assert "Sichuan" not in set(merge_claims(out)["entity"])
    assert "Sichuan" in set(merge_claims(facts)["entity"])


def test_two_rows_setting_one_field_of_one_figure_are_refused(facts):
    with pytest.raises(C.CorrectionError, match="row 3"):
        _apply(
            facts,
            {"quote": "250 billion yuan", "occurrence": "1", "field": "year", "value": "2026"},
            {"quote": "250 billion yuan", "occurrence": "1", "field": "year", "value": "2027"},
            texts={ARTICLE: TEXT.replace("3500亿元", "250 billion yuan")},
        )


def test_revert_gives_back_the_extractors_table(facts):
    out, _ = _apply(
        facts,
        {"quote": "250 billion yuan", "field": "entity", "value": "Henan"},
        {
            "quote": "350-billion-yuan",
            "field": "add",
            "value": "3.5e11",
            "unit": "CNY",
            "measure": "market_size_target",
        },
    )
    back = C.revert(out)
    assert list(back.columns) == list(facts.columns)
    assert back["entity"].tolist() == facts["entity"].tolist()
    assert len(back) == len(facts)


# --- the file: refused with row and column ----------------------------------------------------


def _file(tmp_path, text: str | bytes):
    path = tmp_path / "corrections.csv"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


@pytest.mark.parametrize(
    ("body", "pattern"),
    [
        ("article,quote,field,colour\n", r"row 1, column colour: unknown column"),
        ("article,quote\n", r"row 1, column field: missing column"),
        (
            "article,quote,field,value\na,250,colour,x\n",
            r"row 2, column field: 'colour' is not a field",
        ),
        (
            "article,quote,field,value\na,250,measure,size\n",
            r"row 2, column value: 'size' is not a measure",
        ),
        (
            "article,quote,field,value\n\na,250,year,twenty\n",
            r"row 3, column value: 'twenty' is not a year",
        ),
        (
            "article,quote,field,value\na,250,unit,bananas\n",
            r"row 2, column value: 'bananas' is not a known unit",
        ),
        (
            "article,quote,field,value\na,250,qualifier,roughly\n",
            r"row 2, column value: 'roughly' is not a qualifier",
        ),
        (
            "article,quote,field,value,entity\na,250,year,2025,Henan\n",
            r"row 2, column entity: only an add row",
        ),
        (
            "article,quote,field,value\na,250,add,1e9\n",
            r"row 2, column unit: an add row needs its unit",
        ),
        ("article,quote,field,occurrence,value\na,250,year,0,2025\n", r"row 2, column occurrence"),
    ],
)
def test_a_bad_file_is_refused_naming_row_and_column(tmp_path, body, pattern):
    with pytest.raises(C.CorrectionError, match=pattern) as caught:
        C.load_corrections(_file(tmp_path, body))
    assert "CORRECTIONS" in str(caught.value)


def test_a_broken_encoding_is_refused_naming_row_and_column(tmp_path):
    data = "article,quote,field,value\na,250,entity,河南\n".encode("gbk")
    with pytest.raises(C.CorrectionError, match=r"row 2, column value: not UTF-8"):
        C.load_corrections(_file(tmp_path, data))


def test_a_non_existent_article_is_refused_but_a_removed_one_is_not():
    rows = C.parse_rows([{"article": "nope.txt", "quote": "1", "field": "exclude"}])
    with pytest.raises(
        C.CorrectionError, match=r"row 2, column article: no article 'nope.txt'.*'nope'"
    ):
        C.check_articles(rows, {"nope", "other"})
    C.check_articles(rows, {"other"}, removed={"nope.txt"})


def test_a_valid_file_loads_with_typed_values(tmp_path):
    path = _file(
        tmp_path,
        "\ufeffarticle,quote,occurrence,field,value,note,by,date\n"
        'a,"3,500亿元",2,entity,河南,"plan is Henan\'s",ana,2024-05-01\n',
    )
    [row] = C.load_corrections(path)
    assert (row.article, row.quote, row.occurrence, row.value) == ("a", "3,500亿元", 2, "Henan")
    assert row.note_text() == "plan is Henan's (ana, 2024-05-01)"


# --- what the report shows ----------------------------------------------------------------------


def test_a_corrected_figure_says_so_in_its_note_escaped(facts):
    from briefing import narrative

    out, _ = _apply(
        facts,
        {"quote": "250 billion yuan", "field": "entity", "value": "Henan", "note": "<b>x</b>"},
    )
    html = narrative.number_link("250 billion yuan", out.iloc[0]["id"], out)
    assert "entity corrected by analyst: Henan (extracted: China)" in html
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert "corrected" not in narrative.number_link("3500亿元", out.iloc[1]["id"], out)


def test_an_excluded_figure_leaves_the_appendix(facts):
    from briefing.sections import sources

    out, _ = _apply(facts, {"quote": "3500亿元", "field": "exclude"})
    assert "3500亿元" not in set(sources.facts_appendix(out)["text"])


def test_a_corrected_amount_drops_the_articles_own_conversion(facts):
    from briefing.sections import targets

    dollars = _fact("250 billion yuan", id="conv", unit="USD", value=35e9)
    dollars["conversion_of"] = facts.iloc[0]["id"]
    with_conversion = pd.concat([facts, pd.DataFrame([dollars])], ignore_index=True)
    out, _ = _apply(
        with_conversion, {"quote": "250 billion yuan", "field": "value", "value": "2.6e11"}
    )
    assert targets._article_conversions(with_conversion) == {facts.iloc[0]["id"]: 35e9}
    assert targets._article_conversions(out) == {}


def test_the_method_section_lists_stale_corrections(tmp_path, facts):
    from briefing import narrative

    _, report = _apply(
        facts,
        {"quote": "250 billion yuan", "field": "year", "value": "2026"},
        {"quote": "<i>gone</i>", "field": "entity", "value": "Henan"},
    )
    report.table().to_csv(tmp_path / C.REPORT_NAME, index=False)
    html = narrative.corrections_block(tmp_path)
    assert "1 analyst correction applied" in html and "1 correction no longer matches" in html
    assert "&lt;i&gt;gone&lt;/i&gt;" in html and "no longer in the article" in html
    assert "No analyst correction" in narrative.corrections_block(tmp_path / "none")


# --- `briefing correct` and `briefing build --corrections` -------------------------------------


@pytest.fixture
def processed(tmp_path, facts):
    folder = tmp_path / "processed"
    (folder / "text").mkdir(parents=True)
    (folder / "text" / f"{ARTICLE}.txt").write_text(TEXT, encoding="utf-8")
    facts.to_csv(folder / "facts.csv", index=False)
    return folder


def _correct(processed, *args):
    from briefing.cli import main

    path = processed.parent / "corrections.csv"
    return main(["correct", *args, "--corrections", str(path), "--processed", str(processed)])


def test_the_correct_command_validates_then_appends(processed, capsys):
    path = processed.parent / "corrections.csv"
    note = ["--note", "plan is Henan's", "--by", "ana", "--date", "2024-05-01"]
    assert (
        _correct(
            processed, ARTICLE, "250 billion yuan", "--entity", "Henan", "--year", "2026", *note
        )
        == 0
    )
    rows = C.load_corrections(path)
    assert [(r.field, r.value, r.note_text()) for r in rows] == [
        ("entity", "Henan", "plan is Henan's (ana, 2024-05-01)"),
        ("year", 2026, "plan is Henan's (ana, 2024-05-01)"),
    ]
    before = path.read_bytes()
    assert _correct(processed, ARTICLE, "250 billion yuan", "--entity", "Hebei") == 2
    assert "already corrects entity" in capsys.readouterr().err
    assert _correct(processed, ARTICLE, "999 billion yuan", "--exclude") == 2
    assert "quote is no longer in the article" in capsys.readouterr().err
    assert _correct(processed, ARTICLE, "3500亿元", "--add", "--value", "3.5e11", "--unit", "CNY",
                    "--measure", "market_size_target") == 2  # fmt: skip
    assert "extractor now reads" in capsys.readouterr().err
    assert _correct(processed, "nope", "250 billion yuan", "--exclude") == 2
    assert "no article 'nope'" in capsys.readouterr().err
    assert _correct(processed, ARTICLE, "250 billion yuan", "--qualifier", "roughly") == 2
    assert "not a qualifier" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert _correct(processed, ARTICLE, "350-billion-yuan", "--add", "--value", "350000000000",
                    "--unit", "CNY", "--entity", "Shanghai", "--year", "2025",
                    "--measure", "market_size_target") == 0  # fmt: skip
    assert C.load_corrections(path)[-1].field == "add"


def test_the_correct_command_refuses_an_ambiguous_quote(processed, capsys):
    (processed / "text" / f"{ARTICLE}.txt").write_text(TEXT + " 250 billion yuan.", "utf-8")
    assert _correct(processed, ARTICLE, "250 billion yuan", "--year", "2030") == 2
    assert "occurs 2 times" in capsys.readouterr().err
    assert (
        _correct(processed, ARTICLE, "250 billion yuan", "--occurrence", "1", "--year", "2030") == 0
    )


def test_the_correct_command_keeps_a_hand_written_file(processed):
    path = processed.parent / "corrections.csv"
    mine = "article,quote,field,value,note\n" + f"{ARTICLE},3500亿元,year,2026,mine"
    path.write_text(mine, "utf-8")
    assert _correct(processed, ARTICLE, "250 billion yuan", "--measure", "market_size",
                    "--date", "") == 0  # fmt: skip
    assert path.read_text("utf-8").startswith(mine + "\n")  # appended, lines left as written
    # a column the header lacks (date): the file is rewritten with every column, rows kept
    assert _correct(processed, ARTICLE, "250 billion yuan", "--unit", "USD") == 0
    assert path.read_text("utf-8").startswith(",".join(C.FILE_COLUMNS) + "\n")
    assert [r.field for r in C.load_corrections(path)] == ["year", "measure", "unit"]


def test_the_build_refuses_a_bad_corrections_file_before_any_work(tmp_path, capsys):
    from briefing.cli import main

    bad = tmp_path / "bad.csv"
    bad.write_text(
        "article,quote,field,value\n2022-02-15-protocol-chinese-cities-metaverse,1,year,soon\n"
    )
    args = ["build", "--out", str(tmp_path / "r"), "--processed", str(tmp_path / "p")]
    assert main([*args, "--corrections", str(bad)]) == 2
    assert "CORRECTIONS" in (err := capsys.readouterr().err) and "row 2, column value" in err
    bad.write_text("article,quote,field\nno-such-article,1,exclude\n")
    assert main([*args, "--corrections", str(bad)]) == 2
    assert "row 2, column article: no article 'no-such-article'" in capsys.readouterr().err
    assert main([*args, "--corrections", str(tmp_path / "missing.csv")]) == 2
    assert not (tmp_path / "r").exists() and not (tmp_path / "p").exists()


def test_a_changed_correction_reruns_what_reads_the_facts_not_the_extraction(tmp_path, capsys):
    import argparse

    from briefing.render import pipeline

    notebook = Path(__file__).parent / "fixtures" / "notebooks" / "good.ipynb"
    article = "2024-01-22-cryptonomist-miit-metaverse-working-group"
    corrections = tmp_path / "corrections.csv"
    corrections.write_text("article,quote,field,value\n")

    def build() -> str:
        args = argparse.Namespace(
            articles=str(Path(__file__).parents[1] / "data" / "articles"),
            out=str(tmp_path / "report"), processed=str(tmp_path / "proc"), cny_per_usd="7.1",
            as_of="", title="", formats="html", corrections=str(corrections),
        )  # fmt: skip
        capsys.readouterr()
        pipeline.build(pipeline.validate(args), [notebook])
        return capsys.readouterr().err

    build()
    corrections.write_text(
        f"article,quote,field,value\n{article},150 billion yuan,entity,Henan\n"
        f"{article},999 billion yuan,year,2030\n"
    )
    err = build()
    assert "extract: unchanged, reused" in err
    assert "notebook good: unchanged, reused" not in err
    assert "corrections: 1 applied, 1 stale" in err and "stale correction row 3" in err
    facts = pd.read_csv(tmp_path / "proc" / "facts.csv")
    row = facts[facts["corrected_fields"] == "entity"].iloc[0]
    assert (row["entity"], json.loads(row["original"])) == ("Henan", {"entity": "Shandong"})
    extracted = pd.read_csv(tmp_path / "proc" / C.EXTRACTED_NAME)
    assert "Henan" not in set(extracted["entity"]) and "corrected_fields" not in extracted
    assert "notebook good: unchanged, reused" in build()  # the same corrections: nothing to redo


def test_the_readme_example_is_a_valid_corrections_file():
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Analyst corrections", 1)[1]
    example = section.split("```csv\n", 1)[1].split("```", 1)[0]
    rows = C.parse_rows(C.read_rows(example.encode("utf-8")))
    assert [r.field for r in rows] == ["entity", "exclude", "add"]
    assert (rows[1].quote, rows[1].occurrence) == ("1,000 yuan", 2)


def test_the_build_step_starts_from_the_extractors_table_every_time(processed):
    (processed / "facts.csv").rename(processed / C.EXTRACTED_NAME)  # as the extract step writes
    corrections = processed.parent / "corrections.csv"
    corrections.write_text(
        f"article,quote,field,value\n{ARTICLE},250 billion yuan,entity,Henan\n", "utf-8"
    )
    C.correct_step(processed, corrections)
    first = (processed / "facts.csv").read_bytes()
    C.correct_step(processed, corrections)  # from the extractor's table again: not applied twice
    assert (processed / "facts.csv").read_bytes() == first
    extracted = pd.read_csv(processed / C.EXTRACTED_NAME)
    assert "corrected_fields" not in extracted.columns  # the extractor's table is never touched
    facts = pd.read_csv(processed / "facts.csv")
    assert json.loads(facts.iloc[0]["original"]) == {"entity": "China"}
    assert pd.read_csv(processed / C.REPORT_NAME)["status"].tolist() == ["applied"]


def test_the_build_step_refuses_an_ambiguous_quote_naming_file_and_row(processed):
    (processed / "facts.csv").rename(processed / C.EXTRACTED_NAME)
    (processed / "text" / f"{ARTICLE}.txt").write_text(TEXT + " 250 billion yuan.", "utf-8")
    corrections = processed.parent / "corrections.csv"
    corrections.write_text(f"article,quote,field,value\n{ARTICLE},250 billion yuan,year,2030\n")
    with pytest.raises(C.CorrectionError, match=r"corrections.csv, row 2, column occurrence"):
        C.correct_step(processed, corrections)


def test_a_corrected_range_loses_its_upper_bound_which_the_audit_keeps(facts):
    ranged = facts.assign(value_high=[300e9, None, None])
    out, _ = _apply(ranged, {"quote": "250 billion yuan", "field": "value", "value": "2.6e11"})
    assert out.iloc[0]["value"] == 260e9 and out.iloc[0]["value_high"] == ""
    assert json.loads(out.iloc[0]["original"]) == {"value": 250e9, "value_high": 300e9}
    assert C.revert(out).iloc[0]["value_high"] == 300e9
