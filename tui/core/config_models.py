"""Typed models of config.yaml.

Every section has defaults, so a partial file (an included gazetteer, a user override) validates on
its own and errors can name the file they come from. Unknown keys are errors everywhere.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from None
    return pattern


Regex = Annotated[str, AfterValidator(_compiles)]
"""A regular expression (Python syntax), checked when the config is loaded."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


# --- gazetteers ----------------------------------------------------------------------------------


class RolePeriod(Strict):
    """A role a person holds, optionally bounded in time."""

    title: str = Field(description="The title as written, e.g. 'Secretary of State'.")
    org: str | None = Field(None, description="Country code or organisation the role belongs to.")
    start: date | None = Field(None, alias="from", description="First day in the role.")
    end: date | None = Field(None, alias="to", description="Last day in the role.")

    def held_on(self, day: date) -> bool:
        """Whether the role is held on `day` (an open bound holds every day on its side)."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class PersonEntry(Strict):
    """A known person. The surname and an accent-free spelling are added as aliases."""

    name: str = Field(description="Canonical full name.")
    aliases: list[str] = Field(default_factory=list, description="Other spellings and short forms.")
    country: str | None = Field(None, description="Country code (ISO 3166 alpha-2) or org.")
    roles: list[RolePeriod] = Field(
        default_factory=list, description="Roles with validity periods."
    )


class OrganizationEntry(Strict):
    """A known organisation or institution."""

    name: str = Field(description="Canonical name.")
    aliases: list[str] = Field(default_factory=list, description="Other names and abbreviations.")
    country: str | None = Field(None, description="Country code when it is a national body.")
    city: str | None = Field(
        None, description="Where its seat is, for a body whose seat is a venue: Kremlin -> Moscow."
    )


class CountryEntry(Strict):
    """A country with its codes and demonyms."""

    name: str = Field(description="Canonical short name, e.g. 'United States'.")
    code: str | None = Field(None, description="ISO 3166 alpha-2 code.")
    aliases: list[str] = Field(default_factory=list, description="Other names and abbreviations.")
    demonyms: list[str] = Field(default_factory=list, description="Adjectives and nouns: American.")
    nato: bool = Field(False, description="A NATO member.")
    eu: bool = Field(False, description="An EU member.")


class PlaceEntry(Strict):
    """A city or venue. A venue names the city it is in."""

    name: str = Field(description="Canonical name.")
    aliases: list[str] = Field(default_factory=list, description="Other names.")
    country: str | None = Field(None, description="Country code.")
    city: str | None = Field(None, description="For a venue: the city it stands in.")
    region: str | None = Field(
        None, description="For a city: the state or region it is in (Anchorage: Alaska)."
    )


class KnownEvent(Strict):
    """A meeting whose dates are public record: it says which year a yearless dateline of a
    report about it is in ('WASHINGTON, July 9 (Yonhap)' on the NATO summit: 2024)."""

    name: str = Field(description="What it is called, e.g. 'NATO Summit 2024'.")
    type: str = Field(description="The id of its meeting type in meetings.types.")
    place: str | None = Field(None, description="The city it was held in.")
    start: date = Field(description="First day.")
    end: date | None = Field(None, description="Last day (the first when omitted).")


class Gazetteer(Strict):
    """Lists of known entities."""

    people: list[PersonEntry] = Field(default_factory=list)
    organizations: list[OrganizationEntry] = Field(default_factory=list)
    countries: list[CountryEntry] = Field(default_factory=list)
    places: list[PlaceEntry] = Field(default_factory=list)
    given_names: list[str] = Field(
        default_factory=list, description="First names that start an unknown person's name."
    )
    not_names: list[str] = Field(
        default_factory=list, description="Capitalised words that are never part of a name."
    )
    events: list[KnownEvent] = Field(
        default_factory=list, description="Meetings with known dates (summits, ministerials)."
    )


# --- cleaning ------------------------------------------------------------------------------------


class Cleaning(Strict):
    """How scraped junk is removed."""

    boilerplate_lines: list[Regex] = Field(
        default_factory=list, description="A line matching one of these (whole line) is dropped."
    )
    line_prefixes: list[Regex] = Field(
        default_factory=list, description="Removed from the start of a line (breadcrumbs)."
    )
    line_tails: list[Regex] = Field(
        default_factory=list, description="From a match to the end of the line is removed."
    )
    stop_sections: list[Regex] = Field(
        default_factory=list,
        description="A line matching one of these ends the article (related links, comments).",
    )


# --- metadata ------------------------------------------------------------------------------------


class Metadata(Strict):
    """How title, date and authors are read from the text."""

    byline_patterns: list[Regex] = Field(
        default_factory=list, description="Line patterns with a named group 'authors'."
    )
    author_title_words: list[str] = Field(
        default_factory=list, description="Words that end a byline name: Senior, Editor ..."
    )
    outlet_patterns: list[Regex] = Field(
        default_factory=list,
        description="Patterns with a named group 'outlet': Kyiv Post's ... correspondent.",
    )
    published_patterns: list[Regex] = Field(
        default_factory=list, description="Whole lines stating the date, with a named group 'date'."
    )
    dateline_max_line: int = Field(12, description="A dateline is looked for in the first lines.")
    month_names: dict[str, int] = Field(
        default_factory=dict,
        description="Month names of other languages, lower-case, for page headers left in the "
        "original language ('Publié le 4 septembre 2025'): septembre: 9.",
    )


# --- actors --------------------------------------------------------------------------------------


class ActorPatterns(Strict):
    """Rules that find people and their roles."""

    titles: list[str] = Field(
        default_factory=list, description="Role titles, lower-case: 'secretary of state'."
    )
    title_abbreviations: dict[str, str] = Field(
        default_factory=dict,
        description="Titles as abbreviated, and the role they name: 'sen.': senator.",
    )
    title_modifiers: list[str] = Field(
        default_factory=list, description="Words that may precede a title: deputy, acting."
    )
    past_markers: list[str] = Field(
        default_factory=list, description="Words that make a title historical: former, then."
    )
    apposition_roles: list[str] = Field(
        default_factory=list, description="Nouns after 'Name, ...' that mark a person: co-founder."
    )
    speech_verbs: list[str] = Field(
        default_factory=list, description="Verbs next to a name that mark a person: said, told."
    )
    name_particles: list[str] = Field(
        default_factory=list, description="Lower-case words inside names: van, von, de."
    )
    organization_words: list[str] = Field(
        default_factory=list,
        description="Nouns that, right after capitalised words, make them a body or a place: Institute.",
    )


# --- dates ---------------------------------------------------------------------------------------


class DateRules(Strict):
    """How date expressions are resolved."""

    languages: list[str] = Field(default_factory=lambda: ["en"])
    future_cues: list[str] = Field(
        default_factory=list, description="Words in a clause that make a weekday look ahead."
    )
    past_cues: list[str] = Field(
        default_factory=list, description="Words in a clause that make a weekday look back."
    )
    year_window_days: int = Field(
        200,
        description="A yearless date is put in the year that brings it this close to the reference.",
    )


# --- meetings ------------------------------------------------------------------------------------


class MeetingType(Strict):
    """A kind of meeting and the phrases that name it."""

    id: str
    name: str = Field(description="Display name, e.g. 'NATO Foreign Ministers Meeting'.")
    kind: str = Field(description="ministerial, summit, council, contact_group, talks, call ...")
    patterns: list[Regex] = Field(description="Phrases (case-insensitive) that name it.")
    generic: bool = Field(
        False, description="A generic reference ('the meeting') that joins a named one nearby."
    )
    default_place: str | None = Field(None, description="Where it is held when the text says not.")
    fixed_place: bool = Field(
        False,
        description="Always held at default_place: another place named near it is another event's.",
    )
    remote: bool = Field(
        False,
        description="Held by phone or video: it has no place, whatever city the text names near it.",
    )
    name_with_place: bool = Field(
        False, description="Add the place to the name: 'Summit in Anchorage', 'Call' stays 'Call'."
    )
    single_event: bool = Field(
        False,
        description="Only one such meeting at a time: reports close in time are the same meeting.",
    )
    merge_with: list[str] = Field(
        default_factory=list,
        description="Ids of other types whose reports may be the same meeting.",
    )


class Attendance(Strict):
    """Cue phrases for who attends and who stays away."""

    attend: list[Regex] = Field(default_factory=list)
    absent: list[Regex] = Field(default_factory=list)
    exclude_after: list[Regex] = Field(
        default_factory=list,
        description="A person right after these is not the attendee: 'in X's place'.",
    )


class MeetingRules(Strict):
    types: list[MeetingType] = Field(default_factory=list)
    anchors: list[Regex] = Field(
        default_factory=list,
        description="Words of which every meeting phrase holds one; phrases are only looked for "
        "near them, which keeps the scan fast. Leave empty to look everywhere.",
    )
    attendance: Attendance = Field(default_factory=Attendance)
    merge_window_days: int = Field(
        10, description="Reports of one kind of meeting at one place this close are one meeting."
    )
    end_cues: list[Regex] = Field(
        default_factory=list,
        description="Words that make the day of a report the last day of a meeting of known "
        "length ('wrapped up a three-day meeting on Friday').",
    )
    participants: list[Regex] = Field(
        default_factory=list,
        description="How many took part ('representatives of 40 countries'): patterns with a "
        "group 'n' (the number), optionally 'q' (nearly, more than ...) and 'what'.",
    )
    lengths: list[Regex] = Field(
        default_factory=list,
        description="How long it lasted ('the talks lasted about eight hours'): patterns with a "
        "group 'len' (the length in hours or minutes), optionally 'q' (about, almost ...).",
    )


# --- claims and conflicts -----------------------------------------------------------------------


# A first character that is no word character: '\$', '€', '"' (not a group, class or anchor).
_NON_WORD_START = re.compile(r"\\[^\w\\]|[^\w\\(\[^.]")


def _has_value_group(patterns: list[str]) -> list[str]:
    for pattern in patterns:
        if "(?P<value>" not in pattern:
            raise ValueError(f"pattern {pattern!r} has no (?P<value>...) group")
    return patterns


def _starts_at_a_word(pattern: str) -> str:
    if _NON_WORD_START.match(pattern):
        # Claims are matched from word starts only (one scan for every rule).
        raise ValueError(
            f"pattern {pattern!r} starts with {pattern[:2].rstrip()!r}: a claim's match starts"
            " at a word, so it would never match (start at the number after it, with a"
            " lookbehind: (?<=\\$))"
        )
    return pattern


class ClaimRule(Strict):
    """A quantity claim: patterns with a named group 'value'."""

    id: str
    subject: str
    attribute: str
    unit: str | None = Field(
        None,
        description="Shown after the value ('%'), or around it where it holds {} ('${} billion').",
    )
    patterns: Annotated[
        list[Annotated[Regex, AfterValidator(_starts_at_a_word)]],
        AfterValidator(_has_value_group),
    ]
    context: Regex | None = Field(
        None,
        description="Required in the sentence, the one before or the 300 characters before "
        "(the claim's topic).",
    )
    past_markers: list[Regex] = Field(
        default_factory=list, description="A value preceded by these belongs to another period."
    )
    current_markers: list[Regex] = Field(
        default_factory=list,
        description="Words before a value that keep it current despite a past marker: 'this year'.",
    )
    not_of_a_country: bool = Field(
        False,
        description="A country named in the sentence before the value makes it that country's "
        "('Germany will reach 3.5% by 2029' is no deadline of the alliance's).",
    )
    within_article: bool = Field(
        False,
        description="Values are compared within one article only: the subject recurs with "
        "new values weeks apart (a new aid tranche), so two articles' values are two of them.",
    )


class ConflictRules(Strict):
    role_synonyms: dict[str, str] = Field(
        default_factory=dict,
        description="Words or phrases of a role replaced before comparing: defence -> defense.",
    )
    exclusive_roles: list[list[str]] = Field(
        default_factory=list, description="Groups of roles one person cannot hold at once."
    )
    number_words: dict[str, float] = Field(
        default_factory=dict, description="five -> 5, so that 'five percent' equals '5%'."
    )
    claims: list[ClaimRule] = Field(default_factory=list)
    office_holders: list[str] = Field(
        default_factory=list,
        description="Roles one person holds at a time in a country or organisation: two names for one office at one time conflict.",
    )
    same_time_days: int = Field(
        45, description="Statements from articles this close in date are about the same time."
    )


class Config(Strict):
    """The whole configuration."""

    include: list[str] = Field(
        default_factory=list, description="Further YAML files, relative to this one, merged in."
    )
    extends: str | None = Field(
        None, description="'shipped' to start from natotui's own config and add to it."
    )
    gazetteer: Gazetteer = Field(default_factory=Gazetteer)
    cleaning: Cleaning = Field(default_factory=Cleaning)
    metadata: Metadata = Field(default_factory=Metadata)
    actors: ActorPatterns = Field(default_factory=ActorPatterns)
    dates: DateRules = Field(default_factory=DateRules)
    meetings: MeetingRules = Field(default_factory=MeetingRules)
    conflicts: ConflictRules = Field(default_factory=ConflictRules)
    keymap: dict[str, str] = Field(
        default_factory=dict, description="Binding id -> keys, e.g. 'quit: ctrl+q'."
    )
