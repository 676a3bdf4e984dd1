"""Which indicator a candidate is: the indicator whose name and earlier quotes best match its clause.

Texts are bags of Vietnamese syllables and of pairs of neighbouring syllables (``hộ nghèo``, ``trường học``).
A candidate's *query* weighs the words that belong to its number alone most (the clause from the number before
it to the number after it), then its clause, its quote, its sentence and its heading (:data:`QUERY_WEIGHTS`,
applied by :mod:`.candidates`). Each indicator is scored with Okapi BM25 — for each query term,
``weight × idf × tf (k1 + 1) / (tf + k1 (1 − b + b · length / mean length))`` summed — against its name (with its
description at half weight) and against each earlier quote of it (times :data:`QUOTE_WEIGHT`); its score is the
best of these, times ``1 + CHAPTER_BONUS × share`` of its chapter among the other figures of the candidate's
section. Indicators whose unit does not agree with the unit written next to the number
(:mod:`chitieu.analysis.extract.units`) are left out. The confidence is the score divided by the score of a
document of mean length holding every query term once (1: everything matched), capped at 1.

For evaluation the index leaves out every earlier quote lying at the candidate's place in the text
(:meth:`IndicatorIndex.suggest` with ``place``): a row's own quote is then never used to suggest its indicator.
BM25's parameters and the weights were chosen on the curated report with that leave-one-out measure
(``make candidates-eval``).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from chitieu.data.vnnum import find_numbers

_SYLLABLE_RE = re.compile(r"[^\W\d_]+")
_PHRASE_SPLIT_RE = re.compile(r"[,;:.()“”\"'/\-–]+")
_SENTENCE_SPLIT_RE = re.compile(r"[;.](?:\s|$)")

K1 = 1.2
B = 0.75
DESCRIPTION_WEIGHT = 0.5
"""Weight of the words of an indicator's description beside those of its name."""
QUOTE_WEIGHT = 0.4
"""An earlier quote's score counts this much beside the name's."""
CHAPTER_BONUS = 0.5
MIN_CONFIDENCE = 0.05
"""Below this confidence nothing fits: the suggestion stays blank."""

QUERY_WEIGHTS = {"own": 3.0, "clause": 1.0, "quote": 0.5, "sentence": 0.3, "heading": 0.2}
"""Weight of each part of a candidate's text in its query."""


def features(text: str) -> Counter:
    """Syllables and neighbouring-syllable pairs of ``text`` (lower case, NFC), counted.

    Examples
    --------
    >>> sorted(features("Tỷ lệ hộ nghèo"))
    ['hộ', 'hộ nghèo', 'lệ', 'lệ hộ', 'nghèo', 'tỷ', 'tỷ lệ']
    """
    out: Counter = Counter()
    for phrase in _PHRASE_SPLIT_RE.split(unicodedata.normalize("NFC", text).lower()):
        syllables = _SYLLABLE_RE.findall(phrase)
        out.update(syllables)
        out.update(f"{a} {b}" for a, b in zip(syllables, syllables[1:]))
    return out


@dataclass(frozen=True)
class Doc:
    """Terms of a document (name or quote) with their frequencies, and its length."""

    terms: dict[str, float]
    length: float


def _doc(weighted: list[tuple[str, float]]) -> Doc:
    terms: dict[str, float] = defaultdict(float)
    for text, weight in weighted:
        for term, count in features(text).items():
            terms[term] += weight * count
    return Doc(dict(terms), sum(terms.values()))


@dataclass(frozen=True)
class Quoted:
    """An earlier quote of an indicator, the section it was quoted from and where it lies in the text being
    read (``(line, start, end)`` of each occurrence)."""

    indicator_id: str
    doc: Doc
    section: str
    places: tuple[tuple[int, int, int], ...]


class _Postings:
    """Documents as an inverted index: for each term, the documents holding it and how often, with each
    document's BM25 length norm (``k1 (1 − b + b · length / mean length)``)."""

    def __init__(self, docs: list[Doc]):
        mean = sum(d.length for d in docs) / len(docs) if docs else 1.0
        self.norms = [K1 * (1 - B + B * d.length / mean) for d in docs]
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, doc in enumerate(docs):
            for term, tf in doc.terms.items():
                self.postings[term].append((i, tf))

    def scores(self, query: dict[str, float], idf) -> dict[int, float]:
        """BM25 score of every document holding a query term."""
        out: dict[int, float] = defaultdict(float)
        for term, weight in query.items():
            postings = self.postings.get(term)
            if not postings:
                continue
            w = weight * idf(term) * (K1 + 1)
            for i, tf in postings:
                out[i] += w * tf / (tf + self.norms[i])
        return out


