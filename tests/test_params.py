"""Parameters are refused before any work, each refusal naming the parameter (exit code 2)."""

from datetime import date

import pytest

from briefing.cli import main
from briefing.render import params as P


@pytest.mark.parametrize("raw", ["-7", "0", "abc", "nan", "inf"])
def test_exchange_rate_must_be_a_number_above_zero(raw):
    with pytest.raises(P.ParameterError, match="CNY_PER_USD"):
        P.parse_rate(raw)


def test_a_valid_rate_is_a_float():
    assert P.parse_rate("7.25") == 7.25


@pytest.mark.parametrize("raw", ["2024-13-01", "yesterday", "01/02/2024"])
def test_malformed_as_of_is_refused(raw):
    with pytest.raises(P.ParameterError, match=r"AS_OF.*ISO date"):
        P.parse_as_of(raw)


def test_empty_as_of_means_latest():
    assert P.parse_as_of("  ") == ""


def test_unknown_format_is_named_with_the_accepted_ones():
    with pytest.raises(P.ParameterError, match=r"unknown format docx.*html, pdf"):
        P.parse_formats("html,docx")


def test_formats_keep_canonical_order():
    assert P.parse_formats("pdf,html") == ("html", "pdf")


def test_missing_and_empty_article_folders_are_refused(tmp_path):
    with pytest.raises(P.ParameterError, match=r"ARTICLES.*does not exist"):
        P.check_articles_dir(tmp_path / "nope")
    (tmp_path / "manifest.csv").write_text("file,title\n")
    with pytest.raises(P.ParameterError, match=r"ARTICLES.*holds no article"):
        P.check_articles_dir(tmp_path)


def test_as_of_before_every_article_is_refused():
    with pytest.raises(P.ParameterError, match="before every article"):
        P.check_as_of_against("2020-01-01", [date(2022, 5, 1), date(2023, 1, 1)])
    P.check_as_of_against("2022-05-01", [date(2022, 5, 1)])  # the same day is fine


def test_cli_exits_2_and_names_the_parameter(tmp_path, capsys):
    code = main(["build", "--out", str(tmp_path / "r"), "--cny-per-usd", "-7"])
    assert code == 2
    assert "CNY_PER_USD" in capsys.readouterr().err
    assert not (tmp_path / "r").exists()
