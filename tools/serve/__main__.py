import sys

from tools.serve.server import main

sys.exit(main())
