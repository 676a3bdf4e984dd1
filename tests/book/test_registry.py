"""The chapter registry (:mod:`chitieu.book.registry`) on the real book, and on broken copies of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chitieu.book.registry import RegistryError, front_matter, load_registry
from chitieu.config import PROJ_ROOT as ROOT
from chitieu.data.contract import TOPICS


@pytest.fixture
def book_copy(tmp_path) -> Path:
    """``_toc.yml`` and the chapter sources, copied (nothing else is needed to read the registry)."""
    shutil.copy2(ROOT / "_toc.yml", tmp_path / "_toc.yml")
    (tmp_path / "notebooks").mkdir()
    for src in (ROOT / "notebooks").glob("*.md"):
        shutil.copy2(src, tmp_path / "notebooks" / src.name)
    return tmp_path


class TestRealBook:
    def test_every_chapter_is_listed_once_in_book_order(self):
        registry = load_registry(ROOT)
        names = [c.name for c in registry]
        assert names == sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.md"))
        assert len(set(names)) == len(names) == 21

    def test_every_chapter_declares_its_scope(self):
        for chapter in load_registry(ROOT):
            declared = front_matter(chapter.source)["chitieu"]["scope"]
            assert declared == "all" or (isinstance(declared, list) and declared), chapter.name

    def test_numbers_follow_the_site(self):
        registry = load_registry(ROOT)
        assert registry.named("00_gioi_thieu").number is None
        assert [c.number for c in registry][1:] == list(range(1, 21))
        # A chapter's file starts with its number: NN_name.md is chapter NN.
        assert all(int(c.name[:2]) == c.number for c in registry if c.number)
        assert registry.named("13_kiem_tra_so_lieu").part == "Kiểm tra và phương pháp"
        assert {c.part for c in registry.all_with_role("report_text")} == {"Văn bản báo cáo"}

    def test_the_report_text_role_is_repeatable_and_ordered(self):
        registry = load_registry(ROOT)
        pages = registry.all_with_role("report_text")
        assert len(pages) >= 2 and pages[0].starts_at is None and all(p.starts_at for p in pages[1:])
        assert [p.name for p in pages] == sorted(p.name for p in pages)

    def test_roles_and_topics(self):
        registry = load_registry(ROOT)
        assert registry.with_role("audit").name == "13_kiem_tra_so_lieu"
        # Chapter 13 sends the reader to "the next chapter" for the rest of the audit.
        assert registry.with_role("audit_appendix").number == registry.with_role("audit").number + 1
        assert registry.with_role("key_indicators").name == "01_chi_tieu_chu_yeu"
        pages = registry.topic_pages()
        assert pages["y_te_dan_so"].page == "07_y_te_dan_so.html"
        assert pages["y_te_dan_so"].title == "Y tế và dân số"
        registry.check_topics(set(TOPICS))  # every topic has a page, every scope is known


class TestRefusals:
    def test_starts_at_only_on_a_report_page(self, book_copy):
        path = book_copy / "notebooks" / "07_y_te_dan_so.md"
        path.write_text(
            path.read_text(encoding="utf-8").replace(
                "  scope: [y_te_dan_so]\n", "  scope: [y_te_dan_so]\n  starts_at: P1:B\n"
            ),
            encoding="utf-8",
        )
        with pytest.raises(RegistryError, match=r"07_y_te_dan_so\.md: `starts_at`"):
            load_registry(book_copy)

    def test_a_chapter_without_a_scope(self, book_copy):
        path = book_copy / "notebooks" / "07_y_te_dan_so.md"
        path.write_text(path.read_text(encoding="utf-8").replace("  scope: [y_te_dan_so]\n", ""), encoding="utf-8")
        with pytest.raises(RegistryError, match=r"notebooks/07_y_te_dan_so\.md: .*scope"):
            load_registry(book_copy)

    def test_an_empty_or_misspelt_scope(self, book_copy):
        path = book_copy / "notebooks" / "07_y_te_dan_so.md"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("scope: [y_te_dan_so]", "scope: []"), encoding="utf-8")
        with pytest.raises(RegistryError, match="non-empty list"):
            load_registry(book_copy)
        path.write_text(text.replace("scope: [y_te_dan_so]", "scope: [y_te]"), encoding="utf-8")
        with pytest.raises(RegistryError, match=r"unknown topic.*y_te"):
            load_registry(book_copy).check_topics(set(TOPICS))

    def test_a_chapter_missing_from_the_contents(self, book_copy):
        shutil.copy2(book_copy / "notebooks" / "07_y_te_dan_so.md", book_copy / "notebooks" / "15_moi.md")
        with pytest.raises(RegistryError, match=r"notebooks/15_moi\.md is not in _toc\.yml"):
            load_registry(book_copy)

    def test_a_contents_line_without_its_chapter(self, book_copy):
        (book_copy / "notebooks" / "07_y_te_dan_so.md").unlink()
        with pytest.raises(RegistryError, match="07_y_te_dan_so"):
            load_registry(book_copy)

    def test_a_role_claimed_twice(self, book_copy):
        path = book_copy / "notebooks" / "15_phuong_phap.md"
        path.write_text(path.read_text(encoding="utf-8").replace("  scope: all\n", "  scope: all\n  role: audit\n", 1))
        with pytest.raises(RegistryError, match="role 'audit' is claimed by both"):
            load_registry(book_copy)

    def test_an_unknown_key(self, book_copy):
        path = book_copy / "notebooks" / "15_phuong_phap.md"
        path.write_text(path.read_text(encoding="utf-8").replace("  scope: all\n", "  scope: all\n  scpoe: x\n", 1))
        with pytest.raises(RegistryError, match="unknown key"):
            load_registry(book_copy)
