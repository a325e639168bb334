"""Rust rules: shells, SQL built with format!, weak crypto, disabled TLS checks."""

from codewhisperer_lsp.security.rules import HIGH, LOW, MEDIUM, SECURITY_WORDS, SQL_HEAD, rule

RULES = [
    rule("rs.shell-c", r"Command::new\(\s*\"(?:/bin/)?(?:ba|z)?sh\"\s*\)\s*\.args?\(\s*(?:&?\[\s*)?\"-c\"|Command::new\(\s*\"cmd(?:\.exe)?\"\s*\)\s*\.args?\(\s*(?:&?\[\s*)?\"/C\"", "Command run through a shell: command injection.", 78, HIGH, MEDIUM, flags=__import__("re").DOTALL),
    rule("rs.sql-format", rf"(?i)(?:\b(?:query|query_as|query_scalar|execute|prepare|batch_execute|sql_query)(?:::<[^>]*>)?\(\s*&?format!\(|format!\(\s*\"[^\"\n]*{SQL_HEAD})", "SQL built with format!: SQL injection; bind parameters.", 89, HIGH, MEDIUM),
    rule("rs.weak-hash", r"\bmd5::compute\b|\bMd5::(?:new|digest)\b|\bSha1::(?:new|digest|from)\b|MessageDigest::(?:md5|sha1)\(\)|\bmd5::Md5\b|\bsha1::Sha1\b|\bring::digest::SHA1", "Weak hash (MD5/SHA1).", 328, MEDIUM, HIGH),
    rule("rs.insecure-random", r"\bSmallRng\b|\bseed_from_u64\b|\bXorShiftRng\b|\bfastrand::", "Non-cryptographic RNG for a security value: use OsRng/thread_rng.", 330, LOW, MEDIUM, near=SECURITY_WORDS),
    rule("rs.tls-verify-off", r"\.danger_accept_invalid_(?:certs|hostnames)\(\s*true\s*\)|SslVerifyMode::NONE|\.dangerous\(\)\s*\.set_certificate_verifier", "TLS certificate verification disabled.", 295, HIGH, HIGH),
    rule("rs.path-format", r"\b(?:File::open|File::create|fs::read_to_string|fs::read|fs::remove_file)\(\s*&?format!\(", "File path built from values: path traversal.", 22, LOW, LOW),
    rule("rs.transmute", r"\bmem::transmute\b|\bfrom_raw_parts(?:_mut)?\(", "Unchecked memory reinterpretation.", 119, LOW, LOW),
]
