import sys

from codewhisperer_lsp.cli import main

sys.exit(main())
