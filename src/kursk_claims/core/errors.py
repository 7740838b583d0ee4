"""The errors a user can cause. The CLI prints their message on one line and exits non-zero."""
from __future__ import annotations


class KurskError(Exception):
    """Base class: a message that says what went wrong and what to do."""


class InputError(KurskError):
    """An article or claims file that cannot be read."""


class RecordError(KurskError):
    """A claim record that does not follow the record contract (FORMAT.md)."""


class ModelError(KurskError):
    """A spaCy pipeline that cannot be loaded."""


class StoreError(KurskError):
    """The SQLite store cannot be opened or written."""


class ArticleError(KurskError):
    """The pipeline failed on one article; the others are still read."""


def cannot_read(e: OSError) -> str:
    """Why a file could not be read, in a few words: ``cannot read (Permission denied)``."""
    return f"cannot read ({e.strerror or e.__class__.__name__})"
