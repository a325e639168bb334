"""Ruby (and Rails) rules."""

from codewhisperer_lsp.security.rules import HIGH, LOW, MEDIUM, SECURITY_WORDS, SQL_HEAD, rule

RULES = [
    rule("rb.command", r"\b(?:system|exec|spawn|IO\.popen|Open3\.\w+)\s*\(?\s*\"[^\"\n]*#\{|`[^`\n]*#\{|%x[\{\(\[][^\n]*#\{|\b(?:system|exec)\s*\(?\s*\"[^\"\n]*\"\s*\+", "Shell command with interpolation: command injection; pass arguments separately.", 78, HIGH, MEDIUM),
    rule("rb.kernel-open", r"(?<![.\w])open\(\s*(?:params|request|\"\|)", "Kernel#open with user input can run a command.", 78, HIGH, MEDIUM),
    rule("rb.eval", r"\b(?:eval|instance_eval|class_eval|module_eval)\s*\(?\s*(?![\"'\s<]|do\b)[\w@$]|\.send\(\s*params|\bconstantize\b", "Code evaluation of a value: code injection.", 95, HIGH, MEDIUM),
    rule("rb.sql-interp", rf"(?i)(?:\.(?:where|find_by_sql|execute|exec_query|select_all|order|joins|group|having|pluck|from)\s*\(?\s*\"[^\"\n]*#\{{|\"[^\"\n]*{SQL_HEAD}[^\"\n]*#\{{|[\"'][^\"'\n]*{SQL_HEAD}[^\"'\n]*[\"']\s*\+\s*\w)", "SQL built by interpolation: SQL injection; use placeholders.", 89, HIGH, MEDIUM),
    rule("rb.weak-hash", r"\b(?:Digest::(?:MD5|SHA1)|OpenSSL::Digest::(?:MD5|SHA1))\b|OpenSSL::Digest\.new\(\s*[\"'](?:md5|sha1)[\"']", "Weak hash (MD5/SHA1).", 328, MEDIUM, HIGH),
    rule("rb.insecure-random", r"(?<![.\w])rand\s*\(|\bRandom\.(?:rand|new)\b", "Kernel#rand is predictable: use SecureRandom.", 330, LOW, MEDIUM, near=SECURITY_WORDS),
    rule("rb.tls-verify-off", r"OpenSSL::SSL::VERIFY_NONE|\bverify_ssl\s*:\s*false|\bssl_verify(?:_mode)?\s*:\s*false", "TLS certificate verification disabled.", 295, HIGH, HIGH),
    rule("rb.deserialization", r"\bMarshal\.(?:load|restore)\s*\(|\bYAML\.(?:load|unsafe_load)\s*\((?![^)\n]*permitted_classes)|\bPsych\.unsafe_load\b|\bOj\.load\s*\(", "Deserializing untrusted data can build arbitrary objects.", 502, HIGH, MEDIUM),
    rule("rb.path-from-params", r"\b(?:File\.(?:open|read|new|join)|send_file|IO\.read|File\.write)\s*\(?[^)\n]*params\[", "File path from request params: path traversal.", 22, MEDIUM, MEDIUM),
    rule("rb.html-safe", r"\.html_safe\b|\braw\s*\(?\s*params", "Marking user content html_safe: cross-site scripting.", 79, MEDIUM, LOW),
]
