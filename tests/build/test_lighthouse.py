"""``make lighthouse``'s servers and report (:mod:`chitieu.build.lighthouse`); the measuring itself needs Chromium
and Lighthouse and is a benchmark, run by ``make lighthouse``, never asserted here."""

from __future__ import annotations

import gzip
import urllib.request

from chitieu.build import lighthouse


def _get(url: str, accept: str | None):
    request = urllib.request.Request(url, headers={"Accept-Encoding": accept} if accept else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers, response.read()


class TestServe:
    def _site(self, tmp_path):
        page = "<!doctype html><title>Trang</title><p>" + "Chỉ tiêu Hương Trà. " * 200 + "</p>"
        (tmp_path / "a.html").write_text(page, encoding="utf-8")
        (tmp_path / "b.png").write_bytes(b"\x89PNG" + b"\0" * 100)
        return page.encode()

    def test_plain_server_never_compresses(self, tmp_path):
        page = self._site(tmp_path)
        with lighthouse.serve(tmp_path) as base:
            headers, body = _get(base + "a.html", "gzip")
        assert body == page and headers.get("Content-Encoding") is None

    def test_gzip_server_compresses_text_the_browser_accepts(self, tmp_path):
        page = self._site(tmp_path)
        with lighthouse.serve(tmp_path, compress=True) as base:
            headers, body = _get(base + "a.html", "gzip, deflate, br")
            png_headers, png = _get(base + "b.png", "gzip")
            plain_headers, plain = _get(base + "a.html", None)
        assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == page
        assert int(headers["Content-Length"]) == len(body) < len(page) / 5
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert png_headers.get("Content-Encoding") is None and png.startswith(b"\x89PNG")
        assert plain_headers.get("Content-Encoding") is None and plain == page


class TestRender:
    def _scores(self, performance):
        return [
            lighthouse.Scores(
                "book/13.html", {"performance": performance, "accessibility": 1.0, "best-practices": 1.0}, {}
            )
        ]

    def test_targets_are_judged_on_the_uncompressed_server_only(self):
        text, missed = lighthouse.render([], self._scores(0.82), self._scores(0.97))
        assert missed == ["book/13.html: performance 0,82 < 0,90"]
        assert "gzip" in text and "0,97" in text

    def test_every_target_met(self):
        text, missed = lighthouse.render([], self._scores(0.93), self._scores(0.98))
        assert not missed and text.endswith("Đạt mọi mục tiêu / every target met.")
