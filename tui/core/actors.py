"""Find the people, organisations, countries and places an article mentions, with their roles.

Two passes over the tokens: gazetteer matches first (longest alias wins), then general rules
for people the gazetteer does not know: a known given name before a capitalised surname, a title
before a name, a name in apposition with a role, a name next to a speech verb. A surname alone
joins the full name found elsewhere in the article; lower-case forms count when the same actor
is also written properly, or right after a title ("senator rubio").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .config_models import ActorPatterns
from .gazetteer import Alias, Entity, GazetteerIndex, Token, tokenize
from .models import ActorRef, Mention
from .textutil import MONTHS, WEEKDAYS, words_in

_MODIFIER_NOUNS = re.compile(
    r"^[’']?s?\s*(?:administration|government|era|presidency|camp|team|doctrine|cabinet|White House)\b",
    re.IGNORECASE,
)
_CALENDAR_WORDS = set(MONTHS) | set(WEEKDAYS)


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

    title_before: re.Pattern[str]
    apposition_before: re.Pattern[str]
    apposition_after: re.Pattern[str]
    speech_before: re.Pattern[str]
    speech_after: re.Pattern[str]
    titles_anywhere: re.Pattern[str]
    singular: dict[str, str]
    past_markers: set[str]
    particles: set[str]

    @classmethod
    def from_config(cls, patterns: ActorPatterns) -> ActorRules:
        titles = [t.lower() for t in patterns.titles]
        singular = {t: t for t in titles}
        for title in titles:
            singular.setdefault(pluralise(title), title)
        title_alt = "|".join(
            re.escape(t).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]")
            for t in sorted(singular, key=len, reverse=True)
        )
        mods = sorted({m.lower() for m in patterns.title_modifiers + patterns.past_markers}, key=len, reverse=True)
        mod_alt = "|".join(re.escape(m) for m in mods) or "(?!x)x"
        appos = sorted({a.lower() for a in patterns.apposition_roles} | set(titles), key=len, reverse=True)
        appos_alt = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in appos)
        org_tail = r"(?:\s+(?:to|of|for|at)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:[\s-]+(?:[A-Z][\w.’'-]*|of|and|for))*?(?:[\s-]+[A-Z][\w.’'-]*)?)?"
        verbs = "|".join(re.escape(v) for v in sorted(patterns.speech_verbs, key=len, reverse=True))
        return cls(
            title_before=re.compile(
                rf"(?<![\w-])(?P<full>(?P<mods>(?:(?:{mod_alt})[\s-]+)*)(?P<title>{title_alt}))\s*\[?\s*$",
                re.IGNORECASE,
            ),
            apposition_before=re.compile(
                rf"(?<![\w-])(?P<full>(?P<mods>(?:(?:{mod_alt})[\s-]+)*)(?P<title>{title_alt}){org_tail}),\s*$",
                re.IGNORECASE,
            ),
            apposition_after=re.compile(
                rf"^\s*,\s+(?:(?:the|a|an|its|their|his|her)\s+)?(?:[\w.-]+\s+){{0,3}}?"
                rf"(?P<full>(?P<title>{appos_alt}){org_tail})(?=[\s,.;:)]|$)",
                re.IGNORECASE,
            ),
            speech_before=re.compile(rf"(?:\b(?:{verbs})|according to)\s*$", re.IGNORECASE),
            speech_after=re.compile(rf"^\s*,?\s*(?:{verbs})\b", re.IGNORECASE),
            titles_anywhere=words_in(list(singular)),
            singular=singular,
            past_markers={m.lower() for m in patterns.past_markers},
            particles={p.lower() for p in patterns.name_particles},
        )


@dataclass
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


def find_actors(
    text: str,
    sentences: list[tuple[int, int]],
    index: GazetteerIndex,
    rules: ActorRules,
    authors: list[str],
    published: date | None,
) -> list[ActorRef]:
    """All actors of one article, each with mentions (offsets into `text`) and roles."""
    tokens = tokenize(text)
    title_spans = [m.span() for m in rules.titles_anywhere.finditer(text)]
    in_title = _mark_spans(tokens, title_spans)
    covered = [False] * len(tokens)
    found: list[_Found] = []
    headline = _headline_sentences(text, sentences, tokens)

    _match_gazetteer(text, tokens, index, covered, found)
    _match_authors(text, tokens, authors, covered, found)
    _match_unknown_people(text, tokens, index, rules, covered, in_title, headline, found)
    _join_surnames(text, tokens, index, covered, found)
    _match_demonyms(tokens, index, covered, found)
    found = _resolve(found, published)
    for item in found:
        if item.kind == "person":
            item.roles = _roles_for(text, item, rules)
            item.modifier = bool(_MODIFIER_NOUNS.match(text[item.end : item.end + 20]))
    _inherit_plural_titles(text, found)
    _byline_roles(text, authors, found, rules)
    return _assemble(text, found)


def _mark_spans(tokens: list[Token], spans: list[tuple[int, int]]) -> list[bool]:
    marks = [False] * len(tokens)
    j = 0
    for i, token in enumerate(tokens):
        while j < len(spans) and spans[j][1] <= token.start:
            j += 1
        if j < len(spans) and spans[j][0] <= token.start < spans[j][1]:
            marks[i] = True
    return marks


def _headline_sentences(text: str, sentences: list[tuple[int, int]], tokens: list[Token]) -> set[int]:
    """Token indexes inside Title Case lines, where capitals say nothing about names."""
    marks: set[int] = set()
    i = 0
    for start, end in sentences:
        first = i
        while i < len(tokens) and tokens[i].start < end:
            i += 1
        words = [t for t in tokens[first:i] if t.text[0].isalpha() and len(t.text) > 3]
        if len(words) >= 4 and sum(t.text[0].isupper() for t in words) >= 0.7 * len(words):
            marks.update(range(first, i))
    return marks


def _joined(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end : b.start]
    # "President [Donald] Trump": an editor's bracket does not split a name.
    return gap == " " or (gap.isspace() and "\n" not in gap) or gap in ("] ", " [")


def _match_gazetteer(
    text: str, tokens: list[Token], index: GazetteerIndex, covered: list[bool], found: list[_Found]
) -> None:
    i, n = 0, len(tokens)
    while i < n:
        matched = False
        for length in range(min(index.max_len, n - i), 0, -1):
            if length > 1 and not all(_joined(text, tokens[j], tokens[j + 1]) for j in range(i, i + length - 1)):
                continue
            aliases = index.lookup(tuple(t.key for t in tokens[i : i + length]))
            if not aliases:
                continue
            surface = " ".join(t.text for t in tokens[i : i + length])
            usable = [a for a in aliases if a.exact is None or a.exact == surface.replace(".", "")]
            if not usable:
                continue
            strong = tokens[i].text[0].isupper() or any(a.exact for a in usable)
            start, end = tokens[i].start, tokens[i + length - 1].end
            if not strong and usable[0].entity.kind == "person" and not usable[0].full and length == 1:
                strong = False
            # A given name written before a bare surname belongs to the mention ("Matt Whitaker").
            if (
                i > 0
                and not covered[i - 1]
                and all(not a.full for a in usable)
                and usable[0].entity.kind == "person"
                and tokens[i - 1].key in index.given_names
                and tokens[i - 1].text[0].isupper()
                and _joined(text, tokens[i - 1], tokens[i])
            ):
                start = tokens[i - 1].start
                covered[i - 1] = True
            found.append(_Found(start, end, usable[0].entity, usable[0].entity.name, usable[0].entity.kind, strong, usable))
            for j in range(i, i + length):
                covered[j] = True
            i += length
            matched = True
            break
        if not matched:
            i += 1


def _match_authors(text: str, tokens: list[Token], authors: list[str], covered: list[bool], found: list[_Found]) -> None:
    for author in authors:
        for match in re.finditer(re.escape(author), text):
            if any(f.start <= match.start() < f.end for f in found):
                continue
            found.append(_Found(match.start(), match.end(), None, author, "person", True))
            for i, token in enumerate(tokens):
                if match.start() <= token.start < match.end():
                    covered[i] = True


def _name_like(token: Token, index: GazetteerIndex, rules: ActorRules, in_title: bool) -> bool:
    word = token.text
    return (
        word[0].isupper()
        and word[0].isalpha()
        and not in_title
        and token.key not in index.not_names
        and token.key not in _CALENDAR_WORDS
        and not index.is_known_word(token.key)
        and not (word.isupper() and len(word) > 1 and "." not in word)  # acronyms: NATO, EU
        and not "." in word.rstrip(".")  # "Rubio.vc"
    )


def _match_unknown_people(
    text: str,
    tokens: list[Token],
    index: GazetteerIndex,
    rules: ActorRules,
    covered: list[bool],
    in_title: list[bool],
    headline: set[int],
    found: list[_Found],
) -> None:
    n = len(tokens)
    i = 0
    while i < n:
        if covered[i] or not _name_like(tokens[i], index, rules, in_title[i]):
            i += 1
            continue
        j = i + 1
        while j < n and j - i < 5 and not covered[j] and _joined(text, tokens[j - 1], tokens[j]):
            if _name_like(tokens[j], index, rules, in_title[j]):
                j += 1
            elif (
                tokens[j].key in rules.particles
                and j + 1 < n
                and _name_like(tokens[j + 1], index, rules, in_title[j + 1])
                and _joined(text, tokens[j], tokens[j + 1])
            ):
                j += 2
            else:
                break
        # "State Rex Tillerson": a name may start inside a run of capitals, at a given name.
        for first in range(i, j):
            if first > i and tokens[first].key not in index.given_names:
                continue
            run = tokens[first:j]
            start, end = run[0].start, run[-1].end
            if _is_person(text, run, start, end, index, rules, first in headline, tokens, first):
                found.append(_Found(start, end, None, " ".join(t.text for t in run), "person", True))
                for k in range(first, j):
                    covered[k] = True
                break
        i = j


def _is_person(
    text: str,
    run: list[Token],
    start: int,
    end: int,
    index: GazetteerIndex,
    rules: ActorRules,
    in_headline: bool,
    tokens: list[Token],
    position: int,
) -> bool:
    if len(run) > 4:
        return False
    given = run[0].key in index.given_names
    if given and len(run) >= 2:
        return True
    if in_headline:
        return False
    before = text[max(0, start - 80) : start]
    after = text[end : end + 120]
    if rules.title_before.search(before) and (len(run) >= 2 or _sentence_initial(text, start) is False):
        return True
    if len(run) >= 2 and rules.apposition_after.match(after):
        return True
    if len(run) >= 2 and (rules.speech_before.search(before) or rules.speech_after.match(after)):
        return True
    return False


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" “\"‘")
    return not before or before[-1] in ".!?\n"


def _join_surnames(text: str, tokens: list[Token], index: GazetteerIndex, covered: list[bool], found: list[_Found]) -> None:
    """'Cullinane' joins 'Scott Cullinane' found elsewhere in the same article."""
    by_surname: dict[str, str] = {}
    for item in found:
        if item.entity is None and " " in item.name:
            by_surname.setdefault(tokens_key(item.name.split()[-1]), item.name)
    if not by_surname:
        return
    for i, token in enumerate(tokens):
        if covered[i] or not token.text[0].isupper():
            continue
        name = by_surname.get(token.key)
        if name:
            found.append(_Found(token.start, token.end, None, name, "person", True))
            covered[i] = True


def tokens_key(word: str) -> str:
    from .gazetteer import token_key

    return token_key(word)


def _match_demonyms(tokens: list[Token], index: GazetteerIndex, covered: list[bool], found: list[_Found]) -> None:
    for i, token in enumerate(tokens):
        if covered[i] or not token.text[0].isupper():
            continue
        entity = index.demonyms.get(token.key)
        if entity:
            found.append(_Found(token.start, token.end, entity, entity.name, "country", True))
            covered[i] = True


def _resolve(found: list[_Found], published: date | None) -> list[_Found]:
    """Pick one entity per ambiguous alias; drop lower-case matches that nothing supports."""
    full_names = {f.entity.name for f in found if f.entity is not None and f.strong and any(a.full for a in f.candidates if a.entity is f.entity)}
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


def _choose(candidates: list[Alias], full_names: set[str], published: date | None) -> Entity:
    for alias in candidates:
        if alias.entity.name in full_names:
            return alias.entity
    if published:
        for alias in candidates:
            for role in alias.entity.roles:
                if (role.start is None or role.start <= published) and (role.end is None or published <= role.end):
                    return alias.entity
    people = [a.entity for a in candidates if a.entity.kind == "person"]
    return people[0] if people else candidates[0].entity


def _roles_for(text: str, item: _Found, rules: ActorRules) -> list[tuple[str, bool]]:
    roles: list[tuple[str, bool]] = []
    before = text[max(0, item.start - 120) : item.start]
    match = rules.title_before.search(before) or rules.apposition_before.search(before)
    if match:
        roles.append(_role_text(match, rules))
        written = _norm(match["title"])
        item.plural_title = rules.singular.get(written, written) != written
    after = text[item.end : item.end + 160]
    match = rules.apposition_after.match(after)
    if match:
        roles.append(_role_text(match, rules))
    return roles


def _norm(title: str) -> str:
    return re.sub(r"\s+", " ", title.lower()).strip()


def _role_text(match: re.Match[str], rules: ActorRules) -> tuple[str, bool]:
    mods = [m for m in re.split(r"[\s-]+", (match["mods"] or "").lower()) if m] if "mods" in match.groupdict() else []
    past = any(m in rules.past_markers for m in mods)
    mods = [m for m in mods if m not in rules.past_markers]
    title = _norm(match["title"])
    title = rules.singular.get(title, title)
    tail = match["full"][match.end("title") - match.start("full") :].strip() if match["full"] else ""
    tail = re.sub(r"\s+", " ", tail)
    role = " ".join([*mods, title]) + (f" {tail}" if tail else "")
    return role, past


def _inherit_plural_titles(text: str, found: list[_Found]) -> None:
    """'Prime Ministers Starmer and Tusk': the title covers both names."""
    people = [f for f in found if f.kind == "person"]
    for previous, current in zip(people, people[1:]):
        if previous.plural_title and not current.roles:
            gap = text[previous.end : current.start]
            if re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", gap):
                current.roles = list(previous.roles)
                current.plural_title = True


def _byline_roles(text: str, authors: list[str], found: list[_Found], rules: ActorRules) -> None:
    """'by James Carter Senior News Editor': the rest of the byline is the author's role."""
    for item in found:
        if item.name not in authors or item.roles:
            continue
        line_end = text.find("\n", item.end)
        rest = text[item.end : line_end if line_end >= 0 else len(text)].strip(" ,|–—-")
        if rest and len(rest.split()) <= 5 and all(w[0].isupper() for w in rest.split()):
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
