"""Readers and writers, one module per format. Every problem is a `FormatError`."""

from mapexplorer.formats.errors import FormatError

__all__ = ["FormatError"]
