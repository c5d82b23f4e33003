"""``python -m gabber_client.testing``: serve the fake over loopback (see ``--help``)."""

import sys

from ._cli import main

sys.exit(main())
