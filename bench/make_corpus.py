"""Write a synthetic corpus of N articles, built by recombining the sentences of data/.

    python bench/make_corpus.py N [--out DIR] [--seed S]

Each article takes sentences of the five sample articles and gives them a cast of its own: the
people (from gazetteers/people.yaml), the meeting place (capitals and venues from
gazetteers/places.yaml) and the dates (near the article's own date) change, so the corpus has the
variety of a real one. Most files carry YAML front matter (title, published, outlet, sometimes
authors and url); the rest are bare scraped text, some with a dateline and a byline, some with
page junk, so metadata inference is exercised too.

Deterministic: article i depends only on (seed, i), so the same N and seed give byte-identical
files, and the first 1,000 articles of the 10k corpus are the 1k corpus. Files go in
sub-folders of 1,000 (`000/a000123.txt`), as an archive would be kept.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "bench" / "corpora"

# The people of the sample articles, whose names (full, then surname alone) become slots.
# Each has a slot of the article's cast (one person per slot in a sentence).
SEED_PEOPLE = [
    ("Lars Løkke Rasmussen", "Rasmussen", 4),
    ("Christopher Landau", "Landau", 2),
    ("Andriy Sybiha", "Sybiha", 3),
    ("Friedrich Merz", "Merz", 5),
    ("Matt Whitaker", "Whitaker", 2),
    ("Rex Tillerson", "Tillerson", 3),
    ("Scott Cullinane", "Cullinane", 4),
    ("David Lammy", "Lammy", 4),
    ("Tammy Bruce", "Bruce", 3),
    ("Kaja Kallas", "Kallas", 2),
    ("Marco Rubio", "Rubio", 0),
    ("Marco rubio", "rubio", 0),
    ("Mark Rutte", "Rutte", 1),
]
CAST = 6
SEED_PLACES = ["The Hague", "Brussels", "Antalya"]
FALLBACK_PEOPLE = [
    "Mark Rutte",
    "Marco Rubio",
    "Kaja Kallas",
    "Annalena Baerbock",
    "Radosław Sikorski",
    "Jean-Noël Barrot",
    "Antonio Tajani",
    "Hakan Fidan",
    "Mélanie Joly",
    "Pete Hegseth",
    "Lars Løkke Rasmussen",
    "Andriy Sybiha",
    "Elina Valtonen",
    "Margus Tsahkna",
    "Yvette Cooper",
]
FALLBACK_PLACES = [
    "Brussels",
    "Washington",
    "Paris",
    "Berlin",
    "Warsaw",
    "Vilnius",
    "Ankara",
    "Antalya",
    "The Hague",
    "Rome",
    "Madrid",
    "Ottawa",
    "Oslo",
    "Helsinki",
    "Tallinn",
    "Bucharest",
]
OUTLETS = [
    "Kyiv Post",
    "Reuters",
    "Defense News",
    "Politico Europe",
    "Euractiv",
    "The Record",
    "Breaking Defense",
    "Atlantic Council",
    "Balkan Insight",
    "Hürriyet Daily News",
    "Deutsche Welle",
    "Le Monde",
    "Notes from Poland",
    "LRT",
    "ERR News",
]
AUTHORS = [
    "James Carter",
    "Alex Raufoglu",
    "Maria Kowalska",
    "Jonas Berg",
    "Elif Yılmaz",
    "Sophie Martin",
    "Tomasz Nowak",
    "Hanna Virtanen",
    "Daniel Okafor",
    "Laura Rossi",
]
JUNK = [
    "Subscribe Us",
    "Flash News",
    "Post a Comment",
    "0 Comments",
    "Leave a Comment",
    "Share this article",
    "Advertisement",
    "Read more",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH = "|".join(MONTHS)
# "April 3", "December 3rd", "November 28,2025", "November 18th, 2025"
_DATE = re.compile(rf"\b({_MONTH}) (\d{{1,2}})(st|nd|rd|th)?(?:,\s?(\d{{4}}))?\b")
_YEAR = re.compile(r"\b20(2[0-9])\b")
_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")
FIRST_DAY = date(2023, 1, 1)
DAYS = (date(2026, 6, 30) - FIRST_DAY).days


def _gazetteer_names(file: str, key: str = "name") -> list[str]:
    """Names listed in a gazetteer file, read with a regex so the bench needs no YAML parse."""
    path = ROOT / "gazetteers" / file
    if not path.exists():
        return []
    found = re.findall(rf"\{{{key}: ([^,}}]+)", path.read_text(encoding="utf-8"))
    return sorted({n.strip().strip("'\"") for n in found if n.strip()})


class Templates:
    """Sentences of the sample corpus with slots for people, places and dates."""

    def __init__(self, data: Path) -> None:
        self.sentences: list[str] = []
        self.titles: list[str] = []
        for path in sorted(data.glob("*.txt")):
            paragraphs = [p.strip() for p in re.split(r"\n\s*\n", path.read_text(encoding="utf-8"))]
            paragraphs = [p for p in paragraphs if p]
            long = [p for p in paragraphs if len(p) > 80]
            heads = [
                p
                for p in paragraphs
                if 25 < len(p) <= 160 and not p.endswith(".") and not p.lower().startswith("by ")
            ]
            if heads:
                self.titles.append(self._slots(heads[0]))
            for paragraph in long:
                for sentence in _SENTENCE_END.split(paragraph.replace("\n", " ")):
                    if len(sentence) > 30:
                        self.sentences.append(self._slots(sentence))
        if not self.sentences:
            raise SystemExit(f"no sentences found in {data}")

    @staticmethod
    def _slots(text: str) -> str:
        text = text.replace("{", "(").replace("}", ")")
        for full, surname, slot in SEED_PEOPLE:
            text = text.replace(full, f"{{P{slot}}}")
            text = re.sub(rf"\b{re.escape(surname)}\b", f"{{S{slot}}}", text)
        for place in SEED_PLACES:
            text = text.replace(place, "{L}")
        text = _DATE.sub(
            lambda m: "{D" + ("Y" if m.group(4) else "") + (m.group(3) and "o" or "") + "}", text
        )
        return _YEAR.sub("{Y}", text)


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def article(i: int, seed: int, templates: Templates, people: list[str], places: list[str]) -> str:
    """The text of article `i` of the corpus with `seed`."""
    rng = random.Random(f"{seed}:{i}")
    published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    cast = rng.sample(people, CAST)
    event = published + timedelta(days=rng.randint(-10, 14))
    fill = {
        "L": rng.choice(places),
        "Y": str(published.year),
        "D": f"{MONTHS[event.month - 1]} {event.day}",
        "Do": f"{MONTHS[event.month - 1]} {_ordinal(event.day)}",
        "DY": f"{MONTHS[event.month - 1]} {event.day}, {event.year}",
        "DYo": f"{MONTHS[event.month - 1]} {_ordinal(event.day)}, {event.year}",
    }
    for slot, name in enumerate(cast):
        fill[f"P{slot}"] = name
        fill[f"S{slot}"] = name.split()[-1]
    count = rng.randint(12, 36)
    start = rng.randrange(len(templates.sentences))
    # Mostly runs of consecutive sentences (so paragraphs still read as a story), some shuffled.
    chosen = [templates.sentences[(start + k) % len(templates.sentences)] for k in range(count)]
    if rng.random() < 0.3:
        rng.shuffle(chosen)
    paragraphs, current = [], []
    for sentence in chosen:
        current.append(sentence.format_map(fill))
        if len(current) >= rng.randint(2, 4):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    title = rng.choice(templates.titles).format_map(fill)
    outlet = rng.choice(OUTLETS)
    author = rng.choice(AUTHORS)

    lines: list[str] = []
    kind = rng.random()
    if kind < 0.8:  # front matter
        lines += [
            "---",
            f"title: {_yaml_str(title)}",
            f"published: {published.isoformat()}",
            f"outlet: {_yaml_str(outlet)}",
        ]
        if rng.random() < 0.5:
            lines.append(f"authors: [{_yaml_str(author)}]")
        if rng.random() < 0.3:
            lines.append(f"url: https://example.org/{published.year}/{i}")
        lines += ["---", ""]
    else:  # bare scraped text: junk, repeated title, maybe a dateline and a byline
        if rng.random() < 0.5:
            lines += [rng.choice(JUNK), ""]
        lines += [title, "", title, ""]
        if rng.random() < 0.6:
            lines += [f"by {author}", ""]
        if rng.random() < 0.7:
            when = f"{MONTHS[published.month - 1]} {published.day}, {published.year}"
            paragraphs[0] = (
                f"{fill['L']}, {rng.choice(['Belgium', 'Türkiye', 'Netherlands'])} – {when} – {paragraphs[0]}"
            )
    for paragraph in paragraphs:
        lines += [paragraph, ""]
    if kind >= 0.8 and rng.random() < 0.5:
        lines += [rng.choice(JUNK), ""]
    return "\n".join(lines)


def _yaml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def relative_path(i: int) -> str:
    suffix = ".md" if i % 7 == 3 else ".txt"
    return f"{i // 1000:03d}/a{i:06d}{suffix}"


def make_corpus(n: int, out: Path, seed: int = 1, data: Path = ROOT / "data") -> Path:
    """Write `n` articles under `out` (emptied first) and return it."""
    templates = Templates(data)
    people = _gazetteer_names("people.yaml") or FALLBACK_PEOPLE
    places = [p for p in _gazetteer_names("places.yaml") if len(p) < 30] or FALLBACK_PLACES
    if out.exists():
        shutil.rmtree(out)
    made: set[Path] = set()
    for i in range(n):
        path = out / relative_path(i)
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_bytes(article(i, seed, templates, people, places).encode("utf-8"))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles (1000, 10000, 100000 ...)")
    parser.add_argument("--out", type=Path, default=None, help="folder (default bench/corpora/N)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    out = args.out or DEFAULT_OUT / str(args.n)
    started = time.perf_counter()
    make_corpus(args.n, out, args.seed)
    seconds = time.perf_counter() - started
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"{args.n:,} articles, {size / 1e6:.1f} MB in {out} ({seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
