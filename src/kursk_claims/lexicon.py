"""The word lists and tables under ``data/``, loaded once and shared.

Adding a cue word, a unit or an outlet is a change to a data file, not to code.
"""
from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any


def _read(name: str) -> str:
    return resources.files("kursk_claims").joinpath("data").joinpath(name).read_text(encoding="utf-8")


@cache
def table(name: str) -> dict[str, Any]:
    """The JSON table ``data/<name>.json``, with its ``_doc`` keys removed."""
    data = json.loads(_read(f"{name}.json"))
    return _strip_docs(data)


def _strip_docs(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_docs(v) for k, v in value.items() if not k.startswith("_")}
    return value


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The lines of ``data/<name>.txt``, without blanks and ``#`` comments."""
    lines = (line.strip() for line in _read(f"{name}.txt").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def phrase_pattern(phrases: Any) -> str:
    """A regex alternation of ``phrases``, longest first, spaces matching any whitespace."""
    parts = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)


def trie_pattern(words: Any) -> str:
    """A regex alternation of ``words`` factored by shared prefixes, which the regex engine
    tries much faster than a flat list (``one|only|onto`` -> ``on(?:e|ly|to)``)."""
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return build(trie)
