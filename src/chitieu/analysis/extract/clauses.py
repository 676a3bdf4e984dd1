"""The clause that holds a number: the candidate's ``source_quote``.

A line of the report is a paragraph. Its sentences end at ``;`` or at a full stop followed by a space (a dot
between digits groups thousands); its clauses are separated by ``, ``. Text in parentheses belongs to the
clause around it, and its own commas separate its inner clauses.

The quote of a number (:func:`quote_span`) is the smallest of these pieces, growing outwards, that

* says what the number is: at least :data:`MIN_WORDS` words besides numbers (``đạt 73,68%`` alone is too
  short; ``năm 2022 là 28/38 trường, đạt 73,68%`` is not);
* occurs once in the whole text, so that it points to one place;

cut to at most :data:`MAX_CHARS` characters around the number, and trimmed of bullets, footnote markers and
the punctuation at its ends. It is always a slice of the line: verbatim by construction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chitieu.analysis.extract.sections import FOOTNOTE_RE, SUPERSCRIPT_DIGITS

MIN_WORDS = 3
"""A quote has at least this many words that are not numbers."""

MAX_CHARS = 160
"""A quote longer than this is cut around its number (at word boundaries)."""

_CUT_BEFORE = 100
_CUT_AFTER = 50
_WORD_RE = re.compile(r"(?<![\w,.])[^\W\d_]+")  # a unit glued to a number (32ha) is no word of its own
_OPENERS = "(“"
_CLOSERS = ")”"
_LEADING_JUNK = re.compile(rf"(?:[\s\-–+•]|[{SUPERSCRIPT_DIGITS}]+\s|\(\d{{1,2}}\)\s)+")
_TRAILING_JUNK = re.compile(rf"[\s.,;:{SUPERSCRIPT_DIGITS}]+$")


@dataclass(frozen=True)
class Piece:
    """A clause of a line: ``line[start:end]``, in sentence ``sentence``, at parenthesis depth ``depth``."""

    start: int
    end: int
    sentence: int
    depth: int


def sentence_spans(line: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of a line: text between ``;`` or ``.`` followed by a space (or the line's
    end), outside parentheses."""
    out: list[tuple[int, int]] = []
    depth, start = 0, 0
    for i, ch in enumerate(line):
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS and depth:
            depth -= 1
        elif depth == 0 and ch in ";." and (i + 1 == len(line) or line[i + 1].isspace()):
            out.append((start, i))
            start = i + 1
    if start < len(line):
        out.append((start, len(line)))
    return [(s, e) for s, e in out if line[s:e].strip()]


def _split_commas(line: str, start: int, end: int, depth: int) -> list[tuple[int, int]]:
    """Spans of ``line[start:end]`` between ``", "`` at parenthesis depth ``depth`` (relative to ``start``)."""
    out, level, begin = [], 0, start
    for i in range(start, end):
        ch = line[i]
        if ch in _OPENERS:
            level += 1
        elif ch in _CLOSERS and level:
            level -= 1
        elif ch == "," and level == depth and i + 1 < end and line[i + 1] == " ":
            out.append((begin, i))
            begin = i + 1
    out.append((begin, end))
    return out


def _paren_group(line: str, start: int, end: int, pos: int) -> tuple[int, int] | None:
    """The innermost ``(…)`` of ``line[start:end]`` that contains offset ``pos`` (with its parentheses)."""
    stack: list[int] = []
    best = None
    for i in range(start, end):
        ch = line[i]
        if ch in _OPENERS:
            stack.append(i)
        elif ch in _CLOSERS and stack:
            open_at = stack.pop()
            if open_at < pos < i:
                best = (open_at, i + 1) if best is None or open_at > best[0] else best
    return best


