"""The wards and communes of ``data/localities.csv``, with every spelling the report uses and their id slugs.

``localities.csv`` has one row per spelling (``locality,kind,variant``: a report may write a name with its
accents misplaced or mistyped, and each such spelling has its row); its rules are checked by ``check-data``.
This module finds the names in a text and gives each canonical name the slug observation ids end with
(``rice_area.2022.thuy_chau``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from chitieu.data.errors import DataError, DataValidationError

LOCALITIES_FILE = "localities.csv"
_CIRCUMFLEX = "\u0302"


def fold(text: str, circumflex_doubles: bool = False) -> str:
    """ASCII snake_case of a name: ``Thủy Châu`` → ``thuy_chau``; with ``circumflex_doubles`` a letter with a
    circumflex is written twice (``Vĩnh Ân`` → ``vinh_aan``), to tell it from a name without one."""
    out = []
    for ch in unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D")):
        if unicodedata.combining(ch):
            if ch == _CIRCUMFLEX and circumflex_doubles and out:
                out.append(out[-1])
            continue
        out.append(ch)
    return re.sub(r"[^a-z0-9]+", "_", "".join(out).lower()).strip("_")


@dataclass(frozen=True)
class Localities:
    """Canonical names (in file order), the canonical name of each spelling, and each name's slug."""

    canonical: tuple[str, ...]
    by_variant: dict[str, str]
    slugs: dict[str, str]
    pattern: re.Pattern | None

    def named_in(self, text: str) -> list[str]:
        """Canonical names of the localities ``text`` names, in order of first mention, each once.

        Examples
        --------
        >>> places = make_localities([("Thủy Châu", "Thuỷ Châu"), ("Vĩnh An", "Vĩnh An")])
        >>> places.named_in("tại Thuỷ Châu, Vĩnh An và Thủy Châu")
        ['Thủy Châu', 'Vĩnh An']
        """
        if self.pattern is None:
            return []
        out: list[str] = []
        for m in self.pattern.finditer(text):
            name = self.by_variant[m.group(0)]
            if name not in out:
                out.append(name)
        return out


def make_localities(pairs) -> Localities:
    """:class:`Localities` from ``(canonical, variant)`` pairs (each canonical name is also its own spelling).

    Slugs follow the data contract: the folded name (``huong_chu``); a name folding to the slug of an earlier
    one doubles its circumflex letters (*Vĩnh An* → ``vinh_an``, then *Vĩnh Ân* → ``vinh_aan``).
    """
    by_variant: dict[str, str] = {}
    canonical: list[str] = []
    for name, variant in pairs:
        if name not in canonical:
            canonical.append(name)
        by_variant.setdefault(name, name)
        by_variant.setdefault(variant, name)
    slugs: dict[str, str] = {}
    for name in canonical:
        slug = fold(name)
        slugs[name] = fold(name, circumflex_doubles=True) if slug in slugs.values() else slug
    # Longest spelling first, whole words only.
    words = sorted(by_variant, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)") if words else None
    return Localities(tuple(canonical), by_variant, slugs, pattern)


def read_localities(data_dir: Path) -> Localities:
    """Read and validate ``data_dir/localities.csv`` (its schema and rules, as ``check-data`` does); no locality
    when the file is absent.

    Raises
    ------
    chitieu.data.errors.DataValidationError
        When the file breaks a rule (:func:`chitieu.data.validate.validate_localities`).
    """
    from chitieu.data.structure import read_table
    from chitieu.data.validate import validate_localities

    if not (Path(data_dir) / LOCALITIES_FILE).exists():
        return make_localities([])
    errors: list[DataError] = []
    rows = read_table(Path(data_dir), "localities", errors)
    validate_localities(rows, errors)
    if errors:
        raise DataValidationError(errors)
    return make_localities((rec["locality"], rec["variant"]) for _, rec in rows)
