"""The build: execute the chapters, cache them by content, build and publish the site and its downloads.

Built on every other layer; nothing below imports from here.
"""
