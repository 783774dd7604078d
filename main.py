"""Start the legalaid desktop: ``python main.py [--db PATH] [--lang zh|en]``."""

import time

STARTED = time.perf_counter()  # start-up is timed from here (see the log file)

from ui.app import run  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(run(started=STARTED))
