"""Go rules."""

from codewhisperer_lsp.security.rules import HIGH, LOW, MEDIUM, SECURITY_WORDS, SQL_HEAD, rule

RULES = [
    rule("go.exec-shell", r"\bexec\.Command(?:Context)?\(\s*(?:ctx\s*,\s*)?\"(?:/bin/)?(?:ba|z)?sh\"\s*,\s*\"-c\"|\bexec\.Command(?:Context)?\([^)\n]*(?:\+|fmt\.Sprintf)", "Command built from values and run through a shell: command injection.", 78, HIGH, MEDIUM),
    rule("go.sql-built", rf"(?i)(?:\.(?:Query|QueryRow|Exec|QueryContext|ExecContext|QueryRowContext|Prepare|Raw|Select|Get)\(\s*(?:ctx\s*,\s*)?(?:\"[^\"\n]*\"\s*\+|fmt\.Sprintf\()|fmt\.Sprintf\(\s*\"[^\"\n]*{SQL_HEAD}|\"[^\"\n]*{SQL_HEAD}[^\"\n]*\"\s*\+\s*\w)", "SQL built from values: SQL injection; use ? / $1 placeholders.", 89, HIGH, MEDIUM),
    rule("go.weak-hash", r"\b(?:md5|sha1)\.(?:New|Sum)\s*\(", "Weak hash (MD5/SHA1).", 328, MEDIUM, HIGH),
    rule("go.weak-cipher", r"\b(?:des\.New(?:TripleDES)?Cipher|rc4\.NewCipher)\s*\(", "Weak cipher (DES/RC4).", 327, MEDIUM, HIGH),
    rule("go.insecure-random", r"\brand\.(?:Intn|Int|Int31|Int63|Int63n|Uint32|Uint64|Read|Perm|Shuffle|N|IntN)\s*\(", "math/rand is predictable: use crypto/rand.", 330, LOW, MEDIUM, near=SECURITY_WORDS, file_requires=r"\"math/rand(?:/v2)?\""),
    rule("go.tls-verify-off", r"\bInsecureSkipVerify\s*:\s*true", "TLS certificate verification disabled.", 295, HIGH, HIGH),
    rule("go.path-from-request", r"\b(?:os\.(?:Open|ReadFile|Remove|Create)|ioutil\.ReadFile|http\.ServeFile|filepath\.Join)\([^)\n]*(?:\.FormValue\(|\.URL\.Query\(\)|\.URL\.Path|PostFormValue\()", "File path from the request: path traversal.", 22, MEDIUM, MEDIUM),
    rule("go.template-unescaped", r"\btemplate\.(?:HTML|JS|URL|HTMLAttr)\(\s*(?!\")", "Unescaped template content from a value: cross-site scripting.", 79, MEDIUM, MEDIUM),
    rule("go.bind-all", r"\bListen(?:AndServe)?\w*\(\s*(?:\"tcp\"\s*,\s*)?\"(?:0\.0\.0\.0)?:\d+\"", "Listening on all interfaces.", 605, LOW, LOW),
]
