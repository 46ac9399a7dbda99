"""Extraction speed: articles per second on one core over a generated corpus.

The corpus: 1,200 articles of about 2 KB (UTF-8), half Arabic and half English, made by
recombining the wire-style sentences below (written for this benchmark; some report strikes, some
are background, as in real reports) with places and sides drawn at random (fixed seed). Prints the median of several runs of `extract_events` over the whole corpus, and a
baseline run side by side: the gazetteer scan alone over the same corpus, the floor any
gazetteer-based extractor pays. Times are this process's CPU time (the machine may be shared;
--wall times wall-clock instead). Nothing is asserted; the target is >= 1,000 articles/s.
Then one long article of 32, 128 and 320 KB made of the corpus's articles joined: its ms per KB
against the same text as separate articles shows whether the stages stay close to linear.
--instructions N counts instructions per article instead (valgrind's callgrind): slower, but the
same code gives the same figure on a busy machine, so two checkouts compare to a fraction of a percent.

    .venv/bin/python bench/bench_extract.py [--articles N] [--runs R] [--wall] [--instructions N]
"""
from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extract.model import Article          # noqa: E402
from extract.pipeline import extract_events  # noqa: E402
from gazetteer import load_gazetteer        # noqa: E402

ARABIC = {
    "place": ["دير الزور", "الميادين", "البوكمال", "الحسكة", "القامشلي", "منبج", "تل أبيض", "رأس العين",
              "إدلب", "أريحا", "سراقب", "درعا", "تدمر", "الشدادي", "حقل العمر", "مطار حلب", "جرابلس"],
    "attacker": ["القوات الأميركية", "الجيش الإسرائيلي", "القوات التركية", "قوات النظام", "مجموعات موالية لإيران"],
    "target": ["قسد", "الحرس الثوري", "حزب الله", "قوات النظام", "القوات الأميركية"],
    "sentences": [
        "شنت طائرات حربية غارات جوية مساء الخميس على مواقع تابعة لـ{target} داخل مدينة {place}، ما أدى إلى مقتل ستة عناصر.",
        "وقال المرصد السوري لحقوق الإنسان إن طائرة مسيّرة استهدفت سيارة قرب {place}، ما أسفر عن مقتل اثنين وإصابة ثلاثة آخرين.",
        "وأطلقت {attacker} صواريخ صباح الجمعة سقطت في ريف {place} من دون وقوع خسائر بشرية.",
        "ودارت اشتباكات عنيفة بين {attacker} و{target} في بادية {place} أسفرت عن مقتل خمسة مقاتلين.",
        "وانفجرت عبوة ناسفة بدورية لـ{target} على طريق قرب بلدة {place}، ما أدى إلى إصابة عنصرين.",
        "وأضاف المصدر أن القصف المدفعي طال أطراف {place} وأدى إلى أضرار مادية.",
        "وذكرت وكالة رويترز أن {attacker} لم تعلق على الضربات حتى الآن.",
        "ونفت مصادر محلية أن تكون الضربات قد استهدفت مواقع عسكرية، مؤكدة أن القصف أصاب منازل مدنيين.",
        "وتأتي هذه التطورات بعد أيام من غارات مماثلة استهدفت مستودعات أسلحة في محيط {place}.",
        "ويشهد شرق سوريا توتراً متصاعداً منذ أسابيع بين واشنطن وطهران.",
        "وقال المتحدث باسم الخارجية إن بلاده تتابع الوضع عن كثب وتدعو جميع الأطراف إلى ضبط النفس.",
        "ويعيش آلاف النازحين في مخيمات مكتظة تفتقر إلى الخدمات الأساسية مع اقتراب فصل الشتاء.",
        "وتعاني المنطقة من أزمة اقتصادية خانقة وارتفاع كبير في أسعار المحروقات والمواد الغذائية.",
        "وأكد مسؤول محلي أن المدارس ستبقى مغلقة حتى نهاية الأسبوع بسبب الأوضاع الأمنية.",
        "ودعت الأمم المتحدة إلى إيصال المساعدات الإنسانية دون عوائق إلى جميع المناطق المتضررة.",
        "ويأتي ذلك في ظل جمود سياسي مستمر منذ سنوات وتعثر جولات المفاوضات المتتالية.",
    ],
    "headline": "غارات وقصف في {place}",
    "dateline": "أربيل (كوردستان24)- ",
}
ENGLISH = {
    "place": ["Deir ez-Zor", "Mayadin", "Albukamal", "Hasakah", "Qamishli", "Manbij", "Tal Abyad", "Ras al-Ain",
              "Idlib", "Ariha", "Saraqib", "Daraa", "Palmyra", "Shaddadi", "Conoco gas field", "Kobani"],
    "attacker": ["US forces", "Israeli warplanes", "Turkish forces", "Regime forces", "Iran-backed militias"],
    "target": ["the SDF", "Hezbollah", "regime forces", "Kataib Hezbollah", "Islamic State cells"],
    "sentences": [
        "{attacker} carried out air strikes on Thursday evening on positions of {target} inside {place} city, killing six fighters.",
        "A drone struck a car near {place} on Friday, killing two people and wounding three others, the Syrian Observatory for Human Rights said.",
        "{attacker} fired rockets at the countryside of {place} on Saturday morning, without causing casualties.",
        "Clashes broke out between {attacker} and {target} in the desert east of {place}, leaving five fighters dead.",
        "An IED exploded near a patrol of {target} on the outskirts of {place}, wounding two members.",
        "Artillery shelling hit villages in rural {place}, causing material damage, local sources said.",
        "Reuters could not independently verify the reports, and {attacker} did not comment on the strikes.",
        "Local sources denied that the strikes had hit military sites, saying civilian homes were damaged.",
        "The attack came days after similar strikes on weapons depots near {place}.",
        "Tension has been rising in eastern Syria for weeks between Washington and Tehran.",
        "A foreign ministry spokesman said the government was following the situation closely and urged restraint.",
        "Thousands of displaced families live in crowded camps that lack basic services as winter approaches.",
        "The region is suffering a severe economic crisis, with fuel and food prices rising sharply.",
        "A local official said schools would stay closed until the end of the week because of the security situation.",
        "The United Nations called for unhindered humanitarian access to all affected areas.",
        "The talks have stalled for years, and successive rounds of negotiations have failed to produce a deal.",
    ],
    "headline": "Strikes and shelling hit {place}",
    "dateline": "BEIRUT (Reuters) - ",
}
TARGET_BYTES = 2048          # "about 2 KB" of UTF-8 (an Arabic letter takes two bytes)


