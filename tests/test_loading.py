"""Loading the corpus: the seeds through `natotui articles`, and ugly files in a temporary folder."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.cleaning import CleanRules
from tui.core.config_models import Config
from tui.core.loading import SkippedFile, decode, find_article_files, load_article, load_corpus

REPOSITORY = Path(__file__).resolve().parent.parent

TITLES = {
    "000_c83c6cd05dbd5e0f": "Rubio Declines NATO Meeting During Critical Ukrainian Aid Discussions, "
    "Sources Indicate",
    "001_9a710b5906e88b3e": "Rubio, NATO Allies Express ‘Overwhelming’ Support for Ukraine, Urge "
    "Russia to Commit to Peace",
    "002_be7ed0f8fad02e0f": "Secretary of State Marco Rubio Meets with NATO Secretary General Mark "
    "Rutte in Brussels",
    "003_2554c36447359ec9": "Trump Sending Rubio to Turkey For Informal NATO Talks on Ukraine, "
    "Burden Sharing",
    "004_26966cb500e5a3b7": "NATO chief diplomats meet in Brussels, Rubio confronts allies alarmed "
    "by Trump's moves",
}
PUBLISHED = {
    "000_c83c6cd05dbd5e0f": ("2025-11-28", "dateline"),
    "001_9a710b5906e88b3e": (None, "unknown"),
    "002_be7ed0f8fad02e0f": ("2025-04-03", "dateline"),
    "003_2554c36447359ec9": (None, "unknown"),
    "004_26966cb500e5a3b7": (None, "unknown"),
}
AUTHORS = {
    "000_c83c6cd05dbd5e0f": ["James Carter"],
    "001_9a710b5906e88b3e": ["Alex Raufoglu"],
    "002_be7ed0f8fad02e0f": [],
    "003_2554c36447359ec9": ["Alex Raufoglu"],
    "004_26966cb500e5a3b7": [],
}
# Page furniture of the seeds (issue 2); none of it may reach an article's text.
BOILERPLATE = [
    "Subscribe Us",
    "Post a Comment",
    "0 Comments",
    "Flash News",
    "Bota",
    "Latest news",
    "You may also like",
    "Leave a Comment",
    "Akismet",
    "Adblock Detected",
    "Please support us by disabling",
    "Home »",
    "For a more effective title",
    "Key Search Terms",
]
JSON_FIELDS = {
    "id",
    "path",
    "title",
    "published",
    "published_basis",
    "authors",
    "outlet",
    "words",
    "warnings",
    "text",
}


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NATOTUI_")}
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    """`python -m tui articles --format json` on the shipped corpus and config, from elsewhere."""
    cwd = tmp_path_factory.mktemp("elsewhere")
    return subprocess.run(
        [sys.executable, "-m", "tui", "articles", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=clean_env(
            PYTHONPATH=str(REPOSITORY), NATOTUI_CACHE_DIR=str(cwd / "c"), NATOTUI_STATE_DIR=str(cwd)
        ),
        timeout=120,
    )


@pytest.fixture(scope="module")
def seeds(seed_run: subprocess.CompletedProcess[str]) -> dict[str, dict]:
    assert seed_run.returncode == 0, seed_run.stderr
    rows = json.loads(seed_run.stdout)
    return {row["id"]: row for row in rows}


# --- the seeds ------------------------------------------------------------------------------------


def test_seeds_load_without_warnings(seed_run, seeds):
    assert "warning" not in seed_run.stderr
    assert "Traceback" not in seed_run.stderr
    assert all(row["warnings"] == [] for row in seeds.values())


def test_seed_titles_exactly_once_each(seed_run):
    rows = json.loads(seed_run.stdout)
    assert sorted(row["title"] for row in rows) == sorted(TITLES.values())
    assert [row["id"] for row in rows] == sorted(TITLES)


@pytest.mark.parametrize("article_id", sorted(TITLES))
def test_seed_title_is_at_the_top_once(seeds, article_id):
    row = seeds[article_id]
    assert row["title"] == TITLES[article_id]
    assert row["text"].startswith(TITLES[article_id] + "\n\n")
    assert row["text"].count(TITLES[article_id]) == 1
    # The cut-short repeat of 004's title ("... alarmed by") is gone too.
    assert "alarmed by\n" not in row["text"]


@pytest.mark.parametrize("article_id", sorted(TITLES))
def test_seed_published_and_basis(seeds, article_id):
    row = seeds[article_id]
    assert (row["published"], row["published_basis"]) == PUBLISHED[article_id]


@pytest.mark.parametrize("article_id", sorted(TITLES))
def test_seed_authors(seeds, article_id):
    assert seeds[article_id]["authors"] == AUTHORS[article_id]


@pytest.mark.parametrize("phrase", BOILERPLATE)
def test_no_boilerplate_in_any_seed(seeds, phrase):
    pattern = re.compile(rf"\b{re.escape(phrase)}" if phrase[0].isalnum() else re.escape(phrase))
    for row in seeds.values():
        assert not pattern.search(row["text"]), f"{phrase!r} in {row['id']}"


def test_glued_commas_restored_in_seeds(seeds):
    text = seeds["000_c83c6cd05dbd5e0f"]["text"]
    assert "Brussels, Belgium – November 28, 2025 –" in text
    assert "alliance, U.S. Secretary" in text
    assert "absence, the" in text
    assert "Brussels, Belgium — April 3, 2025" in seeds["002_be7ed0f8fad02e0f"]["text"]
    for row in seeds.values():
        assert "Brussels,Belgium" not in row["text"]
        assert "28,2025" not in row["text"]


def test_seed_json_fields(seeds):
    for row in seeds.values():
        assert set(row) == JSON_FIELDS
        assert row["path"].endswith(row["id"] + ".txt")
        assert Path(row["path"]).is_file()
        assert row["words"] == len(row["text"].split()) > 100
        assert row["outlet"] is None or isinstance(row["outlet"], str)
        assert row["published_basis"] in ("metadata", "dateline", "text", "corpus", "unknown")


def test_seed_texts_are_clean(seeds):
    for row in seeds.values():
        text = row["text"]
        assert text == text.strip()
        assert "\n\n\n" not in text
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", text)
        # Each line of the clean text is a paragraph, with no leading or trailing space.
        assert all(line == line.strip() for line in text.split("\n"))


def test_seed_ends_before_the_related_links(seeds):
    text = seeds["000_c83c6cd05dbd5e0f"]["text"]
    assert "Related Queries" not in text
    assert text.endswith("may be warranted.")


def test_seeds_through_load_corpus_match_the_command(seeds, seeds_dir, shipped_rules):
    result = load_corpus([seeds_dir], shipped_rules)
    assert result.warnings == []
    assert {a.id: a.text for a in result.articles} == {k: v["text"] for k, v in seeds.items()}


# --- ugly inputs ------------------------------------------------------------------------------


def write(path: Path, content: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


GOOD = "A Perfectly Ordinary Article Title\n\nNATO ministers met in Brussels on Thursday.\n"


def warning_for(warnings: list[str], path: Path) -> str:
    found = [w for w in warnings if w.startswith(f"{path}:")]
    assert len(found) == 1, f"no single warning for {path} in {warnings}"
    return found[0]


def test_binary_files_are_skipped_with_a_warning(tmp_path, shipped_rules):
    good = write(tmp_path / "good.txt", GOOD)
    nul = write(tmp_path / "nul.txt", b"Some text\x00\x01\x02 with NUL bytes\n")
    png = write(tmp_path / "image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    result = load_corpus([tmp_path], shipped_rules)
    assert [a.path for a in result.articles] == [str(good)]
    assert "binary" in warning_for(result.warnings, nul)
    assert "binary" in warning_for(result.warnings, png)


def test_empty_and_blank_files_are_skipped_with_a_warning(tmp_path, shipped_rules):
    write(tmp_path / "good.txt", GOOD)
    empty = write(tmp_path / "empty.txt", b"")
    blank = write(tmp_path / "blank.md", " \n\t\n   \n")
    result = load_corpus([tmp_path], shipped_rules)
    assert [a.id for a in result.articles] == ["good"]
    assert "empty" in warning_for(result.warnings, empty)
    assert "empty" in warning_for(result.warnings, blank)


def test_file_of_only_boilerplate_is_skipped(tmp_path, shipped_rules):
    junk = write(tmp_path / "junk.txt", "Subscribe Us\n\nLeave a Comment\n\nAdblock Detected\n")
    result = load_corpus([tmp_path], shipped_rules)
    assert result.articles == []
    assert "no text left" in warning_for(result.warnings, junk)


def test_latin1_file_is_decoded_with_a_warning(tmp_path, shipped_rules):
    text = (
        "Danish Foreign Minister Lars Løkke Rasmussen Meets Allies\n\n"
        "Lars Løkke Rasmussen travelled to Zürich, where the café was closed.\n"
    )
    path = write(tmp_path / "latin.txt", text.encode("latin-1"))
    result = load_corpus([tmp_path], shipped_rules)
    assert result.warnings == []
    (article,) = result.articles
    assert "Lars Løkke Rasmussen travelled to Zürich, where the café was closed." in article.text
    assert article.title == "Danish Foreign Minister Lars Løkke Rasmussen Meets Allies"
    assert len(article.warnings) == 1
    assert "not UTF-8" in article.warnings[0]
    assert article.path == str(path)


def test_utf8_with_byte_order_mark(tmp_path, shipped_rules):
    write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + GOOD.encode())
    (article,) = load_corpus([tmp_path], shipped_rules).articles
    assert article.text.startswith("A Perfectly Ordinary Article Title")
    assert article.warnings == []


def test_utf16_file_with_byte_order_mark_is_text_not_binary(tmp_path, shipped_rules):
    write(tmp_path / "notepad.txt", GOOD.encode("utf-16"))
    result = load_corpus([tmp_path], shipped_rules)
    assert result.warnings == []
    (article,) = result.articles
    assert article.title == "A Perfectly Ordinary Article Title"
    assert "not UTF-8" in article.warnings[0]


def test_escape_sequences_and_controls_removed_markup_kept(tmp_path, shipped_rules):
    raw = (
        "Escape Sequences In An Article Title\n\n"
        "Red \x1b[31mtext\x1b[0m and \x1b[1;4mbold\x1b[m here."
        " \x1b]0;evil window title\x07Then a \x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\."
        " Bell\x07 back\x08space del\x7f c1\x9b2J ctrl\x01\x02\x03\x0b\x0c\x1f end.\r\n\r\n"
        "Literal [bold red]x[/] and [link=https://e.example]y[/link] markup.\n"
    )
    write(tmp_path / "escapes.txt", raw)
    (article,) = load_corpus([tmp_path], shipped_rules).articles
    text = article.text
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", text), repr(text)
    assert "evil window title" not in text
    assert "evil.example" not in text
    assert "Red text and bold here. Then a link." in text
    assert "[bold red]x[/]" in text
    assert "[link=https://e.example]y[/link]" in text
    assert article.title == "Escape Sequences In An Article Title"


def test_dangling_link_is_unreadable_with_a_warning(tmp_path, shipped_rules):
    write(tmp_path / "good.txt", GOOD)
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing-target.txt")
    result = load_corpus([tmp_path], shipped_rules)
    assert [a.id for a in result.articles] == ["good"]
    assert "unreadable" in warning_for(result.warnings, link)


def test_file_without_read_permission_is_skipped(tmp_path, shipped_rules):
    write(tmp_path / "good.txt", GOOD)
    locked = write(tmp_path / "locked.txt", GOOD)
    locked.chmod(0)
    try:
        try:
            locked.read_bytes()
        except PermissionError:
            pass
        else:
            pytest.skip("running as a user (root) whom permissions do not stop")
        result = load_corpus([tmp_path], shipped_rules)
    finally:
        locked.chmod(0o644)
    assert [a.id for a in result.articles] == ["good"]
    assert "unreadable" in warning_for(result.warnings, locked)


def test_folder_named_like_an_article_is_walked_not_read(tmp_path, shipped_rules):
    write(tmp_path / "archive.txt" / "inner.txt", GOOD)
    result = load_corpus([tmp_path], shipped_rules)
    assert result.warnings == []
    assert [a.id for a in result.articles] == ["archive.txt/inner"]


def test_nested_folders_md_files_and_hidden_ones(tmp_path, shipped_rules):
    write(tmp_path / "top.txt", GOOD)
    write(tmp_path / "2025" / "april" / "deep.md", GOOD)
    write(tmp_path / "2025" / "notes.rst", GOOD)
    write(tmp_path / "2025" / "UPPER.TXT", GOOD)
    write(tmp_path / ".git" / "hidden.txt", GOOD)
    write(tmp_path / "2025" / ".drafts" / "draft.md", GOOD)
    write(tmp_path / "2025" / ".hidden.txt", GOOD)
    result = load_corpus([tmp_path], shipped_rules)
    assert result.warnings == []
    assert sorted(a.id for a in result.articles) == ["2025/UPPER", "2025/april/deep", "top"]
    assert find_article_files(tmp_path) == sorted(find_article_files(tmp_path))


def test_single_file_and_several_roots(tmp_path, shipped_rules):
    one = write(tmp_path / "a" / "one.txt", GOOD)
    write(tmp_path / "b" / "two.txt", GOOD)
    assert [a.id for a in load_corpus([one], shipped_rules).articles] == ["one"]
    both = load_corpus([tmp_path / "a", tmp_path / "b"], shipped_rules)
    assert [a.id for a in both.articles] == ["one", "two"]


def test_missing_folder_raises(tmp_path, shipped_rules):
    with pytest.raises(FileNotFoundError, match="no-such-folder"):
        load_corpus([tmp_path / "no-such-folder"], shipped_rules)


FRONT = """---
title: The Title From Front Matter
published: 2024-02-03
outlet: Example Times
url: https://example.com/story
authors: [Ann One, Bob Two]
---
An Inferred Title That Must Lose

