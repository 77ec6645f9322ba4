"""Make text from articles safe to show in a terminal without changing its length.

Article text reaches the screen character for character, so offsets into it (actor mentions,
dates, sentences) stay valid. Characters that would act on the terminal instead of being shown
(escape sequences, other C0/C1 controls, bidirectional overrides) are replaced one for one by a
visible stand-in.
"""

from __future__ import annotations

# C0 controls become their Unicode "control picture" (ESC -> ␛); tab becomes a space so that
# every character is one cell wide and offsets map straight to columns.
_TABLE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20) if code != 0x0A}
_TABLE[0x09] = " "
_TABLE[0x7F] = "\u2421"  # ␡
_TABLE.update({code: "\ufffd" for code in range(0x80, 0xA0)})  # C1 controls, incl. CSI
# Bidirectional embeddings, overrides and isolates can reorder what the terminal shows.
_TABLE.update({code: "\ufffd" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})


def visible(text: str | None) -> str:
    """`text` with every control character replaced by a visible stand-in of length one."""
    if not text:
        return ""
    return text.translate(_TABLE)


def one_line(text: str | None) -> str:
    """`visible(text)` on a single line: newlines become spaces."""
    return visible(text).replace("\n", " ")
