"""Source references as readers read them: ``P1:B.II:fn2`` → "Phần thứ nhất, mục B.II, chú thích 2".

A reference names the part of the report (``P1``, ``P2``), the item (``B.II``, ``III.1``), then optionally
a footnote (``fn2``) or a numbered point (``(3)``); ``docs/data_contract.md`` describes the notation.
"""

from __future__ import annotations

import functools

_PART_NAMES = {"P1": "Phần thứ nhất", "P2": "Phần thứ hai"}


@functools.lru_cache(maxsize=65536)
def format_source_ref(ref: str, short: bool = False) -> str:
    """``"P1:B.II:fn2"`` → ``"Phần thứ nhất, mục B.II, chú thích 2"`` (``short``: ``"B.II, chú thích 2"``)."""
    parts = ref.split(":")
    out = [] if short else [_PART_NAMES.get(parts[0], parts[0])]
    for part in parts[1:]:
        if part.startswith("fn"):
            out.append(f"chú thích {part[2:]}")
        elif part.startswith("("):
            out.append(f"ý {part}")
        else:
            out.append(part if short else f"mục {part}")
    return ", ".join(out)
