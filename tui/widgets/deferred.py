"""Panes that mount their contents when first needed rather than at start-up."""

from __future__ import annotations

import asyncio


class DeferredContents:
    """Mixin for a pane container: with `deferred`, `compose` yields nothing until `build()`.

    The dashboard defers the panes that are off screen at start-up and builds them right after
    the first paint (or at once when one is asked for): mounting and styling them was about
    15 ms of the start-up. `_built()` fills the new contents from what the pane was given.
    """

    def _defer(self, deferred: bool) -> None:
        self.built = not deferred
        self._ready = asyncio.Event()
        if not deferred:
            self._ready.set()

    async def build(self) -> None:
        """Mount and fill the contents (once; a second caller waits for the first)."""
        if self.built:
            await self._ready.wait()
            return
        self.built = True
        await self.recompose()  # type: ignore[attr-defined]
        # A pane removed meanwhile (the app quitting right after its first paint) was not
        # recomposed: there is nothing to fill.
        if self.is_attached and not self._pruning:  # type: ignore[attr-defined]
            self._built()
        self._ready.set()

    def _built(self) -> None:
        raise NotImplementedError
