"""Static assets of the site that come from the environment, not from the repository."""

from __future__ import annotations

import shutil
import subprocess
import sys
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


def _cached_bundle(cache_dir: Path, version: str) -> Path:
    return cache_dir / f"vega-bundle-vl{version}-vlc{metadata.version('vl-convert-python')}.js"


class BundleJob:
    """The Vega bundle being written by another process (see :func:`start_vega_bundle`)."""

    def __init__(self, process: subprocess.Popen | None, dest: Path) -> None:
        self.process, self.dest = process, dest

    def wait(self) -> Path:
        """Block until the bundle is written; raise ``RuntimeError`` if bundling failed."""
        if self.process is not None:
            _, err = self.process.communicate()
            if self.process.returncode != 0:
                raise RuntimeError(f"writing the Vega bundle failed:\n{err.strip()}")
            self.process = None
        return self.dest

    def cancel(self) -> None:
        """Stop bundling if it is still running (the build failed before it was needed)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
        if self.process is not None:
            self.process.communicate()
            self.process = None


def start_vega_bundle(static_dir: Path, cache_dir: Path) -> BundleJob:
    """Like :func:`write_vega_bundle`, but a bundle missing from the cache is made in a separate process.

    Bundling takes seconds of one core; the build starts it here and goes on executing chapters, and
    waits for it (:meth:`BundleJob.wait`) only before the site is built.
    """
    cached = _cached_bundle(cache_dir, vegalite_minor_version())
    if cached.is_file():
        return BundleJob(None, write_vega_bundle(static_dir, cache_dir))
    process = subprocess.Popen(
        [sys.executable, "-m", "chitieu.build.vega", str(static_dir), str(cache_dir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    return BundleJob(process, static_dir / "vendor" / BUNDLE_NAME)


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
        cached = _cached_bundle(cache_dir, version)
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


if __name__ == "__main__":
    write_vega_bundle(Path(sys.argv[1]), Path(sys.argv[2]))
