"""Find the people, organisations, countries and places an article mentions, with their roles.

Two passes over the tokens: gazetteer matches first (longest alias wins), then general rules
for people the gazetteer does not know: a known given name before a capitalised surname, a title
before a name, a name in apposition with a role, a name next to a speech verb. A surname alone
joins the full name found elsewhere in the article; lower-case forms count when the same actor
is also written properly, or right after a title ("senator rubio").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from .gazetteer import (
    Alias,
    Entity,
    GazetteerIndex,
    Token,
    alias_key,
    spelling_key,
    token_key,
)
from .models import ActorRef, Mention
from .textutil import (
    MONTHS,
    WEEKDAYS,
    WORD_START,
    LowerCasePattern,
    fold,
    fold_same_length,
    lower_same_length,
    trie_pattern,
)

if TYPE_CHECKING:  # the models pull in pydantic; only validation needs it at run time
    from .config_models import ActorPatterns

_MODIFIER_NOUNS = re.compile(
    r"[’']?s?\s*(?:administration|government|era|presidency|camp|team|doctrine|cabinet|White House)\b",
    re.IGNORECASE,
)
_CALENDAR_WORDS = set(MONTHS) | set(WEEKDAYS)
# "envoy of the President", "Aide to the President of the Russian Federation"; but "an aide
# to President Vladimir Putin" names the President.
_TITLE_OF_TITLE = re.compile(
    r"\s+(?:of\s+(?:the\s+)?|(?:to|for)\s+the\s+)(?:(?-i:[A-Z])[\w.]*\s+)?", re.IGNORECASE
)
# Compiled once: they run for every name and role found.
_SPACES = re.compile(r"\s+")
_MODIFIER_SEPARATORS = re.compile(r"[\s-]+")
_COORDINATION = re.compile(r"\s*(?:,|and|,\s*and)\s*")
_OF_AFTER = re.compile(r"\s+of\b")


def pluralise(title: str) -> str:
    words = title.split()
    last = words[-1]
    if last.endswith(("y",)) and not last.endswith(("ay", "ey", "oy")):
        last = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    else:
        last += "s"
    return " ".join([*words[:-1], last])


@dataclass
class ActorRules:
    """Compiled actor patterns."""

    titles: LowerCasePattern  # optional modifiers + a title, anywhere in the text
    org_tail_comma: re.Pattern[str]  # " to NATO," between a title and a name in apposition
    scope_tail: re.Pattern[str]  # " of Ukraine " between a title and a name
    apposition_after: re.Pattern[str]
    speech_before: re.Pattern[str]
    speech_after: re.Pattern[str]
    singular: dict[str, str]
    abbreviations: dict[str, str]  # "sen." -> "senator"
    past_markers: set[str]
    particles: set[str]
    organization_words: set[str]
    organization_after: re.Pattern[str]  # " hotel", " institute": a body named by the words before
    organization_before: re.Pattern[str]  # "Centre for ", "Institute of the "

    @classmethod
    def from_config(cls, patterns: ActorPatterns) -> ActorRules:
        abbreviations = {k.lower(): v.lower() for k, v in patterns.title_abbreviations.items()}
        titles = list(dict.fromkeys([t.lower() for t in patterns.titles] + list(abbreviations)))
        singular = {t: t for t in titles}
        for title in titles:
            singular.setdefault(pluralise(title), title)
        title_alt = trie_pattern(list(singular))
        mod_alt = trie_pattern(patterns.title_modifiers + patterns.past_markers)
        appos_alt = trie_pattern([a.lower() for a in patterns.apposition_roles] + titles)
        # " of the U.S.-Europe Alliance", " at the European Council on Foreign Relations".
        # "U.S.-Europe Alliance", "U.S. Senate"; not "Analysis. He".
        cap = r"(?-i:[A-Z])(?:[\w’'-]|\.(?=[\w-])|(?<=\b(?-i:[A-Z]))\.(?=\s))*"
        org_tail = rf"(?:\s+(?:to|of|for|at|in)\s+(?:the\s+)?{cap}(?:[\s-]+(?:(?:of|and|for|on|the)\s+)*{cap})*)?"
        verbs = trie_pattern(patterns.speech_verbs + ["according to"])
        org_words = sorted({w.lower() for w in patterns.organization_words}, key=len, reverse=True)
        org_alt = "|".join(re.escape(w) for w in org_words) or "(?!x)x"
        return cls(
            titles=LowerCasePattern(
                rf"(?<!\w)(?=\w)(?P<full>(?P<mods>(?:(?:{mod_alt})[\s-]+)*)(?P<title>{title_alt}))(?!\w)"
            ),
            org_tail_comma=re.compile(rf"{org_tail},\s*"),
            # "Minister of Foreign Affairs of Ukraine Andrii Sybiha": a scope between title and name.
            scope_tail=re.compile(
                # (not across the end of a sentence: "a message from the President to Rutte. Trump")
                r"\s+(?:of|to|for|at)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|and|for|the))*?(?<![a-z]{2}\.)\s+"
            ),
            apposition_after=re.compile(
                rf"\s*,\s+"
                # "Kaja Kallas, who took over as the EU's top diplomat": a role taken or held.
                rf"(?:who\s+(?P<who>is|was|served as|serves as|took over as|became|has been|"
                rf"was appointed|was named|was elected|was sworn in as)\s+)?"
                rf"(?:(?:the|a|an|its|their|his|her)\s+)?"
                # "Keith Kellogg, President Donald Trump's special envoy": a possessive before the
                # role; a body's initials are the role's scope ("the EU's top diplomat").
                rf"(?:(?P<owner>(?-i:[A-Z]{{2,5}}))[’']s\s+|(?-i:[A-Z])[\w.-]*(?:\s+(?-i:[A-Z])[\w.-]*){{0,3}}[’']s\s+)?"
                # "then US defense secretary", "a CNN correspondent": an abbreviated scope
                # before the title says whose it is and is not part of it.
                rf"(?P<full>(?P<mods>(?:(?-i:[a-z])[\w.-]*\s+){{0,3}}?)"
                rf"(?:(?-i:[A-Z][A-Z.]{{1,5}})\s+)?"
                rf"(?P<title>{appos_alt}){org_tail})(?=[,.;:)]|\s+(?-i:[a-z])|$)",
                re.IGNORECASE,
            ),
            speech_before=re.compile(rf"(?<!\w)(?:{verbs})\s*$", re.IGNORECASE),
            speech_after=re.compile(rf"\s*,?\s*(?:{verbs})(?!\w)", re.IGNORECASE),
            singular=singular,
            abbreviations=abbreviations,
            past_markers={m.lower() for m in patterns.past_markers},
            particles={p.lower() for p in patterns.name_particles},
            organization_words={fold(w) for w in patterns.organization_words},
            organization_after=re.compile(rf"\s+(?:{org_alt})\b"),
            organization_before=re.compile(
                rf"\b(?:{org_alt.title()})\s+(?:for|of|on)\s+(?:the\s+)?$"
            ),
        )


class TitleIndex:
    """The titles of one text, found once, looked up by where a name starts."""

    def __init__(
        self, text: str, rules: ActorRules, matches: list[re.Match[str]] | None = None
    ) -> None:
        self.text = text
        self.rules = rules
        # `matches`: those of `rules.titles` over `text`, when the caller has found them already.
        self.matches = list(rules.titles.finditer(text)) if matches is None else matches
        self.ends = [m.end() for m in self.matches]
        self.covered = Spans([m.span("title") for m in self.matches])

    def governing(self, match: re.Match[str]) -> re.Match[str] | None:
        """The title that `match` depends on: 'envoy' in 'envoy of the President'."""
        index = bisect_right(self.ends, match.start()) - 1
        if index < 0:
            return None
        previous = self.matches[index]
        gap = self.text[previous.end() : match.start()]
        return previous if _TITLE_OF_TITLE.fullmatch(gap) else None

    def leading(self, start: int, end: int) -> tuple[re.Match[str], str] | None:
        """A title that begins a known name ("King Charles", a gazetteer alias)."""
        index = bisect_right(self.ends, start)
        if index < len(self.matches):
            match = self.matches[index]
            if match.start() == start and match.end() < end:
                return match, ""
        return None

    def before(self, start: int) -> tuple[re.Match[str], str] | None:
        """A title right before `start` ("Secretary of State |Marco Rubio"), or in apposition
        ("the US ambassador to NATO, |Matt Whitaker")."""
        index = bisect_right(self.ends, start) - 1
        while index >= 0 and start - self.ends[index] <= 80:
            match = self.matches[index]
            gap = self.text[match.end() : start]
            if "\n" in gap:
                return None  # a title at the end of a paragraph is not the next one's
            if not gap.strip(" ["):
                return match, ""
            if self.rules.org_tail_comma.fullmatch(gap) or self.rules.scope_tail.fullmatch(gap):
                return match, gap.strip(" ,")
            if gap.strip():
                return None
            index -= 1
        return None


@dataclass(slots=True)
class _Found:
    """A mention found in the text, before actors are assembled."""

    start: int
    end: int
    entity: Entity | None  # None for a person the gazetteer does not know
    name: str
    kind: str
    strong: bool  # written with capitals (or exactly)
    candidates: list[Alias] = field(default_factory=list)
    roles: list[tuple[str, bool]] = field(default_factory=list)  # (role, past)
    plural_title: bool = False
    modifier: bool = False  # "Trump administration": names a body, not the person


@lru_cache(maxsize=8)
def _capitalised_word(particles: frozenset[str]) -> re.Pattern[str]:
    # Words not starting with a lower-case letter (non-Latin lower case is filtered after).
    alternatives = (
        "|".join(re.escape(p) for p in sorted(particles, key=len, reverse=True)) or "(?!x)x"
    )
    # One word-start test for both alternatives: most positions fail it and are done.
    return re.compile(rf"(?<!\w)(?:(?![a-zà-öø-ÿ\d_])\w+(?:[-.][^\W_]+)*|(?:{alternatives})(?!\w))")


def particle_source(particles: set[str]) -> str:
    """A pattern of the name particles as `_capitalised_word` finds them (lower-case, a word),
    to be matched case-insensitively (for a `PatternSet`)."""
    alternatives = (
        "|".join(re.escape(p) for p in sorted(particles, key=len, reverse=True)) or "(?!x)x"
    )
    return rf"{WORD_START}(?-i:(?:{alternatives}))(?!\w)"


@lru_cache(maxsize=8)
def _particle_word(particles: frozenset[str]) -> re.Pattern[str]:
    return re.compile(particle_source(set(particles)), re.IGNORECASE)


# The other words `_capitalised_word` finds (not starting with a lower-case letter, a digit or
# '_'), by a scan that skips in C to the next character that can start one.
_CAPITALISED_FIRST = "".join(
    re.escape(chr(c)) for c in range(0x100) if re.match(r"(?![a-zà-öø-ÿ\d_])\w", chr(c))
)
_CAPITALISED = re.compile(
    rf"[{_CAPITALISED_FIRST}\u0100-\U0010ffff](?<=[^\W\d])(?<!\w.)\w*(?:[-.][^\W_]+)*"
)


def _word_spans(
    text: str, particles: set[str], particle_matches: list[re.Match[str]] | None
) -> list[tuple[int, int]]:
    """The spans of what `_capitalised_word` finds in `text`, in order: the capitalised words
    and the particles outside them ('Jean-de': the word takes all). `particle_matches`: those
    of `particle_source`, if the caller has them."""
    spans = [m.span() for m in _CAPITALISED.finditer(text)]
    if particle_matches is None:
        particle_matches = list(_particle_word(frozenset(particles)).finditer(text))
    if not particle_matches:
        return spans
    ends = [end for _, end in spans]
    spans += [
        (start, end)
        for start, end in (m.span() for m in particle_matches)
        if (i := bisect_right(ends, start)) == len(ends) or spans[i][0] > start
    ]
    spans.sort()
    return spans


def capitalised_tokens(
    text: str, particles: set[str], particle_matches: list[re.Match[str]] | None = None
) -> list[Token]:
    """The capitalised words of `text` and the name particles between them ("van", "von").
    `particle_matches`: the matches of `particle_source(particles)`, if the caller has them."""
    tokens = []
    for start, end in _word_spans(text, particles, particle_matches):
        word = text[start:end]
        if word[0].isupper() or word in particles:
            if "." in word and end < len(text) and text[end] == ".":
                end += 1
                word += "."
            tokens.append(Token(start, end, word, token_key(word)))
    return tokens


def find_actors(
    text: str,
    sentences: list[tuple[int, int]],
    index: GazetteerIndex,
    rules: ActorRules,
    authors: list[str],
    published: date | None,
    title_matches: list[re.Match[str]] | None = None,
    particle_matches: list[re.Match[str]] | None = None,
) -> list[ActorRef]:
    """All actors of one article, each with mentions (offsets into `text`) and roles.
    `title_matches`, `particle_matches`: the matches of `rules.titles` and of
    `particle_source(rules.particles)` over `text`, if the caller has them."""
    # Only capitalised words (and name particles) can be part of a name the rules below find.
    tokens = capitalised_tokens(text, rules.particles, particle_matches)
    titles = TitleIndex(text, rules, title_matches)
    caps = [i for i, t in enumerate(tokens) if t.text[0].isupper()]
    covered = [False] * len(tokens)
    found: list[_Found] = []
    headlines = Spans(_headline_sentences(text, sentences))

    # Bylines first: "Zeke Miller" the reporter is not Matthew Miller the spokesman.
    _match_authors(text, tokens, authors, covered, found, index)
    _match_gazetteer(text, tokens, index, covered, found, headlines)
    _match_unknown_people(text, tokens, caps, index, rules, titles, covered, headlines, found)
    _join_surnames(tokens, caps, covered, found)
    _spelled_otherwise(found, index)
    _match_demonyms(tokens, caps, index, covered, found)
    found = _resolve(found, published)
    _prefer_people_of_the_article(text, found)
    person_starts = [f.start for f in found if f.kind == "person"]
    for item in found:
        if item.kind == "person":
            item.roles = _roles_for(text, item, rules, titles, person_starts)
            # "Trump administration" names a body; "Prime Minister Ishiba's government" a person.
            item.modifier = not item.roles and bool(
                _MODIFIER_NOUNS.match(text, item.end, item.end + 20)
            )
    _inherit_plural_titles(text, found)
    _byline_roles(text, authors, found, rules)
    actors = _assemble(text, found)
    _described_roles(text, titles, actors, index, rules, published)
    return actors


# "the French president", "the Ukrainian president's office": a title with a country and no
# name, just before the title.
_DESCRIPTION_BEFORE = re.compile(r"\b[Tt]he\s+(?P<country>[A-Z][\w.]*)\s+$")
_NAME_AFTER = re.compile(r",?\s+[A-Z]")


def _described_roles(
    text: str,
    titles: TitleIndex,
    actors: list[ActorRef],
    index: GazetteerIndex,
    rules: ActorRules,
    published: date | None,
) -> None:
    """'a one-on-one meeting between Mr Trump and the French president': the one person of
    the article who holds that title for that country on the day gets the role there (in an
    undated article, the one who ever held it)."""
    people = [a for a in actors if a.kind == "person" and a.known and a.country]
    if not people:
        return
    for match in titles.matches:
        before = _DESCRIPTION_BEFORE.search(text, max(0, match.start() - 30), match.start())
        if before is None or match["mods"] or _NAME_AFTER.match(text, match.end()):
            continue
        written = before["country"]
        # "the Spanish prime minister", and "the US national security adviser" (an alias)
        country = index.demonyms.get(token_key(written)) or next(
            (
                a.entity
                for a in index.lookup(alias_key(written))
                if a.entity.kind == "country"
                and (a.exact is None or a.exact == written.replace(".", ""))
            ),
            None,
        )
        if country is None or not country.country:
            continue
        role, _ = _role_text(match, rules, tail="")
        holders = [
            a
            for a in people
            if a.country == country.country
            and _holds(index.people_by_name.get(a.name), role, country.country, published)
        ]
        if len(holders) != 1:
            continue
        holder = holders[0]
        holder.role_evidence.append([role, match.start(), False])
        if role not in holder.roles:
            holder.roles.append(role)


def _holds(entity: Entity | None, role: str, country: str, day: date | None) -> bool:
    """Whether the gazetteer has `entity` in `role` for `country` on `day` (None: ever)."""
    if entity is None:
        return False
    wanted = role.replace("defense", "defence")
    return any(
        period.title.lower().replace("defense", "defence") == wanted
        and (period.org or "").upper() == country.upper()
        and (day is None or period.held_on(day))
        for period in entity.roles
    )


class Spans:
    """Sorted, non-overlapping (start, end) spans; `offset in spans` by bisection."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def __contains__(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]


