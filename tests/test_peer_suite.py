"""A peer's test suite as a yardstick: Recognizers-Text's number, percent and currency specs.

The six JSON spec files are read at test time from ``../shared/peer/recognizers-text/`` next
to the repository (never copied into it: they are the peer's text, MIT-licensed, see the
README and LICENSE beside them). Where that folder is absent, the tests skip.

What is compared. An item is a sentence and the figures the peer reads in it.
  - currency and percent files: the item is right when the money (or percent) figures we
    read are exactly the peer's, value and unit, none missing and none extra; a figure of
    ours of another unit that covers a peer figure's text counts too ("10 billion Chinese
    yuan" read as a count is wrong, not ignored). A peer "个百分点" is percent in its model;
    ours says percentage_points, which is the same figure named more precisely.
  - number files (bare numbers, which a briefing does not read: a number needs a unit or a
    counted noun to be a figure, see quantities.py): the item checks that we invent nothing.
    Every figure we read must have a value the peer also reads there, and where the peer
    reads nothing (陆地, 四川, 一看) we read nothing.

Out of scope, decided here once, each for a reason (the first that applies names the item):
  - peer-fails: the peer's own reference implementation (.NET) is marked as not passing it;
  - tokenised: text split into tokens ("$ 75 million", "sales rose 6 . 2 %", "一 百 五 十 个
    百 分 点"): corpus preprocessing, not text as an article prints it;
  - colloquial: spoken amounts and shorthand ("五元三毛", "三块", "one kuai and five mao",
    "15 dollars 50", "thirteen dollars forty five", "30 MUSD", "75 USD million", "百分之15k",
    "percent of 10", "100 percentage"): not how news writes a figure;
  - discount: retail discounts with 折 (75折 = 75% of the price): shop talk, not news figures;
  - sub-unit: cents, pence and pennies on their own (share prices per share, egg prices): the
    briefing charts amounts of money, not coin prices (dollars-and-cents amounts are in);
  - other-currency: currencies outside the briefing's vocabulary (francs, pesetas, naira,
    bitcoin...): lexicon.CURRENCY_* is the list of what a China briefing converts;
  - range-top: "5-20%", where the peer reads the top only; we read the range by design;
  - in number files: fractions and ratios written out ("five eighths", "1 over 3", "三又三分
    之一": recipe and school arithmetic) and bare-number shorthand ("3 dzs", "nought point
    five", "4 thousand 3 hundred and 21"). Bare numbers, spelled or not, ordinals and dates
    stay in: they are where a figure could be invented, and we must read none of them wrongly.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefing.extract.quantities import MONEY_UNITS, Quantity, find_quantities

REPO_ROOT = Path(__file__).resolve().parent.parent


def _checkout_root(root: Path) -> Path:
    """The main checkout of `root`: itself, or for a git worktree the checkout it belongs to
    (a worktree's ``.git`` is a file naming its git directory inside the main one's)."""
    git = root / ".git"
    if git.is_file():
        gitdir = Path(git.read_text(encoding="utf-8").partition("gitdir:")[2].strip())
        common = gitdir / "commondir"
        if common.is_file():
            return (gitdir / common.read_text(encoding="utf-8").strip()).resolve().parent
    return root


#: ``../shared/peer/recognizers-text`` beside the repository (CI clones it next to shared/).
PEER_DIR = _checkout_root(REPO_ROOT).parent / "shared" / "peer" / "recognizers-text"

#: file -> what its items check: "currency" | "percent" | "number" (invention only).
FILES: dict[str, str] = {
    "NumberWithUnit_Chinese_CurrencyModel.json": "currency",
    "NumberWithUnit_English_CurrencyModel.json": "currency",
    "Number_Chinese_PercentModel.json": "percent",
    "Number_English_PercentModel.json": "percent",
    "Number_Chinese_NumberModel.json": "number",
    "Number_English_NumberModel.json": "number",
}
#: The share of in-scope items that must be right, per currency or percent file.
GOAL = 0.95

#: The peer's unit names without an ISO code -> ours. "$" is USD in our grammar.
_PEER_UNIT_NAMES = {"Dollar": "USD", "Pound": "GBP", "Rupee": "INR", "Chinese yuan": "CNY"}
_SUB_UNITS = frozenset({"Cent", "Pence", "Penny", "Sen"})
_PERCENT_UNITS = frozenset({"percent", "percentage_points"})

#: A figure split where print never splits one: inside a Chinese numeral or between its
#: characters and digits (一 百 五 十, 7 万5 千), inside digits (6 . 2, 1, 234), or a currency
#: code torn from its sign (hk $ 10.05). "$ 75 million" is not: news prints "US$ 75 million".
_TOKENISED_FIGURE = re.compile(
    r"[\u4e00-\u9fff0-9０-９]\s+[\u4e00-\u9fff]|[\u4e00-\u9fff]\s+[0-9０-９]"
    r"|\d\s+[.,．，]\s*\d|\d\s*[.,．，]\s+\d|\b[a-z.]+\s+\$|^-\s+\d"
)
#: Spoken money and shorthand: 块/毛/角, "kuai"/"mao", cents left unnamed after the dollars
#: ("15 dollars 50", "thirteen dollars forty five", "$ 100 and fifty"), finance codes with a
#: mega prefix (MUSD, MEUR), a code between number and scale ("75 USD million"), "k" for
#: thousand in percent, and inverted or misused percent words ("percent of 10", "100 percentage").
_COLLOQUIAL = re.compile(
    r"(?i)[块塊毛角]|kuai|\bmao\b|日本銭|美分|又"
    r"|(?:\w\s+(?:dollars?|usd)|\$\s*[\d.]+)\s+(?:and\s+)?"
    r"(?!.*\bcents?$|(?:thousand|million|billion|trillion)\b)\w[\w\s-]*$"
    r"|\bm(?:usd|eur|gbp|aud)\b|\d\s*(?:usd|eur)\s+million\b|^(?:per\s*cents?|percents?)\s+of"
    r"|percentage$|percents$|\d\s*k|[kK]个|[kK]個"
)


#: Fractions and ratios written out ("five eighths", "1 over 3", "三又三分之一", "3/5"): recipe
#: and school arithmetic. A share in news ("two-thirds of", "三分之一") is read as percent.
_FRACTION = re.compile(
    r"(?i)\bover\b|(?:half|quarters?|thirds?|fifths?|eighths?|ninths?|firsts?|ths)\b"
    r"|分之|又|/|\bout of\b|\^|\de"
)
#: Bare-number shorthand and games with words: dozens ("3 dzs"), "nought", digits mixed
#: with number words ("4 thousand 3 hundred and 21"), G/M/k after a bare number.
_COLLOQUIAL_NUMBER = re.compile(
    r"(?i)\bdo?zs?\b|dozens|\bnought\b|\bnaught\b"
    r"|\d\s+(?:hundred|thousand|crore|lakh)\b.*\b(?:and\s+)?(?:\d|one|two|three|hundred)"
    r"|\d\s*[gmkb]$|\bpoint\b"
)


@dataclass(frozen=True)
class Item:
    """One spec item: its sentence, the peer's figures, and our verdict on its scope."""

    file: str
    input: str
    expected: tuple[tuple[float, str, str, int, int], ...]  # value, unit, text, start, end
    excluded: str | None  # the out-of-scope category, None when in scope


