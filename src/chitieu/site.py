"""Static assets of the site that come from the environment, not from the repository."""

from __future__ import annotations

from pathlib import Path

import altair as alt
import vl_convert

from chitieu.atomic import write_text_atomic

BUNDLE_NAME = "vega-bundle.js"


def vegalite_minor_version() -> str:
    """The Vega-Lite version Altair emits, as vl-convert names it (``"v6.4.1"`` → ``"6.4"``)."""
    major, minor = alt.SCHEMA_VERSION.lstrip("v").split(".")[:2]
    return f"{major}.{minor}"


def write_vega_bundle(static_dir: Path) -> Path:
    """Write Vega, Vega-Lite and Vega-Embed as one script under ``static_dir/vendor``.

    The bundle comes from vl-convert-python, pinned like everything else, for the Vega-Lite version Altair
    emits. It is wrapped in a function so its top-level ``function _`` cannot clash with the ``const _`` of
    Sphinx's ``doctools.js``; it publishes ``window.vegaEmbed``.
    """
    version = vegalite_minor_version()
    bundle = vl_convert.javascript_bundle(vl_version=version)
    header = (
        f"/* Vega {vl_convert.get_vega_version()}, Vega-Lite {version}, Vega-Embed "
        f"{vl_convert.get_vega_embed_version()}: bundled by vl-convert-python for chitieu; served locally. */\n"
    )
    dest = static_dir / "vendor" / BUNDLE_NAME
    write_text_atomic(dest, header + "(function(){\n" + bundle + "\n})();\n")
    return dest
