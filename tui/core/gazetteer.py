"""An index of the gazetteer: token sequences -> known entities.

Matching is done on tokens, not with one giant regular expression: each token is folded
(lower-case, accents removed, dots dropped) and the longest known sequence starting at a token
wins. That is linear in the text and independent of the gazetteer's size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from .textutil import MONTHS, NON_WORD, WEEKDAYS, fold, fold_same_length, trie_pattern

if TYPE_CHECKING:  # the models pull in pydantic; only validation needs it at run time
    from .config_models import Gazetteer, RolePeriod

# A token: letters/digits, joined by inner hyphens or dots ("U.S", "Kosiniak-Kamysz", "Rubio.vc").
TOKEN = re.compile(r"[^\W_]+(?:[-.][^\W_]+)*")


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str


@dataclass(slots=True)
class Entity:
    name: str
    kind: str  # person | organization | country | place
    country: str | None = None
    roles: list[RolePeriod] = field(default_factory=list)
    city: str | None = None  # for venues: the city they are in
    given_names: tuple[str, ...] = ()  # for people: the first words of their name and aliases
    surname_keys: tuple[str, ...] = ()  # for people: the last words, as `token_key` gives them


@dataclass(slots=True)
class Alias:
    entity: Entity
    exact: str | None  # surface form that must match exactly (short all-caps aliases), or None
    full: bool  # the canonical name or a full-name alias (not a derived surname)


@dataclass(slots=True)
class SurfaceMatch:
    """What a scanner match's folded surface names, worked out once per surface."""

    aliases: list[Alias]
    exact: bool  # some alias must be written in this exact case ("US"): check the surface
    full: bool  # some alias is a full name, not a bare surname


# How every alias ends for `GazetteerIndex._takes_the_character_before`.
_ENDS_A_WORD = re.compile(r"\w\.?\Z")


def tokenize(text: str) -> list[Token]:
    tokens = []
    for match in TOKEN.finditer(text):
        start, end = match.span()
        word = match.group()
        # Keep the final dot of an abbreviation ("U.S.") as part of the token.
        if "." in word and end < len(text) and text[end] == ".":
            end += 1
            word += "."
        tokens.append(Token(start, end, word, token_key(word)))
    return tokens


@lru_cache(maxsize=65536)
def token_key(word: str) -> str:
    return fold(word).replace(".", "")


def alias_key(alias: str) -> tuple[str, ...]:
    return tuple(t.key for t in tokenize(alias))


def surface_key(alias: str) -> str:
    """How an alias is looked up after a match in the folded text."""
    return " ".join(fold_same_length(alias).split())


def _needs_exact_case(alias: str) -> bool:
    # "US", "UK", "EU", "U.S.": all-caps and short collide with words ("us"), so case must match.
    letters = alias.replace(".", "").replace(" ", "")
    return len(letters) <= 4 and letters.isupper()


