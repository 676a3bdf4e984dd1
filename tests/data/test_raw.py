"""The raw source is the byte-for-byte copy of the shared report, with a truthful sidecar."""

import json

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
