"""Build an extractor from the shipped rules plus a small gazetteer, and run it on a text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tui.core.cleaning import CleanRules
from tui.core.config import load_config
from tui.core.extraction import Extractor
from tui.core.loading import build_article
from tui.core.models import Article, ArticleExtraction
from tui.core.paths import shipped_config_path

SMALL_GAZETTEER: dict[str, Any] = {
    "people": [
        {
            "name": "Marco Rubio",
            "country": "US",
            "roles": [
                {"title": "Senator", "org": "US", "from": "2011-01-03", "to": "2025-01-20"},
                {"title": "Secretary of State", "org": "US", "from": "2025-01-21"},
            ],
        },
        {
            "name": "Mark Rutte",
            "country": "NL",
            "roles": [{"title": "Secretary General", "org": "NATO", "from": "2024-10-01"}],
        },
        {
            "name": "Jens Stoltenberg",
            "country": "NO",
            "roles": [{"title": "Secretary General", "org": "NATO", "to": "2024-10-01"}],
        },
        {"name": "Volodymyr Zelensky", "country": "UA", "aliases": ["Zelenskyy"]},
        {"name": "Donald Trump", "country": "US"},
        {"name": "Micheál Martin", "country": "IE"},
        {"name": "Lee Jae-myung", "country": "KR", "aliases": ["Lee"]},
        {"name": "Joe Biden", "country": "US"},
        {"name": "Julianne Smith", "country": "US"},
    ],
    "organizations": [
        {"name": "NATO", "aliases": ["the Alliance"]},
        {"name": "Kremlin", "aliases": ["the Kremlin"], "country": "RU", "city": "Moscow"},
    ],
    "countries": [
        {
            "name": "United States",
            "code": "US",
            "aliases": ["US", "U.S."],
            "demonyms": ["American"],
        },
        {"name": "Ukraine", "code": "UA", "demonyms": ["Ukrainian"]},
        {"name": "Denmark", "code": "DK", "demonyms": ["Danish"]},
        {"name": "Netherlands", "code": "NL", "aliases": ["Holland"], "demonyms": ["Dutch"]},
    ],
    "places": [
        {"name": "Brussels", "country": "BE"},
        {"name": "Antalya", "country": "TR"},
        {"name": "Sofia", "country": "BG"},
        {"name": "NATO Headquarters", "city": "Brussels"},
        {"name": "White House", "city": "Washington"},
    ],
    "given_names": [
        "Scott",
        "Natascha",
        "Marco",
        "Lars",
        "Tammy",
        "James",
        "Alex",
        "Alexander",
        "Donald",
        "Steve",
        "Martin",
        "Sofia",
        "Pieter",
        "Jill",
        "Joe",
        "Will",
    ],
    "not_names": ["Opting", "Out", "Detected"],
}


def small_extractor(tmp_path: Path) -> Extractor:
    """The shipped rules (titles, cues, meeting types, claims) with SMALL_GAZETTEER."""
    config = yaml.safe_load(shipped_config_path().read_text(encoding="utf-8"))
    config.pop("include", None)
    config["gazetteer"] = SMALL_GAZETTEER
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return Extractor.for_config(load_config(path))


def article(
    text: str, extractor: Extractor, published: str | None = None, article_id: str = "a"
) -> Article:
    front = {"published": published} if published else {}
    return build_article(
        article_id,
        f"{article_id}.txt",
        text,
        front,
        extractor.config,
        CleanRules.from_config(extractor.config.cleaning),
        [],
    )


def extract(
    text: str, extractor: Extractor, published: str | None = None, corpus_year: int | None = None
) -> ArticleExtraction:
    return extractor.extract(article(text, extractor, published), corpus_year)


def people(extraction: ArticleExtraction) -> dict[str, list[str]]:
    return {a.name: a.roles for a in extraction.actors if a.kind == "person"}


def shipped_corpus(folder: Path, **texts: str):
    """The linked corpus of `texts` (file stem -> text) with the shipped config, no cache."""
    from tui.core.pipeline import build_corpus

    for stem, text in texts.items():
        (folder / f"{stem}.txt").write_text(text + "\n", encoding="utf-8")
    return build_corpus([folder], load_config(None), use_cache=False)
