"""Find article files, decode them, read front matter, clean and describe them.

A file that cannot be used (binary, empty, undecodable, unreadable) is skipped with a warning
naming the file and the reason; it never stops the rest of the corpus from loading.
"""

from __future__ import annotations

import codecs
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .cleaning import CleanRules, clean_lines, join_lines, strip_control
from .metadata import infer_metadata, parse_explicit_date
from .models import Article
from .sentences import split_sentences

if TYPE_CHECKING:  # the models pull in pydantic; only validation needs it at run time
    from .config_models import Config

ARTICLE_SUFFIXES = (".txt", ".md")
_UNICODE_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
FRONT_MATTER_KEYS = ("title", "published", "outlet", "url", "authors")


@dataclass(frozen=True)
class LoadResult:
    articles: list[Article]
    warnings: list[str]


class SkippedFile(Exception):
    """A file that is not an article; the message says why."""


def find_article_files(root: Path) -> list[Path]:
    """Every .txt and .md file under `root` (or `root` itself), in a stable order."""
    root = Path(root)
    if root.is_file():
        return [root]
    return sorted(
        p
        for p in root.rglob("*")
        if p.suffix.lower() in ARTICLE_SUFFIXES
        # A dangling link is listed so that reading it fails with a warning, not in silence.
        and (p.is_file() or (p.is_symlink() and not p.exists()))
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


def article_id_for(path: Path, root: Path) -> str:
    """The file stem; for files in sub-folders the relative path keeps ids unique."""
    try:
        relative = path.relative_to(root)
    except ValueError:
        return path.stem
    return relative.with_suffix("").as_posix() if len(relative.parts) > 1 else path.stem


def load_corpus(paths: list[Path], config: Config) -> LoadResult:
    """Load every article under `paths`."""
    rules = CleanRules.from_config(config.cleaning)
    articles, warnings = [], []
    for root, path in iter_files(paths):
        try:
            articles.append(load_article(path, root, config, rules))
        except SkippedFile as exc:
            warnings.append(f"{path}: skipped, {exc}")
    return LoadResult(articles, warnings)


def iter_files(paths: list[Path]) -> Iterator[tuple[Path, Path]]:
    for root in paths:
        root = Path(root)
        if not root.exists():
            raise FileNotFoundError(f"{root}: no such file or directory")
        base = root if root.is_dir() else root.parent
        for path in find_article_files(root):
            yield base, path


def read_text(path: Path) -> tuple[str, list[str]]:
    """Decode a file: UTF-8 first, else the encoding charset-normalizer detects."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SkippedFile(f"unreadable ({exc.strerror or exc})") from None
    return decode(data)


def decode(data: bytes) -> tuple[str, list[str]]:
    warnings: list[str] = []
    if not data.strip():
        raise SkippedFile("empty file")
    # UTF-16 and UTF-32 text (as Windows editors save "Unicode") is full of NUL bytes: its
    # byte-order mark says what it is before the NUL test calls it binary.
    for bom, encoding in _UNICODE_BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise SkippedFile(f"undecodable file (starts as {encoding})") from None
            if not text.strip():
                raise SkippedFile("empty file")
            return text, [f"decoded as {encoding} (not UTF-8)"]
    if b"\x00" in data[:8192]:
        raise SkippedFile("binary file (holds NUL bytes)")
    try:
        return data.decode("utf-8-sig"), warnings
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None or best.encoding is None:
        raise SkippedFile("binary or undecodable file")
    # On a short text several single-byte code pages score the same (cp1250 reads "Løkke" as
    # "Lřkke"); a tie goes to windows-1252, which is what the web means by "latin-1" (WHATWG).
    for match in matches:
        if (
            "cp1252" in match.could_be_from_charset
            and match.chaos <= best.chaos
            and match.coherence >= best.coherence
        ):
            best = match
            break
    text = str(best)
    if _mostly_unprintable(text):
        raise SkippedFile("binary file")
    warnings.append(f"decoded as {best.encoding} (not UTF-8)")
    return text, warnings


def _mostly_unprintable(text: str) -> bool:
    sample = text[:4096]
    bad = sum(1 for c in sample if not (c.isprintable() or c.isspace()))
    return bad > len(sample) * 0.1


def split_front_matter(text: str) -> tuple[dict[str, Any], str, list[str]]:
    """YAML front matter (between '---' lines at the top) and the body after it."""
    if not text.startswith("---"):
        return {}, text, []
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text, []
    for index in range(1, min(len(lines), 200)):
        if lines[index].strip() in ("---", "..."):
            block = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            try:
                data = yaml.safe_load(block) or {}
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                where = f" at line {mark.line + 2}" if mark else ""
                return {}, body, [f"front matter is not valid YAML{where}; ignored"]
            if not isinstance(data, dict):
                return {}, body, ["front matter is not a mapping; ignored"]
            warnings = [
                f"front matter key {key!r} is not used"
                for key in data
                if key not in FRONT_MATTER_KEYS
            ]
            return data, body, warnings
    return {}, text, []


def load_article(
    path: Path, root: Path, config: Config, rules: CleanRules | None = None
) -> Article:
    """Load and clean one article file."""
    rules = rules or CleanRules.from_config(config.cleaning)
    text, warnings = read_text(path)
    front, body, front_warnings = split_front_matter(text)
    warnings += front_warnings
    return build_article(
        article_id_for(path, root), str(path), body, front, config, rules, warnings
    )


def build_article(
    article_id: str,
    path: str,
    body: str,
    front: dict[str, Any],
    config: Config,
    rules: CleanRules,
    warnings: list[str],
) -> Article:
    lines = clean_lines(body, rules)
    clean = join_lines(lines)
    if not clean.strip():
        raise SkippedFile("no text left after cleaning")
    inferred = infer_metadata(lines, config.metadata)
    article = Article(id=article_id, path=path, text=clean, warnings=list(warnings))

    title = _front_str(front, "title")
    if title:
        article.title, article.title_basis = title, "metadata"
    elif inferred.title:
        article.title, article.title_basis = inferred.title, "text"

    published = _front_date(front.get("published"), article.warnings)
    if published:
        article.published, article.published_basis = published.isoformat(), "metadata"
    elif inferred.published:
        article.published, article.published_basis = (
            inferred.published.isoformat(),
            inferred.published_basis,
        )
    else:
        article.published_partial = inferred.published_partial
        article.published_partial_basis = inferred.published_partial_basis

    authors = front.get("authors")
    if isinstance(authors, str):
        authors = [authors]
    if isinstance(authors, list) and authors:
        article.authors = [strip_control(str(a)).strip() for a in authors if str(a).strip()]
        article.authors_basis = "metadata"
    elif inferred.authors:
        article.authors, article.authors_basis = inferred.authors, "text"

    outlet = _front_str(front, "outlet")
    if outlet:
        article.outlet, article.outlet_basis = outlet, "metadata"
    elif inferred.outlet:
        article.outlet, article.outlet_basis = inferred.outlet, "text"
    article.url = _front_str(front, "url")
    article.sentences = split_sentences(clean)
    return article


def _front_str(front: dict[str, Any], key: str) -> str | None:
    value = front.get(key)
    if value is None:
        return None
    value = strip_control(str(value)).strip()
    return value or None


def _front_date(value: Any, warnings: list[str]) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    parsed = parse_explicit_date(str(value))
    if parsed is None:
        warnings.append(f"front matter 'published' is not a date: {value!r}; ignored")
    return parsed
