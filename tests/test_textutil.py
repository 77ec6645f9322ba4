"""Case-insensitive matching over the lower-cased text finds what IGNORECASE finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.core.config import load_config
from tui.core.textutil import (
    WORD_START,
    LowerCasePattern,
    PatternSet,
    _pieces,
    after_character,
    alternatives,
    caseless,
    first_characters,
    lower_case_source,
    lower_same_length,
    trie_pattern,
    widen_case,
    without_captures,
    without_negative_lookarounds,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"NATO\s+Summit", r"nato\s+summit"),
        (r"[A-Z]\W\S\D\B", r"[a-z]\W\S\D\B"),  # escapes keep their case
        (r"(?P<Value>\d+)(?P=Value)", r"(?P<Value>\d+)(?P=Value)"),  # so do group names
        (r"(?i:Early)", r"(?i:early)"),
    ],
)
def test_lower_case_source(source, expected):
    assert lower_case_source(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        r"met\s+(?=(?-i:[A-Z]))",  # a case-sensitive part
        r"\x41",  # a character written by its code
        r"\N{LATIN CAPITAL LETTER A}",
    ],
)
def test_no_lower_case_source(source):
    assert lower_case_source(source) is None
    assert isinstance(caseless(source), re.Pattern)


def test_texts_lowered_only_when_offsets_and_matches_hold():
    assert lower_same_length("NATO Summit") == "nato summit"
    assert lower_same_length("İstanbul") is None  # lower-cased, the dotted I takes two characters
    assert lower_same_length("Kalın") is None  # IGNORECASE pairs "ı" with "i"


SAMPLES = [
    "NATO leaders met in The Hague; Foreign Minister Sybiha said the Summit was historic.",
    "İbrahim Kalın and Hakan Fidan hosted the talks in İstanbul on Friday.",
    "Defence spending of 5 PER CENT of GDP by 2035, the ALLIANCE's 32 members agreed.",
    "ſpecial caſe: Ministerial meeting, MINISTERIAL, ministerıal.",
]


def _config_patterns() -> list[str]:
    config = load_config(ROOT / "config.yaml").config
    sources = list(config.meetings.attendance.absent) + list(config.meetings.anchors)
    for rule in config.conflicts.claims:
        sources += list(rule.patterns)
    sources.append(trie_pattern([t.lower() for t in config.actors.titles]))
    return sources


@pytest.mark.parametrize("source", _config_patterns())
def test_lower_case_pattern_finds_what_ignorecase_finds(source):
    if lower_case_source(source) is None:
        pytest.skip("matched case-insensitively")
    fast, reference = LowerCasePattern(source), re.compile(source, re.IGNORECASE)
    corpus = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data").glob("*.txt"))]
    for text in SAMPLES + corpus:
        assert [m.span() for m in fast.finditer(text)] == [
            m.span() for m in reference.finditer(text)
        ]
        assert [m.span() for m in fast.finditer(text, 10, 60)] == [
            m.span() for m in reference.finditer(text, 10, 60)
        ]


def _corpus_texts() -> list[str]:
    return SAMPLES + [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data").glob("*.txt"))]


def _spans(matches) -> list[tuple[int, int, tuple]]:
    return [(m.start(), m.end(), m.groups()) for m in matches]


@pytest.mark.parametrize(
    "sources",
    [
        # Overlapping patterns: each still finds its own matches, as alone.
        [WORD_START + r"(?:summit|nato summit)", WORD_START + r"nato", WORD_START + r"(?P<n>\d+)"],
        # Not all at word starts, with a case-sensitive part; one of them can match empty.
        [r"mit\b", WORD_START + r"met\s+(?=(?-i:[A-Z]))", r"x*"],
        _config_patterns()[:6],
    ],
)
def test_pattern_set_finds_what_each_pattern_finds(sources):
    _check_pattern_set(PatternSet(sources))


def _meeting_sources() -> list[str]:
    from tui.core.meetings import MeetingMatcher

    matcher = MeetingMatcher.from_config(load_config(ROOT / "config.yaml").config.meetings)
    return [p.pattern for p in (*matcher.references.patterns, *matcher.cues.patterns)]


@pytest.mark.parametrize(
    "sources",
    [
        # Negative lookarounds inside others, case-sensitive parts: the meeting types and cues.
        _meeting_sources(),
        # Alternatives that start with a class, with many letters, or after a lookbehind; a
        # pattern whose alternatives start with many letters before one with few.
        [
            WORD_START + r"(?:\d+\s*%|(?<=the )two|[a-z]+ call\b)",
            WORD_START + r"(?:[a-hk-z]\w* talks|summit|(?<!press )conference)",
            WORD_START + r"(?:nato|allies)\b(?!\s+(?:said|says))",
        ],
        ["nat(?!o)", r"\bx?y", r"(?<=a)b|c"],  # not all at word starts
    ],
)
def test_sorted_union_finds_what_each_pattern_finds(sources):
    patterns = PatternSet(sources)
    assert type(patterns.union).__name__ == "_SortedUnion"
    _check_pattern_set(patterns, ("The press conference: nato allies said two 5 % talks.",))


def test_union_that_takes_the_character_before_a_word_finds_matches_at_the_edges():
    # The union runs over the text with a space put in front: a match at the very start, one
    # after punctuation, one ending at the very end and one up to an end offset are all found.
    patterns = PatternSet([WORD_START + r"(?:nato|allies)\b", WORD_START + r"(?:summit)(?!\w)"])
    assert patterns.union.spaced is not None
    _check_pattern_set(patterns, ("NATO allies,(allies)-NATO summit", "summit", "x summit"))
    found = patterns.finditer_each("summit NATO", endpos=6)
    assert [[m.span() for m in own] for own in found] == [[], [(0, 6)]]


def test_alternatives_opens_non_capturing_groups():
    assert alternatives(r"a|(?:b|c)d|(?:e|(?:f|g))") == ["a", "(?:b|c)d", "e", "f", "g"]
    assert alternatives(r"[|]x|\|y|(?=a|b)c") == ["[|]x", r"\|y", "(?=a|b)c"]
    assert alternatives(r"(?:a)(?:b|c)") == ["(?:a)(?:b|c)"]


def test_pieces_start_narrower_and_match_wherever_the_source_matches():
    # The optional group: once, then the whole again (short), or alone (long).
    # A group in front that holds one alternative is opened ("(?:(?:X)*)Y" is "(?:X)*Y").
    assert _pieces(r"(?:(?:(?:a|bc)[\s-]+)*)(?:x(?:y|z)|w)") == [
        r"a[\s-]+(?:(?:a|bc)[\s-]+)*(?:x(?:y|z)|w)",
        r"bc[\s-]+(?:(?:a|bc)[\s-]+)*(?:x(?:y|z)|w)",
        "x(?:y|z)",
        "w",
    ]
    long = "(?:" + "|".join(f"x{i}" for i in range(200)) + ")"
    assert _pieces(rf"(?:(?:(?:a|bc)[\s-]+)*){long}")[:2] == [r"a[\s-]+", r"bc[\s-]+"]
    assert _pieces(r"(?:on\s+)?may") == [r"on\s+(?:on\s+)?may", "may"]
    assert _pieces(r"(?:nato|alliance)\s+summit") == [r"nato\s+summit", r"alliance\s+summit"]
    assert _pieces(r"(?:\1)2") == [r"(?:\1)2"]  # not "\12"
    for source in (r"(?:a|b)+c", r"(?:a|b){2}c", r"(?:a|b)*"):
        assert _pieces(source) == [source]


@pytest.mark.parametrize(
    ("source", "char", "after"),
    [
        (r"nato\s+summit", "n", r"ato\s+summit"),
        (
            r"(?:nato|alliance|nations)\b",
            "n",
            r"(?:(?:ato|ations))\b",
        ),  # "alliance" cannot start so
        (r"\b(?:the|a)\s+(?:\d+|two)", "t", r"(?:(?:he))\s+(?:\d+|two)"),  # at a word start
        (r"[$€]\s?\d", "$", r"\s?\d"),
        (r"\$\d", "$", r"\d"),
        (r"x?y", "x", None),  # a repeat in front
        # A lookbehind in front looks back over the character too; a lookahead is not followed.
        (r"(?<=the )two", "t", r"(?<=the [\s\S])wo"),
        (r"(?<!\d )two", "t", r"(?<!\d [\s\S])wo"),
        (r"(?=tw)two", "t", None),
        (r"(?:a|b*)c", "a", None),  # an alternative that may match empty
        (r"\x41b", "a", None),
    ],
)
def test_after_a_character(source, char, after):
    assert after_character(source, char, word_start=True) == after
    if after is not None:  # matched after `char`, it finds what the source finds from `char`
        for text in (f"{char}ato summit", f"{char}he 22", f"{char}7", f"{char}ations"):
            assert bool(re.compile(after).match(text, 1)) == bool(re.match(source, text))


def test_sorted_union_takes_the_first_character_and_goes_on():
    # No piece matched from its first character again by a lookaround (which costs much more).
    patterns = PatternSet(
        [WORD_START + r"(?:nato|alliance)\s+summit", WORD_START + r"(?:the|a)\s+\d+"]
    )
    assert "(?<=(?=" not in patterns.union.pattern
    _check_pattern_set(patterns, ("the 32 allies; NATO summit, alliance  summit; a 5",))


@pytest.mark.parametrize(
    ("source", "chars", "classes"),
    [
        (r"abc", {"a"}, []),
        (r"(?<!\w)(?=\w)(?:x|y)?z", {"x", "y", "z"}, []),
        (r"(?:\d+|two)\s", {"t"}, [r"\d"]),
        (r"[a-c\s.]q", {"."}, ["a-c", r"\s"]),
    ],
)
def test_first_characters(source, chars, classes):
    assert first_characters(source) == (chars, classes)


@pytest.mark.parametrize("source", [r"a*", r"(?i:a)", r".b", r"[^a]b", r"(a?)\1b"])
def test_first_characters_unknown_or_empty(source):
    assert first_characters(source) is None


def test_without_negative_lookarounds():
    assert without_negative_lookarounds(r"(?<!press )a(?!b(?!c))d(?=e)") == r"ad(?=e)"
    assert without_negative_lookarounds(r"a(?!\w)b") == r"a(?=\W|\Z)b"
    assert without_negative_lookarounds(r"(?>a(?!b)|ab)c") is None
    assert without_negative_lookarounds(r"a++(?!b)") is None


def _date_sources() -> list[str]:
    from tui.core import dates

    return [p.pattern for _, p in dates._PATTERNS] + [dates._COMBINED.patterns[0].pattern]


def test_case_sensitive_pattern_set_finds_what_each_pattern_finds():
    # The date patterns: capitalised month names, case-insensitive words, negative lookaheads.
    patterns = PatternSet(_date_sources(), case_sensitive=True)
    assert isinstance(patterns.union, LowerCasePattern)
    _check_pattern_set(patterns, ("On May 5 PERCENT, on 5 June percent; in MAY 2025, may 2025.",))


def _check_pattern_set(patterns: PatternSet, extra: tuple[str, ...] = ()) -> None:
    for text in [*extra, *_corpus_texts()]:
        found = patterns.finditer_each(text)
        for pattern, matches in zip(patterns.patterns, found, strict=True):
            assert _spans(matches) == _spans(pattern.finditer(text))
        # From starts of its own, up to an end, stopping at a match from `stop` on.
        starts = [7 * (i + 1) for i in range(len(patterns.patterns))]
        found = patterns.finditer_each(text, starts, endpos=200, stop=150)
        for pattern, start, matches in zip(patterns.patterns, starts, found, strict=True):
            expected = [m for m in pattern.finditer(text, start, 200) if m.start() < 150]
            assert _spans(matches) == _spans(expected)


@pytest.mark.parametrize(("reach", "stop_at_end"), [(0, False), (60, True)])
def test_windows_in_one_call_find_what_a_call_per_window_finds(reach, stop_at_end):
    patterns = PatternSet([WORD_START + r"(?:nato|allies)\b", WORD_START + r"\w+ (?:said|met)\b"])
    for text in _corpus_texts():
        windows = [(lo, min(len(text), lo + 90)) for lo in range(0, len(text), 150)]
        expected: list[list] = [[] for _ in patterns.patterns]
        for lo, hi in windows:
            starts = [max(lo, own[-1].end()) if own else lo for own in expected]
            stop = hi if stop_at_end else len(text) + 1
            found = patterns.finditer_each(text, starts, min(len(text), hi + reach), stop)
            for own, matches in zip(expected, found, strict=True):
                own.extend(matches)
        found = patterns.finditer_windows(text, windows, reach, stop_at_end)
        assert [_spans(m) for m in found] == [_spans(m) for m in expected]


@pytest.mark.parametrize(
    ("source", "case_sensitive", "widened"),
    [
        (r"met\s+(?=(?-i:[A-Z]))", False, r"met\s+(?=(?:[A-Z]))"),
        (r"(?<!\w)(?=\w)(?:a|b)(?!c)", False, r"(?<!\w)(?=\w)(?:a|b)(?!c)"),
        (r"(?-i:[A-Z])(?!x)[(?-i:]", False, r"(?:[A-Z])(?!x)[(?-i:]"),
        # A negative lookaround that would exclude more is left out.
        (r"(?!(?-i:A))b", False, r"b"),
        (r"(?-i:a(?!b)c)", False, r"(?:ac)"),
        (r"May\s+\d+(?!\s*percent)(?!\s*\d)", True, r"May\s+\d+(?!\s*\d)"),
        (r"(?i:on)\s+Monday(?!(?i:x))", True, r"(?:on)\s+Monday(?!(?:x))"),
    ],
)
def test_widen_case_matches_wherever_the_source_matches(source, case_sensitive, widened):
    assert widen_case(source, case_sensitive) == widened


@pytest.mark.parametrize(
    "source",
    [
        r"(?!a(?!(?-i:B)))",  # a negative lookaround inside another: left out, it would narrow
        r"(?>(?-i:a)|ab)c",  # atomic and possessive: one way of matching is kept
        r"(?-i:[A-Z]++)[a-z]",
        r"(?-i:[A-Z])[a-z]*+",
        r"(?-i:[A-Z]",  # unbalanced
        r"(?-i:[^a-z])",  # matched case-insensitively, a negated class excludes more
    ],
)
def test_widen_case_refuses_where_wider_could_match_less(source):
    assert widen_case(source) is None
    assert widen_case(r"[^a-z]x", case_sensitive=True) is None


def test_config_cues_scan_the_lower_cased_text():
    attendance = load_config(ROOT / "config.yaml").config.meetings.attendance
    sources = [
        WORD_START + f"(?:{'|'.join(cues)})" for cues in (attendance.absent, attendance.attend)
    ]
    assert isinstance(PatternSet(sources).union, LowerCasePattern)


def test_without_captures():
    assert without_captures(r"(?P<a>x)(y)(?=q)([a-z])(\d)((n))()") == (
        r"(?:x)(?:y)(?=q)(?:[a-z])(?:\d)(?:(?:n))(?:)"
    )
    assert without_captures(r"[(]a(?:b)") == r"[(]a(?:b)"
    assert without_captures(r"(?P<a>x)(?P=a)") is None  # refers back
    assert without_captures(r"(a)\1") is None


def test_a_leading_word_boundary_is_dropped_at_a_word_start():
    from tui.core.textutil import at_word_start

    assert at_word_start([r"\bmet\b", r"\bsummit", "talks"]) == (
        WORD_START + r"(?:(?:met\b)|(?:summit)|(?:talks))"
    )
    config = load_config(ROOT / "config.yaml").config
    cues = list(config.meetings.attendance.attend)
    written = re.compile(WORD_START + "(?:" + "|".join(f"(?:{c})" for c in cues) + ")", re.I)
    dropped = re.compile(at_word_start(cues), re.I)
    for text in _corpus_texts():
        assert _spans(dropped.finditer(text)) == _spans(written.finditer(text))


def test_the_extractors_one_scan_finds_what_each_stage_finds_alone():
    from tui.core.extraction import Extractor

    extractor = Extractor.for_config(load_config(ROOT / "config.yaml"))
    claims = extractor.claim_matcher.patterns.patterns
    for text in _corpus_texts():
        found = extractor.text_scan.run(text)
        assert _spans(found.titles) == _spans(extractor.actor_rules.titles.finditer(text))
        anchors = extractor.meeting_matcher.anchors.finditer(text)
        assert _spans(found.meeting_anchors) == _spans(anchors)
        assert [_spans(m) for m in found.claims] == [_spans(p.finditer(text)) for p in claims]


def test_fold_same_length_folds_the_accented_letters_only():
    from tui.core.textutil import _FOLD_TABLE, fold_same_length

    for text in ["Løkke Rasmussen, Erdoğan — ’Zelenskyy’ Łukasz ŞAHIN", "NATO ASCII", "İstanbul"]:
        assert fold_same_length(text) == (
            text.lower().translate(_FOLD_TABLE)
            if len(text.lower()) == len(text)
            else text.translate(_FOLD_TABLE)
        )
        assert len(fold_same_length(text)) == len(text)
