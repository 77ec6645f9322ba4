"""The `natotui` command: the dashboard, and `articles`, `extract`, `check-config`."""

from __future__ import annotations

import gc
import io
import json
import os
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from . import __version__
from .core.config import ConfigError, LoadedConfig, load_config
from .core.paths import default_config_path, default_data_dir

if TYPE_CHECKING:
    import argparse

EXIT_CONFIG = 2


def _add_common(parser: argparse.ArgumentParser, data: bool = True, sub: bool = False) -> None:
    # On a sub-command the options default to SUPPRESS, so that `natotui --config F articles`
    # keeps the value given before the sub-command instead of resetting it to None.
    import argparse

    default = argparse.SUPPRESS if sub else None
    parser.add_argument("--version", action="version", version=f"natotui {__version__}")
    parser.add_argument(
        "--config",
        type=Path,
        default=default,
        metavar="FILE",
        help="config file (default: $NATOTUI_CONFIG or the shipped config.yaml)",
    )
    if data:
        parser.add_argument(
            "--data",
            type=Path,
            default=default,
            metavar="DIR",
            help="folder of articles (default: $NATOTUI_DATA or the shipped sample corpus)",
        )


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="natotui",
        description="A terminal dashboard for diplomacy and defence news: articles, actors, "
        "meetings and conflicting statements. Without a command, opens the dashboard.",
    )
    _add_common(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    articles = commands.add_parser(
        "articles", help="list the corpus", description="List the articles of the corpus."
    )
    _add_common(articles, sub=True)
    articles.add_argument("--format", choices=["table", "json"], default="table")

    extract = commands.add_parser(
        "extract",
        help="extract actors, meetings and conflicts",
        description="Extract actors, dates, meetings and conflicting statements.",
    )
    _add_common(extract, data=False, sub=True)
    extract.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="files or folders (default: the data folder)",
    )
    extract.add_argument(
        "--data", type=Path, default=argparse.SUPPRESS, metavar="DIR", help=argparse.SUPPRESS
    )
    extract.add_argument("--format", choices=["json", "table"], default="json")
    extract.add_argument(
        "--no-cache", action="store_true", help="do not read or write the extraction cache"
    )
    extract.add_argument(
        "--jobs",
        type=_positive,
        default=None,
        metavar="N",
        help="processes extracting at once (default: one per CPU; small corpora use one)",
    )

    check = commands.add_parser(
        "check-config",
        help="validate a config file",
        description="Validate a config file and say OK or what is wrong.",
    )
    check.add_argument("--version", action="version", version=f"natotui {__version__}")
    check.add_argument("file", nargs="?", type=Path, default=None, metavar="FILE")
    return parser


# The plain `natotui` (the dashboard, the usual start) needs no parser: argparse is imported and
# the parser built only when there are arguments to read.
_NO_ARGUMENTS = SimpleNamespace(command=None, config=None, data=None)


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    args = build_parser().parse_args(arguments) if arguments else _NO_ARGUMENTS
    if args.command is None:
        # Start-up makes long-lived objects only: a full garbage collection among them (about
        # 25 ms, before the first paint) would free nothing. The dashboard turns collection back
        # on once it has painted the corpus (NatoApp.corpus_shown).
        gc.disable()
    try:
        status = _run(args)
        sys.stdout.flush()  # a closed pipe shows here, inside the handler below
        return status
    except BrokenPipeError:
        # The reader went away (`natotui extract | head`): stop quietly, as Unix tools do.
        # stdout goes to /dev/null so the interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 128 + 13  # the status of a process ended by SIGPIPE
    except ConfigError as exc:
        _error(str(exc), title="config error")
        return EXIT_CONFIG
    except FileNotFoundError as exc:
        _error(str(exc), title="not found")
        return EXIT_CONFIG
    except KeyboardInterrupt:
        return 130


def _run(args: argparse.Namespace | SimpleNamespace) -> int:
    if args.command == "check-config":
        return _check_config(args.file or args.config or default_config_path())
    loaded = load_config(args.config or default_config_path())
    data = args.data or default_data_dir()
    if args.command == "articles":
        return _articles(loaded, data, args.format)
    if args.command == "extract":
        return _extract(
            loaded, args.paths or [data], args.format, use_cache=not args.no_cache, jobs=args.jobs
        )
    return _run_dashboard(loaded, data)


def _error(message: str, title: str) -> None:
    from rich.console import Console
    from rich.panel import Panel
    from rich.text import Text

    console = Console(stderr=True, highlight=False)
    if console.is_terminal:
        console.print(Panel(Text(message), title=title, title_align="left", border_style="red"))
    else:
        console.print(Text(f"natotui: {title}: {message}"), soft_wrap=True)


