from chitieu.book import methods
from chitieu.config import PROJ_ROOT as ROOT


class TestFormulaTable:
    def test_every_formula_documents_its_formula(self):
        table = methods.formula_table()
        assert len(table) >= 8
        assert (table["formula"] != "").all(), table[table["formula"] == ""]["name"].tolist()


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
