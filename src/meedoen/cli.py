"""The `meedoen` console script.

`meedoen calculate` and `meedoen calculate-batch` run the rules engine directly (no database,
no Django start-up: the engine has no Django imports). Every other command is a Django
management command, so `meedoen migrate`, `meedoen demo`, `meedoen runserver` all work.
"""

import os
import sys

RULES_COMMANDS = {"calculate", "calculate-batch"}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] in RULES_COMMANDS:
        from meedoen.rules.cli import main as rules_main

        return rules_main(argv[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "meedoen.conf.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