@dataclass
class IndicatorIndex:
    """Indicators, their names and their earlier quotes. Build it with :func:`build_index`."""

    units: dict[str, str]
    chapters: dict[str, str]
    names_vi: dict[str, str]
    idf: dict[str, float]
    default_idf: float
    names: dict[str, Doc]
    quotes: list[Quoted] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._ids = list(self.names)
        self._name_postings = _Postings([self.names[i] for i in self._ids])
        self._quote_postings: _Postings | None = None

    def _term_idf(self, term: str) -> float:
        return self.idf.get(term, self.default_idf)

    def query(self, weighted: list[tuple[str, float]]) -> dict[str, float]:
        """A candidate's query: each term of each text, present or not (not counted), times the text's weight."""
        out: dict[str, float] = defaultdict(float)
        for text, weight in weighted:
            for term in features(text):
                out[term] += weight
        return dict(out)

    def suggest(
        self,
        query: dict[str, float],
        units: frozenset[str] | None,
        section: str = "",
        place: tuple[int, int] | None = None,
        top: int = 2,
    ) -> list[tuple[str, float]]:
        """The ``top`` best indicators for a candidate, best first, with their confidence (0–1, 2 digits).

        Parameters
        ----------
        query : dict
            The candidate's query (:meth:`query`).
        units : frozenset of str or None
            The units the written unit agrees with (None: any).
        section : str
            The candidate's section (``P1:B.III.5``), for the chapter bonus.
        place : tuple of int, optional
            ``(line, offset)`` of the candidate's number: earlier quotes lying over it are left out
            (leave-one-out evaluation).
        """
        if not query:
            return []
        if self._quote_postings is None:
            self._quote_postings = _Postings([q.doc for q in self.quotes])
        best = {
            self._ids[i]: s
            for i, s in self._name_postings.scores(query, self._term_idf).items()
            if units is None or self.units[self._ids[i]] in units
        }
        excluded = set()
        if place is not None:
            excluded = {
                i
                for i, q in enumerate(self.quotes)
                if any(ln == place[0] and s <= place[1] < e for ln, s, e in q.places)
            }
        for i, score in self._quote_postings.scores(query, self._term_idf).items():
            iid = self.quotes[i].indicator_id
            if i not in excluded and (units is None or self.units[iid] in units):
                best[iid] = max(best.get(iid, 0.0), QUOTE_WEIGHT * score)
        around = Counter(
            self.chapters[q.indicator_id]
            for i, q in enumerate(self.quotes)
            if section and q.section == section and i not in excluded
        )
        total = sum(around.values())
        ideal = sum(w * self._term_idf(t) for t, w in query.items())
        scored = []
        for iid, score in best.items():
            share = around.get(self.chapters[iid], 0) / total if total else 0.0
            scored.append((iid, score * (1 + CHAPTER_BONUS * share) / ideal if ideal else 0.0))
        scored.sort(key=lambda pair: (-pair[1], pair[0]))
        return [(iid, round(min(conf, 1.0), 2)) for iid, conf in scored[:top] if conf >= MIN_CONFIDENCE]


NUMERATOR = "#tử_số"
DENOMINATOR = "#mẫu_số"
"""Terms for a number's place in a part of a whole (``28/38``): earlier quotes know which of the two their
indicator was, so a total (38) and its part (28) quoted alike are told apart."""


def number_role(text: str, start: int, end: int) -> str | None:
    """:data:`NUMERATOR` for the ``28`` of ``28/38``, :data:`DENOMINATOR` for the ``38``, else None."""
    before, after = text[:start].rstrip(), text[end:].lstrip()
    if before.endswith("/") and before[:-1].rstrip()[-1:].isdigit():
        return DENOMINATOR
    if after.startswith("/") and after[1:].lstrip()[:1].isdigit():
        return NUMERATOR
    return None


def section_of(ref: str) -> str:
    """A source_ref without its item and footnote (``P1:B.II:(12):fn1`` → ``P1:B.II``)."""
    return ":".join(ref.split(":")[:2])


def build_index(indicators, quoted, lines: list[str]) -> IndicatorIndex:
    """Index the indicators and the earlier quotes of each.

    Parameters
    ----------
    indicators : iterable of dict
        Rows of ``indicators.csv`` (``indicator_id``, ``chapter``, ``name_vi``, ``unit``, ``description_vi``).
    quoted : iterable of (str, str, str, tuple of Decimal)
        ``(indicator_id, source_quote, source_ref, values)`` of every observation (its value) and target (its
        bounds).
    lines : list of str
        The text candidates are read from, to know where each earlier quote lies in it.
    """
    rows = list(indicators)
    names = {
        r["indicator_id"]: _doc([(r["name_vi"], 1.0), (r.get("description_vi") or "", DESCRIPTION_WEIGHT)])
        for r in rows
    }
    # Document frequencies over the names and over the sentences of the text being read: words every figure
    # of the report is written with (năm, đạt, ước thực hiện) then weigh little, whatever the names say.
    df: Counter = Counter()
    for doc in names.values():
        df.update(doc.terms.keys())
    sentences = [s for line in lines for s in _SENTENCE_SPLIT_RE.split(line) if s.strip()]
    for sentence in sentences:
        df.update(features(sentence).keys())
    n = len(names) + len(sentences)
    index = IndicatorIndex(
        units={r["indicator_id"]: r["unit"] for r in rows},
        chapters={r["indicator_id"]: r["chapter"] for r in rows},
        names_vi={r["indicator_id"]: r["name_vi"] for r in rows},
        idf={term: math.log(1 + (n - count + 0.5) / (count + 0.5)) for term, count in df.items()},
        default_idf=math.log(1 + (n + 0.5) / 0.5),
        names=names,
    )
    seen: set[tuple[str, str]] = set()
    for iid, quote, ref, values in quoted:
        if not quote or iid not in index.units or (iid, quote) in seen:
            continue
        seen.add((iid, quote))
        doc = _doc([(quote, 1.0)])
        for role in {number_role(quote, n.start, n.end) for n in find_numbers(quote) if n.value in values} - {None}:
            doc.terms[role] = 1.0
        places = tuple(
            (line_no, pos, pos + len(quote))
            for line_no, line in enumerate(lines, start=1)
            for pos in _find_all(line, quote)
        )
        index.quotes.append(Quoted(iid, doc, section_of(ref), places))
    return index


def _find_all(line: str, part: str):
    pos = line.find(part)
    while pos != -1:
        yield pos
        pos = line.find(part, pos + 1)
