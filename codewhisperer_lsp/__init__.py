"""codewhisperer-lsp: a self-hosted AI coding assistant speaking the Language Server Protocol."""

__version__ = "0.1.0"
