"""chitieu.build.weight: first-visit bytes, bytes each further page adds with a shared cache, and the budget."""

from __future__ import annotations

from pathlib import Path

import pytest

from chitieu.build import weight
from chitieu.cli import main as cli_main

HEAD = (
    '<link rel="stylesheet" href="../_static/site.css?v=1">'
    '<link rel="preload" as="script" href="../_static/late.js">'
    '<script src="../_static/vendor/bundle.js?v=2"></script>'
    '<link rel="next" href="b.html"><link rel="search" href="../search.html">'
)


def _write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    path.write_bytes(data)


@pytest.fixture
def site(tmp_path) -> Path:
    html = tmp_path / "html"
    _write(html / "index.html", '<meta http-equiv="Refresh" content="0; url=book/a.html" />')
    _write(html / "book" / "a.html", f"<html><head>{HEAD}</head><body><a href='b.html'>b</a></body></html>")
    _write(
        html / "book" / "b.html",
        f"<html><head>{HEAD}</head><body><img src='../_static/img/chart.png' alt=''>"
        f"<img srcset='../_static/img/s1.png 1x, ../_static/img/s2.png 2x' alt=''></body></html>",
    )
    _write(html / "search.html", "<html><head><script src='searchindex.js'></script></head></html>")
    _write(html / "searchindex.js", "x" * 50)
    _write(
        html / "_static" / "site.css",
        "@import 'base.css';\n"
        "@font-face{font-family:f;src:url(fonts/f.woff2) format('woff2'),url(fonts/f.ttf) format('truetype')}\n"
        "body{background:url('img/bg.png')} .x{background:url(data:image/png;base64,AAAA)}",
    )
    _write(html / "_static" / "base.css", "p{}")
    _write(html / "_static" / "fonts" / "f.woff2", b"w" * 1000)
    _write(html / "_static" / "fonts" / "f.ttf", b"t" * 5000)
    _write(html / "_static" / "img" / "bg.png", b"b" * 300)
    _write(html / "_static" / "img" / "chart.png", b"c" * 2000)
    _write(html / "_static" / "img" / "s1.png", b"1" * 100)
    _write(html / "_static" / "img" / "s2.png", b"2" * 200)
    _write(html / "_static" / "late.js", "l" * 70)
    _write(html / "_static" / "vendor" / "bundle.js", b"v" * 900_000)
    return html


def size(html: Path, *rels: str) -> int:
    return sum((html / rel).stat().st_size for rel in rels)


SHARED = (
    "_static/site.css",
    "_static/base.css",
    "_static/fonts/f.woff2",
    "_static/img/bg.png",
    "_static/late.js",
    "_static/vendor/bundle.js",
)


def test_first_visit_follows_the_redirect_and_counts_css_resources(site):
    report = weight.measure(site)
    assert report.root == "index.html"
    # The ttf is the second source of the @font-face: a browser stops at the woff2.
    assert report.first_visit == size(site, "index.html", "book/a.html", *SHARED)
    assert report.first_visit_files == 2 + len(SHARED)
    assert report.missing == [] and report.external == []


def test_further_pages_add_only_what_is_not_cached(site):
    pages = {w.page: w for w in weight.measure(site).pages}
    assert list(pages) == ["index.html", "book/a.html", "book/b.html", "search.html"]
    assert pages["book/a.html"].added == 0
    assert pages["book/b.html"].added == size(
        site, "book/b.html", "_static/img/chart.png", "_static/img/s1.png", "_static/img/s2.png"
    )
    assert pages["book/b.html"].total == size(
        site, "book/b.html", *SHARED, "_static/img/chart.png", "_static/img/s1.png", "_static/img/s2.png"
    )
    assert pages["search.html"].added == size(site, "search.html", "searchindex.js")
    assert pages["book/b.html"].is_chapter and not pages["search.html"].is_chapter


def test_cli_passes_within_budget(site, capsys):
    assert cli_main(["weight", "--html-dir", str(site)]) == 0
    out = capsys.readouterr().out
    assert "book/b.html" in out and "Đạt ngân sách / within budget" in out


def test_cli_fails_when_a_chapter_adds_too_much(site, capsys):
    _write(site / "_static" / "img" / "chart.png", b"c" * (weight.BUDGET_BYTES + 1))
    assert cli_main(["weight", "--html-dir", str(site)]) == 1
    assert "VƯỢT NGÂN SÁCH / OVER BUDGET" in capsys.readouterr().out


def test_a_big_shared_file_does_not_count_against_chapters(site):
    _write(site / "_static" / "vendor" / "bundle.js", b"v" * (3 * weight.BUDGET_BYTES))
    report = weight.measure(site)
    assert not any(w.over_budget for w in report.pages)
    assert report.first_visit > 3 * weight.BUDGET_BYTES


def test_cli_fails_on_missing_or_external_resources(site, capsys):
    (site / "_static" / "img" / "bg.png").unlink()
    assert cli_main(["weight", "--html-dir", str(site)]) == 1
    assert "_static/img/bg.png" in capsys.readouterr().out
    _write(site / "_static" / "img" / "bg.png", b"b")
    _write(site / "book" / "a.html", '<script src="https://cdn.example.org/x.js"></script>')
    assert cli_main(["weight", "--html-dir", str(site)]) == 1
    assert "https://cdn.example.org/x.js" in capsys.readouterr().out


def test_cli_without_a_site(tmp_path):
    assert cli_main(["weight", "--html-dir", str(tmp_path / "nothing")]) == 2
