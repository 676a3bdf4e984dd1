"""The qualifier of a candidate (``exact``, ``approx``, ``more_than``, …) from the words written before it.

The words are the data contract's (``docs/data_contract.md``, column ``qualifier``): ``khoảng``, ``xấp xỉ``,
``gần như`` → ``approx``; ``trên``, ``hơn``, ``vượt``, ``>`` → ``more_than``; ``gần`` → ``nearly``; ``dưới``,
``<`` → ``less_than``; ``ít nhất``, ``tối thiểu``, ``≥`` → ``at_least``; ``tối đa``, ``≤`` → ``at_most``. They
count only when they stand right before the number (``trên địa bàn`` says nothing about a number further on).

A range written ``A - B`` or ``từ A đến B`` (no unit between A and the dash: ``200-300kg/ngày``, ``từ 65 - 80
đảng viên``) gives A ``at_least`` and B ``at_most``; a list with a unit after each number (``55% - 37,5% -
7,5%``) is not a range.
"""

from __future__ import annotations

import re

EXACT = "exact"

_BEFORE: tuple[tuple[str, re.Pattern], ...] = tuple(
    (qualifier, re.compile(rf"(?:^|[\s(:,])(?:{words})\s*$", re.IGNORECASE))
    for qualifier, words in (
        ("approx", r"khoảng|xấp xỉ|gần như|chừng|ước chừng|ước khoảng"),
        ("at_least", r"ít nhất|tối thiểu|≥|>="),
        ("at_most", r"tối đa|nhiều nhất|không quá|≤|<="),
        ("more_than", r"trên\s*>?|hơn|vượt|>|trên\s+mức|cao hơn"),
        ("nearly", r"gần|gần đạt|gần bằng"),
        ("less_than", r"dưới|<|chưa đến|chưa tới|thấp hơn"),
    )
)
_NUMBER = r"\d[\d.,]*"
_RANGE_AFTER = re.compile(rf"^\s*(?:[-–]|đến)\s*{_NUMBER}")
_RANGE_BEFORE = re.compile(rf"{_NUMBER}\s*(?:[-–]|đến)\s*$")
_FROM_BEFORE = re.compile(r"(?:^|\s)từ\s*$", re.IGNORECASE)
_AT_LEAST_AFTER = re.compile(r"^[^,;.]{0,40}\btrở\s+lên\b", re.IGNORECASE)


def qualifier_of(before: str, after: str) -> str:
    """The qualifier of a number from the text of its clause before it and the text of its line after it.

    Parameters
    ----------
    before : str
        The clause's text before the number (``"Thu nhập … năm 2022 đạt trên "``).
    after : str
        The line's text after the number (``" triệu đồng³, gấp 1,2 lần…"``).

    Returns
    -------
    str
        A qualifier of the data contract.

    Examples
    --------
    >>> qualifier_of("đạt trên ", " triệu đồng"), qualifier_of("kết nạp từ ", " - 80 đảng viên")
    ('more_than', 'at_least')
    >>> qualifier_of("kết nạp từ 65 - ", " đảng viên"), qualifier_of("lần lượt là 55% - ", "% - 7,5%")
    ('at_most', 'exact')
    """
    if _RANGE_AFTER.match(after):
        return "at_least"
    if _RANGE_BEFORE.search(before):
        return "at_most"
    for qualifier, pattern in _BEFORE:
        if pattern.search(before):
            return qualifier
    if _FROM_BEFORE.search(before) and _AT_LEAST_AFTER.match(after):
        return "at_least"  # "từ 3 con trở lên"; "từ" alone ("từ nguồn …") bounds nothing
    return EXACT
