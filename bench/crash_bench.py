"""Crash benchmark: SIGKILL a process that is saving cases, then check nothing was lost.

A child process opens the desk through the facade and saves cases (each with a
worker, an employer, a statutory deadline and audit events; every third one also a
recovery) as fast as it can, printing each case id — flushed — only after the save
returned. The parent kills it with SIGKILL at a random moment, then checks:

- ``PRAGMA integrity_check`` is ok,
- every case whose id the child printed is in the database (nothing acknowledged is
  lost),
- the audit hash chain still verifies.

Usage::

    .venv/bin/python bench/crash_bench.py [--kills 200] [--seed 1] [--encrypted]

It prints the kills survived, the saves checked and the losses (which must be 0), and
exits 1 on any loss or corruption.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

KEY_ENV = "LEGALAID_CRASH_KEY"


@dataclass
class Result:
    kills: int = 0
    kills_while_saving: int = 0
    saves_acknowledged: int = 0
    saves_checked: int = 0
    losses: int = 0
    integrity_failures: int = 0
    chain_failures: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.losses or self.integrity_failures or self.chain_failures)


# -- the child -----------------------------------------------------------------------------


def child(db: Path) -> None:
    """Save cases forever, printing each id after its save returned."""
    from legalaid.collection import Collection
    from legalaid.inputs import (
        ApplicantInput,
        CaseInput,
        EmployerInput,
        PersonInput,
        RecoveryInput,
        RespondentInput,
    )

    key_hex = os.environ.get(KEY_ENV)
    if key_hex:
        from legalaid.security.desk import open_desk

        col = open_desk(db, key=bytes.fromhex(key_hex))
    else:
        col = Collection(db)
    cases = col.cases  # the service loads on first use: before READY, not mid-run
    rng = random.Random(os.getpid())
    out = sys.stdout
    out.write("READY\n")
    out.flush()
    n = 0
    while True:
        n += 1
        op = cases.create(
            CaseInput(
                title=f"压力测试案件 {os.getpid()}-{n}",
                dispute_type="wage_arrears",
                source="walk_in",
                received_on=date.today(),
                applicants=[ApplicantInput(person=PersonInput(name=f"职工{rng.randrange(10**6)}"))],
                respondents=[RespondentInput(employer=EmployerInput(name=f"公司{n % 50}"))],
                amount_claimed=str(rng.randrange(1, 10**6)),
                facts="欠薪" * rng.randrange(1, 200),
            )
        )
        out.write(f"C {op.value.id}\n")
        out.flush()
        if n % 3 == 0:
            col.money.record_recovery(
                op.value.id, RecoveryInput(received_on=date.today(), amount=str(n))
            )
            out.write(f"R {op.value.id}\n")
            out.flush()


# -- the parent ----------------------------------------------------------------------------


def setup(db: Path, key: bytes | None) -> None:
    from legalaid.collection import Collection
    from legalaid.db.engine import make_engine

    engine = make_engine(db, cipher_key=key) if key else None
    with Collection(db, engine=engine) as col:
        office = col.admin.create_office("南昌市总工会", "洪工援").value
        col.admin.create_staff("张律师", "zhang", "lawyer", office_id=office.id)


def _reader(stream: object, lines: list[str], ready: threading.Event) -> None:
    for raw in stream:  # type: ignore[attr-defined]
        line = raw.decode("utf-8", "replace").strip()
        if line == "READY":
            ready.set()
        elif line:
            lines.append(line)
    ready.set()


def check(db: Path, key: bytes | None, acknowledged: set[str], recovered: set[str]) -> list[str]:
    """What is wrong with the desk after a crash (empty when all is well)."""
    from sqlalchemy.orm import Session

    from legalaid.db.engine import make_engine
    from legalaid.security.sqlfiles import connect, integrity_errors
    from legalaid.services.audit import verify_chain

    problems: list[str] = []
    conn = connect(db, key)
    try:
        errors = integrity_errors(conn)
        if errors:
            problems.append("integrity: " + "; ".join(errors[:3]))
            return problems
        present = {r[0] for r in conn.execute("SELECT id FROM cases")}
        with_recovery = {r[0] for r in conn.execute("SELECT DISTINCT case_id FROM recoveries")}
    finally:
        conn.close()
    lost = acknowledged - present
    if lost:
        problems.append(f"lost {len(lost)} acknowledged cases")
    lost_r = recovered - with_recovery
    if lost_r:
        problems.append(f"lost {len(lost_r)} acknowledged recoveries")
    engine = make_engine(db, cipher_key=key, null_pool=True)
    try:
        with Session(engine) as s:
            report = verify_chain(s)
        if not report.ok:
            problems.append(f"audit chain broken at {report.broken_at_seq}: {report.reason}")
    finally:
        engine.dispose()
    return problems


def run(
    kills: int,
    workdir: Path,
    *,
    seed: int = 1,
    encrypted: bool = False,
    max_delay: float = 0.5,
    verbose: bool = False,
) -> Result:
    """Kill a saving child ``kills`` times; check the desk after each kill."""
    rng = random.Random(seed)
    db = workdir / "crash.db"
    key = os.urandom(32) if encrypted else None
    setup(db, key)
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    if key:
        env[KEY_ENV] = key.hex()
    result = Result()
    acknowledged: set[str] = set()
    recovered: set[str] = set()
    for i in range(kills):
        proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--child", str(db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        lines: list[str] = []
        ready = threading.Event()
        reader = threading.Thread(target=_reader, args=(proc.stdout, lines, ready), daemon=True)
        reader.start()
        if not ready.wait(120):
            proc.kill()
            raise RuntimeError("the child did not start")
        time.sleep(rng.uniform(0.0, max_delay))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        reader.join(10)
        if proc.returncode != -signal.SIGKILL:
            err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
            raise RuntimeError(f"the child ended by itself ({proc.returncode}): {err[-2000:]}")
        for stream in (proc.stdout, proc.stderr):
            if stream:
                stream.close()
        result.kills += 1
        if lines:
            result.kills_while_saving += 1
        for line in lines:
            kind, _, case_id = line.partition(" ")
            if kind == "C":
                acknowledged.add(case_id)
            elif kind == "R":
                recovered.add(case_id)
        problems = check(db, key, acknowledged, recovered)
        result.saves_acknowledged = len(acknowledged) + len(recovered)
        result.saves_checked += len(acknowledged) + len(recovered)
        for p in problems:
            result.problems.append(f"kill {i + 1}: {p}")
            if p.startswith("integrity"):
                result.integrity_failures += 1
            elif p.startswith("lost"):
                result.losses += int(p.split()[1])
            else:
                result.chain_failures += 1
        if verbose:
            print(
                f"kill {i + 1}/{kills}: {len(lines)} saves acknowledged by this child, "
                f"{len(acknowledged)} cases in total, problems: {problems or 'none'}",
                flush=True,
            )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--encrypted", action="store_true", help="use a SQLCipher desk")
    parser.add_argument("--max-delay", type=float, default=1.5, help="seconds before a kill")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    if args.child:
        child(Path(args.child))
        return 0
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="legalaid-crash-") as tmp:
        result = run(
            args.kills,
            Path(tmp),
            seed=args.seed,
            encrypted=args.encrypted,
            max_delay=args.max_delay,
            verbose=args.verbose,
        )
    elapsed = time.monotonic() - started
    print(f"desk: {'SQLCipher' if args.encrypted else 'SQLite'} (WAL, synchronous=FULL)")
    print(f"kills survived: {result.kills - result.integrity_failures}/{result.kills}")
    print(f"kills after the child had saved at least once: {result.kills_while_saving}")
    print(f"saves acknowledged before a kill and checked: {result.saves_acknowledged}")
    print(f"save checks (acknowledged saves × later kills): {result.saves_checked}")
    print(f"losses: {result.losses}")
    print(f"integrity failures: {result.integrity_failures}")
    print(f"audit chain failures: {result.chain_failures}")
    print(f"elapsed: {elapsed:.0f} s")
    for p in result.problems[:20]:
        print("  " + p)
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
