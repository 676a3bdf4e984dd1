"""The analysis: formulas, target status and pace, which figure counts as of a year, key indicators,
coverage of the report, the audit of stated relations and the year-to-year diff.

Pure functions over the loaded data (:mod:`chitieu.data`); no HTML, no files written.
"""
