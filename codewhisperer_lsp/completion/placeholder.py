"""A function body that only says "write me": `# TODO: implement this function` and
`pass`, `...`, `raise NotImplementedError`. The instruct models answer a body they find hard that
way (the 1.5B on 6 of 38 report-part HumanEval problems, where the 0.5B passed 5 of them). It is
not a suggestion: a manual trigger then asks again from the next likeliest first tokens
(completion/service.py).
"""

from __future__ import annotations

import re

from codewhisperer_lsp.context.cursor import CompletionKind

COMMENT = re.compile(r"^\s*(#|//|/\*|\*|--)")
# `return nil` / `return None` are not among them: a one-line `if` body that returns early is code
# (Go/90 on the tune part lost its `return nil` to a retry when they were)
STUBS = re.compile(r"^\s*(pass|\.\.\.|raise NotImplementedError(\(.*\))?"
                   r"|throw new (UnsupportedOperationException|Error)\(.*\);?|todo!\(.*\);?|unimplemented!\(.*\);?"
                   r"|panic\(\"(not implemented|TODO).*\"\))\s*$")
RETRIES = 3  # first-token ranks tried after the greedy one
KINDS = frozenset({CompletionKind.FUNCTION_BODY, CompletionKind.DOCSTRING_BODY})  # a block's body may be `pass`


def is_placeholder(text: str) -> bool:
    """Whether every line of `text` is blank, a comment or a stub statement (and it has one)."""
    rows = [row for row in text.split("\n") if row.strip()]
    return bool(rows) and all(COMMENT.match(row) or STUBS.match(row) for row in rows)
