"""chitieu.analysis.extract.suggest: names, earlier quotes, units, and the leave-one-out exclusion."""

from __future__ import annotations

from decimal import Decimal

from chitieu.analysis.extract.suggest import (
    DENOMINATOR,
    NUMERATOR,
    build_index,
    features,
    number_role,
    section_of,
)

INDICATORS = [  # SYNTHETIC catalogue of four indicators
    {
        "indicator_id": "poverty_rate",
        "chapter": "van_hoa_xa_hoi",
        "name_vi": "Tỷ lệ hộ nghèo",
        "unit": "percent",
        "description_vi": "Tỷ lệ hộ nghèo theo chuẩn đa chiều.",
    },
    {
        "indicator_id": "poor_households",
        "chapter": "van_hoa_xa_hoi",
        "name_vi": "Số hộ nghèo",
        "unit": "households",
        "description_vi": "Số hộ nghèo.",
    },
    {
        "indicator_id": "schools_total",
        "chapter": "giao_duc",
        "name_vi": "Tổng số trường học",
        "unit": "count",
        "description_vi": "Tổng số trường.",
    },
    {
        "indicator_id": "schools_standard",
        "chapter": "giao_duc",
        "name_vi": "Số trường đạt chuẩn quốc gia",
        "unit": "count",
        "description_vi": "Số trường đạt chuẩn quốc gia.",
    },
]


def top(index, text: str, units=None, place=None) -> list[str]:
    return [iid for iid, _ in index.suggest(index.query([(text, 1.0)]), units, place=place)]


class TestFeatures:
    def test_syllables_and_pairs_within_a_phrase(self):
        assert set(features("hộ nghèo, trường")) == {"hộ", "nghèo", "hộ nghèo", "trường"}


class TestSuggest:
    def test_name_match_and_unit_filter(self):
        index = build_index(INDICATORS, [], ["dòng"])
        assert top(index, "tỷ lệ hộ nghèo giảm còn")[0] == "poverty_rate"
        assert top(index, "tỷ lệ hộ nghèo giảm còn", frozenset({"households"})) == ["poor_households"]

    def test_confidence_is_between_0_and_1_and_blank_when_nothing_fits(self):
        index = build_index(INDICATORS, [], ["dòng"])
        for _, confidence in index.suggest(index.query([("hộ nghèo", 1.0)]), None):
            assert 0 < confidence <= 1
        assert index.suggest(index.query([("xyz", 1.0)]), None) == []

    def test_an_earlier_quote_helps_and_is_left_out_at_its_own_place(self):
        lines = ["Toàn thị xã có 38 cơ sở giáo dục công lập", "năm sau có 40 cơ sở giáo dục công lập"]
        quoted = [("schools_total", "có 38 cơ sở giáo dục công lập", "P1:B", (Decimal(38),))]
        index = build_index(INDICATORS, quoted, lines)
        query = "cơ sở giáo dục công lập"
        assert top(index, query)[0] == "schools_total"
        # The candidate at the quote's own place (line 1, offset of 38) may not use it: only names are left,
        # and no name speaks of "cơ sở giáo dục công lập".
        assert "schools_total" not in top(index, query, place=(1, lines[0].index("38")))
        # Elsewhere (line 2) the earlier quote is used.
        assert top(index, query, place=(2, lines[1].index("40")))[0] == "schools_total"

    def test_part_of_a_whole_tells_total_from_part(self):
        lines = ["năm 2022 là 28/38 trường"]
        quote = "năm 2022 là 28/38 trường"
        quoted = [
            ("schools_standard", quote, "P1:B", (Decimal(28),)),
            ("schools_total", quote, "P1:B", (Decimal(38),)),
        ]
        index = build_index(INDICATORS, quoted, lines)
        for role, expected in ((DENOMINATOR, "schools_total"), (NUMERATOR, "schools_standard")):
            query = index.query([("là trường", 1.0)])
            query[role] = 3.0
            assert index.suggest(query, None)[0][0] == expected


class TestHelpers:
    def test_number_role(self):
        text = "là 28/38 trường"
        assert number_role(text, 3, 5) == NUMERATOR and number_role(text, 6, 8) == DENOMINATOR
        assert number_role("có 38 trường", 3, 5) is None

    def test_section_of(self):
        assert section_of("P1:B.II:(12):fn1") == "P1:B.II" and section_of("P2:intro") == "P2:intro"
