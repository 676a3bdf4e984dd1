"""The book's building blocks: what a chapter calls to select, word, tabulate and chart its figures.

Vietnamese text (:mod:`~chitieu.book.fmt`), tables, charts, glue and the closing figures table. Built on
:mod:`chitieu.analysis` and :mod:`chitieu.data`; used by the chapter notebooks.
"""
