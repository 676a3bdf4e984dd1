"""chitieu.analysis.extract.clauses: the quote chosen for a number of a real line."""

from __future__ import annotations

from chitieu.analysis.extract.clauses import around, quote_span, sentence_spans, trim


def quote_of(line: str, number: str, text: str, occurrence: int = 0) -> str:
    start = -1
    for _ in range(occurrence + 1):
        start = line.index(number, start + 1)
    s, e = quote_span(line, start, start + len(number), text.count)
    return line[s:e]


class TestSentenceSpans:
    def test_full_stops_between_digits_group_thousands(self):
        line = "đạt 7.943 tỷ đồng. Năm 2023 ước 51; còn lại"
        assert [line[s:e] for s, e in sentence_spans(line)] == ["đạt 7.943 tỷ đồng", " Năm 2023 ước 51", " còn lại"]

    def test_no_sentence_ends_inside_parentheses(self):
        line = "gồm (a; b. c) và d"
        assert [line[s:e] for s, e in sentence_spans(line)] == [line]


class TestQuoteSpan:
    def test_a_clause_too_short_takes_the_clause_before(self, report, report_line):
        line = report_line("là 28/38 trường, đạt 73,68%")
        quote = quote_of(line, "73,68", report)
        assert quote == "Tỷ lệ trường đạt chuẩn quốc gia năm 2022 là 28/38 trường, đạt 73,68%"
        assert report.count(quote) == 1

    def test_a_parenthesis_is_read_with_its_clause(self, report, report_line):
        line = report_line("đạt 100% (04/04 xã)")
        quote = quote_of(line, "04", report)
        assert "(04/04 xã)" in quote and "đến cuối năm 2023" in quote

    def test_quote_is_unique_and_verbatim_for_every_statistic(self, report):
        from chitieu.analysis.extract.candidates import build_candidates
        from chitieu.analysis.extract.periods import ReportYears
        from chitieu.data.localities import make_localities

        candidates = build_candidates(report, ReportYears(2023, 2020, 2025), make_localities([]), None)
        lines = report.split("\n")
        assert len(candidates) > 300
        for c in candidates:
            line = lines[c.line - 1]
            assert line[c.quote_start : c.quote_start + len(c.source_quote)] == c.source_quote
            assert c.quote_start <= c.start and c.end <= c.quote_start + len(c.source_quote)
            assert "\n" not in c.source_quote and len(c.source_quote) <= 160
        repeated = [c for c in candidates if report.count(c.source_quote) > 1]
        assert len(repeated) <= 0.02 * len(candidates), [c.source_quote for c in repeated]

    def test_footnote_number_bullet_and_item_number_are_trimmed(self):
        for line, expected in (
            ("¹ Gồm: 12 HTX nông nghiệp truyền thống", "Gồm: 12 HTX nông nghiệp truyền thống"),
            ("- Hàng năm có 80% đạt.", "Hàng năm có 80% đạt"),
            ("(14) Hàng năm có trên 80% TCCS đảng¹.", "Hàng năm có trên 80% TCCS đảng"),
        ):
            s, e = trim(line, 0, len(line))
            assert line[s:e] == expected


class TestAround:
    def test_clause_and_sentence(self):
        line = "Năm 2022 đạt 5, tăng 3; năm 2023 đạt 6"
        where = around(line, line.index("3;"))
        assert line[where.clause_start : where.clause_end] == " tăng 3"
        assert line[where.sentence_start : where.sentence_end] == "Năm 2022 đạt 5, tăng 3"
