"""Glued Vietnamese numbers reach the page exactly as formatted (myst-nb literal_evals glued text)."""

import pytest
from myst_nb.core.variables import format_plain_text

from chitieu.book.glue import glue_text


class TestGlueText:
    @pytest.mark.parametrize(
        "text", ["81,58", "1.230", "2.795", "(0, 95)", "13,7%", "14", "trên 49 triệu đồng", "2023"]
    )
    def test_shown_as_written(self, text, monkeypatch):
        captured = {}
        monkeypatch.setattr("chitieu.book.glue._myst_glue", lambda key, value, display: captured.update(value=value))
        glue_text("k", text)
        assert format_plain_text(repr(captured["value"]), "") == text

    def test_refuses_numbers(self):
        with pytest.raises(TypeError):
            glue_text("k", 13.7)
