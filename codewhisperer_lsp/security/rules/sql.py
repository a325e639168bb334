"""SQL rules: dynamic SQL, shell escapes, credentials and privileges in scripts."""

from codewhisperer_lsp.security.rules import HIGH, LOW, MEDIUM, SECURITY_WORDS, rule

_I = __import__("re").IGNORECASE

RULES = [
    rule("sql.dynamic-exec", r"\bEXEC(?:UTE)?\s*\(\s*(?:@\w+|'[^']*'\s*\+)|\bEXECUTE\s+IMMEDIATE\s+[^;]*\|\||\bEXECUTE\s+(?!IMMEDIATE)'[^']*'\s*\|\||\bEXEC(?:UTE)?\s+(?:sp_executesql\s+)?@\w+\s*;?\s*$", "Dynamic SQL built from values: SQL injection; use parameters (sp_executesql with @params, format with %L/%I).", 89, HIGH, MEDIUM, flags=_I),
    rule("sql.concat-build", r"\bSET\s+@\w+\s*=\s*'[^']*\b(?:SELECT|INSERT|UPDATE|DELETE|WHERE)\b[^']*'\s*\+\s*@|\bformat\(\s*'[^']*\b(?:SELECT|INSERT|UPDATE|DELETE|WHERE)\b[^']*%s", "SQL text assembled from variables: SQL injection.", 89, HIGH, MEDIUM, flags=_I),
    rule("sql.xp-cmdshell", r"\bxp_cmdshell\b", "xp_cmdshell runs operating-system commands.", 78, HIGH, HIGH, flags=_I),
    rule("sql.hardcoded-password", r"\bIDENTIFIED\s+BY\s+'[^']+'|\bPASSWORD\s*=\s*'[^']+'|\bPASSWORD\s+'[^']+'", "Hard-coded password in a SQL script.", 798, MEDIUM, HIGH, flags=_I),
    rule("sql.grant-all-public", r"\bGRANT\s+ALL\b[^;]*\bTO\s+(?:PUBLIC\b|'?\w*'?@'%')", "All privileges granted broadly.", 732, MEDIUM, HIGH, flags=_I),
    rule("sql.weak-hash", r"\b(?:MD5|SHA1)\s*\(|\bHASHBYTES\s*\(\s*'(?:MD2|MD4|MD5|SHA|SHA1)'", "Weak hash (MD5/SHA1) for a security value.", 328, MEDIUM, MEDIUM, flags=_I, near=SECURITY_WORDS),
    rule("sql.file-access", r"\bINTO\s+(?:OUTFILE|DUMPFILE)\b|\bLOAD_FILE\s*\(|\bpg_read_file\s*\(|\bCOPY\s+\w+\s+(?:FROM|TO)\s+PROGRAM\b", "Server-side file or program access.", 22, MEDIUM, MEDIUM, flags=_I),
    rule("sql.insecure-random", r"\b(?:RAND|RANDOM)\s*\(\s*\)", "RAND()/random() is predictable for a security value.", 330, LOW, MEDIUM, flags=_I, near=SECURITY_WORDS),
]
