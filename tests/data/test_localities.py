"""chitieu.data.localities: spellings, slugs and reading localities.csv."""

from __future__ import annotations

import pytest

from chitieu import config
from chitieu.data.errors import DataValidationError
from chitieu.data.localities import fold, make_localities, read_localities


class TestFold:
    def test_ascii_snake_case(self):
        assert fold("Hương Chữ") == "huong_chu" and fold("Tứ Hạ") == "tu_ha" and fold("Đông Toàn") == "dong_toan"

    def test_circumflex_doubles(self):
        assert fold("Hương Vân", circumflex_doubles=True) == "huong_vaan"


class TestLocalities:
    def test_real_file_slugs_match_the_curated_ids(self):
        places = read_localities(config.DATA_DIR)
        assert places.slugs["Hương Văn"] == "huong_van" and places.slugs["Hương Vân"] == "huong_vaan"
        assert places.by_variant["Hương Chũ"] == "Hương Chữ"

    def test_whole_words_only(self):
        places = make_localities([("Tứ Hạ", "Tứ Hạ")])
        assert places.named_in("Tứ Hạ 2") == ["Tứ Hạ"] and places.named_in("Tứ Hạxyz") == []

    def test_missing_column_is_refused(self, tmp_path):
        data = tmp_path / "data"
        data.mkdir()
        (data / "localities.csv").write_text("locality,kind\nTứ Hạ,phường\n", encoding="utf-8")
        with pytest.raises(DataValidationError) as info:
            read_localities(data)
        assert [(e.file, e.row, e.column) for e in info.value.errors] == [("data/localities.csv", 1, "variant")]

    def test_absent_file_means_no_locality(self, tmp_path):
        assert read_localities(tmp_path).named_in("Tứ Hạ") == []
