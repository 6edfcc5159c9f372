"""The ``toponym`` command (``toponym --help``; docs/cli.md): a thin click layer over the library."""

from .app import main

__all__ = ["main"]
