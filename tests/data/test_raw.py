"""The raw source is the byte-for-byte copy of the shared report, with a truthful sidecar."""

import json
from pathlib import Path

import pytest

from chitieu.config import PROJ_ROOT as ROOT
from chitieu.data.errors import DataError
from chitieu.data.raw import load_raw_sources, sha256_of

RAW = ROOT / "data" / "raw"
SHARED = ROOT.parent / "shared" / "source" / "000_02bb2e3c2bd4877d.txt"


class TestRawSource:
    def test_sidecar_checksum_matches_file(self):
        meta = json.loads((RAW / "bao_cao_so_ket_giua_nhiem_ky_2020_2025.meta.json").read_text(encoding="utf-8"))
        assert sha256_of(RAW / meta["file"]) == meta["sha256"]
        for key in ("title", "issuing_body", "date", "sha256"):
            assert meta[key]

    @pytest.mark.skipif(not SHARED.exists(), reason="shared/ not laid beside this checkout")
    def test_copy_is_byte_identical_to_shared_source(self):
        assert (RAW / "bao_cao_so_ket_giua_nhiem_ky_2020_2025.txt").read_bytes() == SHARED.read_bytes()

    def test_changed_byte_is_refused(self, tmp_path):
        raw = tmp_path / "raw"
        raw.mkdir()
        for f in RAW.iterdir():
            (raw / f.name).write_bytes(f.read_bytes())
        target = raw / "bao_cao_so_ket_giua_nhiem_ky_2020_2025.txt"
        data = bytearray(target.read_bytes())
        data[100] ^= 0x01
        target.write_bytes(bytes(data))
        errors: list[DataError] = []
        assert load_raw_sources(raw, errors) == []
        assert len(errors) == 1 and errors[0].column == "sha256"
        assert "bao_cao_so_ket_giua_nhiem_ky_2020_2025.txt" in errors[0].file


class TestConfinedToDataRaw:
    """A sidecar may only describe a file of data/raw: never /etc/passwd, ../x or a link out."""

    @pytest.fixture
    def raw(self, tmp_path):
        raw = tmp_path / "data" / "raw"
        raw.mkdir(parents=True)
        for f in RAW.iterdir():
            (raw / f.name).write_bytes(f.read_bytes())
        return raw

    def _evil_sidecar(self, raw, file_value: str, sha: str) -> None:
        meta = {"file": file_value, "title": "x", "issuing_body": "x", "date": "2023", "sha256": sha}
        (raw / "evil.meta.json").write_text(json.dumps(meta), encoding="utf-8")

    @pytest.mark.parametrize("name", ["/etc/passwd", "../../etc/passwd", "../raw/x.txt", "sub/x.txt", ".."])
    def test_a_path_is_refused_without_reading_it(self, raw, name):
        outside = raw.parent.parent / "secret.txt"
        outside.write_text("secret", encoding="utf-8")
        self._evil_sidecar(raw, name, sha256_of(Path("/etc/passwd")))
        errors: list[DataError] = []
        sources = load_raw_sources(raw, errors)
        assert [s.path.name for s in sources] == ["bao_cao_so_ket_giua_nhiem_ky_2020_2025.txt"]
        assert len(errors) == 1 and errors[0].column == "file" and errors[0].file == "data/raw/evil.meta.json"
        assert "not a path" in errors[0].expected_en
        rendered = str(errors[0])
        assert sha256_of(Path("/etc/passwd")) not in rendered and "root:" not in rendered

    def test_a_link_out_of_data_raw_is_refused(self, raw):
        outside = raw.parent.parent / "secret.txt"
        outside.write_text("secret", encoding="utf-8")
        (raw / "link.txt").symlink_to(outside)
        self._evil_sidecar(raw, "link.txt", sha256_of(outside))
        errors: list[DataError] = []
        load_raw_sources(raw, errors)
        assert len(errors) == 1 and "leads outside data/raw" in errors[0].expected_en
        assert sha256_of(outside) not in str(errors[0])
