"""PostgreSQL URLs for the shared reference index: checked, redacted for logs, turned into
connection options.

The password is never part of what is logged: it comes from ``PGPASSWORD`` or a pgpass file
(libpq reads both), and a password written into a URL anyway is masked wherever the URL is
shown.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

SCHEMES = ("postgresql", "postgres")
CONNECT_TIMEOUT_S = 3


def problem(url: str) -> str | None:
    """Why ``url`` is not a usable database URL, or None."""
    if not isinstance(url, str) or not url:
        return "references.database must be a postgresql:// URL"
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        return f"references.database is not a URL: {exc}"
    if parts.scheme not in SCHEMES:
        return f"references.database must start with postgresql://, got {parts.scheme or 'no scheme'}"
    return None


def redact(url: str) -> str:
    """The URL with any password (in the user part or a ``password=`` parameter) masked."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparsable database URL>"
    netloc = parts.netloc
    if "@" in netloc:
        user, host = netloc.rsplit("@", 1)
        if ":" in user:
            netloc = f"{user.split(':', 1)[0]}:***@{host}"
    query = urlencode([(k, "***" if k == "password" else v) for k, v in parse_qsl(parts.query)], safe="/*")
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def scrub(text: str, url: str) -> str:
    """``text`` (an error message) with the URL's password removed, should a driver echo it."""
    secret = _password(url)
    out = text.replace(url, redact(url))
    return out.replace(secret, "***") if secret else out


def _password(url: str) -> str:
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    for key, value in parse_qsl(parts.query):
        if key == "password":
            return value
    return parts.password or ""


def connect_options(read_only: bool, statement_timeout_ms: int) -> dict:
    """Keyword arguments for ``psycopg.connect`` beside the URL."""
    settings = {"statement_timeout": str(statement_timeout_ms), "application_name": "codewhisperer-references"}
    if read_only:
        settings["default_transaction_read_only"] = "on"
    options = " ".join(f"-c {k}={v}" for k, v in settings.items())
    return {"options": options, "connect_timeout": CONNECT_TIMEOUT_S, "keepalives": 1,
            "keepalives_idle": 5, "keepalives_interval": 2, "keepalives_count": 2}

