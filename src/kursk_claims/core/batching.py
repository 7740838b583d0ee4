"""Cutting a stream into lists of a fixed size, for batches of articles sent to processes,
partitions sent to a cluster and chunks of archived pages.

    >>> list(batched(range(5), 2))
    [[0, 1], [2, 3], [4]]
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items in order, the last one shorter (``itertools.batched`` from 3.12)."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
