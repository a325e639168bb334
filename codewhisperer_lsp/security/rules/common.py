"""Rules that apply to every language: credentials and keys written into source."""

from __future__ import annotations

from codewhisperer_lsp.security.rules import HIGH, MEDIUM, rule

_CRED_NAME = r"(?:password|passwd|pwd|secret|api_?key|apikey|access_?key|auth_?token|client_?secret|private_?key|secret_?key)"
# placeholders and references that are not credentials
_NOT_A_SECRET = r"(\$\{|\{\{|%s|<[a-z_]+>|\*{3}|changeme|example|placeholder|your[_-]|xxx|dummy|redacted|getenv|environ)"

_PASSWORD = rule(
    "common.hardcoded-credential",
    rf"(?i){_CRED_NAME}\w*[\"']?\s*(?::=|=>|==|=|:)\s*[@$]?(?:[\"'])(?P<hit>[^\"'\s]{{4,}})[\"']",
    "Hard-coded credential: load it from the environment or a secret store instead.",
    798,
    MEDIUM,
    MEDIUM,
    unless=_NOT_A_SECRET,
)
_PRIVATE_KEY = rule(
    "common.private-key",
    r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----",
    "Private key embedded in source.",
    321,
    HIGH,
    HIGH,
)
_AWS_KEY = rule(
    "common.aws-access-key",
    r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b",
    "AWS access key id embedded in source.",
    798,
    HIGH,
    HIGH,
)


def rules_for(language_id: str) -> list:
    # SQL's own pack has the IDENTIFIED BY / PASSWORD = forms.
    return [_PRIVATE_KEY, _AWS_KEY] if language_id == "sql" else [_PASSWORD, _PRIVATE_KEY, _AWS_KEY]
