"""Progress reporting without a UI dependency: the library takes a `track` callable, the CLI passes rich's."""
from __future__ import annotations

from typing import Callable, Iterable, TypeVar

T = TypeVar("T")
Track = Callable[[Iterable[T], str], Iterable[T]]


def quiet(items: Iterable[T], label: str) -> Iterable[T]:
    return items
