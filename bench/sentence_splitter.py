"""Measure natotui's sentence splitter against pysbd: speed, agreement and accuracy.

    python bench/sentence_splitter.py [--data DIR] [--config FILE] [--seconds S] [--show N]

Both splitters get the same input: the clean text of each article, one paragraph at a time
(natotui never lets a sentence cross a paragraph, so paragraph ends are not counted as
boundaries). Prints, for each splitter, sentences/s and characters/s; the boundary agreement
between the two (precision, recall and F1 of natotui's boundaries with pysbd's as reference);
the boundaries where they differ; and the accuracy of each on a small hand-labelled set of
sentences written to be hard (abbreviations, initials, quotes, numbers).

pysbd is not a dependency of natotui: `pip install pysbd` to run this.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.core.config import ConfigError, load_config  # noqa: E402
from tui.core.loading import load_corpus  # noqa: E402
from tui.core.paths import default_config_path, default_data_dir  # noqa: E402
from tui.core.sentences import split_sentences  # noqa: E402

Span = tuple[int, int]
Splitter = Callable[[str], list[Span]]

# Hand-labelled paragraphs: each is a list of its sentences, joined by one space.
GOLD: list[list[str]] = [
    [
        "U.S. Secretary of State Marco Rubio met Sen. Jeanne Shaheen on Monday.",
        "They discussed aid.",
    ],
    ["Gen. Christopher Cavoli and Lt. Gen. Alexus Grynkewich attended.", "Mr. Rutte thanked them."],
    ["John F. Kennedy spoke in Berlin in 1963.", "The speech is still quoted."],
    ["“Russia has not demonstrated a commitment to peace,” the official said.", "“We will see.”"],
    ["He arrived in the U.S. on Tuesday.", "Officials confirmed the visit."],
    ["The talks ended at 5 p.m. on Friday.", "No statement was issued."],
    ["Spending rose 3.5 percent in 2024.", "Allies want 5%."],
    ["Is NATO ready?", "Rutte said yes!", "Others disagreed."],
    ["Its members met in Washington, D.C. last week.", "The plan passed."],
    ['He said: "The Alliance is strong."', "Then he left."],
    ["The meeting was moved to Dec. 3.", "Ministers will attend."],
    [
        "Rep. Joe Wilson of South Carolina criticized the plan.",
        "The White House declined to comment.",
    ],
    ["The plan, published Nov. 18, has 28 points.", "Kyiv objected."],
    ["Dr. Jane Smith, a fellow at the Atlantic Council, disagreed.", "She called it a mistake."],
    ["Rubio flew to the U.K.", "Ministers met him at the airport."],
    ["The summit opens June 24 in The Hague.", "Leaders will sign a declaration."],
    ["Col. Ann Lee (ret.) said the Alliance must act.", "Nobody replied."],
    ["President Donald J. Trump spoke.", "Reporters asked about Ukraine."],
]


def natotui_spans(text: str) -> list[Span]:
    return split_sentences(text)


def make_pysbd() -> Splitter:
    try:
        import pysbd
    except ImportError:
        sys.exit("bench/sentence_splitter.py needs pysbd: pip install pysbd")
    segmenter = pysbd.Segmenter(language="en", clean=False)

    def spans(text: str) -> list[Span]:
        out: list[Span] = []
        for paragraph in re.finditer(r"[^\n]+", text):
            cursor = paragraph.start()
            for sentence in segmenter.segment(paragraph.group()):
                sentence = sentence.strip()
                if not sentence:
                    continue
                start = text.find(sentence, cursor, paragraph.end())
                if start < 0:  # pysbd changed the text: skip, agreement will show it
                    continue
                out.append((start, start + len(sentence)))
                cursor = start + len(sentence)
        return out

    return spans


def inner_boundaries(text: str, spans: list[Span]) -> set[int]:
    """Sentence ends that are not paragraph ends (those are certain and not a test)."""
    ends = set()
    for _, end in spans:
        rest = text[end:]
        following = rest.lstrip(" ")
        if following and not following.startswith("\n"):
            ends.add(end)
    return ends


def prf(found: set[int], reference: set[int]) -> tuple[float, float, float]:
    if not found and not reference:
        return 1.0, 1.0, 1.0
    hit = len(found & reference)
    precision = hit / len(found) if found else 0.0
    recall = hit / len(reference) if reference else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def speed(splitter: Splitter, texts: list[str], seconds: float) -> tuple[float, float, int]:
    """(sentences/s, chars/s, rounds) over the texts, repeated for at least `seconds`."""
    chars = sum(len(t) for t in texts)
    sentences = rounds = 0
    began = time.perf_counter()
    while True:
        for text in texts:
            sentences += len(splitter(text))
        rounds += 1
        elapsed = time.perf_counter() - began
        if elapsed >= seconds:
            return sentences / elapsed, chars * rounds / elapsed, rounds


def gold_scores(splitter: Splitter) -> tuple[float, float, float, int]:
    found: set[int] = set()
    reference: set[int] = set()
    exact = 0
    offset = 0
    for sentences in GOLD:
        text = " ".join(sentences)
        gold_ends, position = set(), 0
        for sentence in sentences[:-1]:
            position += len(sentence)
            gold_ends.add(offset + position)
            position += 1
        spans = splitter(text)
        ends = {offset + end for _, end in spans if end < len(text)}
        exact += ends == gold_ends
        found |= ends
        reference |= gold_ends
        offset += len(text) + 1
    return (*prf(found, reference), exact)


def context(text: str, offset: int, width: int = 40) -> str:
    left = text[max(0, offset - width) : offset]
    right = text[offset : offset + width]
    return (left + " ‖" + right).replace("\n", " ")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", type=Path, default=None, help="corpus folder (default: the sample)"
    )
    parser.add_argument("--config", type=Path, default=None, help="config file (default: shipped)")
    parser.add_argument("--seconds", type=float, default=1.0, help="time per speed measurement")
    parser.add_argument("--show", type=int, default=20, help="disagreements to print")
    args = parser.parse_args()

    pysbd_spans = make_pysbd()
    try:
        loaded = load_config(args.config or default_config_path())
    except ConfigError as exc:
        sys.exit(f"config error: {exc}")
    corpus = load_corpus([args.data or default_data_dir()], loaded.config)
    texts = [a.text for a in corpus.articles]
    chars = sum(len(t) for t in texts)
    print(f"corpus: {len(texts)} articles, {chars:,} characters of clean text")

    print("\nspeed (whole corpus, repeated):")
    for name, splitter in (("natotui", natotui_spans), ("pysbd", pysbd_spans)):
        per_s, chars_s, rounds = speed(splitter, texts, args.seconds)
        print(f"  {name:8} {per_s:12,.0f} sentences/s {chars_s:14,.0f} chars/s  ({rounds} rounds)")

    found_all: set[tuple[int, int]] = set()
    reference_all: set[tuple[int, int]] = set()
    only_natotui: list[str] = []
    only_pysbd: list[str] = []
    counts = {"natotui": 0, "pysbd": 0}
    for index, text in enumerate(texts):
        ours, theirs = natotui_spans(text), pysbd_spans(text)
        counts["natotui"] += len(ours)
        counts["pysbd"] += len(theirs)
        a, b = inner_boundaries(text, ours), inner_boundaries(text, theirs)
        found_all |= {(index, o) for o in a}
        reference_all |= {(index, o) for o in b}
        only_natotui += [context(text, o) for o in sorted(a - b)]
        only_pysbd += [context(text, o) for o in sorted(b - a)]
    precision, recall, f1 = prf(found_all, reference_all)
    print(
        f"\nagreement on the corpus (boundaries inside paragraphs; natotui {counts['natotui']} "
        f"sentences, pysbd {counts['pysbd']}):"
    )
    print(
        f"  boundary F1 {f1:.3f}  (precision {precision:.3f}, recall {recall:.3f}, "
        f"pysbd as reference; {len(found_all & reference_all)} shared, "
        f"{len(only_natotui)} only natotui, {len(only_pysbd)} only pysbd)"
    )
    for label, items in (("only natotui splits", only_natotui), ("only pysbd splits", only_pysbd)):
        for item in items[: args.show]:
            print(f"    {label}: …{item}…")

    print(f"\naccuracy on {len(GOLD)} hand-labelled hard paragraphs (boundary F1 against gold):")
    for name, splitter in (("natotui", natotui_spans), ("pysbd", pysbd_spans)):
        p, r, f, exact = gold_scores(splitter)
        print(
            f"  {name:8} F1 {f:.3f}  (precision {p:.3f}, recall {r:.3f}; "
            f"{exact}/{len(GOLD)} paragraphs exactly right)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
