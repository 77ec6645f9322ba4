"""Infer an article's title, published date, authors and outlet from what its text states."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from .textutil import MONTH_NAMES, UPPER_MONTH_NAMES, month_number

if TYPE_CHECKING:  # the models pull in pydantic; only validation needs it at run time
    from .config_models import Metadata

_DAY_MONTH_YEAR = re.compile(
    rf"\b(?:(?P<month>{MONTH_NAMES})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*,\s*|\s+)(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{MONTH_NAMES})(?:\s*,\s*|\s+)(?P<year2>\d{{4}})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2}))\b"
)
# "Brussels, Belgium – November 28, 2025 –" or "BRUSSELS — April 3, 2025": a place, a dash, a date.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w.'’ -]{1,40}(?:,\s*[A-Z][\w.'’ -]{1,40})?)\s*[–—-]+\s*(?P<date>.{6,30}?\d{4})\s*(?:[–—-]+|$)"
)
# "BRUSSELS, June 24 (Reuters) -": a dateline without a year; the year comes from the text.
# "LA MALBAIE, Canada, March 14 Kyodo -": a country after the city, an agency unbracketed.
# "BRUSSELS – Oct 18": a place, a dash, a day without a year.
_DASH_NO_YEAR = re.compile(
    rf"^(?P<place>[A-Z][\w.'’ -]{{1,40}}?)\s+[–—-]+\s+(?P<month>{MONTH_NAMES})\s+(?P<day>\d{{1,2}})\b(?!,?\s*\d{{4}})"
)
_DATELINE_NO_YEAR = re.compile(
    rf"^(?P<place>[A-Z][\w.'’ -]{{1,40}}(?:,\s*[A-Z][\w.'’ -]{{1,30}})?),\s*(?P<month>{MONTH_NAMES})\s+"
    r"(?P<day>\d{1,2})\b(?!,?\s*\d{4})(?:\s*\([\w .&-]{1,30}\)|\s+[A-Z][\w&-]{1,20})?\s*[–—-]+"
)
# "BRUSSELS, June 21, 2025 -", "ANKARA, Dec. 3, 2024 (AA) -": a place, a full date, a dash.
_DATELINE_COMMA = re.compile(
    rf"^(?P<place>[A-Z][\w.'’ -]{{1,40}}(?:,\s*[A-Z][\w.'’ -]{{1,30}})?),\s*"
    rf"(?P<date>(?:{MONTH_NAMES})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+(?:{MONTH_NAMES}),?\s+\d{{4}})"
    r"(?:\s*\([\w .&-]{1,30}\))?\s*[–—-]+"
)
_YEAR = re.compile(r"(?<![\w-])(20[0-4]\d)(?![\w-])")  # not "pre-2014"
_DATELINE_PLACE_ONLY = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’-]{2,30}(?:,\s*[A-Za-z .]{2,30})?)\s*[–—-]+\s+"
)
_NAME_PARTICLES = {"van", "von", "der", "den", "de", "da", "di", "del", "la", "le", "al", "bin"}
_SPLIT_AUTHORS = re.compile(
    r"\s*(?:,|;|&|/|\b(?:and|und|et|en)\b)\s*"
)  # "HARUKA MORIYAMA/ Staff Writer", "und"


@dataclass
class InferredMetadata:
    title: str | None = None
    published: date | None = None
    published_basis: str = "unknown"
    published_partial: str | None = None  # "06-24" when the dateline has no year
    published_partial_basis: str = "dateline"  # or "text": "concludes tomorrow, June 25"
    dateline_place: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None


def parse_explicit_date(text: str) -> date | None:
    """A full date written out in `text` ('November 28, 2025', '3 April 2025', '2025-04-03')."""
    match = _DAY_MONTH_YEAR.search(text)
    if not match:
        return None
    try:
        if match["iso"]:
            return date.fromisoformat(match["iso"])
        month = month_number(match["month"] or match["month2"])
        day = int(match["day"] or match["day2"])
        year = int(match["year"] or match["year2"])
        return date(year, month, day) if month else None
    except ValueError:
        return None


def infer_metadata(lines: list[str], rules: Metadata) -> InferredMetadata:
    """Read title, dateline, byline and outlet from the cleaned lines of an article."""
    found = InferredMetadata()
    content = [line for line in lines if line]
    if content and _looks_like_title(content[0]) and not _CALL_TO_ACTION.search(content[0]):
        found.title = content[0]
    bylines = [re.compile(p, re.IGNORECASE) for p in rules.byline_patterns]
    stop_words = {w.lower() for w in rules.author_title_words}
    dated_at: int | None = None  # the line that dates the article
    for number, line in enumerate(content):
        if dated_at is None and (found.published or found.published_partial):
            dated_at = number - 1
        if number < rules.dateline_max_line and found.published is None:
            match = _DATELINE.match(line) or _DATELINE_COMMA.match(line)
            yearless = (
                (_DATELINE_NO_YEAR.match(line) or _DASH_NO_YEAR.match(line)) if not match else None
            )
            labelled = _published_line(line, rules) if not match and not yearless else None
            header_dated = False
            if match:
                # "MAR 03, 2025": a header's capitals too.
                published = parse_explicit_date(match["date"]) or (
                    _header_date(match["date"]) if _HEADER_DATE.search(match["date"]) else None
                )
                if published:
                    found.published, found.published_basis = published, "dateline"
                    found.dateline_place = match["place"].strip()
            elif yearless:
                found.published = _with_text_year(yearless, lines)
                found.published_basis = "dateline" if found.published else "unknown"
                month = month_number(yearless["month"])
                if found.published is None and month:
                    found.published_partial = f"{month:02d}-{int(yearless['day']):02d}"
                found.dateline_place = yearless["place"].strip()
            elif labelled:
                found.published, found.published_basis = labelled, "text"
            elif number > 0 and len(line) <= 120 and (foreign := _foreign_date(line, rules)):
                # "Publié le 4 septembre 2025 à 19:51": a header kept in its language.
                found.published, found.published_basis = foreign, "text"
            elif (
                number > 0
                and len(line) <= 100
                and _HEADER_DATE.search(line)
                and not line.endswith(".")
            ):
                # "Merve Aydoğan |15.05.2025 - Update : 15.05.2025": a header line with a date.
                found.published = _header_date(line)
                found.published_basis = "text" if found.published else "unknown"
                header_dated = True
            elif (
                number > 0
                and len(line) <= 100
                and found.published_partial is None
                and (day_month := _HEADER_DAY_MONTH.search(line) or _HEADER_MONTH_DAY.match(line))
            ):
                # "19.8. 10:32 •Updated 19.8. 12:05", "Thursday, February 13th": day and month,
                # the year left to the text.
                named = day_month.groupdict()
                day = int(named.get("day") or named["day2"])
                month = (
                    int(named["month"])
                    if named.get("month")
                    else month_number(named.get("name") or named["name2"]) or 0
                )
                if 1 <= month <= 12 and 1 <= day <= 31:
                    found.published_partial = f"{month:02d}-{day:02d}"
            elif found.dateline_place is None:
                place = _DATELINE_PLACE_ONLY.match(line)
                if place:
                    found.dateline_place = place["place"].strip()
            if found.published and number > 0 and not found.authors and not match:
                # "Yohannes Lowe" alone on the line above a header's date: the byline ("Eleni
                # Varga in Washington and Owen Pritchard (earlier)", as a live page writes it);
                # above a labelled date, only with its agencies or job ("Abbonati Accedi" above
                # "Lunedì 23 giugno 2025" is a menu).
                found.authors += _byline_names(content[number - 1], stop_words, header_dated)
        if len(line) <= 120:
            for pattern in bylines:
                match = pattern.fullmatch(line)
                if match:
                    for name in _author_names(match["authors"], stop_words):
                        if name not in found.authors:
                            found.authors.append(name)
    if dated_at is None and found.published is None and found.published_partial is None:
        _date_from_today(content, found)
    _title_from_headline(content, found, dated_at, rules.dateline_max_line)
    if (
        dated_at
        and (
            found.title is None
            or len(found.title.split()) < 4
            # "Exclusive news, data and analytics for ..." on top, a menu, then the headline and
            # the byline over the date: the site's motto is not the title.
            or (
                found.title == content[0]
                and dated_at >= 4
                and content[0] not in content[dated_at - 3 : dated_at]  # a headline written twice
                and any(
                    _looks_like_headline(line) and len(line.split()) >= 6
                    for line in content[dated_at - 2 : dated_at]
                    if not any(name in line for name in found.authors)
                )
            )
        )
    ):
        # "Skip to navigation", "Yahoo News" at the top: the headline is the line of words
        # just above the byline and the date.
        above = [
            line
            for line in content[max(0, dated_at - 6) : dated_at]
            if len(line.split()) >= 4
            and _looks_like_title(line)
            and not any(name in line for name in found.authors)  # the byline
            and not _NAME_LINE.fullmatch(line)
            and not _BYLINE_START.match(line)  # "di Paolo Benvenuti e Chiara Morandi"
            and not (line.startswith("(") and line.endswith(")"))  # "(ATTN: ADDS comments)"
            # not "We use cookies ...", "Log in | Subscribe | RU | EN"
            and not _CALL_TO_ACTION.search(line)
            and "|" not in line
        ]
        # A headline has small words or punctuation: not "Melissa Teo Jia Hui", "Emre Yıldırım
        # - İstanbul" (a byline) between it and the date; one up to six lines above when none
        # of the three nearest reads like one.
        near = [line for line in above if line in content[max(0, dated_at - 3) : dated_at]]
        # Below the date ("13.02.2025 17:26", then the headline, then its standfirst) when
        # nothing near above it reads like one.
        below = [
            line
            for line in content[dated_at + 1 : dated_at + 2]
            if 4 <= len(line.split()) <= 25
            # "Michal: Estonia to spend 5.4 percent ..." (a speaker, not a label like "Tags:")
            and _looks_like_headline(_LABEL.sub("", line).strip())
            and not line.endswith(".")
            and not _byline_names(line, stop_words)
            and not any(pattern.fullmatch(line) for pattern in bylines)
            and not _BYLINE_START.match(line)
            # not "Updated Jun 1, 2025, 09:05 AM", "(ATTN: ADDS comments in paras 6-7)"
            and not _CLOCK.search(line)
            and not _HEADER_DATE.search(line)
            and not line.startswith("(")
        ]
        above = (
            [line for line in near if _worded(line)]
            or below
            or [line for line in above if _worded(line)]
            or near
        )
        if above:
            # The headline, not the standfirst of thirty words between it and the byline, nor
            # one of fewer words after it (a standfirst says more than the headline above it).
            short = [line for line in above if len(line.split()) <= 25] or above
            if len(short) >= 2 and _standfirst_after(short[-2], short[-1]):
                short = short[:-1]
            found.title = short[-1]
    text = "\n".join(content)
    for pattern in rules.outlet_patterns:
        match = re.search(pattern, text)
        if match:
            found.outlet = match["outlet"].strip()
            break
    # "The Telegraph", "The Korea Times" alone on the first line, not the title: the site.
    first = content[0] if content else ""
    if (
        found.outlet is None
        and found.title != first
        and len(first.split()) <= 4
        and _BRAND_LINE.fullmatch(first)
        and first.lower() not in _SECTION_WORDS
    ):
        found.outlet = first
    return found


_CLOCK = re.compile(r"\b\d{1,2}:\d\d\b")
# A byline in a page's language: "By", "di", "von", "par", "por", "door", "przez" and names.
_BYLINE_START = re.compile(r"(?i:by|di|von|par|por|door|przez|av)\s+[A-Z][^\W\d_]+\s+[A-Z]")


def _title_from_headline(
    content: list[str], found: InferredMetadata, dated_at: int | None, max_line: int
) -> None:
    """The headline when the first line is not one: a line written twice in a row (the page's
    heading and its share title), or on an undated page the first line that reads like one."""
    repeated = next(
        (
            line
            for line, after in zip(content[1:max_line], content[2:], strict=False)
            if line == after and len(line.split()) >= 4 and _looks_like_title(line)
        ),
        None,
    )
    if repeated:
        found.title = repeated
        return
    if dated_at is not None or (found.title is not None and len(found.title.split()) >= 4):
        return
    for line in content[1:max_line]:
        if len(line.split()) >= 25:
            return  # the story has begun
        if len(line.split()) >= 5 and _looks_like_headline(line):
            found.title = line
            return


# A menu's first word is a section of the site, not its name ("Europe", "Menu").
_SECTION_WORDS = {
    "menu", "home", "news", "world", "europe", "politics", "business", "opinion", "sport",
    "sports", "latest", "live", "video", "search", "main", "navigation", "sections", "top stories",
    "breaking news", "world news", "international", "ukraine", "war", "defence", "defense",
}  # fmt: skip
# "The Telegraph", "Yahoo News", "The Korea Times": a name of one to four capitalised words.
_BRAND_LINE = re.compile(r"(?:The )?[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3}")


# A headline has punctuation a menu lacks ("Nato summit: Rutte's 5pc gamble") or small words
# in lower case ("allies brace for Trump's return"); a menu is capitalised words only.
_HEADLINE_MARK = re.compile(r"[:’'\d\"“”]")
_LABEL = re.compile(r"^[\w-]+:")  # "TRENDING:", "Tags:"
_CALL_TO_ACTION = re.compile(
    r"\b(?:subscribe|log in|sign in|become a member|newsletters?|cookies?|advertisement|download the app|skip to)\b|[→»]",
    re.IGNORECASE,
)


def _standfirst_after(headline: str, line: str) -> bool:
    """Whether `line`, just after `headline`, is its standfirst: a sentence-case line of at
    least twelve words that says more ("Starmer unveils 'coalition of the willing' ..." then
    "Prime minister says Europe must do 'the heavy lifting' as he announces ...")."""
    words, first = line.split(), headline.split()
    capitalised = sum(1 for w in words if w[:1].isupper())
    return (
        _looks_like_headline(headline)
        and not headline.isupper()  # "NEWS / POLITICS / G7 SUMMIT"
        and len(first) >= 6
        and len(words) >= 12
        and len(words) >= 1.3 * len(first)
        and capitalised < 0.5 * len(words)  # not a headline in title case
        and not _NOTICE.search(headline)
    )


# "Automatically translated from German", "Yes, I agree", "become a patron": a page's notices.
_NOTICE = re.compile(
    r"\btranslat(?:ed|ion)\b|\bI agree\b|\bsettings\b|\bpatron\b"
    # "Press play to listen to this article", "Voiced by artificial intelligence."
    r"|\blisten to this article\b|\bpress play\b|\bvoiced by\b",
    re.IGNORECASE,
)


def _worded(line: str) -> bool:
    """A line of a sentence's words or a headline's marks, not only capitalised names
    ("Melissa Teo Jia Hui", "Emre Yıldırım - İstanbul")."""
    words = line.split()
    lower = sum(1 for w in words if w[:1].islower())
    return (
        (bool(_HEADLINE_MARK.search(line)) or lower >= 0.2 * len(words))
        and not line.startswith("[")  # "[Translated automatically from Polish]"
        and not _NOTICE.search(line)
        and not _CAPTION.search(line)  # "... at the Shangri-La Dialogue on May 31. ST PHOTO"
    )


_CAPTION = re.compile(r"\b(?:photo|photograph|photographer|image|caption)\b", re.IGNORECASE)


def _looks_like_headline(line: str) -> bool:
    """A line of words, not a menu ("News Sport Business"), a cookie notice (sentences), a bar
    of links ("World News | Nato"), a label ("Tags: ...") or a call to subscribe."""
    words = line.split()
    lower = sum(1 for w in words if w[:1].islower())
    return (
        _looks_like_title(line)
        and len(line) <= 160
        and (bool(_HEADLINE_MARK.search(line)) or lower >= 0.2 * len(words))
        and "|" not in line
        and ". " not in line
        and line.count(",") < 3
        and not line.endswith("]")
        and not _LABEL.match(line)
        and not _CALL_TO_ACTION.search(line)
    )


# "concludes tomorrow, Wednesday June 25", "today (Monday, 3 March)": the day the page was
# written, from a date the text ties to today.
_TODAY_IS = re.compile(
    r"\b(?P<rel>today|tonight|tomorrow|yesterday|this (?:morning|afternoon|evening))\b,?\s*\(?"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+"
    rf"(?:(?P<month>{MONTH_NAMES})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{MONTH_NAMES}))\b"
    r"(?:,?\s+(?P<year>20\d\d)\b)?",
    re.IGNORECASE,
)
_OFFSETS = {"tomorrow": -1, "yesterday": 1}


def _date_from_today(content: list[str], found: InferredMetadata) -> None:
    """Date an undated page from the first date its text calls today, tomorrow or yesterday:
    the full date if the year is written, else the day and month (the year is the corpus's)."""
    for line in content:
        match = _TODAY_IS.search(line)
        if match is None:
            continue
        month = month_number(match["month"] or match["month2"])
        day = int(match["day"] or match["day2"])
        year = int(match["year"]) if match["year"] else None
        # A year without 29 February unless the text names that day: only the day and month
        # are kept when the text has no year.
        stated = _safe(year or (2024 if (month, day) == (2, 29) else 2025), month or 0, day)
        if stated is None:
            return
        written = stated + timedelta(days=_OFFSETS.get(match["rel"].lower(), 0))
        if year is not None:
            found.published, found.published_basis = written, "text"
        else:
            found.published_partial = f"{written.month:02d}-{written.day:02d}"
            found.published_partial_basis = "text"
        return


# "15.05.2025", "May 15, 2025", "15 May 2025", and "2024.12.03" (year first); glued to a name
# before it ("NIKOS STAVROU06.03.2025", "BNS2024.12.03") as scraped header lines are.
# "2025-06-25 16:42" too; glued to what stands before ("Brussels02/13/2025February 13, 2025").
# "2025-03-11T21:58:00Z" (ISO with a time); "AAISTANBULDEC 05, 2024" (capitals, glued).
_HEADER_DATE = re.compile(
    rf"(?<!\d)\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}(?!\d)|(?<!\d)(?P<ymd>\d{{4}}[./]\d{{1,2}}[./]\d{{1,2}})\b"
    rf"|(?<!\d)(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})(?![\d-])"
    # "February 12, 202510:41 PM GMT+1": a year glued to the time, as scraped headers write it
    rf"|(?<![A-Za-z]){MONTH_NAMES}\s+\d{{1,2}}(?:\s*,\s*|\s+)\d{{4}}(?:\b|(?=\d{{1,2}}:\d\d))"
    rf"|\b\d{{1,2}}\s+(?i:{MONTH_NAMES})(?:\s*,\s*|\s+)\d{{4}}(?:\b|(?=\d{{1,2}}:\d\d))"
    rf"|(?P<upper>{UPPER_MONTH_NAMES}\s+\d{{1,2}},?\s+\d{{4}})\b"
)


# "Yohannes Lowe", "Andrew Gray and Phil Stewart": names (two or three capitalised words each)
# and nothing else.
_NAME = r"[A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+){1,2}"
_NAME_LINE = re.compile(rf"{_NAME}(?:(?:,| and| &) {_NAME})*")
# "19.8. 10:32": a day and a month, each followed by a dot, then a time (or nothing).
_HEADER_DAY_MONTH = re.compile(
    r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?=\s+\d{1,2}[:.]\d{2}\b|\s*$)"
)


