import pytest

from chitieu.data.periods import parse_period


class TestParsePeriod:
    @pytest.mark.parametrize(
        "text,start,end",
        [("2022", 2022, 2022), ("2021-2023", 2021, 2023), ("2023-04", 2023, 2023), ("2020-07/2023-05", 2020, 2023)],
    )
    def test_valid(self, text, start, end):
        p = parse_period(text)
        assert (p.start_year, p.end_year) == (start, end)

    @pytest.mark.parametrize(
        "text", ["2023-2021", "1890", "2023-13", "2023-05/2023-01", "2022-2022", "22", "2021–2023", ""]
    )
    def test_invalid(self, text):
        with pytest.raises(ValueError):
            parse_period(text)
