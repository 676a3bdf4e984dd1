"""Sphinx extension: a site light enough for a phone on a slow link.

Listed in ``_config.yml`` (``sphinx.config.extensions``). With ``_templates/layout.html`` (no Font Awesome
script, search scripts only on the search page) it makes a first visit to a chapter cost a few hundred
kilobytes instead of 3,4 MB, and nothing block the first paint but the stylesheets:

- every script file is loaded with ``defer`` (run after the page is parsed); the inline scripts that depend
  on one (``DOCUMENTATION_OPTIONS.pagename = …``) become modules, which run in order with them;
- no page needs a chart library: the charts are drawn at build time (:mod:`chitieu.book.charts.render`);
- each page gets a ``<meta name="description">`` from its first paragraph;
- the stylesheets (the theme's, which ``@import`` another, and every extension's) are served as one file,
  ``_static/chitieu-site.css``, in their order: one request instead of twelve before the first paint;
- once the site is written, the theme's stylesheets keep only the rules whose classes and ids occur in
  some page or script of the site (:func:`purge_css`), and the files no page loads (source maps, Font
  Awesome) are removed from the output.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

COMBINED_CSS = "_static/chitieu-site.css"
# The theme's own stylesheets (written by its template, not listed in css_files), first.
THEME_CSS = ("_static/styles/theme.css", "_static/styles/pydata-sphinx-theme.css")
_CSS_SEEN: dict[int, list[str]] = {}
_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?["']?([^"')\s]+)["']?\s*\)?\s*;""")
_URL = re.compile(r"""url\(\s*(["']?)([^"')]+)\1\s*\)""")
# Stylesheets of the themes and extensions, purged of the rules no page can use. The project's own
# _static/chitieu.css is small and written for these pages: it is left whole.
PURGED_CSS = (
    "styles/pydata-sphinx-theme.css",
    "styles/sphinx-book-theme.css",
    "sphinx-design.min.css",
    "basic.css",
    "pygments.css",
    "togglebutton.css",
    "copybutton.css",
    "mystnb.*.css",
)
# Files of _static that no page loads: source maps, Font Awesome, and Bootstrap's script (81 kB, a quarter of
# a page's scripts, for the header buttons' tooltips, whose title shows instead, and the back-to-top button,
# which _static/chitieu.js runs): _templates/layout.html loads neither script.
UNUSED_STATIC = ("**/*.map", "scripts/fontawesome.js*", "vendor/fontawesome", "scripts/bootstrap.js*")
SCRIPT_USED_BY = {
    # The extensions' scripts (added to every page) and the classes of the page's body they act on.
    "clipboard.min.js": ("highlight",),
    "copybutton.js": ("highlight",),
    "togglebutton.js": ("toggle", "dropdown"),
    "design-tabs.js": ("sd-tab-set",),
}
_CLASS_ATTR = re.compile(r'class="([^"]*)"')
# The Font Awesome web fonts go too (_static/chitieu.css draws the icons): their @font-face rules with them.
REMOVED_FONTS = "vendor/fontawesome/"
DESCRIPTION_CHARS = 160
_TOKEN = re.compile(r"[A-Za-z0-9_-]+")
_SELECTOR_NAME = re.compile(r"([.#])(-?[_a-zA-Z][_a-zA-Z0-9-]*)")
_FUNCTIONAL_PSEUDO = re.compile(r"::?[a-zA-Z-]+\([^()]*\)")
_PSEUDO = re.compile(r"::?[a-zA-Z-]+")
_ATTRIBUTE = re.compile(r"\[[^\]]*\]")
_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.S)
_TAG = re.compile(r"<[^>]+>")


def _script_name(js) -> str:
    return str(getattr(js, "filename", js) or "")


def body_classes(body: str) -> set[str]:
    """Every class name used in the HTML ``body``."""
    return {name for match in _CLASS_ATTR.finditer(body or "") for name in match.group(1).split()}


def unused_scripts(body: str) -> set[str]:
    """The file names of :data:`SCRIPT_USED_BY` whose classes the page's ``body`` does not use."""
    classes = body_classes(body)
    return {name for name, used_by in SCRIPT_USED_BY.items() if classes.isdisjoint(used_by)}


