"""The desktop as a user starts it: ``main.py`` in a subprocess with offscreen Qt.

Start-up time is measured from launching the process to the line the desktop prints
when its main window is shown (``--quit-after-show``), so it includes the interpreter,
imports, opening the database and building the window. Peak memory is the process's
high-water mark (VmHWM) after the window has loaded its first list and dashboard.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.ops import Result

ROOT = Path(__file__).resolve().parent.parent
MAIN = ROOT / "main.py"


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(home / "config"),  # QSettings of the bench, not the user's
        LEGALAID_DATA_DIR=str(home / "data"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def app_start(db: Path, size: int, runs: int) -> Result:
    r = Result("app start → window shown", size)
    if not MAIN.exists():
        r.status = "n/a (not built)"
        return r
    inside: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-desktop-") as tmp:
        for i in range(runs + 1):  # the first run warms the OS file cache
            t0 = time.perf_counter()
            proc = subprocess.Popen(
                [sys.executable, str(MAIN), "--db", str(db), "--quit-after-show"],
                cwd=ROOT, env=_env(Path(tmp)), stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, text=True,
            )  # fmt: skip
            assert proc.stdout is not None
            shown = None
            for line in proc.stdout:
                if "window shown" in line:
                    shown = time.perf_counter() - t0
                    inside.append(float(line.split()[-2]))
                    break
            try:
                _, err = proc.communicate(timeout=120)
            except subprocess.TimeoutExpired:
                proc.kill()
                _, err = proc.communicate()
            if shown is None:
                r.status = "failed: " + (err.strip().splitlines() or ["no window"])[-1][:120]
                return r
            if i > 0:
                r.samples.append(shown)
    r.note = (
        f"process launch to window shown; the desktop's own figure (from its imports) "
        f"{sorted(inside)[len(inside) // 2]:.2f} s"
    )
    return r


def peak_rss(db: Path, size: int, settle_s: float) -> Result:
    r = Result("desktop peak RSS", size, unit="MB")
    if not MAIN.exists():
        r.status = "n/a (not built)"
        return r
    with tempfile.TemporaryDirectory(prefix="bench-desktop-") as tmp:
        proc = subprocess.Popen(
            [sys.executable, str(MAIN), "--db", str(db)],
            cwd=ROOT, env=_env(Path(tmp)), stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        status = Path(f"/proc/{proc.pid}/status")
        hwm = 0.0
        deadline = time.perf_counter() + settle_s
        while time.perf_counter() < deadline and proc.poll() is None:
            time.sleep(0.25)
            try:
                for line in status.read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        hwm = max(hwm, int(line.split()[1]) / 1024)
            except OSError:
                break
        alive = proc.poll() is None
        proc.terminate()
        try:
            _, err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
        if not alive or not hwm:
            r.status = "failed: " + (err.strip().splitlines() or ["exited early"])[-1][:120]
            return r
    r.samples = [hwm]
    r.note = f"high-water mark during the first {settle_s:.0f} s (window, list, dashboard)"
    return r
