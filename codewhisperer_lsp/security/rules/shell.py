"""Shell rules (bash/sh/zsh); shellcheck adds quoting checks when installed."""

from codewhisperer_lsp.security.rules import HIGH, LOW, MEDIUM, SECURITY_WORDS, rule

RULES = [
    rule("sh.eval", r"(?<![\w-])eval\s+[^#\n]*\$", "eval of expanded values: command injection.", 95, HIGH, MEDIUM),
    rule("sh.curl-pipe-shell", r"\b(?:curl|wget)\s[^|\n]*\|\s*(?:sudo\s+)?(?:ba|z)?sh\b", "Downloaded script piped into a shell without verification.", 494, HIGH, HIGH),
    rule("sh.tls-verify-off", r"\bcurl\b[^\n]*\s(?:-k|--insecure)\b|\bwget\s[^\n]*--no-check-certificate", "TLS certificate verification disabled.", 295, HIGH, HIGH),
    rule("sh.world-writable", r"\bchmod\s+(?:-R\s+)?(?:0?777|a\+w|o\+w)\b", "World-writable permissions.", 732, MEDIUM, HIGH),
    rule("sh.sql-interp", r"\b(?:mysql|psql|sqlite3|sqlcmd)\b[^\n]*(?:-e|-c|-Q)\s+\"[^\"\n]*\$", "SQL built by shell expansion: SQL injection.", 89, HIGH, MEDIUM),
    rule("sh.weak-hash", r"\b(?:md5sum|sha1sum|md5)\b|\bopenssl\s+(?:dgst\s+-)?(?:md5|sha1)\b", "Weak hash (MD5/SHA1).", 328, LOW, MEDIUM),
    rule("sh.insecure-random", r"\$RANDOM\b", "$RANDOM is predictable: use /dev/urandom or openssl rand.", 330, LOW, MEDIUM, near=SECURITY_WORDS),
    rule("sh.predictable-tmp", r"(?<![\w$])/tmp/[\w.-]*\$\$", "Predictable temporary file name: use mktemp.", 377, MEDIUM, MEDIUM),
    rule("sh.password-arg", r"\b(?:mysql|mysqldump)\s[^\n]*\s-p[^\s\"'$]+|\bsshpass\s+-p\s", "Password on the command line is visible to other users.", 214, MEDIUM, MEDIUM),
]