_LONG_WORD = re.compile(r"(?<!\w)[^\W\d_]{4,}")


def _headline_sentences(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Title Case lines, where capitals say nothing about names. A sentence that ends with a
    full stop is prose, however many names it holds."""
    spans = []
    for start, end in sentences:
        if text[start:end].rstrip("”’\"')").endswith((".", "!", ";")):
            continue
        if text.startswith("(", start):  # "(Reporting by Anna Gray; Editing by Gareth Moss)"
            continue
        words = _LONG_WORD.findall(text, start, end)
        if len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words):
            spans.append((start, end))
    return spans


def _joined(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end : b.start]
    # "President [Donald] Trump": an editor's bracket does not split a name.
    if gap == " " or (gap.isspace() and "\n" not in gap) or gap in ("] ", " ["):
        return True
    # "Andrew W. Mellon": an initial's full stop does not split a name.
    return gap == ". " and len(a.text) == 1 and a.text.isupper()


def _match_gazetteer(
    text: str,
    tokens: list[Token],
    index: GazetteerIndex,
    covered: list[bool],
    found: list[_Found],
    headlines: Spans,
) -> None:
    """Known aliases, found by one scan of the folded text; `tokens` are the capitalised words."""
    folded = fold_same_length(text)
    starts = [t.start for t in tokens]
    # The bylines' mentions, character by character: a match that overlaps one is left out.
    taken = bytearray(len(text) + 1) if found else None
    for f in found if taken is not None else ():
        taken[f.start : f.end] = b"\x01" * (f.end - f.start)
    surfaces, given_names = index.surfaces, index.given_names
    for start, end in index.scan(folded):
        if taken is not None and taken.find(1, start, end) >= 0:
            continue
        matched = folded[start:end]
        known = surfaces.get(matched) or index.surface(matched)
        usable, partial = known.aliases, not known.full
        # "the Kremlin", "at the White House": an alias with its article is written with capitals.
        strong = text[start].isupper() or (
            matched.startswith("the ") and text[start + 4 : start + 5].isupper()
        )
        if known.exact:  # "US" must be written so; "us" is a word
            surface = text[start:end].replace(".", "")
            usable = [a for a in usable if a.exact is None or a.exact == surface]
            strong = strong or any(a.exact for a in usable)
            partial = all(not a.full for a in usable)
        if not usable:
            continue
        entity = usable[0].entity
        kind = entity.kind
        first = bisect_left(starts, start)
        if kind in ("country", "place") and (
            # Each test only where its word is a given name at all (most places are not).
            (
                first > 0
                and tokens[first - 1].key in given_names
                and _given_name_before(text, tokens, first, covered, index)
            )
            or (
                first < len(tokens)
                and tokens[first].key in given_names
                and _surname_after(text, tokens, first, end, index)
            )
        ):
            continue  # "Steve Holland", "Sofia Lindqvist": a person's name that is also a place
        if (
            partial
            and kind == "person"
            # An initial's full stop stands up to three characters before ("H.\n\n" too, `$`
            # before a last newline): a plain search first.
            and text.find(".", max(0, start - 3), start) >= 0
            and (initial := _INITIAL_BEFORE.search(text, max(0, start - 4), start))
            and not entity.name.startswith(initial[1])
            # "Donald J. Trump": his given name before his middle initial
            and entity.name.split()[0] not in text[max(0, start - 40) : start]
        ):
            continue  # "Camp H. M. Smith": an initial of someone else's name, not Julianne Smith
        # A given name written before a bare surname belongs to the mention ("Matt Whitaker");
        # another given name makes another person ("Jill Biden", "John Smith").
        if (
            first > 0
            and not covered[first - 1]
            and partial
            and kind == "person"
            and tokens[first - 1].key in given_names
            and text[tokens[first - 1].end : start] in (" ", "] ")
        ):
            if not _same_given_name(tokens[first - 1].key, entity):
                continue
            start = tokens[first - 1].start
            covered[first - 1] = True
        following = bisect_left(starts, end, first)
        if (
            kind == "person"
            and partial
            and following < len(tokens)
            and not covered[following]
            and tokens[following].text[:1].isupper()
            and text[end : tokens[following].start] == " "
            and tokens[following].key not in index.first_keys
            and tokens[following].key not in index.not_names
            and start not in headlines  # "Vance Stuns Munich": capitals say nothing there
        ):
            continue  # "Martin Keane": not Micheál Martin, but someone called Martin
        covered[first:following] = [True] * (following - first)
        found.append(_Found(start, end, entity, entity.name, kind, strong, usable))


def _same_given_name(key: str, entity: Entity) -> bool:
    """'Matt' for Matthew, 'Steve' for Stephen: the first two letters of the name or of one of
    its aliases agree."""
    mine = _translit_start(key)
    return any(mine == _translit_start(given) for given in entity.given_names)


def _translit_start(key: str) -> str:
    """The first two letters of a given name with Slavic spellings folded: Julia = Yulia,
    Jevgenij = Yevgeny = Evgeny."""
    if key.startswith("j"):
        key = "y" + key[1:]
    if key.startswith("ye"):
        key = key[1:]
    return key[:2]


def _given_name_before(
    text: str, tokens: list[Token], first: int, covered: list[bool], index: GazetteerIndex
) -> bool:
    """A capitalised given name just before, not at a sentence start ("Will Turkey ...?")."""
    if first == 0 or first >= len(tokens) or covered[first - 1]:
        return False
    given = tokens[first - 1]
    return (
        given.key in index.given_names
        and given.text[:1].isupper()
        and text[given.end : tokens[first].start] == " "
        and not _sentence_initial(text, given.start)
    )


def _surname_after(
    text: str, tokens: list[Token], first: int, end: int, index: GazetteerIndex
) -> bool:
    """A place that is a given name ('Sofia', 'Florence') right before an unknown capitalised
    word: 'Sofia Lindqvist' is a person."""
    if first + 1 >= len(tokens) or tokens[first].start >= end:
        return False
    place, after = tokens[first], tokens[first + 1]
    return (
        place.key in index.given_names
        and place.end == end
        and text[end : after.start] == " "
        and after.text[:1].isupper()
        and not after.text.isupper()
        and after.key not in index.first_keys
        and after.key not in index.known_words
        and after.key not in index.not_names
        and after.key not in index.given_names
    )


def _match_authors(
    text: str,
    tokens: list[Token],
    authors: list[str],
    covered: list[bool],
    found: list[_Found],
    index: GazetteerIndex,
) -> None:
    for author in authors:
        # "By Daily Sabah with agencies": an outlet in the byline is not a person.
        if any(
            a.entity.kind != "person"
            for a in index.by_surface.get(" ".join(fold_same_length(author).split()), [])
        ):
            continue
        for start, end in _occurrences(author, text):
            if any(f.start <= start < f.end for f in found):
                continue
            found.append(_Found(start, end, None, author, "person", True))
            for i, token in enumerate(tokens):
                if start <= token.start < end:
                    covered[i] = True


def _occurrences(phrase: str, text: str) -> list[tuple[int, int]]:
    """Where `phrase` is written in `text`, in any case, without overlaps."""
    lowered, wanted = lower_same_length(text), lower_same_length(phrase)
    if not phrase or lowered is None or wanted is None:
        return [m.span() for m in re.finditer(re.escape(phrase), text, re.IGNORECASE)]
    spans = []
    start = lowered.find(wanted)
    while start >= 0:  # a plain search of the lower-cased text: much faster than IGNORECASE
        spans.append((start, start + len(wanted)))
        start = lowered.find(wanted, start + len(wanted))
    return spans


def _name_like(token: Token, index: GazetteerIndex, titles: TitleIndex) -> bool:
    word, key = token.text, token.key
    return (
        word[0].isupper()
        and word[0].isalpha()
        and key not in index.not_names
        and key not in _CALENDAR_WORDS
        and key not in index.known_words
        and not (word.isupper() and len(word) > 1 and "." not in word)  # acronyms: NATO, EU
        and "." not in word.rstrip(".")  # "Rubio.vc"
        and token.start not in titles.covered  # the costliest test last
    )


def _match_unknown_people(
    text: str,
    tokens: list[Token],
    caps: list[int],
    index: GazetteerIndex,
    rules: ActorRules,
    titles: TitleIndex,
    covered: list[bool],
    headlines: Spans,
    found: list[_Found],
) -> None:
    n = len(tokens)
    done = -1
    for i in caps:
        if i <= done or covered[i]:
            continue
        if not _name_like(tokens[i], index, titles) and not (
            # "Sofia Lindqvist": a given name that is also a place, which the gazetteer left
            tokens[i].key in index.given_names
            and tokens[i].key in index.known_words
            and i + 1 < n
            and _name_like(tokens[i + 1], index, titles)
        ):
            continue
        j = i + 1
        while j < n and j - i < 5 and not covered[j] and _joined(text, tokens[j - 1], tokens[j]):
            if _name_like(tokens[j], index, titles) or _place_surname(tokens, i, j, index):
                j += 1
            elif (
                tokens[j].key in rules.particles
                and j + 1 < n
                and _name_like(tokens[j + 1], index, titles)
                and _joined(text, tokens[j], tokens[j + 1])
            ):
                j += 2
            elif (  # "Pieter van der Linde": particles in a row
                tokens[j].key in rules.particles
                and j + 2 < n
                and tokens[j + 1].key in rules.particles
                and _name_like(tokens[j + 2], index, titles)
                and _joined(text, tokens[j], tokens[j + 1])
                and _joined(text, tokens[j + 1], tokens[j + 2])
            ):
                j += 3
            else:
                break
        # "Andrew W. Mellon Auditorium", "Ronald Reagan Institute", "the Fairmont Le Manoir
        # Richelieu hotel", "Centre for Strategic Research": a name inside a place or body.
        if any(t.key in rules.organization_words for t in tokens[i + 1 : j]) or (
            j < n
            and tokens[j].key in rules.organization_words
            and _joined(text, tokens[j - 1], tokens[j])
        ):
            done = j - 1
            continue
        # "State Rex Tillerson": a name may start inside a run of capitals, at a given name;
        # "Later Cullinane": a sentence's first word is capitalised for the sentence's sake.
        # Skip it when what follows is known: a given name, or the surname of someone named before.
        initial_word = (
            tokens[i].key not in index.given_names
            and _sentence_initial(text, tokens[i].start)
            and j - i > 1
            and (
                # (not "Morita Haruka", a family name first: a given name alone is no one)
                (tokens[i + 1].key in index.given_names and j - i > 2)
                or tokens[i].key in index.not_names
                or any(f.entity is None and f.name.split()[-1] == tokens[j - 1].text for f in found)
            )
        )
        for first in range(i, j):
            if first == i and initial_word and j - i > 1:
                continue
            if (
                first > i
                and tokens[first].key not in index.given_names
                and not (first == i + 1 and initial_word)
            ):
                continue
            run = tokens[first:j]
            start, end = run[0].start, run[-1].end
            if len(run) > 1 and len(run[-1].text) == 1 and text.startswith(". ", end):
                # "President Vladimir V. Putin": a known person named with a middle initial;
                # "the Walter E. Washington Convention Center": no person at all.
                _with_initial(text, run, found, covered, first, j)
                break
            if _is_person(
                text, run, start, end, index, rules, titles, start in headlines
            ) or _coordinated(text, start, found, titles, rules):
                if _inside_a_body(text, tokens[i].start, tokens[j - 1].end, rules):
                    break
                found.append(
                    _Found(start, end, None, " ".join(t.text for t in run), "person", True)
                )
                for k in range(first, j):
                    covered[k] = True
                break
        done = j - 1


def _with_initial(
    text: str, run: list[Token], found: list[_Found], covered: list[bool], first: int, j: int
) -> None:
    """A given name and an initial before a known person's surname ("Vladimir V. Putin") join
    that mention; otherwise the words are left alone: a name cut at an initial is no name."""
    after = run[-1].end + 2
    known = next((f for f in found if f.start == after and f.entity is not None), None)
    if known is None or known.entity.kind != "person":
        return
    if known.entity.name.split()[0].lower() != run[0].text.lower():
        return
    known.start = run[0].start
    for k in range(first, j):
        covered[k] = True


def _inside_a_body(text: str, start: int, end: int, rules: ActorRules) -> bool:
    """'the Fairmont Le Manoir Richelieu hotel', 'Centre for Strategic Research': capitalised
    words that name a body or a building by the word after or before them."""
    return bool(
        rules.organization_after.match(text, end)
        or rules.organization_before.search(text, max(0, start - 40), start)
    )


def _place_surname(tokens: list[Token], i: int, j: int, index: GazetteerIndex) -> bool:
    """'Steve Holland': a place's name as the surname right after a given name (the gazetteer
    pass left it uncovered for that reason)."""
    return (
        j == i + 1
        and tokens[i].key in index.given_names
        and tokens[j].key in index.known_words
        and tokens[j].text[:1].isupper()
        and not tokens[j].text.isupper()
    )


def _is_person(
    text: str,
    run: list[Token],
    start: int,
    end: int,
    index: GazetteerIndex,
    rules: ActorRules,
    titles: TitleIndex,
    in_headline: bool,
) -> bool:
    if len(run) > 4:
        return False
    given = run[0].key in index.given_names
    if given and len(run) >= 2:
        return True
    # "Natascha van Boetzelaer": a name particle between capitalised words marks a name.
    if len(run) >= 3 and any(t.key in rules.particles for t in run[1:-1]) and not in_headline:
        return True
    if in_headline:
        return False
    before = text[max(0, start - 40) : start]
    after = text[end : end + 120]
    if titles.before(start) and (
        len(run) >= 2
        or not (_sentence_initial(text, start) or _OF_AFTER.match(text[end : end + 4]))
    ):
        return True
    if len(run) >= 2 and rules.apposition_after.match(text, end, end + 120):
        return True
    return bool(
        len(run) >= 2 and (rules.speech_before.search(before) or rules.speech_after.match(after))
    )


def _coordinated(
    text: str, start: int, found: list[_Found], titles: TitleIndex, rules: ActorRules
) -> bool:
    """'Prime Ministers Keir Starmer and Donald Tusk': a name joined to one under a plural title."""
    if not found or not _COORDINATION.fullmatch(text[found[-1].end : start]):
        return False
    previous = titles.before(found[-1].start)
    if previous is None:
        return False
    written = _norm(previous[0]["title"])
    return rules.singular.get(written, written) != written


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(' “"‘')
    return not before or before[-1] in ".!?\n"


def _join_surnames(
    tokens: list[Token], caps: list[int], covered: list[bool], found: list[_Found]
) -> None:
    """'Cullinane' joins 'Scott Cullinane' found elsewhere in the same article."""
    by_surname: dict[str, str] = {}
    for item in found:
        if item.entity is None and " " in item.name:
            by_surname.setdefault(token_key(item.name.split()[-1]), item.name)
    if not by_surname:
        return
    for i in caps:
        token = tokens[i]
        if covered[i]:
            continue
        name = by_surname.get(token.key)
        if name:
            found.append(_Found(token.start, token.end, None, name, "person", True))
            covered[i] = True


def _spelled_otherwise(found: list[_Found], index: GazetteerIndex) -> None:
    """'Andrei Sibiga', 'Dmytro Koeleba': a name the gazetteer lacks that is a known person's
    name in another transliteration (the surname's spelling key, the given name's initial)."""
    renamed: dict[str, Entity] = {}
    for item in found:
        if item.entity is not None or item.kind != "person" or item.name in renamed:
            continue
        parts = item.name.split()
        if len(parts) < 2 or len(parts[-1]) < 5:
            continue
        known = index.by_spelling.get(spelling_key(parts[-1]))
        if known is None or not known.given_names or token_key(parts[-1]) in known.surname_keys:
            continue  # "first lady Jill Biden": the same surname is another person
        initial = spelling_key(parts[0])[:1]
        if initial and any(spelling_key(g)[:1] == initial for g in known.given_names):
            renamed[item.name] = known
    if not renamed:
        return
    for item in found:
        known = renamed.get(item.name) if item.entity is None else None
        if known is not None:
            item.entity, item.name = known, known.name


def _match_demonyms(
    tokens: list[Token],
    caps: list[int],
    index: GazetteerIndex,
    covered: list[bool],
    found: list[_Found],
) -> None:
    for i in caps:
        token = tokens[i]
        if covered[i]:
            continue
        entity = index.demonyms.get(token.key)
        if entity:
            found.append(_Found(token.start, token.end, entity, entity.name, "country", True))
            covered[i] = True


_INITIAL_BEFORE = re.compile(r"\b([A-Z])\.\s?$")


def _resolve(found: list[_Found], published: date | None) -> list[_Found]:
    """Pick one entity per ambiguous alias; drop lower-case matches that nothing supports."""
    full_names = {
        f.entity.name
        for f in found
        if f.entity is not None
        and f.strong
        and any(a.full for a in f.candidates if a.entity is f.entity)
    }
    strong_entities = {f.entity.name for f in found if f.entity is not None and f.strong}
    for item in found:
        if len(item.candidates) > 1:
            item.entity = _choose(item.candidates, full_names, published)
            item.name, item.kind = item.entity.name, item.entity.kind
    kept = []
    for item in found:
        if not item.strong and item.entity is not None and item.entity.name not in strong_entities:
            continue
        kept.append(item)
    kept.sort(key=lambda f: f.start)
    return kept


def _prefer_people_of_the_article(text: str, found: list[_Found]) -> None:
    """'Lee Seong-hoon ... Lee said': a bare name joins the person of this article who bears it,
    not a known person the article never names in full (Lee Jae-myung)."""
    unknown: dict[str, str] = {}
    for item in found:
        if item.entity is None and item.kind == "person" and " " in item.name:
            parts = item.name.split()
            for part in (parts[0], parts[-1]):
                unknown.setdefault(token_key(part), item.name)
    if not unknown:
        return
    in_full = {
        f.entity.name
        for f in found
        if f.entity is not None and " " in text[f.start : f.end].strip()
    }
    for item in found:
        if item.entity is None or item.kind != "person" or item.entity.name in in_full:
            continue
        surface = text[item.start : item.end]
        name = unknown.get(token_key(surface)) if " " not in surface.strip() else None
        if name:
            item.entity, item.name, item.candidates = None, name, []


def _choose(candidates: list[Alias], full_names: set[str], published: date | None) -> Entity:
    for alias in candidates:
        if alias.entity.name in full_names:
            return alias.entity
    if published:
        for alias in candidates:
            for role in alias.entity.roles:
                if role.held_on(published):
                    return alias.entity
    people = [a.entity for a in candidates if a.entity.kind == "person"]
    return people[0] if people else candidates[0].entity


def _roles_for(
    text: str, item: _Found, rules: ActorRules, titles: TitleIndex, person_starts: list[int]
) -> list[tuple[str, bool]]:
    roles: list[tuple[str, bool]] = []
    found = titles.before(item.start) or titles.leading(item.start, item.end)
    if found:
        match, tail = found
        governing = titles.governing(match)
        if governing is not None:  # "special envoy of the President of the USA Steve Witkoff"
            match, tail = governing, ""
        role, past = _role_text(match, rules, tail)
        # "then U.S. Secretary of Defense Lloyd Austin": a past marker before a country's name.
        past = past or _past_before_scope(text, match.start(), rules.past_markers)
        roles.append((role, past))
        written = _norm(match["title"])
        item.plural_title = rules.singular.get(written, written) != written
    match = rules.apposition_after.match(text, item.end, item.end + 160)
    # "..., Minister of Defense Rustem Umerov": a list of officials, not this person's role;
    # but "Vladimir Medinsky, an aide to President Vladimir Putin" is an aide.
    if match and not any(
        match.start("full") <= start <= match.end() + 2 for start in person_starts
    ):
        role, past = _role_text(match, rules)
        if match["owner"]:
            role = f"{match['owner'].lower()} {role}"
        roles.append((role, past or match["who"] in _WHO_PAST))
    elif match and re.match(r"\s+to\s", text[match.end("title") : match.end("title") + 4]):
        roles.append(_role_text(match, rules, tail=""))
    return roles


_WHO_PAST = ("was", "served as")  # "X, who was foreign minister": a former role


def _past_before_scope(text: str, start: int, markers: set[str]) -> bool:
    """'then U.S. Secretary of Defense': a past marker, then one or two capitalised words."""
    if start < 2 or text[start - 1] != " ":
        return False
    words = text[max(0, start - 30) : start].replace("-", " ").split()
    for capitalised in (1, 2):
        if len(words) <= capitalised or not words[-capitalised][:1].isupper():
            return False
        if words[-capitalised - 1].lower() in markers:
            return True
    return False


def _norm(title: str) -> str:
    # The words joined by single spaces: what `_SPACES.sub(" ", ...).strip()` gives (both split
    # at the characters `str.isspace` takes), without a regex call.
    return " ".join(title.lower().split())


def _role_text(
    match: re.Match[str], rules: ActorRules, tail: str | None = None
) -> tuple[str, bool]:
    mods = [
        m for m in _MODIFIER_SEPARATORS.split((match.groupdict().get("mods") or "").lower()) if m
    ]
    past = any(m in rules.past_markers for m in mods)
    mods = [m for m in mods if m not in rules.past_markers]
    title = _norm(match["title"])
    title = rules.singular.get(title, title)
    title = rules.abbreviations.get(title, title)
    if tail is None:
        tail = match["full"][match.end("title") - match.start("full") :].strip()
    tail = _SPACES.sub(" ", tail)
    if not tail:  # "a spokesperson for the presidential office": the title, not "spokesperson for"
        title = _DANGLING.sub("", title)
    role = " ".join([*mods, title]) + (f" {tail}" if tail else "")
    return role, past


_DANGLING = re.compile(r"\s+(?:for|of|to|at|in|on)$")


def _inherit_plural_titles(text: str, found: list[_Found]) -> None:
    """'Prime Ministers Starmer and Tusk': the title covers both names."""
    people = [f for f in found if f.kind == "person"]
    for previous, current in zip(people, people[1:], strict=False):
        if previous.plural_title and not current.roles:
            gap = text[previous.end : current.start]
            if _COORDINATION.fullmatch(gap):
                current.roles = list(previous.roles)
                current.plural_title = True


def _byline_roles(text: str, authors: list[str], found: list[_Found], rules: ActorRules) -> None:
    """'by James Carter Senior News Editor': the rest of the byline is the author's role."""
    for item in found:
        if item.name not in authors or item.roles:
            continue
        line_end = text.find("\n", item.end)
        rest = text[item.end : line_end if line_end >= 0 else len(text)].strip(" ,|–—-")
        words = rest.split()
        # "Senior News Editor", "Political editor"; not a sentence that goes on after the name.
        if (
            words
            and len(words) <= 5
            and words[0][0].isupper()
            and not any(c.isdigit() or c in '.,;:!?"“”' for c in rest)
        ):
            item.roles.append((rest.lower(), False))


def _assemble(text: str, found: list[_Found]) -> list[ActorRef]:
    actors: dict[tuple[str, str], ActorRef] = {}
    modifier_only: dict[tuple[str, str], bool] = {}
    for item in found:
        key = (item.name, item.kind)
        actor = actors.get(key)
        if actor is None:
            entity = item.entity
            actor = ActorRef(
                name=item.name,
                kind=item.kind,
                country=entity.country if entity else None,
                known=entity is not None,
            )
            actors[key] = actor
            modifier_only[key] = True
        actor.mentions.append(Mention(item.start, item.end, text[item.start : item.end]))
        modifier_only[key] = modifier_only[key] and item.modifier
        for role, past in item.roles:
            actor.role_evidence.append([role, item.start, past])
            label = f"{role} (former)" if past else role
            if label not in actor.roles:
                actor.roles.append(label)
    return [a for key, a in actors.items() if not (a.kind == "person" and modifier_only[key])]