class GazetteerIndex:
    """Known entities by alias, plus the word lists that shape name detection."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.aliases: dict[tuple[str, ...], list[Alias]] = {}
        self.by_surface: dict[str, list[Alias]] = {}
        self._scanner: re.Pattern[str] | None = None
        self._takes_the_character_before = False  # set with the scanner
        self.surfaces: dict[str, SurfaceMatch] = {}  # `surface`'s, by the matched text
        self.max_len = 1
        self.demonyms: dict[str, Entity] = {}
        self.countries_by_code: dict[str, Entity] = {}
        self.people: list[Entity] = []
        for entry in gazetteer.countries:
            entity = Entity(entry.name, "country", entry.code)
            if entry.code:
                self.countries_by_code[entry.code.upper()] = entity
            for alias in [entry.name, *entry.aliases]:
                self._add(alias, entity, full=True)
            for demonym in entry.demonyms:
                self.demonyms[token_key(demonym)] = entity
        for entry in gazetteer.organizations:
            entity = Entity(entry.name, "organization", entry.country)
            for alias in [entry.name, *entry.aliases]:
                self._add(alias, entity, full=True)
        places = []
        for entry in gazetteer.places:
            entity = Entity(entry.name, "place", entry.country, city=entry.city)
            places.append(entity)
            for alias in [entry.name, *entry.aliases]:
                self._add(alias, entity, full=True)
        for entry in gazetteer.people:
            given = {token_key(n.split()[0]) for n in [entry.name, *entry.aliases] if " " in n}
            last = {token_key(n.split()[-1]) for n in [entry.name, *entry.aliases] if " " in n}
            entity = Entity(
                entry.name,
                "person",
                entry.country,
                list(entry.roles),
                given_names=tuple(given),
                surname_keys=tuple(last),
            )
            self.people.append(entity)
            for alias in [entry.name, *entry.aliases]:
                self._add(alias, entity, full=len(alias.split()) > 1)
            for surname in _surnames(entry.name):
                self._add(surname, entity, full=False)
        self.people_by_name = {p.name: p for p in self.people}
        self.by_spelling = _people_by_spelling(self.people, gazetteer)
        self.first_keys = {key[0] for key in self.aliases}
        self.venue_cities = {e.name: e.city for e in places if e.city}
        # "received in the Kremlin", "at the White House": a body's seat is a venue too.
        self.seat_cities = {o.name: o.city for o in gazetteer.organizations if o.city}
        # "The Hague" -> "Netherlands": a city and its country are not two places.
        self.place_countries = {
            e.name: self.countries_by_code[e.country.upper()].name
            for e in places
            if e.country and e.country.upper() in self.countries_by_code
        }
        # "the summit in Alaska" and "the summit in Anchorage" are at one place.
        self.place_regions = {e.name: e.region for e in gazetteer.places if e.region}
        self.given_names = {token_key(n) for n in gazetteer.given_names}
        self.not_names = {token_key(n) for n in gazetteer.not_names}
        # Words that name a known non-person (country, place, organisation) or are demonyms.
        self.known_words = set(self.demonyms) | {
            key[0]
            for key, aliases in self.aliases.items()
            if len(key) == 1 and any(a.entity.kind != "person" for a in aliases)
        }

    def _add(self, alias: str, entity: Entity, full: bool) -> None:
        key = alias_key(alias)
        if not key:
            return
        exact = alias.replace(".", "") if _needs_exact_case(alias) else None
        bucket = self.aliases.setdefault(key, [])
        if any(a.entity is entity for a in bucket):
            return
        record = Alias(entity, exact, full)
        bucket.append(record)
        self.max_len = max(self.max_len, len(key))
        # The same alias by its folded surface ("u.s.", "lokke rasmussen") for the text scan.
        for surface in {surface_key(alias), surface_key(alias.replace(".", ""))}:
            if surface:
                self.by_surface.setdefault(surface, [])
                if record not in self.by_surface[surface]:
                    self.by_surface[surface].append(record)

    @property
    def scanner(self) -> re.Pattern[str]:
        """One pattern of every alias (a prefix trie), run over the folded text (`scan`)."""
        if self._scanner is None:
            body = trie_pattern(list(self.by_surface), space=" ")
            # Not inside a word, nor glued to one by a dot ("Rubio.vc") or a hyphen before it.
            before = r"(?<![\w])(?<!\w[.-])"
            # The scanner may take the character before an alias (run over the text with a
            # space put in front) where that character is never part of the match before: no
            # match can start where one ends, after an alias that ends with a letter or a
            # digit, or with a dot after one ("u.s.").
            self._takes_the_character_before = all(map(_ENDS_A_WORD.search, self.by_surface))
            if self._takes_the_character_before:
                # A pattern that starts with a class lets the engine skip in C to the next
                # space or punctuation, instead of starting a match at every letter.
                before = NON_WORD + r"(?<!\w[.-])"
            self._scanner = re.compile(rf"{before}(?:{body})(?!\w|\.\w)")
        return self._scanner

    def scan(self, folded: str) -> list[tuple[int, int]]:
        """The (start, end) in `folded` of the aliases the scanner finds there, in order."""
        scanner = self.scanner
        if self._takes_the_character_before:
            # A match at k of the spaced text takes the character before offset k of `folded`.
            spaced = " " + folded
            return [(match.start(), match.end() - 1) for match in scanner.finditer(spaced)]
        return [match.span() for match in scanner.finditer(folded)]

    def surface(self, matched: str) -> SurfaceMatch:
        """The aliases of a scanner match (its text in the folded article)."""
        known = self.surfaces.get(matched)
        if known is None:
            aliases = self.by_surface.get(" ".join(matched.split()), [])
            known = SurfaceMatch(
                aliases,
                exact=any(a.exact is not None for a in aliases),
                full=any(a.full for a in aliases),
            )
            self.surfaces[matched] = known
        return known

    def lookup(self, keys: tuple[str, ...]) -> list[Alias]:
        return self.aliases.get(keys, [])

    def is_known_word(self, key: str) -> bool:
        """A word that names a known non-person (country, place, organisation) or a demonym."""
        return key in self.known_words


_ROMAN = re.compile(r"[IVXLC]+")
_GIVEN_AFTER_FAMILY = re.compile(r"[A-Z][a-z]+-[a-z]+")
# "Dong Jun" must not make "Jun" (June) a name; nor "Jr." a surname.
_NOT_SURNAMES = (
    set(MONTHS) | set(WEEKDAYS) | {"jr", "sr", "mon", "tue", "wed", "thu", "fri", "sat", "sun"}
)
_PATRONYMIC = {"bin", "ibn", "bint"}
_PARTICLES = {"van", "von", "der", "den", "de", "da", "di", "del", "la", "le", "al", "bin", "ter"}


def _surnames(name: str) -> list[str]:
    """Short forms of a full name: 'Lars Løkke Rasmussen' -> ['Løkke Rasmussen', 'Rasmussen'];
    'Ursula von der Leyen' -> ['von der Leyen', 'Leyen']."""
    parts = name.split()
    if len(parts) < 2:
        return []
    out = []
    rest = parts[1:]
    if len(rest) > 1:
        out.append(" ".join(rest))
    last = parts[-1]
    # "King Frederik X": a regnal number or a short token is not a surname; nor is "Min-seok"
    # in "Kim Min-seok", a Korean given name after the family name; nor "Farhan" in "Faisal bin
    # Farhan", a father's name ("Dr Farhan Ismail" is someone else).
    if (
        last.lower() not in _PARTICLES
        and not (len(parts) >= 3 and parts[-2].lower() in _PATRONYMIC)
        and not _GIVEN_AFTER_FAMILY.fullmatch(last)
        and len(last) > 2
        and not _ROMAN.fullmatch(last)
        and last.lower().rstrip(".") not in _NOT_SURNAMES
    ):
        out.append(last)
    return out


# Transliteration rules, applied to both sides: Sybiha/Sibiga (Ukrainian h, Russian g),
# Medinsky/Medinski, Kuleba/Koeleba (Dutch), Zelensky/Selenskyj (German), Shmyhal/Shmygal.
_SPELLING_RULES = (
    ("tsch", "ch"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("kh", "h"),
    ("gh", "h"),
    ("g", "h"),
    ("oe", "u"),
    ("ou", "u"),
    ("ij", "i"),
    ("j", "i"),
    ("y", "i"),
    ("w", "v"),
    ("z", "s"),
    ("ck", "k"),
)
_NOT_LETTER = re.compile(r"[^a-z]")
_DOUBLED = re.compile(r"(.)\1+")


def spelling_key(word: str) -> str:
    """One key for the ways a name is transliterated: 'Sibiga' and 'Sybiha' -> 'sibiha'."""
    key = _NOT_LETTER.sub("", fold(word))
    for written, said in _SPELLING_RULES:
        key = key.replace(written, said)
    return _DOUBLED.sub(r"\1", key)


def _people_by_spelling(people: list[Entity], gazetteer: Gazetteer) -> dict[str, Entity]:
    """Known people by the spelling key of their surname, where one person has that key."""
    keyed: dict[str, set[str]] = {}
    by_name = {p.name: p for p in people}
    for entry in gazetteer.people:
        for alias in [entry.name, *entry.aliases]:
            parts = alias.split()
            if len(parts) > 1 and len(parts[-1]) >= 5:
                keyed.setdefault(spelling_key(parts[-1]), set()).add(entry.name)
    return {key: by_name[names.pop()] for key, names in keyed.items() if len(names) == 1}
