"""Static assets of the site that come from the environment, not from the repository."""

from __future__ import annotations

import shutil
from importlib import metadata
from pathlib import Path

import altair as alt
import vl_convert

from chitieu.atomic import write_text_atomic

BUNDLE_NAME = "vega-bundle.js"


def vegalite_minor_version() -> str:
    """The Vega-Lite version Altair emits, as vl-convert names it (``"v6.4.1"`` → ``"6.4"``)."""
    major, minor = alt.SCHEMA_VERSION.lstrip("v").split(".")[:2]
    return f"{major}.{minor}"


def write_vega_bundle(static_dir: Path, cache_dir: Path | None = None) -> Path:
    """Write Vega, Vega-Lite and Vega-Embed as one script under ``static_dir/vendor``.

    The bundle comes from vl-convert-python, pinned like everything else, for the Vega-Lite version Altair
    emits. It is wrapped in a function so its top-level ``function _`` cannot clash with the ``const _`` of
    Sphinx's ``doctools.js``; it publishes ``window.vegaEmbed``. Bundling takes about two seconds, so the
    result is kept in ``cache_dir`` (when given) under a name carrying both versions.
    """
    version = vegalite_minor_version()
    dest = static_dir / "vendor" / BUNDLE_NAME
    cached = None
    if cache_dir is not None:
        cached = cache_dir / f"vega-bundle-vl{version}-vlc{metadata.version('vl-convert-python')}.js"
        if cached.is_file():
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(cached, dest)
            return dest
    bundle = vl_convert.javascript_bundle(vl_version=version)
    header = (
        f"/* Vega {vl_convert.get_vega_version()}, Vega-Lite {version}, Vega-Embed "
        f"{vl_convert.get_vega_embed_version()}: bundled by vl-convert-python for chitieu; served locally. */\n"
    )
    text = header + "(function(){\n" + bundle + "\n})();\n"
    write_text_atomic(dest, text)
    if cached is not None:
        write_text_atomic(cached, text)
    return dest