# "Thursday, February 13th", "13 February": a line that is only a day of a month.
# "3 June, 14:20": with the time of day.
_HEADER_MONTH_DAY = re.compile(
    rf"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:(?P<name>{MONTH_NAMES}|{UPPER_MONTH_NAMES})\s+"
    rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?|(?P<day2>\d{{1,2}})\s+(?P<name2>{MONTH_NAMES}|{UPPER_MONTH_NAMES}))"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)?$"
)


# Where a byline's writers are and which of them wrote earlier entries: not names.
_BYLINE_EXTRAS = re.compile(
    r"\s+in\s+[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)?(?=\s+and\s|,|\s*\(|$)|\s*\([^)]{1,20}\)"
    r"|\s+with\s+[\w.&-]+(?:(?:,\s*|\s+and\s+)[\w.&-]+)*$"  # "with Reuters, AFP, dpa"
)


def _byline_names(line: str, stop_words: set[str], bare: bool = True) -> list[str]:
    """The writers of a line that is only a byline: "Yohannes Lowe", "Eleni Varga in Washington
    and Owen Pritchard (earlier)", "Lena Hoffmann with Reuters, AFP, dpa", "Harriet Cole
    Political Correspondent" (a name, then a job title of capitalised words)."""
    if line.isupper():
        return []  # "RAMSTEIN AIR BASE": the dateline's place
    stripped = _BYLINE_EXTRAS.sub("", line).strip()
    words = stripped.split()
    cut = next((i for i, w in enumerate(words) if w.lower().strip(".,") in stop_words), len(words))
    names, title = " ".join(words[:cut]), words[cut:]
    if not _NAME_LINE.fullmatch(names) or not all(w[:1].isupper() for w in title):
        return []
    if title and title[-1].lower().strip(".,") not in stop_words:
        return []  # "Rutte Visits Kyiv": words after a name, but no job title
    if not bare and not title and stripped == line.strip():
        return []  # two capitalised words alone, and no job or agency to say they are a name
    return _author_names(names, stop_words)


