"""Small text helpers shared by the extraction stages."""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from itertools import takewhile

try:  # the parser of Python's engine, read to find what a pattern's matches start with
    from re import _constants as _sre
    from re import _parser as _sre_parser
except ImportError:  # pragma: no cover - another Python: the unions are built plainly
    _sre = _sre_parser = None

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH_NAMES = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:t(?:ember)?)?\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
# "DEC", "SEPT.", "DECEMBER": month names in capitals, as some page headers print them.
UPPER_MONTH_NAMES = r"(?:JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)\.?"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

APOSTROPHES = "'’"
# Put before a pattern whose matches start at a word: the engine then tries the alternatives only
# at word starts, not at every character (about 5x faster on long alternations).
WORD_START = r"(?<!\w)(?=\w)"


def at_word_start(patterns: list[str]) -> str:
    """`WORD_START` and then any of `patterns` (see `after_word_start`)."""
    return WORD_START + f"(?:{after_word_start(patterns)})"


def after_word_start(patterns: list[str]) -> str:
    """Any of `patterns`, matched right after `WORD_START`: each without a leading `\\b`, which
    holds there anyway and, written first, keeps the engine from skipping the alternative at
    once by its first letter (the meeting phrases and cues are mostly written so)."""
    return "|".join(f"(?:{p.removeprefix(chr(92) + 'b')})" for p in patterns) or "(?!x)x"


def month_number(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


def fold(text: str) -> str:
    """Lower-case and strip accents: 'Løkke' -> 'lokke', 'Erdoğan' -> 'erdogan'."""
    text = text.replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")
    text = text.replace("ß", "ss").replace("æ", "ae").replace("đ", "d").replace("ı", "i")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in (
        list(range(0x41, 0x5B))
        + list(range(0xC0, 0x250))
        + list(range(0x370, 0x530))
        + list(range(0x1E00, 0x1F00))
    ):
        char = chr(code)
        folded = fold(char)
        if len(folded) == 1 and folded != char:
            table[code] = folded
        elif len(char.lower()) == 1 and char.lower() != char:
            table[code] = char.lower()
    return table


_FOLD_TABLE = _build_fold_table()
_FOLDABLE = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in sorted(_FOLD_TABLE) if c > 127) + "]"
)


def fold_same_length(text: str) -> str:
    """Like `fold`, one character for one character, so offsets into the result are offsets
    into `text` ('Løkke' -> 'lokke'; a character without a one-letter form is lower-cased)."""
    lowered = text.lower()  # fast in C; only accented letters need the (slower) table
    if len(lowered) != len(text):
        return text.translate(_FOLD_TABLE)
    if lowered.isascii():
        return lowered
    # Only the accented letters looked up (translating every character is much slower); the
    # lower-cased text has no capital the table would change.
    return _FOLDABLE.sub(_folded_letter, lowered)


def _folded_letter(match: re.Match[str]) -> str:
    return _FOLD_TABLE[ord(match.group())]


# Characters that Python's case-insensitive matching pairs with another beyond lower-casing
# ("i" with the dotless "ı", "s" with the long "ſ", the Greek final sigma...; re/_casefix.py).
# A text holding one is matched case-insensitively, so that both ways find the same.
_WIDER_CASE = re.compile("[µıſͅΐΰβεθικμπρςσφϐϑϕϖϰϱϵвдостъѣᲀᲁᲂᲃᲄᲅᲆᲇᲈṡẛιΐΰꙋﬅﬆ]")


@lru_cache(maxsize=16)
def lower_same_length(text: str) -> str | None:
    """`text` lower-cased for `LowerCasePattern`, or None when matching the lower-cased text could
    differ from matching `text` case-insensitively: its length changes (a dotted capital I would
    shift offsets), or it holds a character of `_WIDER_CASE`. Cached: several stages match the
    same article's text."""
    lowered = text.lower()
    if len(lowered) != len(text) or (not lowered.isascii() and _WIDER_CASE.search(lowered)):
        return None
    return lowered


# In a pattern's source: an escape (kept as written: "\\S" is not "\\s"), a group's name (kept,
# the code reads groups by name), or a run of anything else (lower-cased).
_SOURCE_PART = re.compile(r"\\.|\(\?P[<=]\w+|[^\\(]+|\(", re.DOTALL)
# A case-sensitive part, or a character written by its code ("\\x41"): no lower-case form.
_CASE_BOUND = re.compile(r"\(\?[a-zA-Z]*-|\\[xuUN0-9]")