def _peer_value(resolution: dict) -> float | None:
    raw = resolution.get("value")
    if raw in (None, "null", ""):
        return None
    raw = str(raw).rstrip("%")
    try:
        return float(raw)
    except ValueError:
        return None


def _peer_unit(kind: str, result: dict) -> str:
    """Our unit for a peer result: an ISO code, percent, or the peer's own name if unknown."""
    if kind == "percent":
        return "percent"
    if kind == "number":
        return "number"
    resolution = result["Resolution"]
    iso = resolution.get("isoCurrency")
    if iso:
        return iso
    name = resolution.get("unit") or ""
    return _PEER_UNIT_NAMES.get(name, name)


def _scope(kind: str, raw: dict, results: list[dict]) -> str | None:
    """The out-of-scope category of one item (see the module docstring), None if in scope."""
    skipped = f"{raw.get('NotSupported', '')},{raw.get('NotSupportedByDesign', '')}".lower()
    if "dotnet" in skipped:
        return "peer-fails"
    texts = [r["Text"] for r in results if _peer_value(r["Resolution"]) is not None]
    if any(_TOKENISED_FIGURE.search(t) for t in texts):
        return "tokenised"
    if kind == "number":
        if any(_FRACTION.search(t) for t in texts):
            return "fraction"
        if any(_COLLOQUIAL_NUMBER.search(t) for t in texts):
            return "colloquial"
        return None
    if any("折" in t for t in texts):
        return "discount"
    if any(_COLLOQUIAL.search(t) for t in texts):
        return "colloquial"
    units = {r["Resolution"].get("unit") for r in results}
    if units & _SUB_UNITS:
        return "sub-unit"
    if kind == "currency":
        known = set(MONEY_UNITS)
        for r in results:
            if _peer_value(r["Resolution"]) is not None and _peer_unit(kind, r) not in known:
                return "other-currency"
    if kind == "percent" and re.search(r"\d\s*[-–~]\s*\d", raw["Input"]) and len(results) == 1:
        return "range-top"
    return None


