"""Pieces of the site build (:mod:`chitieu.build.site`) that can be checked without building."""

from __future__ import annotations

from chitieu.build.site import readable_tail

SPHINX_FAILURE = """Running Sphinx v7.4.7
Traceback (most recent call last):
  File "/usr/lib/python3.11/shutil.py", line 269, in copyfile
    _fastcopy_sendfile(fsrc, fdst)
  File "/usr/lib/python3.11/shutil.py", line 158, in _fastcopy_sendfile
    raise err from None
OSError: [Errno 28] No space left on device: '_build/html/_static/basic.css'
"""


def test_readable_tail_keeps_the_message_not_the_frames():
    tail = readable_tail(SPHINX_FAILURE)
    assert "No space left on device" in tail and "Running Sphinx" in tail
    assert "Traceback" not in tail and "File " not in tail and "_fastcopy" not in tail


def test_readable_tail_keeps_the_last_lines():
    output = "\n".join(f"warning {i}" for i in range(100))
    assert readable_tail(output, lines=3).splitlines() == ["warning 97", "warning 98", "warning 99"]
