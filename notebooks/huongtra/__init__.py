"""What is specific to this report: one module per chapter, with its selections, labels and prose.

The engine (:mod:`chitieu`) knows nothing of Hương Trà, its wards or this report's indicator ids; the
chapter notebooks beside this folder and these modules do.
"""
