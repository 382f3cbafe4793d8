"""`python -m cleaner` runs the command-line interface."""

import sys

from cleaner.cli import main

sys.exit(main())
