"""chitieu: the indicators of Hương Trà's mid-term report as checked data, formulas and charts.

The pipeline is ``data/raw`` (source text, checksummed) → ``data/*.csv`` (extracted, each value with a
verbatim quote) → this package (loaders, validators, formulas, formatters, charts) → ``notebooks/``
(parameterized chapters) → ``book/`` (executed by papermill) → ``_build/html`` (the site).
"""

__version__ = "0.1.0"