def load_items(peer_dir: Path = PEER_DIR) -> Iterator[Item]:
    """Every item of the six files, with its scope decided."""
    for name, kind in FILES.items():
        for raw in json.loads((peer_dir / name).read_text(encoding="utf-8")):
            results = raw.get("Results") or []
            expected = tuple(
                (v, _peer_unit(kind, r), r["Text"], r.get("Start", -1), r.get("End", -2))
                for r in results
                if (v := _peer_value(r["Resolution"])) is not None
            )
            yield Item(name, raw["Input"], expected, _scope(kind, raw, results))


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _ours(kind: str, item: Item, found: list[Quantity]) -> list[tuple[float, str]]:
    """Our figures of the file's kind, plus any figure that covers one of the peer's."""
    wanted = MONEY_UNITS if kind == "currency" else _PERCENT_UNITS
    spans = [(e[3], e[4] + 1) for e in item.expected]
    out = []
    for q in found:
        covers = any(q.start < end and start < q.end for start, end in spans)
        if q.unit in wanted or covers:
            unit = "percent" if q.unit == "percentage_points" else q.unit
            out.append((q.value, unit))
    return out


def judge(item: Item, found: list[Quantity] | None = None) -> bool:
    """Whether our reading of the item's sentence is right (see the module docstring)."""
    kind = FILES[item.file]
    if found is None:
        found = find_quantities(item.input)
    if kind == "number":
        counts = [q for q in found if q.unit == "count"]  # units: the other files judge them
        if not item.expected:
            return not counts
        values = [e[0] for e in item.expected]
        for q in counts:
            candidates = [q.value, q.value / 100] if q.unit in _PERCENT_UNITS else [q.value]
            if q.value_high is not None:
                candidates.append(q.value_high)
            if not any(_close(c, v) for c in candidates for v in values):
                return False
        return True
    ours = sorted(_ours(kind, item, found))
    theirs = sorted((e[0], e[1]) for e in item.expected)
    return len(ours) == len(theirs) and all(
        _close(a[0], b[0]) and a[1] == b[1] for a, b in zip(ours, theirs, strict=True)
    )


@dataclass
class Row:
    """One file's line of the table."""

    file: str
    items: int = 0
    in_scope: int = 0
    passed: int = 0
    negatives: int = 0  # in-scope items where the peer reads nothing
    negatives_passed: int = 0
    excluded: Counter | None = None

    @property
    def failed(self) -> int:
        return self.in_scope - self.passed


def table(peer_dir: Path = PEER_DIR) -> tuple[list[Row], list[Item]]:
    """Per-file counts, and the in-scope items we get wrong."""
    rows = {name: Row(name, excluded=Counter()) for name in FILES}
    failures: list[Item] = []
    for item in load_items(peer_dir):
        row = rows[item.file]
        row.items += 1
        if item.excluded:
            row.excluded[item.excluded] += 1  # type: ignore[index]
            continue
        row.in_scope += 1
        ok = judge(item)
        row.passed += ok
        if not item.expected:
            row.negatives += 1
            row.negatives_passed += ok
        if not ok:
            failures.append(item)
    return list(rows.values()), failures