def _header_date(line: str) -> date | None:
    match = _HEADER_DATE.search(line)
    if match["upper"]:
        month, rest = match["upper"].split(None, 1)
        return parse_explicit_date(f"{month.title()} {rest}")
    # "25 jun 2025": a month written in lower case, as some headers do.
    explicit = parse_explicit_date(re.sub(r"[^\W\d_]+", lambda w: w.group().title(), match.group()))
    if explicit:
        return explicit
    if match["ymd"]:
        year, month, day = (int(x) for x in re.split(r"[./]", match["ymd"]))
        return _safe(year, month, day)
    if not match.group()[:1].isdigit() or re.search(r"[^\W\d_]", match.group()):
        return None  # a month named, on a day it does not have ("February 30, 2025")
    first, second, year = (int(x) for x in re.split(r"[./]", match.group()))
    # Day first, as most of the world writes it, unless that cannot be ("03/27/2025").
    day, month = (second, first) if second > 12 >= first else (first, second)
    try:
        return date(year, month, day)
    except ValueError:
        return None


# "4 septembre 2025", "4. syyskuuta 2025", "4 de septiembre de 2025": a day, a month's name,
# a year.
_WORDED_DATE = re.compile(
    r"(?<![\d.])(?P<day>[0-3]?\d)\.?\s+(?:de\s+)?(?P<month>[^\W\d_]{3,12})\.?\s+(?:de\s+)?"
    r"(?P<year>(?:19|20)\d\d)\b"
)


