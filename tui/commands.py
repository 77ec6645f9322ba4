"""The command palette (ctrl+p): every key binding of the dashboard, and articles and actors
to jump to by name."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from itertools import islice

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from .core.safe_text import one_line
from .screens.binding_catalog import BindingEntry, catalog

PALETTE_LIMIT = 2_000  # articles, and actors, offered by name


class DashboardCommands(Provider):
    """Actions of the dashboard, then 'Open article: …' and 'Filter by actor: …'."""

    def _dashboard(self):
        from .screens.dashboard import DashboardScreen

        screen = self.screen
        if isinstance(screen, DashboardScreen):
            return screen
        for candidate in reversed(self.app.screen_stack):
            if isinstance(candidate, DashboardScreen):
                return candidate
        return None

    def _commands(self) -> list[tuple[str, str, Callable]]:
        dashboard = self._dashboard()
        if dashboard is None:
            return []
        commands: list[tuple[str, str, Callable]] = []
        for entry in catalog(dashboard):
            if entry.action in ("command_palette", "dismiss"):
                continue
            text = f"{entry.context}: {entry.description}"
            commands.append((text, "keys: " + " ".join(entry.keys), partial(self._run, entry)))
        view = dashboard.view
        if view is not None:
            # A palette of 100,000 articles would be slow to match as one types: the list
            # and `/` are there for a large corpus, the palette offers the first ones.
            for article in islice(view.articles.values(), PALETTE_LIMIT):
                title = one_line(article.title or article.id)
                commands.append(
                    (
                        f"Open article: {title}",
                        article.id,
                        partial(dashboard.open_article, article.id),
                    )
                )
            for actor in view.corpus_actors[:PALETTE_LIMIT]:
                commands.append(
                    (
                        f"Filter articles by actor: {one_line(actor.name)}",
                        f"{actor.kind}, {len(actor.articles)} articles",
                        partial(self._filter_actor, dashboard, actor.name),
                    )
                )
        return commands

    async def _run(self, entry: BindingEntry) -> None:
        dashboard = self._dashboard()
        if dashboard is not None and entry.pane:
            await dashboard.action_show_pane(entry.pane)
        await self.app.run_action(entry.action, entry.node)

    @staticmethod
    def _filter_actor(dashboard, name: str) -> None:
        from .widgets import ActorsPane

        dashboard.post_message(ActorsPane.Chosen(name))

    async def discover(self) -> Hits:
        for text, help_text, command in self._commands():
            yield DiscoveryHit(Content(text), command, text=text, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, help_text, command in self._commands():
            score, offsets = matcher.fuzzy_search.match(matcher.query, text)
            if score > 0:
                display = Content(text)
                for offset in offsets:
                    display = display.stylize(matcher.match_style, offset, offset + 1)
                yield Hit(score, display, command, text=text, help=escape(help_text))
