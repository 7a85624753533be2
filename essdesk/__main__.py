"""``python -m essdesk`` and the ``essdesk`` command."""

from __future__ import annotations

import sys


def main() -> int:
    from essdesk.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
