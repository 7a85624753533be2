"""Entry point of the frozen app (build.spec's script): ``essdesk.__main__`` with a fast path.

With no argument — the desktop shortcut, a double click — it starts the window straight
away. Building the command-line parser first (``essdesk.cli.build_parser``) imports
``essdesk.cli_notes`` and with it ``essdesk.notes`` and SQLAlchemy, about 160 ms the user
would wait before the window shows (app.py opens SQLAlchemy after ``show()`` on purpose).
Anything else (``--self-check``, ``search``…) goes to ``essdesk.cli`` as usual.
"""

from __future__ import annotations

import sys


def main() -> int:
    if len(sys.argv) == 1:
        from essdesk.app import run

        return run([])
    from essdesk.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
