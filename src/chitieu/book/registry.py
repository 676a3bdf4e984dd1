"""The chapter registry: which chapters the book has, in which order, and what each declares.

Written once, in two places that each say one thing:

- ``_toc.yml`` (Jupyter Book's table of contents) gives the order, the parts and their captions;
- each chapter's front matter (``notebooks/NN_name.md``, key ``chitieu``) gives its data ``scope`` (the
  topics of ``indicators.csv`` it reads, or ``all``), optionally the ``topic`` whose figures it presents
  and a ``role`` (``key_indicators``: the page of the resolution's key indicators; ``audit``: the page of
  the audit's findings that need a reader's judgement; ``audit_appendix``: the page of its checks that hold or
  cannot be checked; ``report_text``: a page of the report's own text, several in book order, each but the
  first with ``starts_at``, the ``source_ref`` of the heading it begins at).

Everything else that needs the list of chapters (the build, the cache, the audit's links to pages, the
tests) reads it from :func:`load_registry`, which refuses a chapter missing from the contents, a
contents line without its chapter, and a chapter without a declared scope.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from chitieu.data.scope import ALL, Scope, normalise_scope

TOC_FILE = "_toc.yml"
CHAPTERS_DIR = "notebooks"
PAGES_DIR = "book"
ROLES = ("key_indicators", "audit", "audit_appendix", "report_text")
REPEATABLE_ROLES = frozenset({"report_text"})
"""Roles several chapters may declare (the report's text is split over as many pages as its weight needs)."""
_CHAPTER_FILE = re.compile(r"[0-9]{2}_[a-z0-9_]+\.md")


class RegistryError(ValueError):
    """The chapters, their front matter and ``_toc.yml`` disagree; the message names the file."""


@dataclass(frozen=True)
class Chapter:
    """One chapter of the book as the registry knows it."""

    name: str  # file stem, e.g. "07_y_te_dan_so": also the page name and the name of its CSV
    source: Path  # notebooks/07_y_te_dan_so.md
    title: str  # its first "# " heading
    part: str | None  # caption of its part in _toc.yml (None for the root page)
    number: int | None  # chapter number as the site shows it (None for the root page)
    scope: Scope
    topic: str | None
    role: str | None
    starts_at: str | None = None  # report_text pages: the source_ref of the heading the page begins at

    @property
    def page(self) -> str:
        """The page's file name in the built site, e.g. ``"07_y_te_dan_so.html"``."""
        return f"{self.name}.html"


@dataclass(frozen=True)
class Registry:
    """Every chapter in book order."""

    chapters: tuple[Chapter, ...]

    def __iter__(self):
        return iter(self.chapters)

    def __len__(self) -> int:
        return len(self.chapters)

    def named(self, name: str) -> Chapter:
        for chapter in self.chapters:
            if chapter.name == name:
                return chapter
        raise KeyError(f"no chapter {name!r}; chapters: {[c.name for c in self.chapters]}")

    def with_role(self, role: str) -> Chapter:
        """The chapter with ``role`` (see :data:`ROLES`)."""
        for chapter in self.chapters:
            if chapter.role == role:
                return chapter
        raise KeyError(f"no chapter declares `role: {role}`")

    def all_with_role(self, role: str) -> tuple[Chapter, ...]:
        """Every chapter with ``role``, in book order (none: an empty tuple)."""
        return tuple(c for c in self.chapters if c.role == role)

    def topic_pages(self) -> dict[str, Chapter]:
        """Topic of ``indicators.csv`` → the chapter that presents it."""
        return {c.topic: c for c in self.chapters if c.topic}

    def check_topics(self, topics: set[str] | list[str]) -> None:
        """Refuse scopes or topics outside ``topics`` (the contract's list) and topics no chapter presents.

        Raises
        ------
        RegistryError
            Naming the chapter file, or the topics without a page.
        """
        for chapter in self.chapters:
            try:
                normalise_scope(chapter.scope, topics, _rel(chapter.source))
            except ValueError as exc:
                raise RegistryError(str(exc)) from None
            if chapter.topic and chapter.topic not in topics:
                raise RegistryError(f"{_rel(chapter.source)}: unknown topic {chapter.topic!r}; known: {sorted(topics)}")
        orphans = sorted(set(topics) - set(self.topic_pages()))
        if orphans:
            raise RegistryError(f"no chapter declares `topic:` for {orphans}: their figures would have no page")


def _rel(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def front_matter(path: Path) -> dict:
    """The YAML header of a MyST Markdown notebook (between the first two ``---`` lines); ``{}`` if none."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    end = text.find("\n---\n", 4)
    if end < 0:
        raise RegistryError(f"{_rel(path)}: the front matter (---) is not closed")
    try:
        header = yaml.safe_load(text[4:end]) or {}
    except yaml.YAMLError as exc:
        raise RegistryError(f"{_rel(path)}: front matter is not valid YAML: {exc}") from None
    if not isinstance(header, dict):
        raise RegistryError(f"{_rel(path)}: front matter must be a mapping")
    return header


def first_heading(path: Path) -> str:
    """The text of the first level-1 Markdown heading outside code cells."""
    in_code = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code and line.startswith("# "):
            return line[2:].strip()
    raise RegistryError(f"{_rel(path)}: no '# ' title")


def _toc_entries(root: Path) -> list[tuple[str, str | None, bool]]:
    """``(page stem, part caption, numbered)`` for the root and each chapter of ``_toc.yml``, in order."""
    toc_path = root / TOC_FILE
    toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))
    if not isinstance(toc, dict) or "root" not in toc:
        raise RegistryError(f"{TOC_FILE}: expected the jb-book format with a `root:`")
    entries = [(toc["root"], None, False)]
    for part in toc.get("parts", []):
        for chapter in part.get("chapters", []):
            entries.append((chapter["file"], part.get("caption"), bool(part.get("numbered"))))
    out = []
    for file, caption, numbered in entries:
        folder, _, stem = str(file).removesuffix(".ipynb").rpartition("/")
        if folder != PAGES_DIR:
            raise RegistryError(f"{TOC_FILE}: {file!r} must be a page of {PAGES_DIR}/ (the executed chapters)")
        out.append((stem, caption, numbered))
    return out


def load_registry(root: Path) -> Registry:
    """Read ``_toc.yml`` and every chapter's front matter under ``root``; check that they agree.

    Raises
    ------
    RegistryError
        A chapter file not in the contents, a contents entry without its file, a missing or malformed
        scope, an unknown role, or a role or topic claimed twice.
    """
    sources = {p.stem: p for p in sorted((root / CHAPTERS_DIR).glob("*.md")) if _CHAPTER_FILE.fullmatch(p.name)}
    entries = _toc_entries(root)
    listed = [stem for stem, _, _ in entries]
    missing = [stem for stem in listed if stem not in sources]
    if missing:
        raise RegistryError(f"{TOC_FILE} lists chapters without a source in {CHAPTERS_DIR}/: {missing}")
    unlisted = sorted(set(sources) - set(listed))
    if unlisted:
        raise RegistryError(f"{CHAPTERS_DIR}/{unlisted[0]}.md is not in {TOC_FILE}: add it where it belongs")
    chapters = []
    number = 0
    for stem, caption, numbered in entries:
        path = sources[stem]
        meta = front_matter(path).get("chitieu") or {}
        if not isinstance(meta, dict):
            raise RegistryError(f"{_rel(path)}: `chitieu:` in the front matter must be a mapping")
        scope = meta.get("scope")
        if scope is None:
            raise RegistryError(
                f"{_rel(path)}: khai báo phạm vi dữ liệu trong phần đầu tệp / declare the chapter's data scope in "
                "its front matter: `chitieu: {scope: [topic, …]}` or `chitieu: {scope: all}`"
            )
        if scope != ALL and (isinstance(scope, str) or not isinstance(scope, list) or not scope):
            raise RegistryError(f"{_rel(path)}: `scope` must be `all` or a non-empty list of topics, not {scope!r}")
        role = meta.get("role")
        if role is not None and role not in ROLES:
            raise RegistryError(f"{_rel(path)}: unknown role {role!r}; known: {list(ROLES)}")
        unknown_keys = sorted(set(meta) - {"scope", "topic", "role", "starts_at"})
        if unknown_keys:
            raise RegistryError(f"{_rel(path)}: unknown key(s) under `chitieu:`: {unknown_keys}")
        starts_at = meta.get("starts_at")
        if starts_at is not None and (role != "report_text" or not isinstance(starts_at, str)):
            raise RegistryError(f"{_rel(path)}: `starts_at` is a source_ref (text), for `role: report_text` only")
        if numbered:
            number += 1
        chapters.append(
            Chapter(
                name=stem,
                source=path,
                title=first_heading(path),
                part=caption,
                number=number if numbered else None,
                scope=ALL if scope == ALL else sorted(scope),
                topic=meta.get("topic"),
                role=role,
                starts_at=starts_at,
            )
        )
    for key in ("role", "topic"):
        seen: dict[str, str] = {}
        for chapter in chapters:
            value = getattr(chapter, key)
            if value and value in seen and value not in REPEATABLE_ROLES:
                raise RegistryError(f"{key} {value!r} is claimed by both {seen[value]} and {chapter.name}")
            if value:
                seen[value] = chapter.name
    return Registry(tuple(chapters))
