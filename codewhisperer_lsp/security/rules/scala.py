"""Scala rules (JVM APIs plus s-interpolators and sys.process)."""

from codewhisperer_lsp.security.rules import HIGH, LOW, MEDIUM, SECURITY_WORDS, SQL_HEAD, rule

RULES = [
    rule("scala.process-interp", r"\bs\"[^\"\n]*\$[^\"\n]*\"\s*\.\s*!!?|\bSeq\(\s*\"(?:/bin/)?(?:ba)?sh\"\s*,\s*\"-c\"|Runtime\.getRuntime\(\)\.exec\(\s*(?:s\"|[^\"\s)])|\bProcess\(\s*s\"", "Shell command built from interpolated values: command injection.", 78, HIGH, MEDIUM),
    rule("scala.sql-interp", rf"(?i)(?:\b(?:executeQuery|executeUpdate|execute|prepareStatement|createQuery)\(\s*(?:s\"[^\"\n]*\$|\"[^\"\n]*\"\s*\+)|\bs\"[^\"\n]*{SQL_HEAD}[^\"\n]*\$|\"[^\"\n]*{SQL_HEAD}[^\"\n]*\"\s*\+\s*\w|\bsql\"[^\"\n]*#\$)", "SQL built by interpolation: SQL injection; use bound parameters (sql\"...\" without #$).", 89, HIGH, MEDIUM),
    rule("scala.weak-hash", r"(?i)MessageDigest\.getInstance\(\s*\"(?:MD5|MD2|SHA-?1|SHA)\"", "Weak hash (MD5/SHA1).", 328, MEDIUM, HIGH),
    rule("scala.weak-cipher", r"Cipher\.getInstance\(\s*\"(?:DES|DESede|RC2|RC4|AES|AES/ECB[^\"]*)(?:/[^\"]*)?\"", "Weak cipher or ECB mode.", 327, MEDIUM, HIGH, unless=r"\"AES/(?:GCM|CBC|CTR)"),
    rule("scala.insecure-random", r"\b(?:scala\.util\.Random\b|new\s+(?:java\.util\.)?Random\s*\(|Random\.next\w+|Random\.alphanumeric)", "scala.util.Random is predictable: use SecureRandom.", 330, LOW, MEDIUM, near=SECURITY_WORDS),
    rule("scala.trust-all", r"def\s+checkServerTrusted\([^)]*\)\s*(?::\s*Unit\s*)?=\s*(?:\{\s*\}|\(\))|setHostnameVerifier\([^)\n]*=>\s*true|acceptAnyCertificate\s*=\s*true", "TLS certificate or host name verification disabled.", 295, HIGH, HIGH),
    rule("scala.deserialization", r"\bnew\s+(?:java\.io\.)?ObjectInputStream\s*\(", "Java deserialization of untrusted data.", 502, HIGH, MEDIUM),
    rule("scala.path-from-request", r"\b(?:new\s+File|Source\.fromFile|Paths\.get)\([^)\n]*(?:request\.|getQueryString|queryString|params)", "File path from the request: path traversal.", 22, MEDIUM, MEDIUM),
]