def lower_case_source(source: str) -> str | None:
    """`source` with its letters lower-cased, to match lower-cased text as `source` matches any
    text case-insensitively; None when it cannot (a `(?-i:...)` part, a character code)."""
    parts = _SOURCE_PART.findall(source)
    if _CASE_BOUND.search(source) or sum(map(len, parts)) != len(source):
        return None
    lowered = "".join(part if part.startswith(("\\", "(?P")) else part.lower() for part in parts)
    return lowered if len(lowered) == len(source) else None


# A pattern's source read for its groups: an escape, a character class, a group's opening (the
# ones `widen_case` looks at spelt out), a closing, or a run of anything else.
_SOURCE_TOKEN = re.compile(
    r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|\((?:\?(?:<?!|>|\(|-?i:))?|\)|[^\\[()]+", re.DOTALL
)
_NEGATIVE = ("(?!", "(?<!")
_POSSESSIVE = re.compile(r"[*+?}]\+")
_LETTER = re.compile(r"[^\W\d_]")
# Escapes that may stand for a letter: a character code, a name, an octal code or a backreference.
_LETTER_ESCAPE = re.compile(r"\\[xuUN0-9]")


def widen_case(source: str, case_sensitive: bool = False) -> str | None:
    """A source that, matched case-insensitively, matches wherever `source` matches (matched
    case-insensitively except for its `(?-i:...)` parts, or as written if `case_sensitive`),
    and maybe elsewhere: its case-sensitive parts made case-insensitive, and a negative
    lookaround that would then exclude more left out. None where that cannot be done so simply:
    a negative lookaround inside another, a conditional, an atomic group or a possessive repeat
    (they keep one way of matching, which a wider part can change), a negated class of letters
    (matched case-insensitively, it excludes more)."""
    tokens = _SOURCE_TOKEN.findall(source)
    if sum(map(len, tokens)) != len(source) or any(t in ("(?>", "(?(") for t in tokens):
        return None
    widened: list[str] = []
    groups: list[list] = []  # per open group: its opening, its start in `widened`, changed
    for token in tokens:
        sensitive = token == "(?-i:" or any(g[0] == "(?-i:" for g in groups)
        if case_sensitive and not any(g[0] == "(?i:" for g in groups):
            sensitive = True
        if token.startswith("\\"):
            changes = sensitive and bool(_LETTER_ESCAPE.match(token))
        elif token.startswith("("):
            changes = token == "(?-i:"
        else:
            if _POSSESSIVE.search(token) and not token.startswith("["):
                return None
            if token.startswith("[^") and sensitive and _LETTER.search(re.sub(r"\\.", "", token)):
                return None
            changes = sensitive and bool(_LETTER.search(token))
        if changes:
            for group in groups:
                group[2] = True
        if token.startswith("("):
            if token in _NEGATIVE and any(g[0] in _NEGATIVE for g in groups):
                return None
            groups.append([token, len(widened), False])
            widened.append("(?:" if token in ("(?-i:", "(?i:") else token)
        elif token == ")":
            if not groups:
                return None  # not a pattern
            opening, start, changed = groups.pop()
            if opening in _NEGATIVE and changed:
                del widened[start:]  # left out: without it the pattern matches more
            else:
                widened.append(token)
        else:
            widened.append(token)
    return None if groups else "".join(widened)


_GROUP_NAME = re.compile(r"\?P<\w+>")


def without_captures(source: str) -> str | None:
    """`source` with its groups made non-capturing, for a scan that only asks where something
    matches (the engine then skips alternatives by their first character); None when it refers
    back to a group."""
    tokens = _SOURCE_TOKEN.findall(source)
    if sum(map(len, tokens)) != len(source) or any(
        t.startswith("?P=") or re.fullmatch(r"\\[1-9]", t) for t in tokens
    ):
        return None
    out = []
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if token == "(" and not following.startswith("?"):
            token = "(?:"
        elif index > 0 and tokens[index - 1] == "(" and token.startswith("?P<"):
            token = _GROUP_NAME.sub("?:", token, count=1)
        out.append(token)
    return "".join(out)


def alternatives(source: str) -> list[str]:
    """The top-level alternatives of `source`, each opened up again when it is one
    non-capturing group: 'a|(?:b|c)d|(?:e|f)' -> ['a', '(?:b|c)d', 'e', 'f']."""
    tokens = _SOURCE_TOKEN.findall(source)
    if sum(map(len, tokens)) != len(source):
        return [source]
    found, current, depth = [], [], 0
    for token in tokens:
        if token.startswith("("):
            depth += 1
        elif token == ")":
            depth -= 1
        if depth == 0 and "|" in token and not token.startswith(("(", ")", "[", "\\")):
            first, *rest = token.split("|")
            current.append(first)
            for piece in rest:
                found.append("".join(current))
                current = [piece]
        else:
            current.append(token)
    found.append("".join(current))
    if len(found) == 1:
        inner = _one_group(source)
        return [source] if inner is None else alternatives(inner)
    return [leaf for alternative in found for leaf in alternatives(alternative)]


# How much longer than its source the pieces of a pattern may be (`_pieces` repeats the part after
# a group in front of each of the group's alternatives).
_PIECES_GROWTH = 2000
# Up to this length, a source with an optional group in front is written again after the group.
_REPEATED_WHOLE = 600
_OPTIONAL = re.compile(r"(?:[*?]|\{0(?:,\d*)?\})\??")


def _pieces(source: str) -> list[str]:
    """Patterns one of which matches at a position wherever `source` matches there (maybe
    elsewhere too), each starting with fewer characters than the whole: its `alternatives`; an
    optional group in front ('(?:X)*Y') split into the pieces of 'X(?:X)*Y' (or of X alone, when
    long) and those of Y (a match starts with X, or with Y); a group of alternatives in front
    ('(?:a|b)c') opened up into 'ac' and 'bc'."""
    found = []
    for alternative in alternatives(source):
        split = _leading_group(alternative)
        if split is None:
            found.append(alternative)
            continue
        inner, optional, rest = split
        if not optional and rest and _joins(inner, rest) and len(alternatives(inner)) == 1:
            # "(?:(?:X)*Y)Z" is "(?:X)*YZ": opened, its own front can be split in turn.
            found += _pieces(inner + rest)
            continue
        if optional or (rest and (nested := _leading_group(inner)) and nested[1] and not nested[2]):
            # "(?:X)*Y", or "(?:(?:X)*)Y": a match starts with X or with Y.
            optional_part = inner if optional else nested[0]
            if not rest:
                found.append(alternative)  # may match empty: left whole
                continue
            if len(alternative) <= _REPEATED_WHOLE:  # X then the whole again: as selective
                found += _pieces(f"(?:{optional_part}){alternative}") + _pieces(rest)
            else:  # X alone: a long rest is not written again for each of X's alternatives
                found += _pieces(optional_part) + _pieces(rest)
            continue
        options = alternatives(inner)
        if len(options) > 1 and len(rest) * (len(options) - 1) <= _PIECES_GROWTH:
            for option in options:
                found += _pieces(f"(?:{option}){rest}") if rest else _pieces(option)
        else:
            found.append(alternative)
    return found


# An escape that a digit written after it would change ("\\1" then "2" is "\\12").
_OPEN_ESCAPE = re.compile(r"\\(?:\d+|x[0-9a-fA-F]?|[uU][0-9a-fA-F]*|N)$")


def _joins(first: str, second: str) -> bool:
    """Whether `first` then `second`, written one after the other, is the one then the other
    (`first` a sequence, without alternatives at its top)."""
    return _OPEN_ESCAPE.search(first) is None


def _leading_group(source: str) -> tuple[str, bool, str] | None:
    """For a source that starts with a non-capturing group: its inside, whether it is optional
    (repeated from zero times), and the rest after it (and its repeat)."""
    if not source.startswith("(?:"):
        return None
    end = _leading_group_end(source)
    if end is None:
        return None
    inner, after = source[3 : end - 1], source[end:]
    optional = _OPTIONAL.match(after)
    if optional is not None:
        return inner, True, after[optional.end() :]
    if after[:1] in ("+", "{"):  # repeated at least once: the rest is not what follows it
        return None
    return inner, False, after


def _leading_group_end(source: str) -> int | None:
    """Where the group `source` starts with closes (just after its parenthesis), or None."""
    depth = 0
    for match in _SOURCE_TOKEN.finditer(source):
        token = match.group()
        if token.startswith("("):
            depth += 1
        elif token == ")":
            depth -= 1
            if depth == 0:
                return match.end()
    return None


def _one_group(source: str) -> str | None:
    """The inside of `source` when it is one non-capturing group, else None."""
    if not (source.startswith("(?:") and source.endswith(")")):
        return None
    depth = 0
    tokens = _SOURCE_TOKEN.findall(source)
    for index, token in enumerate(tokens):
        if token.startswith("("):
            depth += 1
        elif token == ")":
            depth -= 1
            if depth == 0 and index != len(tokens) - 1:
                return None
    return source[3:-1]


class _Unknown(Exception):
    pass


def _category_classes() -> dict:
    if _sre is None:  # pragma: no cover
        return {}
    return {
        _sre.CATEGORY_DIGIT: r"\d",
        _sre.CATEGORY_NOT_DIGIT: r"\D",
        _sre.CATEGORY_SPACE: r"\s",
        _sre.CATEGORY_NOT_SPACE: r"\S",
        _sre.CATEGORY_WORD: r"\w",
        _sre.CATEGORY_NOT_WORD: r"\W",
    }


_CATEGORY_CLASSES = _category_classes()


def _starts(items) -> tuple[set[str], list[str], bool]:
    """What a parsed sequence's matches start with: single characters, parts of a character
    class (ranges, categories), and whether it can match the empty string."""
    chars: set[str] = set()
    classes: list[str] = []
    for op, value in items:
        if op is _sre.LITERAL:
            chars.add(chr(value))
            return chars, classes, False
        if op is _sre.IN:
            for kind, item in value:
                if kind is _sre.LITERAL:
                    chars.add(chr(item))
                elif kind is _sre.RANGE:
                    classes.append(f"{re.escape(chr(item[0]))}-{re.escape(chr(item[1]))}")
                elif kind is _sre.CATEGORY and item in _CATEGORY_CLASSES:
                    classes.append(_CATEGORY_CLASSES[item])
                else:  # a negated class, ...
                    raise _Unknown
            return chars, classes, False
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # takes no character
        if op is _sre.SUBPATTERN:
            if value[1] or value[2]:  # flags of its own
                raise _Unknown
            more = [_starts(value[3])]
        elif op is _sre.BRANCH:
            more = [_starts(branch) for branch in value[1]]
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            low, _, body = value
            inner = _starts(body)
            more = [(inner[0], inner[1], inner[2] or low == 0)]
        else:  # any character, a group reference, ...
            raise _Unknown
        empty = False
        for more_chars, more_classes, more_empty in more:
            chars |= more_chars
            classes += more_classes
            empty = empty or more_empty
        if not empty:
            return chars, classes, False
    return chars, classes, True


def first_characters(source: str) -> tuple[set[str], list[str]] | None:
    """The characters any match of `source` (matched as written) starts with: single ones and
    parts of a character class; None when that is not known or it can match empty."""
    if _sre_parser is None:  # pragma: no cover
        return None
    try:
        chars, classes, empty = _starts(list(_sre_parser.parse(source)))
    except (_Unknown, re.error, TypeError, ValueError, AttributeError, IndexError):
        return None
    return None if empty else (chars, classes)


# A part that can start with more characters than this is tried after the others, once (not in
# the branch of each of its characters), where the order of the parts allows.
_MANY_FIRST_CHARACTERS = 8


def _by_first_character(parts: list[str], prefix: str) -> str | None:
    """A union of `parts` (lower-case sources, each to be matched as written) that finds where
    any of them matches, sorted by the character it matches there: a branch per first
    character, which Python's engine skips in one comparison, holding the alternatives of the
    parts that can start with it, each part's followed by an empty group `_N_K` (N the part's
    index). At a position, the first such group that matches is that of the first part that
    matches there. None where a part's first characters are unknown."""
    leaves: list[tuple[int, str, set[str], str | None]] = []  # (part, source, chars, class)
    for index, part in enumerate(parts):
        for leaf in _pieces(part):
            starts = first_characters(leaf)
            if starts is None:
                return None
            chars, classes = starts
            leaves.append((index, leaf, chars, "[" + "".join(classes) + "]" if classes else None))
    # Late: the alternatives that can start with many characters, of parts after all the others
    # (they would be tried after those anyway), each tried once after the branches.
    wide = [len(chars) > _MANY_FIRST_CHARACTERS or cls is not None for _, _, chars, cls in leaves]
    last_narrow = max((leaf[0] for leaf, w in zip(leaves, wide, strict=True) if not w), default=-1)
    early = [leaf for leaf, w in zip(leaves, wide, strict=True) if not w or leaf[0] < last_narrow]
    rest = [leaf for leaf, w in zip(leaves, wide, strict=True) if w and leaf[0] >= last_narrow]
    group = 0

    def tried(chosen: list[tuple[int, str, set[str], str | None]], char: str = "") -> str:
        """The alternatives `chosen` (in order), matched from the character just taken: a piece
        that starts with that character written plainly goes on after it, the others are
        matched from it (stepped back over it)."""
        nonlocal group
        here = []
        for index in sorted({leaf[0] for leaf in chosen}):
            group += 1
            sources = [derived(leaf[1], char) for leaf in chosen if leaf[0] == index]
            here.append(f"(?:{'|'.join(sources)})(?P<_{index}_{group}>)")
        return "(?:" + "|".join(here) + ")"

    def derived(source: str, char: str) -> str:
        """`source` matched on after `char`, taken (`after_character`), else matched from `char` (the
        engine stepped back over it): a lookaround costs much more than plain characters."""
        if _starts_plainly(source, char):
            return source[1:]
        after = after_character(source, char, prefix == WORD_START) if char else None
        return after if after is not None else rf"(?<=(?={source})[\s\S])"

    def starts_with(leaf: tuple[int, str, set[str], str | None], char: str) -> bool:
        return char in leaf[2] or bool(leaf[3] and re.fullmatch(leaf[3], char))

    def by_character(chosen: list[tuple[int, str, set[str], str | None]]) -> list[str]:
        """A branch per character `chosen` can start with, then one for the other characters
        their classes can start with."""
        singles = sorted({c for leaf in chosen for c in leaf[2]})
        branches = [
            re.escape(char) + tried([leaf for leaf in chosen if starts_with(leaf, char)], char)
            for char in singles
        ]
        classes = [leaf for leaf in chosen if leaf[3]]
        if classes:  # any other character a class can start with
            taken = "".join(map(re.escape, singles))
            branches.append(
                "["
                + "".join(leaf[3][1:-1] for leaf in classes)
                + "]"
                + (f"(?<![{taken}])" if taken else "")
                + tried(classes)
            )
        return branches

    # The wide ones after all the others (their parts come last), sorted the same way: each
    # is then matched on after its first character, not from it, which costs much less.
    branches = by_character(early) + by_character(rest)
    return prefix + "(?:" + "|".join(branches) + ")"


# The first piece of a sequence that takes one character: a class, an escape, or a character.
_ONE_CHARACTER = re.compile(r"\[\^?\]?(?:\\.|[^\]\\])*\]|\\[^\dAbBZxuUN]|[^\\.^$*+?{}\[\]|()]")
_QUANTIFIER = ("*", "+", "?", "{")
# How deep `after_character` follows groups inside groups before it gives up (the piece is then matched
# from its start, as before).
_AFTER_DEPTH = 12


def after_character(source: str, char: str, word_start: bool = False, depth: int = 0) -> str | None:
    """A source that matches, from the next position, what `source` matches from a position
    holding `char` (minus that character): the pattern's derivative by `char`, worked out for
    the simple cases (a character, class or escape taken plainly, alternatives that cannot start
    with `char` left out, non-capturing groups followed inside, a leading word boundary where
    the position is a word start, a lookbehind in front made to look back over `char` too).
    None for anything else (a repeat or a lookahead in front)."""
    if depth > _AFTER_DEPTH:
        return None
    options = alternatives(source)
    if len(options) > 1 or options[0] != source:
        kept = []
        for option in options:
            starts = first_characters(option)
            if starts is not None and not _may_start_with(starts, char):
                continue  # cannot match here
            derived = after_character(option, char, word_start, depth + 1)
            if derived is None:
                return None
            kept.append(derived)
        return "(?:" + "|".join(kept) + ")" if kept else None
    if source.startswith(r"\b") and word_start:
        return (
            after_character(source[2:], char, word_start, depth + 1) if _WORD.match(char) else None
        )
    if source.startswith("(?:"):
        split = _leading_group(source)
        if split is None or split[1]:
            return None
        inner, _, rest = split
        derived = after_character(inner, char, word_start, depth + 1)
        return None if derived is None else f"(?:{derived}){rest}"
    if source.startswith(_LOOKBEHINDS):
        behind = _leading_lookbehind(source)
        if behind is None:
            return None
        opening, inner, rest = behind
        derived = after_character(rest, char, word_start, depth + 1)
        # "(?<=the )two" at the 't': what stood before the 't' stands before it and the 't'.
        return None if derived is None else rf"{opening}{inner}[\s\S]){derived}"
    token = _ONE_CHARACTER.match(source)
    if token is None or source[token.end() : token.end() + 1] in _QUANTIFIER:
        return None
    return source[token.end() :] if re.fullmatch(token.group(), char) else None


_WORD = re.compile(r"\w")
_LOOKBEHINDS = ("(?<=", "(?<!")


def _leading_lookbehind(source: str) -> tuple[str, str, str] | None:
    """For a source that starts with a lookbehind: its opening, its inside and the rest after
    it (None for a lookbehind followed by a repeat, or not closed)."""
    end = _leading_group_end(source)
    if end is None or source[end : end + 1] in _QUANTIFIER:
        return None
    return source[:4], source[4 : end - 1], source[end:]


def _may_start_with(starts: tuple[set[str], list[str]], char: str) -> bool:
    chars, classes = starts
    return char in chars or bool(classes and re.fullmatch("[" + "".join(classes) + "]", char))


def _starts_plainly(source: str, char: str) -> bool:
    """Whether `source` starts with `char` written as itself, not repeated or optional."""
    return (
        bool(char)
        and source[:1] == char
        and char not in "\\.^$*+?{}[]|()"
        and source[1:2] not in ("*", "+", "?", "{")
    )


def without_negative_lookarounds(source: str) -> str | None:
    """`source` without its negative lookarounds (but `(?!\\w)`, written as the same positive
    one): it matches wherever `source` matches, and maybe elsewhere (enough for a scan that
    says where to try the patterns). None where that does not hold so simply: an atomic group
    or a possessive repeat (they keep one way of matching, which a part left out can change)."""
    tokens = _SOURCE_TOKEN.findall(source)
    if sum(map(len, tokens)) != len(source) or any(t in ("(?>", "(?(") for t in tokens):
        return None
    kept: list[str] = []
    inside = 0  # depth within a negative lookaround being left out
    skip = 0
    for index, token in enumerate(tokens):
        if _POSSESSIVE.search(token) and not token.startswith("["):
            return None
        if skip:
            skip -= 1
            continue
        if not inside and token == "(?!" and tokens[index + 1 : index + 3] == ["\\w", ")"]:
            kept.append(r"(?=\W|\Z)")  # "not before a letter" kept, as what it is
            skip = 2
            continue
        if inside:
            if token.startswith("("):
                inside += 1
            elif token == ")":
                inside -= 1
        elif token in _NEGATIVE:
            inside = 1
        else:
            kept.append(token)
    return None if inside else "".join(kept)


class LowerCasePattern:
    """A case-insensitive pattern run over the lower-cased text, with its source lower-cased.

    Python's regex engine skips an alternative whose first letter differs in one step, but not
    under IGNORECASE, where each letter is compared by its case folding: on a long alternation
    (the titles' trie, the attendance cues) the lower-case run takes about half the time.
    Matches are read from the lower-cased text: their offsets are the text's, their strings are
    lower-case. A text that `lower_same_length` refuses is matched case-insensitively instead."""

    def __init__(self, source: str) -> None:
        lowered = lower_case_source(source)
        if lowered is None:
            raise ValueError(f"no lower-case form: {source!r}")
        self.pattern = source
        self.plain = re.compile(lowered)
        self.any_case = re.compile(source, re.IGNORECASE)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        lowered = lower_same_length(text)
        if lowered is None:
            return self.any_case.finditer(text, pos, endpos)
        return self.plain.finditer(lowered, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        lowered = lower_same_length(text)
        if lowered is None:
            return self.any_case.search(text, pos, endpos)
        return self.plain.search(lowered, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        lowered = lower_same_length(text)
        if lowered is None:
            return self.any_case.match(text, pos, endpos)
        return self.plain.match(lowered, pos, endpos)


# A compiled case-insensitive pattern, either way.
Caseless = re.Pattern[str] | LowerCasePattern


def caseless(source: str) -> Caseless:
    """A case-insensitive matcher of `source`: a `LowerCasePattern` where its source allows."""
    if lower_case_source(source) is None:
        return re.compile(source, re.IGNORECASE)
    return LowerCasePattern(source)


class _SortedUnion(LowerCasePattern):
    """A `PatternSet`'s scan for where its patterns may match: over the lower-cased text, the
    patterns made wider (no negative lookarounds, no case-sensitive parts) and sorted by their
    first character (`_by_first_character`); over a text that cannot be lower-cased so, the
    plain union."""

    def __init__(self, plain: re.Pattern[str], any_case: re.Pattern[str]) -> None:
        self.pattern = plain.pattern
        self.plain = plain
        self.any_case = any_case
        self.spaced = _after_non_word(plain.pattern)

    @classmethod
    def of(
        cls, sources: list[str], prefix: str, union: Caseless | None, case_sensitive: bool
    ) -> _SortedUnion | None:
        """None where a pattern cannot be made so (a reference back, an atomic group ...)."""
        if union is None:
            return None
        any_case = union.any_case if isinstance(union, LowerCasePattern) else union
        parts = []
        for source in sources:
            part = without_captures(source.removeprefix(prefix))
            part = without_negative_lookarounds(part) if part is not None else None
            part = widen_case(part, case_sensitive) if part is not None else None
            lowered = lower_case_source(part) if part is not None else None
            if lowered is None:
                return None
            parts.append(lowered)
        source = _by_first_character(parts, prefix)
        if source is None:
            return None
        try:
            return cls(re.compile(source), any_case)
        except (re.error, RecursionError, OverflowError):
            return None


# `WORD_START`'s test of the character before, as a character taken (`_after_non_word`).
_NOT_AFTER_WORD = r"(?<!\w)"
# A character `\W` matches, as a class the engine looks up in a table, not by asking for the
# character's Unicode category (several calls for a space): the ASCII characters but letters,
# digits and '_', and the others, but the letters and digits among them.
NON_WORD = r"[\x00-/:-@\[-^`{-\x7f\x80-\U0010ffff](?<![^\x00-\x7f\W])"


def _after_non_word(source: str) -> re.Pattern[str] | None:
    """For a union that starts with `WORD_START`: the same union with the character before the
    word taken (any but a letter, digit or '_'), to be run over the text with a space put in
    front. A pattern that starts with a class of characters lets the engine skip in C to the
    next of them, and only there start a match: here at the spaces and punctuation, not at
    each letter of each word. A match at offset k of the spaced text takes the character
    before the word at k. None for a union that does not start so, or that could tell the
    space put in front from the start of the text (`^`, `\\A`; a lookbehind that needs a
    character there is positive in a union, and only matches more)."""
    if not source.startswith(WORD_START):
        return None
    tokens = _SOURCE_TOKEN.findall(source)
    if any(t == "\\A" or ("^" in t and not t.startswith(("[", "\\"))) for t in tokens):
        return None
    return re.compile(NON_WORD + source.removeprefix(_NOT_AFTER_WORD))


class PatternSet:
    """Several patterns, each finding what its own `finditer` finds, in one pass; matched
    case-insensitively (as `caseless` compiles them) unless `case_sensitive`.

    A scan costs mostly per position tried, hardly per alternative tried there: one scan of the
    patterns' union costs about as much as one of them alone. The union finds, in order, every
    position where at least one pattern matches; there each pattern whose last match has ended
    is tried alone. A pattern matches nowhere the union skipped, so it finds the same matches,
    in the same order, as when it scans the text on its own. The union may match more than the
    patterns: their case-sensitive parts made case-insensitive (`widen_case`), it runs over the
    lower-cased text, and the patterns themselves decide at each position it finds."""

    def __init__(self, sources: list[str], case_sensitive: bool = False) -> None:
        compile_one = re.compile if case_sensitive else caseless
        self.patterns: list[Caseless] = [compile_one(source) for source in sources]
        # Patterns that all start at a word: the union tests that once, not once per pattern.
        prefix = WORD_START if all(s.startswith(WORD_START) for s in sources) else ""
        parts = []
        for index, source in enumerate(sources):
            source = source.removeprefix(prefix)
            # The union only says where something matches: its groups need not capture, or
            # keep apart their names (each pattern may name its own 'value').
            source = without_captures(source) or source.replace("(?P<", f"(?P<p{index}_").replace(
                "(?P=", f"(?P=p{index}_"
            )
            # An empty group after each says which matched (the alternatives before it did not).
            parts.append(f"(?:{source})(?P<_{index}>)")
        union = prefix + "(?:" + "|".join(parts) + ")"
        # Wider, the union can run over the lower-cased text (the patterns check each find).
        wider = union
        if case_sensitive or lower_case_source(union) is None:
            wider = widen_case(union, case_sensitive)
        try:
            self.union: Caseless | None = compile_one(union) if wider is None else caseless(wider)
        except re.error:  # a pattern that does not combine ("(?i)" at its start): one by one
            self.union = None
        # Where to try the patterns, found faster (`_by_first_character`).
        self.union = _SortedUnion.of(sources, prefix, self.union, case_sensitive) or self.union
        groups = self.union.plain.groupindex if isinstance(self.union, _SortedUnion) else {}
        self.first = {name: int(name[1:].split("_")[0]) for name in groups if name[0] == "_"}
        self.first.update((f"_{index}", index) for index in range(len(sources)))
        # For a text `lower_same_length` takes: each pattern's match, and whether it runs over
        # the lower-cased text.
        self._matchers = [
            (p.plain.match, True) if isinstance(p, LowerCasePattern) else (p.match, False)
            for p in self.patterns
        ]

    def finditer_each(
        self,
        text: str,
        starts: list[int] | None = None,
        endpos: int = sys.maxsize,
        stop: int = sys.maxsize,
    ) -> list[list[re.Match[str]]]:
        """Each pattern's matches from its start (default 0) up to `endpos`, as its `finditer`
        finds them; the search ends at a match starting at or after `stop`."""
        resume = list(starts) if starts is not None else [0] * len(self.patterns)
        found: list[list[re.Match[str]]] = [[] for _ in self.patterns]
        self._scan(text, self._prepared(text), resume, endpos, stop, found)
        return found

    def finditer_windows(
        self, text: str, windows: list[tuple[int, int]], reach: int = 0, stop_at_end: bool = False
    ) -> list[list[re.Match[str]]]:
        """`finditer_each` in each of `windows` (sorted, apart) in turn, in one call (a call
        costs more than a short window's scan): each pattern's matches from the window's start,
        or from the end of its last match if later, up to `reach` past the window's end; with
        `stop_at_end`, none starting at or after the window's end."""
        found: list[list[re.Match[str]]] = [[] for _ in self.patterns]
        prepared, length = self._prepared(text), len(text)
        for lo, hi in windows:
            resume = [max(lo, own[-1].end()) if own else lo for own in found]
            stop = hi if stop_at_end else sys.maxsize
            self._scan(text, prepared, resume, min(length, hi + reach), stop, found)
        return found

    def _prepared(self, text: str) -> tuple | None:
        """What a scan of `text` calls: the union's search and the text it runs over, each
        pattern's match and whether it runs over the lower-cased text (None: no union)."""
        if self.union is None:
            return None
        # The compiled patterns called directly on the text each runs over (as they would call).
        lowered = lower_same_length(text)
        if lowered is None:
            return self.union.search, text, text, [(p.match, False) for p in self.patterns], 0
        union = self.union
        if isinstance(union, _SortedUnion) and union.spaced is not None:
            # Offsets into the spaced text, less one, are the text's (see `_after_non_word`).
            return union.spaced.search, " " + lowered, lowered, self._matchers, 1
        if isinstance(union, LowerCasePattern):
            return union.plain.search, lowered, lowered, self._matchers, 0
        return union.search, text, lowered, self._matchers, 0

    def _scan(
        self,
        text: str,
        prepared: tuple | None,
        resume: list[int],
        endpos: int,
        stop: int,
        found: list[list[re.Match[str]]],
    ) -> None:
        """Add to `found` each pattern's matches from `resume` (updated) up to `endpos`."""
        if prepared is None:
            for own, p, start in zip(found, self.patterns, resume, strict=True):
                own.extend(takewhile(lambda m: m.start() < stop, p.finditer(text, start, endpos)))
            return
        search, scanned, lowered, matchers, shift = prepared
        count, limit, first_of = len(self.patterns), min(len(text), endpos), self.first
        pos = min(resume, default=0)
        while pos <= limit:
            # In a spaced text (`shift` 1) a match at k takes the character before the word
            # at k: it starts at the word's offset in `text`, and may end one further.
            candidate = search(scanned, pos, limit + shift)
            if candidate is None:
                break
            at = candidate.start()
            if at >= stop:
                break
            first = first_of[candidate.lastgroup]  # the patterns before it do not match here
            for index in range(first, count):
                if resume[index] > at:
                    continue
                match_at, on_lowered = matchers[index]
                match = match_at(lowered if on_lowered else text, at, endpos)
                if match is None:
                    continue
                if match.end() == at:
                    # After an empty match `finditer` may match again at the same position:
                    # leave the rest of this pattern's search to it.
                    for later in self.patterns[index].finditer(text, at, endpos):
                        if later.start() >= stop:
                            break
                        found[index].append(later)
                    resume[index] = sys.maxsize  # done
                    continue
                found[index].append(match)
                resume[index] = match.end()
            pos = at + 1


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def words_in(pattern_words: list[str]) -> Caseless:
    """A case-insensitive pattern matching any of the words/phrases (longest wins)."""
    body = trie_pattern(pattern_words)
    return caseless(rf"(?<!\w)(?:{body})(?!\w)")


def trie_pattern(phrases: list[str], space: str = r"\s+") -> str:
    """An alternation of `phrases` factored by common prefixes.

    Python's regex engine tries alternatives one by one; sharing prefixes ("secretary of state",
    "secretary general") makes a list of hundreds of titles cost little more than one.
    A space in a phrase matches `space`; a hyphen matches a hyphen or a space.
    """
    trie: dict = {}
    for phrase in {p.strip().lower() for p in phrases if p.strip()}:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = True
    if not trie:
        return r"(?!x)x"

    def char_pattern(char: str) -> str:
        if char == " ":
            return space
        if char == "-":
            return r"[\s-]"
        return re.escape(char)

    def build(node: dict) -> str:
        end = "" in node
        branches = [char_pattern(c) + build(child) for c, child in sorted(node.items()) if c != ""]
        if not branches:
            return ""
        # Longer alternatives first so the longest phrase wins; an end here makes the rest optional.
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)
