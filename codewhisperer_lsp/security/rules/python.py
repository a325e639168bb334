"""Python rules: used when bandit is missing and for quick checks; bandit remains the main engine."""

from codewhisperer_lsp.security.rules import HIGH, LOW, MEDIUM, SECURITY_WORDS, SQL_HEAD, rule

RULES = [
    rule("py.shell-true", r"\bsubprocess\.\w+\([^\n]*shell\s*=\s*True", "Subprocess call with shell=True: command injection risk.", 78, HIGH, HIGH),
    rule("py.os-system", r"\bos\.(?:system|popen)\s*\(", "Shell command via os.system/os.popen: command injection risk.", 78, HIGH, MEDIUM),
    rule("py.eval", r"(?<![\w.])(?:eval|exec)\s*\(\s*(?![\"'])", "eval/exec of a non-literal: code injection.", 95, HIGH, MEDIUM),
    rule("py.unsafe-deserialization", r"\b(?:pickle|cPickle|dill|shelve|marshal|jsonpickle)\.(?:loads?|open|decode)\s*\(", "Deserializing untrusted data can run arbitrary code.", 502, HIGH, MEDIUM),
    rule("py.yaml-load", r"\byaml\.(?:load|load_all)\s*\((?![^\n)]*Loader\s*=\s*(?:yaml\.)?(?:C?SafeLoader|BaseLoader))", "yaml.load without SafeLoader can build arbitrary objects.", 502, HIGH, HIGH),
    rule("py.weak-hash", r"\bhashlib\.(?:md5|sha1|md4)\s*\((?![^\n)]*usedforsecurity\s*=\s*False)|\bhashlib\.new\(\s*[\"'](?:md5|sha1|md4)[\"']", "Weak hash (MD5/SHA1) used for security.", 327, MEDIUM, HIGH),
    rule("py.insecure-random", r"\brandom\.(?:random|randint|choice|choices|randrange|getrandbits|sample)\s*\(", "The random module is predictable: use secrets for security values.", 330, LOW, MEDIUM, near=SECURITY_WORDS),
    rule("py.tls-verify-off", r"\bverify\s*=\s*False|\bssl\._create_unverified_context\b|\bCERT_NONE\b|\bcheck_hostname\s*=\s*False", "TLS certificate verification disabled.", 295, HIGH, HIGH),
    rule("py.sql-format", rf"(?i)(?:\.execute(?:many)?\s*\(\s*(?:f[\"']|[\"'][^\"'\n]*[\"']\s*(?:%|\+|\.format\b))|\bf[\"'][^\"'\n]*{SQL_HEAD}[^\"'\n]*\{{|[\"'][^\"'\n]*{SQL_HEAD}[^\"'\n]*[\"']\s*(?:%\s*[\w(]|\+\s*\w|\.format\s*\())", "SQL built by string formatting: SQL injection; use query parameters.", 89, HIGH, MEDIUM),
    rule("py.path-from-request", r"\bopen\s*\([^\n)]*request\.(?:args|form|values|GET|POST|files)", "File path taken from the request: path traversal.", 22, MEDIUM, MEDIUM),
    rule("py.mktemp", r"\btempfile\.mktemp\s*\(", "tempfile.mktemp is racy: use mkstemp/NamedTemporaryFile.", 377, MEDIUM, HIGH),
    rule("py.flask-debug", r"\.run\s*\([^\n)]*debug\s*=\s*True", "Debug mode exposes an interactive console.", 94, HIGH, MEDIUM),
    rule("py.bind-all", r"[\"']0\.0\.0\.0[\"']", "Binding to all interfaces.", 605, LOW, LOW),
]