def make_article(rng: random.Random, lang: dict, language: str, n: int) -> Article:
    fill = lambda s: s.format(place=rng.choice(lang["place"]), attacker=rng.choice(lang["attacker"]),  # noqa: E731
                              target=rng.choice(lang["target"]))
    parts = [fill(lang["headline"]), "\n\n", lang["dateline"]]
    size = sum(len(p.encode("utf-8")) for p in parts)
    while size < TARGET_BYTES:
        sentence = fill(rng.choice(lang["sentences"]))
        parts.append(sentence + (" " if rng.random() < 0.7 else "\n\n"))
        size += len(sentence.encode("utf-8")) + 1
    return Article(id=f"bench-{n}", text="".join(parts), published=date(2024, 5, 10),
                   outlet="Bench Wire", language=language)


def make_corpus(count: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    return [make_article(rng, ARABIC, "ar", i) if i % 2 == 0 else make_article(rng, ENGLISH, "en", i)
            for i in range(count)]


def timed(fn, corpus) -> float:
    """CPU seconds this process spent on the corpus: on a machine shared with other work, wall-clock
    time also counts the time other processes held the core (see --wall)."""
    clock = time.perf_counter if WALL_CLOCK else time.process_time
    start = clock()
    for article in corpus:
        fn(article)
    return clock() - start


WALL_CLOCK = False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1200)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--wall", action="store_true", help="time wall-clock instead of this process's CPU time")
    ap.add_argument("--instructions", type=int, metavar="N", default=0,
                    help="instead of timing, count the instructions per article over N articles under "
                         "valgrind's callgrind (repeatable on a shared machine; needs valgrind)")
    ap.add_argument("--extract-only", type=int, metavar="K", default=-1, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.extract_only >= 0:
        extract_first(args.extract_only, args.articles)
        return
    if args.instructions:
        print_instructions(args.instructions)
        return
    global WALL_CLOCK
    WALL_CLOCK = args.wall
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})      # one core
    gaz = load_gazetteer()
    corpus = make_corpus(args.articles)
    mean_kb = sum(len(a.text.encode("utf-8")) for a in corpus) / len(corpus) / 1024
    events = sum(len(extract_events(a, gaz)) for a in corpus)          # warm-up, and a sanity figure
    full, base = [], []
    for _ in range(args.runs):
        full.append(timed(lambda a: extract_events(a, gaz), corpus))
        base.append(timed(lambda a: gaz.scan(a.text), corpus))
    full_rate = len(corpus) / statistics.median(full)
    base_rate = len(corpus) / statistics.median(base)
    print(f"corpus: {len(corpus)} articles (half Arabic, half English), mean {mean_kb:.2f} KB "
          f"({mean_kb * 1024:.0f} bytes UTF-8), {events} events extracted")
    print(f"extract_events:        {full_rate:8.0f} articles/s  {1000 / full_rate:.3f} ms/article  "
          f"(median of {args.runs} runs, one core, {'wall-clock' if WALL_CLOCK else 'CPU'} time)")
    print(f"baseline gazetteer.scan: {base_rate:6.0f} articles/s  {1000 / base_rate:.3f} ms/article  "
          f"(same corpus, same runs)")
    print(f"extraction costs {base_rate / full_rate:.1f}x the bare gazetteer scan; target >= 1,000 articles/s")
    long_article_figures(corpus, gaz, args.runs)


