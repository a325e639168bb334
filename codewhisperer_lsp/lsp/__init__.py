"""The LSP edge: everything that imports pygls or lsprotocol lives here or in server.py."""
