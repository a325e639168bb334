"""C and C++ rules (a complement to flawfinder: formats, shells, weak crypto, TLS)."""

from codewhisperer_lsp.security.rules import HIGH, LOW, MEDIUM, SECURITY_WORDS, SQL_HEAD, rule

RULES = [
    rule("c.system", r"(?<![\w.>])(?:std::)?(?:system|popen|_popen|_wsystem)\s*\(\s*(?!\")", "Command run through the shell from a variable: command injection.", 78, HIGH, MEDIUM),
    rule("c.gets", r"(?<![\w.>])gets\s*\(", "gets() cannot bound its input: buffer overflow.", 242, HIGH, HIGH),
    rule("c.unbounded-copy", r"(?<![\w.>])(?:strcpy|strcat|sprintf|vsprintf|wcscpy|wcscat)\s*\(", "Unbounded string copy/format: buffer overflow; use snprintf/strlcpy.", 120, MEDIUM, MEDIUM),
    rule("c.format-string", r"(?<![\w.>])(?:printf|syslog\s*\(\s*\w+\s*,|fprintf\s*\(\s*\w+\s*,|snprintf\s*\(\s*\w+\s*,\s*[\w()]+\s*,)\s*\(?\s*(?!\")[A-Za-z_][\w\[\].>-]*\s*\)", "Format string from a variable: format string attack.", 134, HIGH, MEDIUM),
    rule("c.sql-format", rf"(?i)\bs?n?printf\s*\([^;\n]*\"[^\"\n]*{SQL_HEAD}[^\"\n]*%s", "SQL built with printf: SQL injection; use prepared statements.", 89, HIGH, MEDIUM),
    rule("c.weak-hash", r"\b(?:MD5|MD4|SHA1)(?:_Init|_Update|_Final)?\s*\(|\bEVP_(?:md5|sha1|md4)\s*\(\)", "Weak hash (MD5/SHA1).", 328, MEDIUM, HIGH),
    rule("c.weak-cipher", r"\bEVP_(?:des|rc4|rc2|bf)_\w*\s*\(\)|\bEVP_aes_\d+_ecb\s*\(\)|\bDES_\w*crypt\s*\(", "Weak cipher or ECB mode.", 327, MEDIUM, HIGH),
    rule("c.insecure-random", r"(?<![\w.>])(?:std::)?(?:rand|random|drand48|lrand48)\s*\(\s*\)", "rand() is predictable: use a CSPRNG (getrandom, RAND_bytes).", 330, LOW, MEDIUM, near=SECURITY_WORDS),
    rule("c.tls-verify-off", r"SSL_(?:CTX_)?set_verify\s*\([^,\n]+,\s*SSL_VERIFY_NONE|CURLOPT_SSL_VERIFY(?:PEER|HOST)\s*,\s*0L?\s*\)", "TLS certificate verification disabled.", 295, HIGH, HIGH),
    rule("c.temp-file", r"(?<![\w.>])(?:tmpnam|tempnam|mktemp)\s*\(", "Predictable temporary file name: race condition; use mkstemp.", 377, MEDIUM, HIGH),
]
