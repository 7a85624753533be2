"""``python -m essdesk`` and the ``essdesk`` command."""

from __future__ import annotations

import sys


def main() -> int:
    argv = sys.argv[1:]
    if not argv:
        # Fast path to the window: building the CLI parser imports the notes layer and with it
        # SQLAlchemy (~0.16 s), which must wait until the window is usable.
        from essdesk.app import run

        return run(argv)
    from essdesk.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
