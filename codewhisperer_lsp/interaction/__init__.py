"""How the assistant behaves in the hand: when to complete, pause, typeahead, local metrics.

Plain Python, no pygls: the LSP edge (lsp/completion.py) composes these pieces.
"""
