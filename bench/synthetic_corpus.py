"""A deterministic synthetic corpus of metaverse news articles, for benchmarks.

Articles are assembled from the sentences of the real seed articles (data/articles/*.txt) plus a
small set of Chinese policy-style sentences written here, with every number, year and place or
company name varied by a seeded random generator. Same (n_articles, seed) -> same articles,
byte for byte. About 5 KB per article, so 10,000 articles make about 50 MB.

    from bench.synthetic_corpus import generate_corpus, write_corpus
    for name, text in generate_corpus(100, seed=7): ...
    write_corpus("/tmp/corpus", 10_000, seed=7)   # NAME.txt files + manifest.csv

or from the shell: python bench/synthetic_corpus.py OUT_DIR N_ARTICLES [SEED]
"""

from __future__ import annotations

import csv
import random
import re
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLES = ROOT / "data" / "articles"
TARGET_CHARS = 5000
#: Share of articles written in Chinese (from the policy-style sentences below).
CHINESE_SHARE = 0.2

CHINESE_SENTENCES = (
    "到2025年，全市元宇宙产业规模突破3500亿元，带动相关产业规模超过1万亿元。",
    "培育100家以上元宇宙创新型企业，打造10个以上元宇宙产业园区。",
    "落地50个以上示范应用场景，形成3至5个具有全国影响力的产业集群。",
    "截至目前，全省已有500多家企业布局元宇宙，申请专利1200件。",
    "设立规模约200亿元的元宇宙产业基金，重点支持关键技术攻关。",
    "上海市发布行动方案，提出元宇宙相关产业规模达到3500亿元左右。",
    "北京市通州区出台政策，对符合条件的企业给予最高500万元奖励。",
    "据统计，我国元宇宙相关商标申请量已超过1.6万件，同比增长30%。",
    "该联盟首批成员包括华为、腾讯、百度等24家企业和科研机构。",
    "四川省提出，到2025年元宇宙产业规模力争达到2500亿元。",
    "山东省计划培育三到五个元宇宙特色产业园区，引进两百家以上重点企业。",
    "报告显示，2023年中国元宇宙市场规模同比增长39.5%，约合1061亿美元。",
)

#: Narrative sentences without figures: real policy text is mostly prose, and without them the
#: Chinese articles would hold a figure every twenty characters.
CHINESE_PROSE = (
    "会议强调，要坚持创新驱动发展，推动元宇宙与实体经济深度融合。",
    "各地要结合自身优势，探索元宇宙在文旅、教育、医疗等领域的应用。",
    "专家表示，元宇宙概念仍处于早期阶段，需警惕炒作和金融风险。",
    "市经济和信息化局相关负责人介绍了行动方案的主要内容。",
    "下一步，将加快构建开放协同的产业生态，完善标准体系建设。",
    "业内人士认为，虚拟现实和数字孪生技术将成为新的增长点。",
    "监管部门提醒公众，谨防打着元宇宙旗号的非法集资活动。",
    "该区依托现有产业基础，积极引进龙头企业和创新团队。",
    "方案还提出加强人才培养，支持高校开设相关专业课程。",
    "与会代表围绕数字经济发展趋势进行了深入交流。",
)

PLACES = (
    "Beijing",
    "Shanghai",
    "Shenzhen",
    "Guangzhou",
    "Hangzhou",
    "Chengdu",
    "Wuhan",
    "Hefei",
    "Nanjing",
    "Xiamen",
    "Sichuan",
    "Shandong",
    "Zhejiang",
    "Hainan",
    "Jiangsu",
)
COMPANIES = (
    "Tencent",
    "Huawei",
    "Baidu",
    "Alibaba",
    "NetEase",
    "ByteDance",
    "Xiaomi",
    "iFlytek",
    "Ant Group",
    "SenseTime",
    "China Mobile",
    "37Games",
)
ZH_PLACES = (
    "北京市",
    "上海市",
    "深圳市",
    "广州市",
    "杭州市",
    "成都市",
    "武汉市",
    "四川省",
    "山东省",
)

_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+|\n+")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_NAMES = re.compile("|".join(re.escape(n) for n in sorted(PLACES + COMPANIES, key=len)[::-1]))
_ZH_NAMES = re.compile("|".join(ZH_PLACES))


def seed_sentences(folder: Path = SEED_ARTICLES) -> list[str]:
    """The sentences of the real articles, in a stable order (file name, then position)."""
    sentences: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences.extend(s.strip() for s in _SENTENCE_END.split(text) if len(s.strip()) > 20)
    return sentences


def _vary_number(rng: random.Random, written: str) -> str:
    """A different number written the same way: years stay years, grouping stays grouping."""
    plain = written.replace(",", "")
    if plain.isdigit() and len(plain) == 4 and 1990 <= int(plain) <= 2035:
        return str(rng.randint(2015, 2030))
    decimals = len(plain.partition(".")[2])
    value = float(plain) * rng.uniform(0.5, 2.0)
    if decimals:
        return f"{value:,.{decimals}f}" if "," in written else f"{value:.{decimals}f}"
    value_int = max(1, round(value))
    return f"{value_int:,}" if "," in written else str(value_int)


def _vary(rng: random.Random, sentence: str) -> str:
    sentence = _NUMBER.sub(lambda m: _vary_number(rng, m.group()), sentence)
    sentence = _NAMES.sub(
        lambda m: rng.choice(PLACES if m.group() in PLACES else COMPANIES), sentence
    )
    return _ZH_NAMES.sub(lambda m: rng.choice(ZH_PLACES), sentence)


def generate_corpus(n_articles: int, seed: int = 0) -> Iterator[tuple[str, str]]:
    """Yield (name, text) for n_articles synthetic articles, deterministic given seed."""
    english = seed_sentences()
    for i in range(n_articles):
        rng = random.Random(f"{seed}:{i}")
        chinese = rng.random() < CHINESE_SHARE
        pool = CHINESE_SENTENCES + CHINESE_PROSE * 2 if chinese else english
        parts: list[str] = []
        size = 0
        while size < TARGET_CHARS // (3 if chinese else 1):
            sentence = _vary(rng, rng.choice(pool))
            parts.append(sentence)
            size += len(sentence) + 1
        separator = "" if chinese else " "
        paragraphs = [separator.join(parts[k : k + 5]) for k in range(0, len(parts), 5)]
        yield f"synthetic-{seed}-{i:05d}", "\n\n".join(paragraphs) + "\n"


def write_corpus(folder: str | Path, n_articles: int, seed: int = 0) -> Path:
    """Write the corpus as NAME.txt files plus a manifest.csv like data/articles' one."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    start = date(2022, 1, 1)
    rows = []
    for i, (name, text) in enumerate(generate_corpus(n_articles, seed)):
        (out / f"{name}.txt").write_text(text, encoding="utf-8")
        language = "zh" if re.search(r"[\u4e00-\u9fff]", text[:200]) else "en"
        published = (start + timedelta(days=i % 900)).isoformat()
        rows.append(
            [
                f"{name}.txt",
                f"Synthetic article {i}",
                "synthetic",
                "",
                published,
                "day",
                language,
                "",
                "",
                "generated by bench/synthetic_corpus.py",
            ]
        )
    with (out / "manifest.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(
            [
                "file",
                "title",
                "outlet",
                "author",
                "published",
                "date_precision",
                "language",
                "url",
                "seed_id",
                "notes",
            ]
        )
        writer.writerows(rows)
    return out


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: python bench/synthetic_corpus.py OUT_DIR N_ARTICLES [SEED]")
    write_corpus(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 0)
