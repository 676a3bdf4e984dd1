import pytest

from chitieu.book import methods
from chitieu.config import PROJ_ROOT as ROOT
from chitieu.data import contract


class TestFormulaTable:
    def test_every_formula_documents_its_formula(self):
        table = methods.formula_table()
        assert len(table) >= 8
        assert (table["formula"] != "").all(), table[table["formula"] == ""]["name"].tolist()

    def test_the_table_is_vietnamese_without_markup(self):
        table = methods.formula_table()
        for text in list(table["purpose"]) + list(table["formula"]):
            assert "`" not in text and ":func:" not in text, text
        english = ("Growth", "Average", "percent", "needed", "observed", "pace", "total /", "Fewest", "How many")
        assert not [t for t in table["purpose"] if any(w in t for w in english)]
        marks = "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
        assert all(any(c in t for c in marks) for t in table["purpose"])

    def test_a_formula_without_vietnamese_is_refused(self, monkeypatch):
        monkeypatch.delitem(methods.FORMULAS_VI, "share")
        with pytest.raises(KeyError, match="share"):
            methods.formula_table()


class TestInputChecksums:
    def test_raw_checksum_matches_sidecar(self):
        table = methods.input_checksums(ROOT / "data").set_index("file")
        raw = "data/raw/bao_cao_so_ket_giua_nhiem_ky_2020_2025.txt"
        assert table.loc[raw, "sha256"] == "329bb5ef323e7be1a1ec89ba43b81e5d120edaa46d7c0715dc2e23e0ad754da5"
        assert not any("staging" in f for f in table.index)


class TestEnvironment:
    def test_versions_are_those_installed(self):
        table = methods.environment_table().set_index("package")
        assert table.loc["jupyter-book", "version"].startswith("1.")


class TestContractTables:
    """The chapter's contract tables are read from the schemas (data/schema)."""

    def test_contract_table_lists_the_columns_of_each_schema(self):
        table = methods.contract_table()
        assert list(table["file"]) == [contract.load().resources[n].path for n in methods.CONTRACT_TABLES]
        for file, columns in zip(table["file"], table["columns"]):
            assert columns == ", ".join(contract.columns(file.removesuffix(".csv")))

    def test_enum_table_gives_every_code_its_label(self):
        table = methods.enum_table()
        for name, column in methods.ENUM_COLUMNS:
            rows = table[table["column"] == column]
            assert list(rows["value"]) == list(contract.enum(name, column))
            assert all(rows["label"]), column  # a code that reads as nothing still says what it means
        kinds = table[table["column"] == "kind"].set_index("value")["label"]
        assert kinds["at_least"] == contract.TARGET_KINDS["at_least"] != "at_least"
        assert table.set_index(["column", "value"]).loc[("unit", "count"), "label"] == "(số đếm)"
