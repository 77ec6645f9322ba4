"""The agenda beside the month grid: meetings with their dates, people and sources."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..core.calendar_index import basis_label, dates_label, reports_by_article, span_label
from ..core.models import Meeting, Source
from .literal import literal_line

IN_ARTICLE_MARK = "◆"
# A section lists this many meetings at most (an "undated" section of a large corpus can hold
# thousands); the rest is counted. The month grid and the day view narrow it down.
MAX_LISTED = 200


@dataclass
class AgendaSection:
    """A heading and the meetings under it."""

    title: str
    meetings: list[Meeting]
    empty: str | None = None  # shown when there are no meetings; None hides the section


def prompt_text(prompt) -> str:
    """The plain text of an agenda prompt (a Text, or a Group of padded Texts)."""
    if isinstance(prompt, Text):
        return prompt.plain
    if isinstance(prompt, Padding):
        return prompt_text(prompt.renderable)
    if isinstance(prompt, Group):
        return "\n".join(prompt_text(part) for part in prompt.renderables)
    return str(prompt)


class Agenda(OptionList):
    """Meetings, each followed by its sources; Enter on a source opens it in the reader."""

    BINDINGS = [
        Binding("enter", "select", "Open source", id="agenda.open"),
        Binding("down,j", "cursor_down", "Next", show=False, id="agenda.down"),
        Binding("up,k", "cursor_up", "Previous", show=False, id="agenda.up"),
        Binding("home,g", "first", "First", show=False, id="agenda.first"),
        Binding("end,G", "last", "Last", show=False, id="agenda.last"),
        Binding("pagedown", "page_down", "Page down", show=False, id="agenda.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="agenda.page_up"),
    ]

    @dataclass
    class SourceChosen(Message):
        """Open `article` in the reader at the sentence `start`..`end`."""

        agenda: Agenda
        source: Source

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._sources: dict[str, Source] = {}

    def show(self, sections: list[AgendaSection], describe_article: Callable[[str], Text]) -> None:
        """Replace the agenda; `describe_article(id)` gives a short label for a source.

        The selected article's meetings are marked in the month grid and counted in the title,
        not here: moving through the articles then never redraws the agenda."""
        self._sources = {}
        options: list[Option] = []
        for number, section in enumerate(sections):
            if not section.meetings and section.empty is None:
                continue
            count = f" · {len(section.meetings)}" if section.meetings else ""
            options.append(
                Option(
                    Text(f"{section.title}{count}", style="bold underline"),
                    id=f"h{number}",
                    disabled=True,
                )
            )
            if not section.meetings:
                options.append(Option(Text(section.empty or "", style="dim"), disabled=True))
            for meeting in section.meetings[:MAX_LISTED]:
                options.append(self._meeting_option(number, meeting))
                previous = None
                reports = reports_by_article(meeting)
                for index, source in enumerate(meeting.sources):
                    key = f"s{number}:{meeting.id}:{index}"
                    self._sources[key] = source
                    # The article is named once above its sentences, with what it says of the
                    # meeting when that differs from the merged entry.
                    label = None
                    if source.article != previous:
                        label = describe_article(source.article)
                        label.append_text(self._disagreement(meeting, reports.get(source.article)))
                    previous = source.article
                    options.append(Option(self._source_prompt(source, label), id=key))
            if len(section.meetings) > MAX_LISTED:
                more = len(section.meetings) - MAX_LISTED
                options.append(Option(Text(f"… and {more:,} more", style="dim"), disabled=True))
        self.clear_options()
        self.add_options(options)
        first = next((i for i, o in enumerate(options) if not o.disabled), None)
        self.highlighted = first

    def _meeting_option(self, section: int, meeting: Meeting) -> Option:
        title = literal_line(meeting.name or "(unnamed meeting)", "bold")
        facts = [meeting.kind or "meeting"]
        if meeting.place:
            facts.append(meeting.place)
        details = literal_line(" · ".join(facts))
        details.append(f" · {dates_label(meeting)}")
        details.append(f" ({basis_label(meeting.date_basis)})", style="dim")
        details.append("\nAttending: ", style="dim")
        details.append_text(literal_line(", ".join(meeting.attendees) or "—"))
        details.append("\nAbsent: ", style="dim")
        details.append_text(literal_line(", ".join(meeting.absentees) or "—"))
        sentences = len(meeting.sources)
        articles = len({source.article for source in meeting.sources})
        details.append(
            f"\n{articles} source{'s' if articles != 1 else ''}"
            f" ({sentences} sentence{'s' if sentences != 1 else ''}):",
            style="dim",
        )
        return Option(Group(title, Padding(details, (0, 0, 0, 2))), id=f"m{section}:{meeting.id}")

    @staticmethod
    def _disagreement(meeting: Meeting, report) -> Text:
        if report is None:
            return Text()
        start, end, place = report
        notes = []
        said = span_label(start, end)
        if start and said != span_label(meeting.start, meeting.end):
            notes.append(f"says {said}")
        if place and meeting.place and place != meeting.place:
            notes.append(f"says {place}")
        return literal_line(f" ({'; '.join(notes)})", "bold") if notes else Text()

    @staticmethod
    def _source_prompt(source: Source, article_label: Text | None) -> Group:
        parts: list = []
        if article_label is not None:
            parts.append(Padding(Text.assemble("↳ ", article_label), (0, 0, 0, 2)))
        sentence = Text.assemble("“", literal_line(source.sentence, "italic", limit=200), "”")
        parts.append(Padding(sentence, (0, 0, 0, 4)))
        return Group(*parts)

    def source_at(self, option_id: str | None) -> Source | None:
        """The source behind an option: itself, or a meeting's first source."""
        if option_id is None:
            return None
        if option_id in self._sources:
            return self._sources[option_id]
        if option_id.startswith("m"):
            return self._sources.get("s" + option_id[1:] + ":0")
        return None

    @property
    def source_count(self) -> int:
        return len(self._sources)

    def action_select(self) -> None:
        if self.highlighted is None:
            return
        source = self.source_at(self.get_option_at_index(self.highlighted).id)
        if source is not None:
            self.post_message(self.SourceChosen(self, source))
