"""Reading and validating the data: the contract, CSV reading, validation, the raw sources, loading.

Nothing here knows about chapters, charts or the build; every layer above reads the data through
:func:`chitieu.data.load.load_dataset`.
"""
