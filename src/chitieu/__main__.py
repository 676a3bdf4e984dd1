import sys

from chitieu.cli import main

sys.exit(main())
