"""Specification: a .txt file that is really markup (saved page source, Markdown with front
matter, an RSS or Atom item) is read as what it is. All fixtures are ours."""

from __future__ import annotations

import datetime as dt

from fixtures.inputs.builders import problems_of, write

from briefing.articles import load_corpus
from briefing.extract.quantities import find_quantities
from briefing.inputs.sniff import markup_kind

SAVED_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Wuhan sets a metaverse goal - Example Daily</title>
<meta property="og:title" content="Wuhan sets a metaverse goal">
<meta property="article:published_time" content="2024-03-05T09:30:00+08:00">
<link rel="canonical" href="https://news.example/2024/03/05/wuhan-1717171717">
</head><body>
<div id="post-20240305" class="story" data-size="800,600" data-ts="1709602200">
<img src="/img/wuhan-2048.jpg" width="1024" height="768" alt="Skyline, 4096 pixels wide">
<p>Wuhan aims for a metaverse industry worth 200 billion yuan by 2025.</p>
<p>The city will back 30 pilot projects.</p>
</div></body></html>
"""

CLIPPED_MARKDOWN = """---
title: "Chengdu's metaverse plan"
date: 2023-11-20
source: https://clip.example/chengdu
tags: [metaverse, 2023]
---
# Chengdu's metaverse plan

Chengdu wants **120 billion yuan** of metaverse output by 2026.
"""

RSS_ITEM = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>Example Tech Feed 24/7</title><ttl>60</ttl>
<item>
  <title>Hefei opens a metaverse park</title>
  <media:content url="https://cdn.example/hefei-1200x800.jpg" width="1200" height="800"/>
  <link>https://feed.example/items/88231</link>
  <guid isPermaLink="false">urn:uuid:12345-67890</guid>
  <pubDate>Tue, 05 Mar 2024 08:00:00 +0800</pubDate>
  <description><![CDATA[<p>Hefei's new park will host <b>50</b> companies.</p>
  <img src="x.png" width="640" height="480">]]></description>
</item>
</channel></rss>
"""

ATOM_ENTRY = """<entry xmlns="http://www.w3.org/2005/Atom">
  <title>Qingdao funds VR start-ups</title>
  <id>tag:atom.example,2024:entry-4242</id>
  <published>2024-02-01T10:00:00Z</published>
  <updated>2024-02-02T11:11:11Z</updated>
  <content type="html">&lt;p&gt;Qingdao set up a fund of 3 billion yuan.&lt;/p&gt;</content>
</entry>
"""


def _values(text: str) -> set[float]:
    return {q.value for q in find_quantities(text)}


def test_saved_page_source_is_read_as_html(tmp_path) -> None:
    write(tmp_path, "wuhan.txt", SAVED_PAGE)
    corpus = load_corpus(tmp_path)
    [article] = corpus.articles
    assert article.source_format == "html"
    assert article.text.startswith("Wuhan aims for a metaverse industry worth 200 billion yuan")
    assert "<" not in article.text and "data-size" not in article.text
    assert article.meta.title == "Wuhan sets a metaverse goal"
    assert article.meta.published == dt.date(2024, 3, 5)
    [warning] = problems_of(corpus, "wuhan.txt")
    assert warning.severity == "warning" and "HTML" in warning.reason


def test_attribute_values_never_become_figures(tmp_path) -> None:
    write(tmp_path, "wuhan.txt", SAVED_PAGE)
    [article] = load_corpus(tmp_path).articles
    values = _values(article.text)
    assert values & {1024, 768, 800, 600, 2048, 4096, 20240305, 1709602200, 1717171717} == set()
    assert 200e9 in values and 30 in values


def test_markdown_with_front_matter_is_read_as_markdown(tmp_path) -> None:
    write(tmp_path, "chengdu.txt", CLIPPED_MARKDOWN)
    [article] = load_corpus(tmp_path).articles
    assert article.source_format == "md"
    assert article.meta.title == "Chengdu's metaverse plan"
    assert article.meta.published == dt.date(2023, 11, 20)
    assert article.meta.url == "https://clip.example/chengdu"
    assert "title:" not in article.text and "**" not in article.text
    assert "120 billion yuan" in article.text


def test_an_rss_item_gives_its_title_date_link_and_prose(tmp_path) -> None:
    write(tmp_path, "hefei.txt", RSS_ITEM)
    [article] = load_corpus(tmp_path).articles
    assert article.meta.title == "Hefei opens a metaverse park"
    assert article.meta.published == dt.date(2024, 3, 5)
    assert article.meta.url == "https://feed.example/items/88231"
    headline, body = article.text.split("\n\n")
    assert (headline, body) == (
        "Hefei opens a metaverse park",
        "Hefei's new park will host 50 companies.",
    )
    assert _values(article.text) == {50}


def test_an_atom_entry_is_read_too(tmp_path) -> None:
    write(tmp_path, "qingdao.txt", ATOM_ENTRY)
    [article] = load_corpus(tmp_path).articles
    assert article.meta.published == dt.date(2024, 2, 1)
    assert article.text.endswith("Qingdao set up a fund of 3 billion yuan.")
    assert 4242 not in _values(article.text)


def test_the_manifest_still_wins_over_the_pages_own_metadata(tmp_path) -> None:
    write(tmp_path, "wuhan.txt", SAVED_PAGE)
    write(
        tmp_path,
        "manifest.csv",
        "file,title,outlet,published\nwuhan.txt,Our headline,Example Daily,2024-03-06\n",
    )
    [article] = load_corpus(tmp_path).articles
    assert (article.meta.title, article.meta.published) == ("Our headline", dt.date(2024, 3, 6))


def test_plain_text_that_mentions_a_tag_or_a_rule_stays_plain() -> None:
    assert markup_kind("Use the <p> tag for paragraphs. Shanghai targets 350 billion yuan.") is None
    assert markup_kind("---\nA horizontal rule, then prose.\n---\nMore prose.") is None
    assert markup_kind("Sichuan aims for 250 billion yuan by 2025.") is None


def test_markup_kinds_are_recognised() -> None:
    assert markup_kind(SAVED_PAGE) == "html"
    assert markup_kind(CLIPPED_MARKDOWN) == "md"
    assert markup_kind(RSS_ITEM) == "feed"
    assert markup_kind(ATOM_ENTRY) == "feed"
    body_only = "<div><p>One 1</p><p>Two 2</p><p>Three</p><p>Four</p><br><br></div>"
    assert markup_kind(body_only) == "html"