Brussels, Belgium — April 3, 2025

by James Carter Senior News Editor

Kyiv Post’s Washington correspondent reports that ministers met.
"""


def test_front_matter_wins_over_inferred(tmp_path, shipped_rules):
    write(tmp_path / "front.md", FRONT)
    (article,) = load_corpus([tmp_path], shipped_rules).articles
    assert article.warnings == []
    assert (article.title, article.title_basis) == ("The Title From Front Matter", "metadata")
    assert (article.published, article.published_basis) == ("2024-02-03", "metadata")
    assert (article.outlet, article.outlet_basis) == ("Example Times", "metadata")
    assert (article.authors, article.authors_basis) == (["Ann One", "Bob Two"], "metadata")
    assert article.url == "https://example.com/story"
    assert "---" not in article.text
    assert "Example Times" not in article.text
    assert article.text.startswith("An Inferred Title That Must Lose")


def test_without_front_matter_the_same_body_is_inferred(tmp_path, shipped_rules):
    body = FRONT.split("---\n", 2)[2]
    write(tmp_path / "plain.md", body)
    (article,) = load_corpus([tmp_path], shipped_rules).articles
    assert (article.title, article.title_basis) == ("An Inferred Title That Must Lose", "text")
    assert (article.published, article.published_basis) == ("2025-04-03", "dateline")
    assert (article.authors, article.authors_basis) == (["James Carter"], "text")
    assert (article.outlet, article.outlet_basis) == ("Kyiv Post", "text")
    assert article.url is None


def test_front_matter_single_author_and_written_date(tmp_path, shipped_rules):
    write(
        tmp_path / "a.md",
        "---\nauthors: Jane Doe\npublished: November 28,2025\n---\nSome Title Of The Article\n\nText.\n",
    )
    (article,) = load_corpus([tmp_path], shipped_rules).articles
    assert article.authors == ["Jane Doe"]
    assert (article.published, article.published_basis) == ("2025-11-28", "metadata")
    assert article.warnings == []


def test_front_matter_bad_date_warns_and_falls_back(tmp_path, shipped_rules):
    write(
        tmp_path / "a.md",
        "---\npublished: someday soon\n---\nSome Title Of The Article\n\n"
        "BRUSSELS — April 3, 2025 — Ministers met.\n",
    )
    (article,) = load_corpus([tmp_path], shipped_rules).articles
    assert (article.published, article.published_basis) == ("2025-04-03", "dateline")
    assert any("published" in w and "someday soon" in w for w in article.warnings)


def test_bad_front_matter_yaml_warns_and_loads(tmp_path, shipped_rules):
    write(tmp_path / "good.txt", GOOD)
    path = write(
        tmp_path / "broken.md",
        "---\ntitle: [unclosed\nauthors: x\n---\nThe Body Title Still Counts Here\n\nText.\n",
    )
    result = load_corpus([tmp_path], shipped_rules)
    assert result.warnings == []
    article = next(a for a in result.articles if a.path == str(path))
    assert article.title == "The Body Title Still Counts Here"
    assert article.title_basis == "text"
    assert len(article.warnings) == 1
    assert "front matter" in article.warnings[0] and "YAML" in article.warnings[0]
    assert "unclosed" not in article.text
    assert len(result.articles) == 2


def test_front_matter_not_a_mapping_or_unknown_key_warns(tmp_path, shipped_rules):
    write(tmp_path / "list.md", "---\n- a\n- b\n---\nThe Body Title Of The List File\n\nText.\n")
    write(
        tmp_path / "extra.md", "---\ntags: [nato]\n---\nThe Body Title Of The Extra File\n\nText.\n"
    )
    articles = {a.id: a for a in load_corpus([tmp_path], shipped_rules).articles}
    assert "not a mapping" in articles["list"].warnings[0]
    assert articles["list"].title == "The Body Title Of The List File"
    assert articles["extra"].warnings == ["front matter key 'tags' is not used"]


def test_front_matter_values_lose_their_escape_codes(tmp_path, shipped_rules):
    write(
        tmp_path / "a.md",
        '---\ntitle: "Evil \\e[31mTitle\\e]0;x\\a"\n---\nBody Title Of This File\n\nText.\n',
    )
    (article,) = load_corpus([tmp_path], shipped_rules).articles
    assert article.title == "Evil Title"


def test_dashes_that_are_not_front_matter_stay_text(tmp_path, shipped_rules):
    write(tmp_path / "a.txt", "--- breaking ---\n\nA Title That Follows The Dashes\n\nText.\n")
    (article,) = load_corpus([tmp_path], shipped_rules).articles
    assert article.text.startswith("--- breaking ---")


def test_load_article_directly(tmp_path, shipped_rules):
    path = write(tmp_path / "x" / "y.txt", GOOD)
    article = load_article(
        path, tmp_path, shipped_rules, CleanRules.from_config(shipped_rules.cleaning)
    )
    assert article.id == "x/y"
    assert article.sentences and article.text[slice(*article.sentences[-1])].endswith("Thursday.")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"\n \r\n", "empty"),
        (b"ab\x00cd", "binary"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_decode_rejects(data, reason):
    with pytest.raises(SkippedFile, match=reason):
        decode(data)


def test_decode_utf8_has_no_warning():
    assert decode("Zürich – “quotes”".encode()) == ("Zürich – “quotes”", [])


def test_a_config_without_cleaning_rules_still_loads(tmp_path):
    write(tmp_path / "a.txt", "Subscribe Us\n\nBrussels,Belgium is a city.\n")
    (article,) = load_corpus([tmp_path], Config()).articles
    assert article.text == "Subscribe Us\n\nBrussels, Belgium is a city."
