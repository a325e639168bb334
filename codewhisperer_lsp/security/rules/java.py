"""Java rules."""

from codewhisperer_lsp.security.rules import HIGH, LOW, MEDIUM, SECURITY_WORDS, SQL_HEAD, rule

RULES = [
    rule("java.runtime-exec", r"\bRuntime\.getRuntime\(\)\.exec\(\s*(?:\"[^\"\n]*\"\s*\+|[^\"\s)])", "Runtime.exec with a built command: command injection.", 78, HIGH, MEDIUM),
    rule("java.shell-c", r"\bProcessBuilder\(\s*(?:new\s+String\[\]\s*\{\s*)?\"(?:/bin/)?(?:ba|z)?sh\"\s*,\s*\"-c\"|\"cmd(?:\.exe)?\"\s*,\s*\"/c\"", "Command run through a shell: command injection.", 78, HIGH, MEDIUM),
    rule("java.sql-concat", rf"(?i)(?:\b(?:executeQuery|executeUpdate|execute|addBatch|prepareStatement|createQuery|createNativeQuery|nativeQuery)\(\s*\"[^\"\n]*\"\s*\+|\"[^\"\n]*{SQL_HEAD}[^\"\n]*\"\s*\+\s*\w|String\.format\(\s*\"[^\"\n]*{SQL_HEAD}[^\"\n]*%s)", "SQL built by string concatenation: SQL injection; use PreparedStatement parameters.", 89, HIGH, MEDIUM),
    rule("java.weak-hash", r"(?i)MessageDigest\.getInstance\(\s*\"(?:MD5|MD2|MD4|SHA-?1|SHA)\"", "Weak hash (MD5/SHA1).", 328, MEDIUM, HIGH),
    rule("java.weak-cipher", r"Cipher\.getInstance\(\s*\"(?:DES|DESede|RC2|RC4|ARCFOUR|Blowfish|AES|AES/ECB[^\"]*)(?:/[^\"]*)?\"", "Weak cipher or ECB mode.", 327, MEDIUM, HIGH, unless=r"\"AES/(?:GCM|CBC|CTR)"),
    rule("java.insecure-random", r"\bnew\s+(?:java\.util\.)?Random\s*\(|\bMath\.random\(\)", "java.util.Random is predictable: use SecureRandom.", 330, LOW, MEDIUM, near=SECURITY_WORDS),
    rule("java.trust-all", r"void\s+checkServerTrusted\([^)]*\)\s*(?:throws\s+[\w.]+\s*)?\{\s*\}|ALLOW_ALL_HOSTNAME_VERIFIER|NoopHostnameVerifier|setHostnameVerifier\(\s*\(\s*\w*\s*,\s*\w*\s*\)\s*->\s*true", "TLS certificate or host name verification disabled.", 295, HIGH, HIGH),
    rule("java.deserialization", r"\bnew\s+(?:java\.io\.)?ObjectInputStream\s*\(|\bnew\s+(?:java\.beans\.)?XMLDecoder\s*\(|\benableDefaultTyping\s*\(", "Java deserialization of untrusted data.", 502, HIGH, MEDIUM),
    rule("java.script-eval", r"\b\w*[eE]ngine\.eval\(\s*[^\"\s)]", "Script engine evaluates a built string: code injection.", 95, HIGH, MEDIUM),
    rule("java.path-from-request", r"\bnew\s+(?:File|FileInputStream|FileReader|FileOutputStream)\([^;\n]*(?:getParameter|getHeader|getPathInfo)\(|Paths\.get\([^;\n]*getParameter\(", "File path from the request: path traversal.", 22, MEDIUM, MEDIUM),
    rule("java.cookie-not-secure", r"\.setSecure\(\s*false\s*\)|\.setHttpOnly\(\s*false\s*\)", "Cookie without Secure/HttpOnly.", 614, LOW, MEDIUM),
    rule("java.xxe", r"setFeature\(\s*\"http://apache\.org/xml/features/disallow-doctype-decl\"\s*,\s*false", "XML external entities enabled.", 611, MEDIUM, MEDIUM),
]
