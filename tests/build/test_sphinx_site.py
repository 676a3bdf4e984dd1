"""The Sphinx extension that keeps pages light (:mod:`chitieu.build.sphinx_site`): which scripts a page loads.
The pages' bodies here are SYNTHETIC; the built site's own pages are checked in ``tests/test_browser_reader.py``."""

from __future__ import annotations

from types import SimpleNamespace

from chitieu.build.sphinx_site import SCRIPT_USED_BY, lean_scripts, unused_scripts


class _Js(SimpleNamespace):
    """What Sphinx hands a template: a file name, a priority and attributes (``body`` for an inline script)."""

    def __init__(self, filename, priority=500, **attributes):
        super().__init__(filename=filename, priority=priority, attributes=attributes)


SCRIPTS = [
    _Js("_static/doctools.js"),
    _Js("_static/clipboard.min.js"),
    _Js("_static/copybutton.js?v=1"),
    _Js(None, body="let toggleHintShow = 'Nhấp để hiển thị';"),
    _Js("_static/togglebutton.js"),
    _Js(None, body="var togglebuttonSelector = '.toggle, .admonition.dropdown';"),
    _Js("_static/design-tabs.js"),
    _Js(None, body="DOCUMENTATION_OPTIONS.pagename = 'book/x';"),
    _Js("_static/chitieu.js"),
]


def _names(scripts) -> list[str]:
    return [js.filename or js.attributes["body"] for js in scripts]


def test_a_page_without_code_toggles_or_tabs_loads_none_of_their_scripts():
    body = '<section class="chitieu-finding"><p class="ct-used">Text</p>'
    body += '<div class="chitieu-table-wrap"></div></section>'
    assert unused_scripts(body) == set(SCRIPT_USED_BY)
    kept = lean_scripts(SCRIPTS, body)
    assert _names(kept) == ["_static/doctools.js", "DOCUMENTATION_OPTIONS.pagename = 'book/x';", "_static/chitieu.js"]
    assert all(js.attributes.get("defer") == "defer" for js in kept if js.filename)
    assert kept[1].attributes["type"] == "module"


def test_a_page_keeps_the_scripts_of_what_it_has():
    body = '<div class="highlight-python notranslate"><div class="highlight"><pre>x = 1</pre></div></div>'
    body += '<div class="admonition toggle"><p>…</p></div><div class="sd-tab-set docutils"></div>'
    assert unused_scripts(body) == set()
    assert _names(lean_scripts(SCRIPTS, body)) == _names(SCRIPTS)


def test_a_class_is_matched_whole_not_as_part_of_another():
    # "highlight-python" alone (no div.highlight inside) and "sd-tab-set-x" are not what the scripts act on.
    body = '<div class="highlight-python"></div><p class="sd-tab-set-x chitieu-toggle-note"></p>'
    assert unused_scripts(body) == set(SCRIPT_USED_BY)


def test_without_the_body_every_script_is_kept():
    assert _names(lean_scripts(SCRIPTS)) == _names(SCRIPTS)