def lean_scripts(scripts: list, body: str | None = None) -> list:
    """The page's script files: every file deferred, and the inline scripts that
    set ``DOCUMENTATION_OPTIONS`` (defined by a deferred file now) made modules, which run in order with
    the deferred files, after them. Given the page's ``body``, the extensions' scripts it has nothing for
    (:func:`unused_scripts`) are left out, with the inline settings of the toggle buttons when those go."""
    unused = unused_scripts(body) if body is not None else set()
    out = []
    for js in scripts:
        name = _script_name(js)
        attributes = dict(getattr(js, "attributes", {}) or {})
        inline = attributes.get("body", "")
        if name.split("?", 1)[0].rsplit("/", 1)[-1] in unused:
            continue
        if not name and "togglebutton.js" in unused and "toggle" in inline:
            continue
        if name and "async" not in attributes:
            attributes["defer"] = "defer"
        elif not name and "DOCUMENTATION_OPTIONS" in inline:
            attributes["type"] = "module"
        else:
            out.append(js)
            continue
        out.append(type(js)(js.filename, priority=js.priority, **attributes))
    return out


def page_description(body: str) -> str:
    """The first paragraph of a page with text in it, as plain text of at most :data:`DESCRIPTION_CHARS`."""
    for match in _PARAGRAPH.finditer(body or ""):
        text = " ".join(html.unescape(_TAG.sub(" ", match.group(1))).split())
        if len(text) >= 40:
            if len(text) > DESCRIPTION_CHARS:
                text = text[: DESCRIPTION_CHARS - 1].rsplit(" ", 1)[0] + "…"
            return text
    return ""


def _page_context(app, pagename, templatename, context, doctree) -> None:
    context["script_files"] = lean_scripts(context.get("script_files", []), context.get("body", ""))
    seen = _CSS_SEEN.setdefault(id(app), [])
    for css in context.get("css_files", []):
        name = str(getattr(css, "filename", css)).split("?", 1)[0]
        if name not in seen:
            seen.append(name)
    context["css_files"] = []
    context["chitieu_css"] = COMBINED_CSS
    context["chitieu_description"] = page_description(context.get("body", "")) or app.config.project


def corpus_tokens(site: Path) -> set[str]:
    """Every word of every page and script of the built site: the class names and ids it can use."""
    tokens: set[str] = set()
    for path in site.rglob("*"):
        if path.suffix in (".html", ".js") and path.is_file():
            tokens.update(_TOKEN.findall(path.read_text(encoding="utf-8", errors="replace")))
    return tokens


def selector_used(selector: str, tokens: set[str]) -> bool:
    """Whether every class and id of ``selector`` occurs in ``tokens`` (attribute selectors and the
    arguments of ``:not()``, ``:is()``… are not judged: such a selector is kept when the rest is used)."""
    plain = _ATTRIBUTE.sub("", selector)
    plain = _FUNCTIONAL_PSEUDO.sub("", plain)
    plain = _PSEUDO.sub("", plain)
    return all(name in tokens for _, name in _SELECTOR_NAME.findall(plain))


def _purge_rules(rules, tokens: set[str]) -> list[str]:
    import tinycss2

    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s.strip() for s in _split_selectors(tinycss2.serialize(rule.prelude))]
            kept = [s for s in selectors if selector_used(s, tokens)]
            if kept:
                out.append(",".join(kept) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule":
            if rule.lower_at_keyword in ("media", "supports", "layer", "container") and rule.content is not None:
                inner = _purge_rules(
                    tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), tokens
                )
                if inner:
                    out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{''.join(inner)}}}")
            elif not (rule.lower_at_keyword == "font-face" and REMOVED_FONTS in tinycss2.serialize([rule])):
                out.append(tinycss2.serialize([rule]))
    return out


def _split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside ``:is(a, b)``)."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(prelude):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    parts.append(prelude[start:])
    return parts


def purge_css(text: str, tokens: set[str]) -> str:
    """``text`` (a stylesheet) without the rules whose selectors name a class or id no page uses."""
    import tinycss2

    rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
    return "".join(_purge_rules(rules, tokens)) + "\n"


_CUSTOM_PROPERTY = re.compile(r"(?<=[{;])\s*(--[A-Za-z0-9_-]+)\s*:[^;{}]*(?:;|(?=}))")
_VAR_USE = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")


