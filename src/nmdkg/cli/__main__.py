"""``python -m nmdkg.cli``: the same as the ``nmdkg`` command."""

import sys

from . import main

sys.exit(main())
