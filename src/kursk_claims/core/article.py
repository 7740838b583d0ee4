"""An article as read from an input, and a problem met while reading one. The reading, the
engine and the store all pass these; this module imports nothing from the rest of the package.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Article:
    key: str  # the article as the user named it: a path, or a record's id/url
    text: str
    source: str | None = None
    published: str | None = None
    url: str | None = None
    title: str | None = None


@dataclass(slots=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"
