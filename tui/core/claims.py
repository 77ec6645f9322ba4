"""Typed claims: a person's role at a time, and quantities such as a spending target.

Meeting dates, places and attendance are claims too; they are compared when meetings are merged
across the corpus (linking.py). Values are normalised here so that equal facts compare equal:
"5%", "5 percent" and "five per cent" all become "5%".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .models import ActorRef, Claim, Source
from .textutil import WORD_START, Caseless, PatternSet, caseless, lower_same_length

if TYPE_CHECKING:  # the models pull in pydantic; only validation needs it at run time
    from .config_models import ConflictRules

_NUMBER = re.compile(r"^\s*(?P<n>\d+(?:[.,]\d+)?)\s*$")
_PERCENT = re.compile(r"(?:%|\bper\s*cent\b|\bpercent\b)", re.IGNORECASE)


@dataclass
class ClaimMatcher:
    rules: list[tuple[object, Caseless | None, re.Pattern[str] | None]]
    patterns: PatternSet  # per rule, its patterns joined: one scan of the text for all rules
    number_words: dict[str, float]

    @classmethod
    def from_config(cls, config: ConflictRules) -> ClaimMatcher:
        compiled, sources = [], []
        for rule in config.claims:
            # A rule's patterns joined, each 'value' group renamed apart.
            joined = "|".join(
                f"(?:{p.replace('(?P<value>', f'(?P<value{i}>')})"
                for i, p in enumerate(rule.patterns)
            )
            sources.append(WORD_START + f"(?:{joined})")
            # Over the lower-cased text the engine skips to the letters a context word starts
            # with; under IGNORECASE it tries every position up to the first one.
            context = caseless(rule.context) if rule.context else None
            past = _either(rule.past_markers)
            current = _either(rule.current_markers)
            compiled.append((rule, context, past, current))
        number_words = {k.lower(): v for k, v in config.number_words.items()}
        return cls(compiled, PatternSet(sources), number_words)

    def normalise(self, raw: str, unit: str | None) -> str | None:
        """'five percent' -> '5%', '3,7' -> '3.7%' (for a percentage), '2035' -> '2035'."""
        text = _PERCENT.sub("", raw).strip().lower().replace("-", " ")
        match = _NUMBER.match(text)
        if match:
            number = float(match["n"].replace(",", "."))
        elif text in self.number_words:
            number = self.number_words[text]
        else:
            return None
        shown = f"{number:g}"
        if unit and "{}" in unit:  # "${} billion" -> "$60 billion"
            return unit.replace("{}", shown)
        return f"{shown}%" if unit == "%" else (f"{shown} {unit}" if unit else shown)


def sentence_bounds(
    sentences: list[tuple[int, int]], offset: int, starts: list[int] | None = None
) -> tuple[int, int] | None:
    """The sentence starting last at or before `offset`; `starts` (the sentences' starts) saves
    building them again when one text asks many times."""
    if starts is None:
        starts = [s for s, _ in sentences]
    index = bisect_right(starts, offset) - 1
    if index < 0:
        return None
    return sentences[index]


# "per cent" or "percent" in lower-cased text; the word-start test after the literal keeps the
# engine's fast search for the literal's first occurrence.
_PERCENT_WORD = re.compile(r"per(?<!\wper)\s*cent\b")


def _has_percent(text: str) -> bool:
    """Whether `text` writes a percentage anywhere (as `_PERCENT` would find)."""
    if "%" in text:
        return True
    lowered = lower_same_length(text)
    if lowered is None:
        return _PERCENT.search(text) is not None
    return _PERCENT_WORD.search(lowered) is not None


def role_claims(
    text: str,
    sentences: list[tuple[int, int]],
    actors: list[ActorRef],
    article_id: str,
    when: str | None,
) -> list[Claim]:
    """'Secretary of State Marco Rubio' -> (Marco Rubio, role, secretary of state)."""
    claims = []
    starts = [s for s, _ in sentences]
    for actor in actors:
        if actor.kind != "person":
            continue
        for role, offset, past in actor.role_evidence:
            bounds = sentence_bounds(sentences, offset, starts)
            if bounds is None:
                continue
            start, end = bounds
            claims.append(
                Claim(
                    subject=actor.name,
                    attribute="role",
                    value=role,
                    text_value=role,
                    source=Source(article_id, text[start:end], start, end),
                    when=when,
                    period="past" if past else "current",
                )
            )
    return claims


COUNTRY = "{country}"  # in a rule's subject: the country the sentence names before the value
_COUNTRY_REACH = 120  # how far before the value that country may stand
_CONTEXT_REACH = 300  # how far before a claim's sentence its topic may be named
_IT = re.compile(r"\b(?:it|the country)\b", re.IGNORECASE)


def quantity_claims(
    text: str,
    sentences: list[tuple[int, int]],
    matcher: ClaimMatcher,
    article_id: str,
    when: str | None,
    matches: list[list[re.Match[str]]] | None = None,
    actors: list[ActorRef] | None = None,
) -> list[Claim]:
    """`matches`: per rule, the matches of its patterns over `text`, if the caller has them.
    `actors`: the article's actors, for rules whose subject is a country ("{country} defence
    spending": "Poland, which this year will spend 4.7% of GDP on defence")."""
    claims: list[Claim] = []
    countries: list[tuple[int, str]] | None = None
    seen: set[tuple[str, int]] = set()
    starts = [s for s, _ in sentences]
    percent: bool | None = None  # whether the text writes a percentage, looked up once
    for index, (rule, context, past, current) in enumerate(matcher.rules):
        if matches is not None and not matches[index]:
            continue  # nothing to check (the searches below are of the whole text)
        if context is not None and not context.search(text):
            continue  # the claim's topic is nowhere in this article
        if rule.unit == "%":
            if percent is None:
                percent = _has_percent(text)
            if not percent:
                continue
        if matches is None:
            matches = matcher.patterns.finditer_each(text)
        for match in matches[index]:
            group = next(
                name
                for name, value in match.groupdict().items()
                if value is not None and name.startswith("value")
            )
            start, end = match.span(group)
            if (rule.id, start) in seen:
                continue
            bounds = sentence_bounds(sentences, start, starts)
            if bounds is None:
                continue
            s, e = bounds
            subject = rule.subject
            if countries is None and (COUNTRY in subject or rule.not_of_a_country):
                countries = sorted(
                    (m.start, a.name)
                    for a in actors or []
                    if a.kind == "country"
                    for m in a.mentions
                )
            if rule.not_of_a_country and _country_before(
                countries, max(s, match.start() - _COUNTRY_REACH), match.start()
            ):
                continue  # "Germany will reach 3.5% on core defence by 2029": its own
            if COUNTRY in subject:
                country = _country_before(
                    countries, max(s, match.start() - _COUNTRY_REACH), match.start()
                )
                if country is None and _IT.search(text, s, match.start()):
                    # "Poland is NATO's biggest spender. This year it plans to allocate 4.7%":
                    # "it" is the country the sentence before named last.
                    previous = sentence_bounds(sentences, s - 1, starts) if s > 0 else None
                    if previous is not None:
                        country = _country_before(countries, previous[0], s)
                if country is None:
                    continue
                subject = subject.replace(COUNTRY, country)
            if context is not None:
                # The topic in the sentence, the one before it or the 300 characters before
                # ('"We're here to finish the job," he said. "Deterrence is not cheap."' between
                # the spending and "allies would reach the target by 2032").
                previous = sentence_bounds(sentences, s - 1, starts) if s > 0 else None
                lo = min(previous[0] if previous else s, max(0, s - _CONTEXT_REACH))
                if not context.search(text, lo, e):
                    continue
            written = text[start:end]  # as written (the match may read lower-cased text)
            value = matcher.normalise(written, rule.unit)
            if value is None:
                continue
            seen.add((rule.id, start))
            period = "current"
            before = text[max(s, match.start() - 40) : match.end()]
            # "Poland, which this year plans to spend 4.2%": a plan for now is now.
            if (
                past is not None
                and past.search(before)
                and (current is None or not current.search(before))
            ):
                period = "past"
            claims.append(
                Claim(
                    subject=subject,
                    attribute=rule.attribute,
                    value=value,
                    text_value=written,
                    source=Source(article_id, text[s:e], s, e),
                    when=when,
                    period=period,
                )
            )
    return claims


def _either(patterns: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None


def _country_before(countries: list[tuple[int, str]], lo: int, hi: int) -> str | None:
    """The country named last between `lo` and `hi`."""
    index = bisect_right(countries, (hi,)) - 1
    if index >= 0 and countries[index][0] >= lo:
        return countries[index][1]
    return None