def _foreign_date(line: str, rules: Metadata) -> date | None:
    """A date whose month is named in another language (`rules.month_names`)."""
    if not rules.month_names:
        return None
    for match in _WORDED_DATE.finditer(line):
        month = rules.month_names.get(match["month"].lower())
        if month:
            return _safe(int(match["year"]), month, int(match["day"]))
    return None


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _with_text_year(match: re.Match[str], lines: list[str]) -> date | None:
    """A yearless dateline takes the one year of the full dates the article writes ("in 2022",
    a year on its own, is as often history as the present)."""
    years = {
        int(found.group("year") or found.group("year2") or found.group("iso")[:4])
        for line in lines
        for found in _DAY_MONTH_YEAR.finditer(line)
    }
    if len(years) != 1:
        return None
    try:
        return date(years.pop(), month_number(match["month"]) or 0, int(match["day"]))
    except ValueError:
        return None


def _published_line(line: str, rules: Metadata) -> date | None:
    """'Published: 12.02.2025', 'Updated on 3 April 2025 at 10:15': parsed by dateparser,
    day first, never relative ('2 hours ago' has no date in it)."""
    for pattern in rules.published_patterns:
        match = re.fullmatch(pattern, line, re.IGNORECASE)
        if not match:
            continue
        raw = match["date"]
        if not re.search(r"\d{4}", raw):
            return None
        explicit = parse_explicit_date(raw)
        if explicit:
            return explicit
        import dateparser

        parsed = dateparser.parse(
            raw,
            languages=["en"],
            settings={
                "DATE_ORDER": "DMY",
                "STRICT_PARSING": True,
                "REQUIRE_PARTS": ["day", "month", "year"],
                "RELATIVE_BASE": datetime(2000, 1, 1),
            },
        )
        return parsed.date() if parsed else None
    return None


def _looks_like_title(line: str) -> bool:
    return 10 <= len(line) <= 250 and not line.endswith((".", ":")) or line.endswith("?")


def _author_names(raw: str, stop_words: set[str]) -> list[str]:
    """'James Carter Senior News Editor' -> ['James Carter']."""
    names = []
    for part in _SPLIT_AUTHORS.split(raw):
        words = []
        for word in part.split():
            if word.lower().strip(".,") in stop_words:
                break
            words.append(word.strip(".,"))
        # Two to five words, capitalised but for particles ("Pieter van der Linde"); one word
        # is a place or an agency ("by Jane Doe, Washington", "with AP, Reuters").
        if (
            2 <= len(words) <= 5
            and words[0][:1].isupper()
            and words[-1][:1].isupper()
            and all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words)
        ):
            name = " ".join(words)
            # "SEUNG MIN KIM" (AP bylines) -> "Seung Min Kim".
            names.append(name.title() if name.isupper() and len(name) > 3 else name)
    return names
