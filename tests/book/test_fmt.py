"""Display texts (:mod:`chitieu.book.fmt`)."""

from chitieu.book import fmt


class TestFormatPercent:
    def test_vietnamese_decimal(self):
        assert fmt.format_percent(14.452) == "14,5%"
        assert fmt.format_percent(79.79, 0) == "80%"


class TestLowerFirst:
    def test_words_and_abbreviations(self):
        assert fmt.lower_first("Chi bộ") == "chi bộ"
        assert fmt.lower_first("Văn bản") == "văn bản"
        assert fmt.lower_first("UBKT") == "UBKT"
        assert fmt.lower_first("") == ""
