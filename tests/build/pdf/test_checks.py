"""The PDF checks' reading of ``pdffonts`` names (names as WeasyPrint embeds them, not a PDF)."""

import pytest

from chitieu.build.pdf.checks import Font


@pytest.mark.parametrize(
    ("name", "family"),
    [
        ("HUQPOW+Noto-Serif", "Noto Serif"),
        ("VTXKUP+Noto-Serif-Bold", "Noto Serif"),
        ("HFBCNF+Noto-Serif-Bold-Italic", "Noto Serif"),
        ("XFCBDM+Noto Sans Bold Italic", "Noto Sans"),
        ("XXBRRO+DejaVu-Sans-Mono-Oblique", "DejaVu Sans Mono"),
        ("ABCDEF+Boldonse", "Boldonse"),
    ],
)
def test_family_drops_every_style_word(name, family):
    assert Font(name, "CID TrueType", True, True, True).family == family
