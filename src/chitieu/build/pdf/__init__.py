"""The print edition: the whole book as one A4 PDF, made offline from the same executed ``book/`` as the site.

``python -m chitieu pdf [--year Y]`` (``make pdf``) → ``_build/pdf/<book>-<year>.pdf``. The modules:

- :mod:`~chitieu.build.pdf.edition`: the file's name, its record, and the site's link to it (light: the
  site build imports it);
- :mod:`~chitieu.build.pdf.source`: the executed chapters checked for the year asked and built to HTML pages
  by the site's own Sphinx configuration, in a staging folder;
- :mod:`~chitieu.build.pdf.charts`: each chart's Vega-Lite spec drawn as SVG, offline (vl-convert);
- :mod:`~chitieu.build.pdf.assemble` and :mod:`~chitieu.build.pdf.frontmatter`: the pages joined into one
  printable document (cover, contents, chapters, appendix of chart tables);
- ``print.css``: the print stylesheet (A4, running header, page numbers, contents with page numbers);
- :mod:`~chitieu.build.pdf.render`: WeasyPrint, the checks, atomic publication;
- :mod:`~chitieu.build.pdf.checks`: what a published PDF must satisfy, read back with Poppler's tools.

Nothing here is imported by this ``__init__``: the site build imports :mod:`.edition` alone.
"""
