"""PHP rules."""

from codewhisperer_lsp.security.rules import HIGH, LOW, MEDIUM, SECURITY_WORDS, SQL_HEAD, rule

_INPUT = r"\$_(?:GET|POST|REQUEST|COOKIE|FILES|SERVER)\b"

RULES = [
    rule("php.command", r"\b(?:system|exec|shell_exec|passthru|popen|proc_open|pcntl_exec)\s*\([^;\n]*\$|`[^`\n]*\$\w+[^`\n]*`", "Shell command with a variable: command injection; use escapeshellarg.", 78, HIGH, MEDIUM, unless=r"escapeshellarg\("),
    rule("php.eval", r"(?<![\w>])(?:eval|assert)\s*\(\s*[^)\s\"']|\bcreate_function\s*\(|\bpreg_replace\s*\(\s*[\"'](.)[^\"']*\1[imsxuADU]*e[imsxuADU]*[\"']", "Code evaluation of a built string: code injection.", 95, HIGH, MEDIUM),
    rule("php.sql-built", rf"(?i)(?:\b(?:mysql_query|mysqli_query|pg_query|sqlite_query)\s*\([^;\n]*(?:\"[^\"\n]*\$\w|\.\s*\$)|->(?:query|exec|prepare)\s*\(\s*(?:\"[^\"\n]*\$\w|[\"'][^\"'\n]*[\"']\s*\.\s*\$)|\"[^\"\n]*{SQL_HEAD}[^\"\n]*\$\w|[\"'][^\"'\n]*{SQL_HEAD}[^\"'\n]*[\"']\s*\.\s*\$)", "SQL built from variables: SQL injection; use prepared statements with bound values.", 89, HIGH, MEDIUM),
    rule("php.weak-hash", r"(?i)\b(?:md5|sha1)\s*\(|\bhash\(\s*[\"'](?:md5|sha1|md4)[\"']", "Weak hash (MD5/SHA1) for a security value: use password_hash / hash('sha256').", 328, MEDIUM, MEDIUM, near=SECURITY_WORDS),
    rule("php.insecure-random", r"\b(?:rand|mt_rand|uniqid|lcg_value|str_shuffle)\s*\(", "Predictable random for a security value: use random_bytes/random_int.", 330, LOW, MEDIUM, near=SECURITY_WORDS),
    rule("php.tls-verify-off", r"CURLOPT_SSL_VERIFY(?:PEER|HOST)\s*,\s*(?:false|0)\b|[\"']verify_peer(?:_name)?[\"']\s*=>\s*false", "TLS certificate verification disabled.", 295, HIGH, HIGH),
    rule("php.unserialize", r"\bunserialize\s*\(\s*(?!\$\w+\s*,\s*\[\s*[\"']allowed_classes[\"']\s*=>\s*false)[^)]*\$", "unserialize of untrusted data: object injection.", 502, HIGH, MEDIUM),
    rule("php.include-input", rf"\b(?:include|require)(?:_once)?\b\s*\(?[^;\n]*{_INPUT}", "File inclusion from request input.", 98, HIGH, HIGH),
    rule("php.path-from-request", rf"\b(?:file_get_contents|fopen|readfile|file|unlink|file_put_contents)\s*\([^;\n]*{_INPUT}", "File path from the request: path traversal.", 22, MEDIUM, MEDIUM),
    rule("php.echo-input", rf"\b(?:echo|print)\b[^;\n]*{_INPUT}", "Request input echoed without escaping: cross-site scripting.", 79, MEDIUM, MEDIUM, unless=r"htmlspecialchars|htmlentities|intval|\(int\)"),
]
