"""``python -m gabber_client.cli``: the ``gabber`` command."""

from . import main

raise SystemExit(main())
