"""C# rules."""

from codewhisperer_lsp.security.rules import HIGH, LOW, MEDIUM, SECURITY_WORDS, SQL_HEAD, rule

RULES = [
    rule("cs.process-start", r"\bProcess\.Start\(\s*(?:\"[^\"\n]*\"\s*,\s*)?(?:\$\"|\"[^\"\n]*\"\s*\+|\w+\s*\+)|\bArguments\s*=\s*(?:\$\"[^\"\n]*\{|\"[^\"\n]*\"\s*\+)", "Process started with a built command line: command injection.", 78, HIGH, MEDIUM),
    rule("cs.sql-built", rf"(?i)(?:\bnew\s+(?:Sql|OleDb|Odbc|MySql|Npgsql|Sqlite)Command\(\s*(?:\$\"|\"[^\"\n]*\"\s*\+)|\bCommandText\s*=\s*(?:\$\"|\"[^\"\n]*\"\s*\+)|\b(?:FromSqlRaw|ExecuteSqlRaw)\(\s*(?:\$\"|\"[^\"\n]*\"\s*\+)|\$\"[^\"\n]*{SQL_HEAD}[^\"\n]*\{{|\"[^\"\n]*{SQL_HEAD}[^\"\n]*\"\s*\+\s*\w)", "SQL built from values: SQL injection; use SqlParameter.", 89, HIGH, MEDIUM),
    rule("cs.weak-hash", r"\b(?:MD5|SHA1)(?:CryptoServiceProvider|Managed|Cng)?\.Create\(|\bnew\s+(?:MD5|SHA1)(?:CryptoServiceProvider|Managed|Cng)\(|HashAlgorithm\.Create\(\s*\"(?:MD5|SHA1)\"|\b(?:MD5|SHA1)\.HashData\(", "Weak hash (MD5/SHA1).", 328, MEDIUM, HIGH),
    rule("cs.weak-cipher", r"\b(?:DES|TripleDES|RC2)(?:CryptoServiceProvider)?\.Create\(|\bnew\s+(?:DES|TripleDES|RC2)CryptoServiceProvider\(|CipherMode\.ECB", "Weak cipher or ECB mode.", 327, MEDIUM, HIGH),
    rule("cs.insecure-random", r"\bnew\s+(?:System\.)?Random\s*\(|\bRandom\.Shared\.", "System.Random is predictable: use RandomNumberGenerator.", 330, LOW, MEDIUM, near=SECURITY_WORDS),
    rule("cs.tls-verify-off", r"ServerCertificate(?:Custom)?ValidationCallback\s*\+?=\s*(?:\([^)]*\)|\w+|delegate[^{]*\{\s*return)\s*(?:=>)?\s*true|DangerousAcceptAnyServerCertificateValidator", "TLS certificate validation disabled.", 295, HIGH, HIGH),
    rule("cs.deserialization", r"\bnew\s+(?:BinaryFormatter|NetDataContractSerializer|LosFormatter|ObjectStateFormatter|SoapFormatter)\s*\(|TypeNameHandling\s*=\s*TypeNameHandling\.(?:All|Auto|Objects)", "Insecure deserializer: remote code execution.", 502, HIGH, HIGH),
    rule("cs.path-from-request", r"\b(?:File\.(?:ReadAllText|ReadAllBytes|Open|OpenRead|WriteAllText|Delete)|Path\.Combine|PhysicalFile)\([^;\n]*Request\.(?:Query|Form|QueryString|Params)", "File path from the request: path traversal.", 22, MEDIUM, MEDIUM),
    rule("cs.xxe", r"DtdProcessing\s*=\s*DtdProcessing\.Parse|XmlResolver\s*=\s*new\s+XmlUrlResolver", "XML external entities enabled.", 611, MEDIUM, HIGH),
    rule("cs.html-raw", r"@?Html\.Raw\(\s*(?!\")", "Html.Raw of a value: cross-site scripting.", 79, MEDIUM, LOW),
]
