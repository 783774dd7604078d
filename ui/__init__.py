"""The legalaid desktop (PySide6). Reaches data only through legalaid.collection."""

from __future__ import annotations

import ctypes
import sys


def _guard_pyside_emit_refcount() -> None:
    """PySide6 6.12.0: ``SignalInstance.emit()`` returns ``True`` without taking a
    reference, so every emit from Python drops one reference to ``True`` and a long run
    ends in "Fatal Python error: bool_dealloc". ``True`` lives as long as the interpreter
    anyway; on Pythons before 3.12 (where it is not immortal) give it a reference count
    no program can use up. Harmless on fixed versions."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    refcnt = ctypes.c_ssize_t.from_address(id(True))
    if refcnt.value < 1 << 40:
        refcnt.value += 1 << 50


_guard_pyside_emit_refcount()