def format_table(rows: list[Row]) -> str:
    lines = [
        f"{'file':44} {'items':>5} {'scope':>5} {'pass':>5} {'fail':>5} {'right':>6}  "
        f"{'negatives':>9}  excluded"
    ]
    for r in rows:
        share = f"{100 * r.passed / r.in_scope:.0f}%" if r.in_scope else "-"
        excl = ", ".join(f"{k} {v}" for k, v in sorted(r.excluded.items()))  # type: ignore[union-attr]
        lines.append(
            f"{r.file:44} {r.items:>5} {r.in_scope:>5} {r.passed:>5} {r.failed:>5} {share:>6}  "
            f"{r.negatives_passed:>4}/{r.negatives:<4}  {excl}"
        )
    return "\n".join(lines)


needs_peer = pytest.mark.skipif(
    not all((PEER_DIR / name).is_file() for name in FILES),
    reason=f"the peer's specs are not at {PEER_DIR}",
)


@pytest.fixture(scope="module")
def peer_table(request: pytest.FixtureRequest) -> Iterator[tuple[list[Row], list[Item]]]:
    result = table()
    yield result
    # the table is the point of this file: print it past pytest's capture, once per run
    capture = request.config.pluginmanager.getplugin("capturemanager")
    lines = ["", "Recognizers-Text specs, in scope / passed / failed per file:"]
    lines += format_table(result[0]).splitlines()
    if capture is None:
        print("\n".join(lines))
        return
    with capture.global_and_fixture_disabled():
        print("\n".join(lines))


@needs_peer
@pytest.mark.parametrize("name", [n for n, k in FILES.items() if k != "number"])
def test_currency_and_percent_items_read_right(
    name: str, peer_table: tuple[list[Row], list[Item]]
) -> None:
    rows, failures = peer_table
    row = next(r for r in rows if r.file == name)
    wrong = [i.input for i in failures if i.file == name]
    assert row.in_scope, f"{name}: nothing in scope"
    assert row.passed / row.in_scope >= GOAL, f"{name}: {row.failed} wrong: {wrong}"


@needs_peer
@pytest.mark.parametrize("name", list(FILES))
def test_no_figure_where_the_peer_reads_none(
    name: str, peer_table: tuple[list[Row], list[Item]]
) -> None:
    _, failures = peer_table
    wrong = [i.input for i in failures if i.file == name and not i.expected]
    assert not wrong, f"{name}: figures invented in {wrong}"


@needs_peer
@pytest.mark.parametrize("name", [n for n, k in FILES.items() if k == "number"])
def test_no_figure_invented_from_a_word(
    name: str, peer_table: tuple[list[Row], list[Item]]
) -> None:
    """Every figure read in a number spec has a value the peer reads there too."""
    _, failures = peer_table
    wrong = [i.input for i in failures if i.file == name]
    assert not wrong, f"{name}: values the peer does not read in {wrong}"


def test_scope_is_decided_by_category() -> None:
    """The scope rules on made-up items (the peer's text is not copied here)."""
    assert _TOKENISED_FIGURE.search("6 . 2 %")
    assert _TOKENISED_FIGURE.search("hk $ 10.05 billion")
    assert not _TOKENISED_FIGURE.search("$ 10.05 billion")
    assert _TOKENISED_FIGURE.search("一 百 五 十 个 百 分 点")
    assert not _TOKENISED_FIGURE.search("8亿元人民币")
    for colloquial in ("五元三毛", "15 dollars 50", "30 musd", "百分之15k", "percent of 10"):
        assert _COLLOQUIAL.search(colloquial), colloquial
    for written in (
        "3 dollars 50 cents",
        "100 billion yuan",
        "$ 12,345",
        "$ 247 million",
        "usd 200",
        "百分之2.4",
    ):
        assert not _COLLOQUIAL.search(written), written


def main() -> int:
    """Print the table and the wrong items: `python tests/test_peer_suite.py`."""
    if not PEER_DIR.is_dir():
        print(f"the peer's specs are not at {PEER_DIR}")
        return 1
    rows, failures = table()
    print(format_table(rows))
    if "-v" in sys.argv:
        for item in failures:
            found = [(q.text, q.value, q.unit) for q in find_quantities(item.input)]
            expected = [e[:3] for e in item.expected]
            print(f"{item.file[:30]:30} {item.input[:70]!r}\n    peer {expected}\n    ours {found}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
