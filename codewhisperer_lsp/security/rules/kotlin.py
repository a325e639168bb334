"""Kotlin rules (JVM APIs plus Kotlin string templates and Android calls)."""

from codewhisperer_lsp.security.rules import HIGH, LOW, MEDIUM, SECURITY_WORDS, SQL_HEAD, rule

RULES = [
    rule("kt.runtime-exec", r"\bRuntime\.getRuntime\(\)\.exec\(\s*(?:\"[^\"\n]*\$|\"[^\"\n]*\"\s*\+|[^\"\s)])", "Runtime.exec with a built command: command injection.", 78, HIGH, MEDIUM),
    rule("kt.shell-c", r"\bProcessBuilder\(\s*(?:listOf\(\s*)?\"(?:/bin/)?(?:ba|z)?sh\"\s*,\s*\"-c\"", "Command run through a shell: command injection.", 78, HIGH, MEDIUM),
    rule("kt.sql-template", rf"(?i)(?:\b(?:executeQuery|executeUpdate|execute|prepareStatement|rawQuery|execSQL|createQuery|createNativeQuery)\(\s*(?:\"[^\"\n]*\$\{{?\w|\"[^\"\n]*\"\s*\+)|\"[^\"\n]*{SQL_HEAD}[^\"\n]*(?:\$\{{?\w[^\"\n]*\"|\"\s*\+\s*\w))", "SQL built from a string template: SQL injection; bind parameters.", 89, HIGH, MEDIUM),
    rule("kt.weak-hash", r"(?i)MessageDigest\.getInstance\(\s*\"(?:MD5|MD2|SHA-?1|SHA)\"", "Weak hash (MD5/SHA1).", 328, MEDIUM, HIGH),
    rule("kt.weak-cipher", r"Cipher\.getInstance\(\s*\"(?:DES|DESede|RC2|RC4|Blowfish|AES|AES/ECB[^\"]*)(?:/[^\"]*)?\"", "Weak cipher or ECB mode.", 327, MEDIUM, HIGH, unless=r"\"AES/(?:GCM|CBC|CTR)"),
    rule("kt.insecure-random", r"\b(?:java\.util\.Random\(|Random\(\s*\w*\s*\)\.next|Random\.next\w+\(|Math\.random\(\))", "Predictable random for a security value: use SecureRandom.", 330, LOW, MEDIUM, near=SECURITY_WORDS),
    rule("kt.trust-all", r"fun\s+checkServerTrusted\([^)]*\)\s*(?:\{\s*\}|=\s*Unit)|[hH]ostnameVerifier\s*\{\s*_\s*,\s*_\s*->\s*true\s*\}|ALLOW_ALL_HOSTNAME_VERIFIER", "TLS certificate or host name verification disabled.", 295, HIGH, HIGH),
    rule("kt.deserialization", r"\bObjectInputStream\s*\(", "Java deserialization of untrusted data.", 502, HIGH, MEDIUM),
    rule("kt.webview-js-bridge", r"\.addJavascriptInterface\s*\(", "JavaScript bridge exposes app methods to web content.", 749, MEDIUM, MEDIUM),
    rule("kt.path-from-request", r"\bFile\([^)\n]*(?:call\.parameters|request\.|params\[|queryParameters)", "File path from the request: path traversal.", 22, MEDIUM, MEDIUM),
    rule("kt.world-readable", r"\bMODE_WORLD_(?:READABLE|WRITEABLE)\b", "World-accessible file mode.", 732, MEDIUM, HIGH),
]
