"""The locality of a candidate: the one ward or commune its quote names.

A quote that names exactly one locality of ``data/localities.csv`` (``Trồng rau an toàn 0,6ha tại phường Thuỷ
Châu``, ``cụm công nghiệp Vĩnh An (quy mô 32ha)``) gives it, under its canonical spelling; a quote naming none,
or several (``tại Thủy Châu, Vĩnh An``: a figure for the town), gives none. The names and spellings are data
(:mod:`chitieu.data.localities`): the engine knows no place.
"""

from __future__ import annotations

from chitieu.data.localities import Localities


def locality_of(localities: Localities, text: str) -> str:
    """The one locality ``text`` names, or ``""`` (none, or several).

    Examples
    --------
    >>> from chitieu.data.localities import make_localities
    >>> places = make_localities([("Thủy Châu", "Thuỷ Châu"), ("Vĩnh An", "Vĩnh An")])
    >>> locality_of(places, "0,6ha tại phường Thuỷ Châu"), locality_of(places, "tại Thủy Châu, Vĩnh An")
    ('Thủy Châu', '')
    """
    named = localities.named_in(text)
    return named[0] if len(named) == 1 else ""
