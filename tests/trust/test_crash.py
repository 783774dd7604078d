"""A few SIGKILLs of a process saving cases (the benchmark does at least 200)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "crash_bench.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("crash_bench", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["crash_bench"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("encrypted", [False, True])
def test_sigkill_while_saving_loses_nothing(tmp_path: Path, encrypted: bool) -> None:
    bench = _bench()
    result = bench.run(3, tmp_path, seed=7, encrypted=encrypted, max_delay=0.8)
    assert result.problems == []
    assert result.kills == 3
    assert result.losses == 0 and result.integrity_failures == 0
    assert result.saves_acknowledged > 0  # the child did save before being killed


def test_check_detects_a_lost_save(tmp_path: Path) -> None:
    # The checker itself must be able to fail.
    bench = _bench()
    db = tmp_path / "crash.db"
    bench.setup(db, None)
    problems = bench.check(db, None, {"no-such-case"}, set())
    assert problems == ["lost 1 acknowledged cases"]