def growing_spans(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of ``line`` holding ``line[start:end]``, smallest first: inner clause of a parenthesis, the
    parenthesis, the clause, the clause with its neighbours in the sentence, the sentence, then neighbouring
    sentences, then the line."""
    spans: list[tuple[int, int]] = []
    sentences = sentence_spans(line)
    here = next((i for i, (s, e) in enumerate(sentences) if s <= start and end <= e), None)
    if here is None:
        return [(0, len(line))]
    s_start, s_end = sentences[here]
    group = _paren_group(line, s_start, s_end, start)
    if group is not None:
        inner = _split_commas(line, group[0] + 1, group[1] - 1, 0)
        spans += [(s, e) for s, e in inner if s <= start and end <= e]
        spans.append(group)
    clauses = _split_commas(line, s_start, s_end, 0)
    k = next(i for i, (s, e) in enumerate(clauses) if s <= start and end <= e)
    lo = hi = k
    spans.append(clauses[k])
    while lo > 0 or hi < len(clauses) - 1:
        if lo > 0:
            lo -= 1
            spans.append((clauses[lo][0], clauses[hi][1]))
        if hi < len(clauses) - 1 and (lo == 0 or hi - k < k - lo):
            hi += 1
            spans.append((clauses[lo][0], clauses[hi][1]))
    lo = hi = here
    while lo > 0 or hi < len(sentences) - 1:
        lo, hi = max(lo - 1, 0), min(hi + 1, len(sentences) - 1)
        spans.append((sentences[lo][0], sentences[hi][1]))
    spans.append((0, len(line)))
    return spans


def trim(line: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``line[start:end]`` past bullets, footnote numbers and spaces at its start, and past punctuation,
    footnote markers and unbalanced brackets at its end."""
    text = line[start:end]
    if FOOTNOTE_RE.match(text):
        start += FOOTNOTE_RE.match(text).end()
    m = _LEADING_JUNK.match(line, start, end)
    if m:
        start = m.end()
    while True:
        m = _TRAILING_JUNK.search(line, start, end)
        if m and m.start() > start:
            end = m.start()
        piece = line[start:end]
        if piece.endswith(_CLOSERS) and sum(piece.count(c) for c in _OPENERS) < sum(piece.count(c) for c in _CLOSERS):
            end -= 1
            continue
        if piece.startswith(_OPENERS) and sum(piece.count(c) for c in _OPENERS) > sum(piece.count(c) for c in _CLOSERS):
            start += 1
            continue
        return start, end


def _cut(line: str, start: int, end: int, num_start: int, num_end: int) -> tuple[int, int]:
    """At most :data:`MAX_CHARS` of ``line[start:end]`` around the number, cut at spaces."""
    if end - start <= MAX_CHARS:
        return start, end
    lo = max(start, num_start - _CUT_BEFORE)
    hi = min(end, num_end + _CUT_AFTER)
    if lo > start:
        space = line.find(" ", lo, num_start)
        lo = space + 1 if space != -1 else lo
    if hi < end:
        space = line.rfind(" ", num_end, hi)
        hi = space if space != -1 else hi
    return lo, hi


def words_besides_numbers(text: str) -> int:
    """How many words of ``text`` are not numbers."""
    return len(_WORD_RE.findall(text))


def quote_span(line: str, num_start: int, num_end: int, occurrences) -> tuple[int, int]:
    """``(start, end)`` in ``line`` of the quote of the number ``line[num_start:num_end]``.

    Parameters
    ----------
    line : str
        The line (paragraph) of the number.
    num_start, num_end : int
        Offsets of the number in the line.
    occurrences : callable
        ``occurrences(text)`` → how many times ``text`` occurs in the whole raw text (1 = unique).

    Returns
    -------
    tuple of int
        The quote is ``line[start:end]``; it contains the number.
    """
    chosen = None
    for s, e in growing_spans(line, num_start, num_end):
        s, e = trim(line, s, e)
        if not (s <= num_start and num_end <= e):
            continue
        s, e = _cut(line, s, e, num_start, num_end)
        s, e = trim(line, s, e)
        if not (s <= num_start and num_end <= e):
            continue
        chosen = (s, e)
        if words_besides_numbers(line[s:e]) >= MIN_WORDS and occurrences(line[s:e]) == 1:
            return s, e
    return chosen if chosen is not None else (num_start, num_end)


@dataclass(frozen=True)
class Around:
    """The sentence and the clause (between ``", "`` outside parentheses) of a line that hold an offset."""

    sentence_start: int
    sentence_end: int
    clause_start: int
    clause_end: int


def around(line: str, pos: int) -> Around:
    """The sentence and clause of ``line`` holding offset ``pos`` (the whole line when it lies in none)."""
    for s, e in sentence_spans(line):
        if s <= pos < e:
            for cs, ce in _split_commas(line, s, e, 0):
                if cs <= pos < ce:
                    return Around(s, e, cs, ce)
    return Around(0, len(line), 0, len(line))
