"""The build → chapter channel (:mod:`chitieu.book.context`)."""

from __future__ import annotations

import json
import os

import pytest

from chitieu.book.context import BuildContextError, open_chapter, save_validated, write_build_context
from chitieu.data.load import load_dataset


@pytest.fixture
def built_context(tmp_path, data_copy, ds):
    """A context folder as the build writes it, for chapter 07 with its real scope."""
    folder = tmp_path / "context"
    dataset = load_dataset(data_copy)
    save_validated(dataset, folder / "validated.pkl")
    flags = folder / "audit_flags.json"
    flags.write_text(json.dumps({"poverty_rate.2022": ["a_check"]}), encoding="utf-8")
    path = write_build_context(
        folder, "07_y_te_dan_so", ["y_te_dan_so"], folder / "validated.pkl", flags, tmp_path / "exports" / "07.csv"
    )
    return path, data_copy


class TestWithoutBuild:
    def test_loads_and_validates_everything_and_writes_nothing(self, data_copy, ds):
        ch = open_chapter("07_y_te_dan_so", data_copy)
        assert len(ch.data.observations) == len(ds.observations)
        assert ch.export_csv is None
        assert ch.project_root == data_copy.resolve().parent

    def test_audit_flags_are_evaluated_on_demand(self, data_copy):
        from chitieu.analysis import audit

        ch = open_chapter("13_kiem_tra_so_lieu", data_copy)
        assert ch.audit_flags == audit.failed_obs_ids(audit.run_audit(ch.data))
        assert ch.audit_flags  # the real report has failing checks


class TestFromTheBuild:
    def test_the_chapter_sees_its_scope_and_the_build_flags(self, built_context, ds):
        path, data_dir = built_context
        ch = open_chapter("07_y_te_dan_so", data_dir, path)
        topics = set(ch.data.indicators["chapter"])
        assert "y_te_dan_so" in topics and "kinh_te" in topics  # key indicators of every topic stay
        assert not ch.data.indicators[ch.data.indicators["chapter"] == "kinh_te"]["resolution_no"].isna().any()
        assert len(ch.data.observations) < len(ds.observations)
        assert ch.audit_flags == {"poverty_rate.2022": ["a_check"]}
        assert ch.export_csv.resolve() == (path.parent.parent / "exports" / "07.csv").resolve()

    def test_paths_are_stored_relative(self, built_context):
        path, _ = built_context
        spec = json.loads(path.read_text(encoding="utf-8"))
        assert not any(os.path.isabs(spec[k]) for k in ("validated", "audit_flags", "export_csv"))

    def test_a_context_for_another_chapter_is_refused(self, built_context):
        path, data_dir = built_context
        with pytest.raises(BuildContextError, match="written for '07_y_te_dan_so', not '02_kinh_te'"):
            open_chapter("02_kinh_te", data_dir, path)

    def test_a_missing_context_file_is_refused(self, tmp_path, data_copy):
        with pytest.raises(BuildContextError, match="nothing.json"):
            open_chapter("07_y_te_dan_so", data_copy, tmp_path / "nothing.json")

    def test_data_changed_after_validation_is_validated_again(self, built_context):
        path, data_dir = built_context
        obs = data_dir / "observations.csv"
        text = obs.read_text(encoding="utf-8")
        assert text.count("7943,") == 1
        obs.write_text(text.replace("7943,", "7944,"), encoding="utf-8")
        from chitieu.data.errors import DataValidationError

        # The edit breaks the value-in-quote rule: a stale pickle would hide it, a fresh validation reports it.
        with pytest.raises(DataValidationError):
            open_chapter("07_y_te_dan_so", data_dir, path)
