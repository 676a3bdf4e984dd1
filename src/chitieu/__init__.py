"""chitieu: a town's report as checked data, recomputed indicators and a published book.

The folders follow the pipeline: :mod:`chitieu.data` (the contract, reading, validation, loading) →
:mod:`chitieu.analysis` (formulas, status, progress, audit, coverage) → :mod:`chitieu.book` (what chapters
call: selections in words, tables, charts, glue) → :mod:`chitieu.build` (execute the chapters, cache,
publish the site and its downloads); :mod:`chitieu.cli` holds every command. What is specific to one report
(its chapters' prose and the indicator ids they name) lives with the chapters, in ``notebooks/``.
"""

__version__ = "0.1.0"
