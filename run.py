"""``flask --app run ...`` loads ``app`` from here; ``python run.py`` is the ``make run`` supervisor."""

from __future__ import annotations

import sys


def _is_supervisor() -> bool:
    return __name__ == "__main__"


if _is_supervisor():
    from devtools.supervisor import main

    sys.exit(main(sys.argv[1:]))
else:
    from app import create_app

    app = create_app()
