"""The chapters' content keys (:func:`chitieu.build.pipeline._plan_chapters`): what makes a chapter run again."""

import shutil

from chitieu.book.registry import load_registry
from chitieu.build.pipeline import _plan_chapters
from chitieu.config import PROJ_ROOT as ROOT

PARAMETERS = {"report_year": 2023, "data_dir": "../data"}


def test_every_file_the_package_ships_keys_every_chapter(tmp_path, ds):
    """A change to the charts' measuring font (or a template) changes how chapters draw: all run again."""
    root = tmp_path / "root"
    root.mkdir()
    shutil.copytree(ROOT / "src", root / "src", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("notebooks", "data", "requirements.lock", "_toc.yml"):
        (root / name).symlink_to(ROOT / name)
    registry = load_registry(ROOT)
    before = _plan_chapters(root, ds, registry, PARAMETERS)
    assert before == _plan_chapters(root, ds, registry, PARAMETERS)
    for shipped in ("chitieu/book/charts/fonts/ChitieuChartSans-Regular.ttf", "chitieu/book/templates"):
        path = root / "src" / shipped
        path = next(path.glob("*.html")) if path.is_dir() else path
        path.write_bytes(path.read_bytes() + b"\0")
        after = _plan_chapters(root, ds, registry, PARAMETERS)
        assert set(after) == set(before) and all(after[n] != before[n] for n in before), shipped
        before = after
