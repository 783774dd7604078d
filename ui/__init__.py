"""The legalaid desktop (PySide6). Reaches data only through legalaid.collection."""

from __future__ import annotations

import ctypes
import sys


def _guard_singleton_refcounts() -> None:
    """PySide6 6.12.0 returns ``None``/``True``/``False`` from void methods, ``emit()``
    and the like without taking a reference (as if they were immortal, which they are only
    from Python 3.12). On Python 3.11 every such call drops one reference and a long
    session ends in "Fatal Python error: none_dealloc". These objects live as long as the
    interpreter anyway: give them a reference count no program can use up. Nothing to do
    on Python 3.12+ (immortal objects) or other interpreters."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for obj in (None, True, False):
        refcnt = ctypes.c_ssize_t.from_address(id(obj))
        if refcnt.value < 1 << 40:
            refcnt.value += 1 << 50


_guard_singleton_refcounts()
