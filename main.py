"""Start the legalaid desktop: ``python main.py [--db PATH] [--lang zh|en]``."""

from ui.app import run

if __name__ == "__main__":
    raise SystemExit(run())