def _check_config(path: Path) -> int:
    loaded = load_config(path, remember=False)  # always parse: the user asked for a check
    included = len(loaded.files) - 1
    extra = f" (with {included} included file{'s' if included != 1 else ''})" if included else ""
    print(f"{path}: OK{extra}")
    return 0


def _articles(loaded: LoadedConfig, data: Path, fmt: str) -> int:
    from .core.loading import load_corpus

    result = load_corpus([data], loaded.config)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for article in result.articles:  # loaded, but with something to say (encoding, front matter)
        for warning in article.warnings:
            print(f"warning: {article.path}: {warning}", file=sys.stderr)
    if fmt == "json":
        rows = [
            {
                "id": a.id,
                "path": a.path,
                "title": a.title,
                "published": a.published,
                "published_basis": a.published_basis,
                "authors": a.authors,
                "outlet": a.outlet,
                "words": a.words,
                "warnings": a.warnings,
                "text": a.text,
            }
            for a in result.articles
        ]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{len(result.articles)} articles in {data}", title_justify="left")
    for column in ("id", "published", "authors", "title", "words"):
        table.add_column(column, overflow="fold")
    for a in result.articles:
        published = (a.published or "unknown") + (
            "" if a.published_basis in ("metadata",) else f" ({a.published_basis})"
        )
        table.add_row(
            Text(a.id),
            Text(published),
            Text(", ".join(a.authors)),
            Text(a.title or ""),
            str(a.words),
        )
    Console().print(table)
    return 0


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        import argparse

        raise argparse.ArgumentTypeError(f"{value}: must be 1 or more")
    return number


def _extract(
    loaded: LoadedConfig, paths: list[Path], fmt: str, use_cache: bool, jobs: int | None = None
) -> int:
    from .core.export import corpus_document, print_table
    from .core.pipeline import build_corpus, export_corpus

    # The progress bar is drawn only when stderr is a terminal (the pipeline checks).
    if fmt == "json":

        def render(corpus) -> bytes:
            out = io.StringIO()
            _write_json(corpus_document(corpus), out)
            return out.getvalue().encode()

        from .core import export
        from .core.export_cache import renderer_version

        # Unchanged files under the same config and code: the document written last time
        # (by this rendering code, at this layout threshold).
        kind = f"json-{renderer_version(export, sys.modules[__name__])}-{PRETTY_ITEMS}"
        document, warnings = export_corpus(
            paths, loaded, render, kind, use_cache=use_cache, progress=True, jobs=jobs
        )
        _warn(warnings)
        binary = getattr(sys.stdout, "buffer", None)
        if binary is None:  # a text-only stream (an embedding program's)
            sys.stdout.write(document.decode())
        else:
            sys.stdout.flush()
            binary.write(document)
        return 0
    corpus = build_corpus(paths, loaded, use_cache=use_cache, progress=True, jobs=jobs)
    _warn(corpus.warnings)
    print_table(corpus)
    return 0


def _warn(warnings: list[str]) -> None:
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)


PRETTY_ITEMS = 2000  # larger documents: one line per article, meeting and conflict


def _write_json(document: dict, out) -> None:
    """Indented JSON; a large document gets one line per list item instead, written by json's
    C encoder (`indent=` runs the pure-Python one: minutes on a 10k corpus)."""
    if sum(len(v) for v in document.values() if isinstance(v, list)) <= PRETTY_ITEMS:
        json.dump(document, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    out.write("{\n")
    for n, (key, value) in enumerate(document.items()):
        out.write(f"  {json.dumps(key)}: ")
        if isinstance(value, list) and value:
            out.write("[\n    ")
            for i, item in enumerate(value):
                out.write((",\n    " if i else "") + json.dumps(item, ensure_ascii=False))
            out.write("\n  ]")
        else:
            out.write(json.dumps(value, ensure_ascii=False))
        out.write(",\n" if n < len(document) - 1 else "\n")
    out.write("}\n")


def _run_dashboard(loaded: LoadedConfig, data: Path) -> int:
    if not data.exists():
        raise FileNotFoundError(f"{data}: no such file or directory")
    from .app import NatoApp

    NatoApp(loaded=loaded, data_dir=data).run()
    _leave_loading_behind()
    return 0


def _leave_loading_behind() -> None:
    """Quit at once even while a large corpus is still being ingested in a worker thread: the
    state is saved, and SQLite rolls back the cache write that was under way."""
    import threading

    busy = [t for t in threading.enumerate() if t is not threading.main_thread() and not t.daemon]
    if busy:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
