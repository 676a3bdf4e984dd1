from decimal import Decimal

import pytest

from chitieu.data.vnnum import (
    decimals_in,
    find_numbers,
    format_percent,
    format_vn,
    parse_machine_number,
    parse_vn_number,
)


class TestParseVnNumber:
    @pytest.mark.parametrize(
        "text,expected",
        [
            ("7.943", "7943"),
            ("206,472", "206.472"),
            ("13,7", "13.7"),
            ("03", "3"),
            ("18.290,7", "18290.7"),
            ("2.333", "2333"),
            ("1.234.567", "1234567"),
            ("1,0", "1.0"),
        ],
    )
    def test_reads_the_vietnamese_way(self, text, expected):
        assert parse_vn_number(text) == Decimal(expected)

    @pytest.mark.parametrize("text", ["7.94", "1,234.5", "abc", "", "12.3456"])
    def test_refuses_other_notations(self, text):
        with pytest.raises(ValueError):
            parse_vn_number(text)


class TestFindNumbers:
    def test_numbers_glued_to_units_and_ranges(self):
        found = [(m.text, m.value) for m in find_numbers("gần 2.333ha rừng; 17,33ha; 14-15%; 200-300kg/ngày")]
        assert found == [
            ("2.333", Decimal(2333)),
            ("17,33", Decimal("17.33")),
            ("14", 14),
            ("15", 15),
            ("200", 200),
            ("300", 300),
        ]

    def test_superscript_footnote_markers_are_not_numbers(self):
        assert [m.text for m in find_numbers("đạt 13,7%/năm², tăng¹")] == ["13,7"]

    def test_positions_point_at_the_text(self):
        text = "thị xã thu 206,472 tỷ đồng"
        (m,) = find_numbers(text)
        assert text[m.start : m.end] == "206,472"


class TestParseMachineNumber:
    def test_accepts_point_decimal(self):
        assert parse_machine_number("-12.5") == Decimal("-12.5")

    @pytest.mark.parametrize("text", ["13,7", "1 234", "7,943.5", "", "1e3", "abc"])
    def test_refuses_anything_else(self, text):
        with pytest.raises(ValueError):
            parse_machine_number(text)

    def test_decimals_in(self):
        assert decimals_in("81.60") == 2 and decimals_in("7943") == 0


class TestFormatVn:
    def test_thousands_dot_decimal_comma(self):
        assert format_vn(1234.5, 1) == "1.234,5"
        assert format_vn(24071.05, 1) == "24.071,1"  # half rounds away from zero, once

    def test_keeps_requested_decimals(self):
        assert format_vn(81.6, 2) == "81,60" and format_vn(7943) == "7.943"

    def test_refuses_missing_values(self):
        with pytest.raises(ValueError):
            format_vn(float("nan"))

    def test_percent(self):
        assert format_percent(13.7) == "13,7%"