def drop_unused_properties(text: str, pages: str = "") -> str:
    """``text`` without the custom properties (``--x: …``) that no ``var(--x)`` of the stylesheet or of the
    pages and scripts (``pages``) reads: every element inherits every custom property, so the unused ones
    cost style time on a long page. Repeated until none is left (a property may only feed another)."""
    while True:
        used = set(_VAR_USE.findall(text)) | set(_VAR_USE.findall(pages))
        lean = _CUSTOM_PROPERTY.sub(lambda m, used=used: m.group(0) if m.group(1) in used else "", text)
        if lean == text:
            return re.sub(r"(?<=[{}])[^{}@;]*\{\s*\}", "", lean)
        text = lean


def _inline_css(site: Path, rel: str, done: set[str]) -> str:
    """The stylesheet ``rel`` (relative to ``site``) with its ``@import`` inlined and its ``url()`` rewritten
    to hold from ``_static/`` (where the combined file lives)."""
    import posixpath

    if rel in done or not (site / rel).is_file():
        return ""
    done.add(rel)
    folder = posixpath.dirname(rel)
    text = (site / rel).read_text(encoding="utf-8")
    text = re.sub(r'@charset\s+"[^"]*"\s*;', "", text)
    # Imports are set aside while this file's url()s are rewritten, then replaced by their own rewritten text.
    imported: list[str] = []

    def set_aside(match: re.Match) -> str:
        imported.append(posixpath.normpath(posixpath.join(folder, match.group(1))))
        return f"\0{len(imported) - 1}\0"

    text = _IMPORT.sub(set_aside, text)

    def moved(match: re.Match) -> str:
        ref = match.group(2).strip()
        if ref.startswith(("data:", "#", "/", "http:", "https:")):
            return match.group(0)
        target = posixpath.normpath(posixpath.join(folder, ref))
        return f'url("{posixpath.relpath(target, posixpath.dirname(COMBINED_CSS))}")'

    text = _URL.sub(moved, text)
    text = re.sub(r"\0(\d+)\0", lambda m: _inline_css(site, imported[int(m.group(1))], done), text)
    return text + "\n"


def combine_css(site: Path, files: list[str]) -> str:
    """The stylesheets ``files`` (paths relative to ``site``), in order, as one stylesheet."""
    done: set[str] = set()
    return '@charset "UTF-8";\n' + "".join(_inline_css(site, rel, done) for rel in files)


_PLAIN_SCRIPT = re.compile(r"<script src=")


def defer_template_scripts(page: str) -> str:
    """``page`` with the script files its template writes itself (the search page's ``searchtools.js``,
    ``language_data.js`` and ``searchindex.js``) deferred too: they need ``doctools.js``, which is deferred
    (:func:`lean_scripts`), and deferred scripts run in the order they are written."""
    return _PLAIN_SCRIPT.sub('<script defer="defer" src=', page)


def lean_output(site: Path, stylesheets: list[str] | None = None) -> None:
    """Purge the themes' stylesheets, write them as one (``stylesheets``: the pages' own, in order, after the
    theme's) and remove the unused static files of a built site (in place)."""
    import shutil

    from chitieu.atomic import write_text_atomic

    static = site / "_static"
    search = site / "search.html"
    if search.is_file():
        write_text_atomic(search, defer_template_scripts(search.read_text(encoding="utf-8")))
    for pattern in UNUSED_STATIC:
        # First, so that the stylesheets keep no rule for a script no page loads.
        for path in sorted(static.glob(pattern), reverse=True):
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()
    tokens = corpus_tokens(site)
    for pattern in PURGED_CSS:
        for css in static.glob(pattern):
            write_text_atomic(css, purge_css(css.read_text(encoding="utf-8"), tokens))
    if stylesheets is not None:
        pages = "".join(
            p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*") if p.suffix in (".html", ".js")
        )
        combined = drop_unused_properties(combine_css(site, [*THEME_CSS, *stylesheets]), pages)
        write_text_atomic(site / COMBINED_CSS, combined)


def _build_finished(app, exception) -> None:
    if exception is None and app.builder.format == "html":
        lean_output(Path(app.outdir), _CSS_SEEN.pop(id(app), []))


def setup(app):
    # After the themes (priority 500) have filled the page context.
    app.connect("html-page-context", _page_context, priority=900)
    app.connect("build-finished", _build_finished)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