def extract_first(k: int, size: int) -> None:
    """Load everything, make the corpus, extract one article, then the first k (run under callgrind)."""
    gaz = load_gazetteer()
    corpus = make_corpus(size)
    extract_events(corpus[0], gaz)
    for article in corpus[:k]:
        extract_events(article, gaz)


def _callgrind_instructions(k: int, size: int) -> int:
    """Instructions (callgrind's Ir) of this script extracting k articles of a corpus of `size`, with
    a fixed hash seed: the same code and input give the same count whatever else the machine does."""
    with tempfile.TemporaryDirectory() as tmp:
        run = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/out",
                              sys.executable, __file__, "--extract-only", str(k), "--articles", str(size)],
                             env=dict(os.environ, PYTHONHASHSEED="0"), capture_output=True, text=True)
    found = re.search(r"refs:\s*([\d,]+)", run.stderr)
    if found is None:
        sys.exit(f"valgrind gave no instruction count: {run.stderr.strip()[-300:]}")
    return int(found.group(1).replace(",", ""))


def print_instructions(n: int) -> None:
    if shutil.which("valgrind") is None:
        sys.exit("--instructions needs valgrind (apt-get install valgrind)")
    # the same corpus made in both runs: the difference is the extraction of n articles alone
    per_article = (_callgrind_instructions(n, n) - _callgrind_instructions(0, n)) / n
    print(f"extract_events: {per_article / 1e6:.3f} M instructions/article over {n} articles "
          f"(callgrind, PYTHONHASHSEED=0, loading and the first article subtracted)")


def long_article_figures(corpus: list[Article], gaz, runs: int) -> None:
    """One long article (a daily digest, a saved page of many reports) made of the corpus's articles
    joined: its cost per KB against the 2 KB articles' shows whether extraction stays linear."""
    per_kb_short = None
    for kb in (32, 128, 320):
        parts, size = [], 0
        for a in corpus:
            if size >= kb * 1024:
                break
            parts.append(a.text)
            size += len(a.text.encode("utf-8"))
        article = Article(id=f"long-{kb}", text="\n\n".join(parts), published=date(2024, 5, 10),
                          outlet="Bench Wire", language="ar")
        seconds = statistics.median(timed(lambda a: extract_events(a, gaz), [article]) for _ in range(runs))
        per_kb = 1000 * seconds / (size / 1024)
        if per_kb_short is None:
            short = statistics.median(timed(lambda a: extract_events(a, gaz), corpus[:len(parts)]) for _ in range(runs))
            per_kb_short = 1000 * short / (size / 1024)
        print(f"one {size / 1024:5.0f} KB article: {seconds:6.3f} s, {per_kb:5.2f} ms/KB "
              f"({per_kb / per_kb_short:.1f}x the ms/KB of the same text as {len(parts)} separate articles)")


if __name__ == "__main__":
    main()
