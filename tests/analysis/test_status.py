import pytest

from chitieu.analysis.status import assess


class TestAssess:
    @pytest.mark.parametrize(
        "value,qualifier,kind,low,high,hib,expected",
        [
            (8.3, "exact", "between", 8, 10, True, "met"),  # investment growth vs 8-10%
            (13.7, "exact", "between", 14, 15, True, "nearly_met"),  # 0.3 short of 14: 2.1% < 5%
            (8.5, "exact", "between", 13, 15, True, "not_met"),
            (1.81, "exact", "between", 2, 2.2, False, "met"),  # poverty: lower is better
            (2.3, "exact", "between", 2, 2.2, False, "nearly_met"),
            (93, "more_than", "at_least", 93, None, True, "met"),
            (93, "nearly", "at_least", 93, None, True, "nearly_met"),
            (99.9, "exact", "at_least", 100, None, True, "nearly_met"),
            (81.6, "exact", "at_least", 90, None, True, "not_met"),
            (5, "exact", "at_most", None, 4, False, "not_met"),
            (3, "exact", "between", 2, 4, None, "met"),
            (5, "exact", "between", 2, 4, None, "not_met"),
            (100, "exact", "equals", 100, 100, True, "met"),
        ],
    )
    def test_rule(self, value, qualifier, kind, low, high, hib, expected):
        assert assess(value, qualifier, kind, low, high, hib).code == expected

    def test_no_target_and_no_data(self):
        assert assess(5, "exact", None, None, None, True).code == "no_target"
        assert assess(None, "exact", "at_least", 1, None, True).code == "no_data"

    def test_label_has_icon_and_word(self):
        assert assess(8.3, "exact", "between", 8, 10, True).label == "✔ Đạt"

    def test_unknown_kind(self):
        with pytest.raises(ValueError):
            assess(1, "exact", "around", 1, 1, True)


class TestStatusWord:
    def test_lower_case_word(self):
        from chitieu.analysis.status import status_word

        assert status_word("met") == "đạt" and status_word("nearly_met") == "gần đạt"

    def test_unknown_code(self):
        import pytest

        from chitieu.analysis.status import status_word

        with pytest.raises(KeyError):
            status_word("unknown")


class TestBindingBoundsAndReportWords:
    @pytest.mark.parametrize(
        "kind,low,high,hib,expected",
        [
            ("at_least", 90, None, True, [(90, True)]),
            ("at_most", None, 5, False, [(5, False)]),
            ("between", 55, 60, True, [(55, True)]),
            ("between", 2, 2.2, False, [(2.2, False)]),
            ("between", 10, 20, None, [(10, True), (20, False)]),  # neutral: both bounds bind
            ("equals", 2, 2, None, [(2, True), (2, False)]),
        ],
    )
    def test_binding_bounds(self, kind, low, high, hib, expected):
        from chitieu.analysis.status import binding_bounds

        assert binding_bounds(kind, low, high, hib) == expected

    def test_report_words_are_the_status_words(self):
        from chitieu.analysis.status import REPORT_STATUS_VI, status_word

        expected = {"met": "đạt", "nearly_met": "gần đạt", "not_met": "chưa đạt", "unknown": "không rõ"}
        assert expected == REPORT_STATUS_VI
        assert all(REPORT_STATUS_VI[code] == status_word(code) for code in ("met", "nearly_met", "not_met"))
