"""The command line: ``kursk-claims extract``, ``conflicts``, ``report`` and ``show``.

The only package that touches the terminal: data goes to stdout, progress and errors to
stderr. ``terminal`` holds the app and what every command shares, ``claims_input`` reads the
claims a command compares, ``cluster`` runs on Dask, ``commands`` defines the commands; imports
go in that order.
"""
from .commands import app, main

__all__ = ["app", "main"]
