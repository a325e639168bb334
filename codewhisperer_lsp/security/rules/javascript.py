"""JavaScript and TypeScript rules (Node and browser)."""

from codewhisperer_lsp.security.rules import HIGH, LOW, MEDIUM, SECURITY_WORDS, SQL_HEAD, rule

_BUILT = r"(?:`[^`\n]*\$\{|[\"'][^\"'\n]*[\"']\s*\+|\w+\s*\+)"  # template with ${} or concatenation

RULES = [
    rule("js.eval", r"(?<![\w.])eval\s*\(\s*(?![\"'`][^\"'`]*[\"'`]\s*\))|\bnew\s+Function\s*\(|\bset(?:Timeout|Interval)\(\s*[\"'`]|\bvm\.runIn\w*Context\(", "eval of built code: code injection.", 95, HIGH, MEDIUM),
    rule("js.child-process", rf"\b(?:execSync|exec)\s*\(\s*{_BUILT}|\bspawn(?:Sync)?\([^)\n]*shell\s*:\s*true", "Shell command built from values: command injection; use execFile with an argument array.", 78, HIGH, MEDIUM),
    rule("js.sql-built", rf"(?i)(?:\.(?:query|execute|raw|sequelize\.query|unsafe)\s*\(\s*{_BUILT}|`[^`\n]*{SQL_HEAD}[^`\n]*\$\{{|[\"'][^\"'\n]*{SQL_HEAD}[^\"'\n]*[\"']\s*\+\s*\w)", "SQL built from values: SQL injection; use placeholders.", 89, HIGH, MEDIUM),
    rule("js.weak-hash", r"(?i)createHash\(\s*[\"'](?:md5|md4|sha1)[\"']|\bCryptoJS\.(?:MD5|SHA1)\(", "Weak hash (MD5/SHA1).", 328, MEDIUM, HIGH),
    rule("js.weak-cipher", r"(?i)createCipher(?:iv)?\(\s*[\"'](?:des|des-ede3?|rc4|rc2|bf|aes-\d+-ecb)[\"']|\bcreateCipher\(", "Weak cipher, ECB mode or key-derivation-less createCipher.", 327, MEDIUM, HIGH),
    rule("js.insecure-random", r"\bMath\.random\s*\(\)", "Math.random is predictable: use crypto.randomBytes/randomUUID.", 330, LOW, MEDIUM, near=SECURITY_WORDS),
    rule("js.tls-verify-off", r"\brejectUnauthorized\s*:\s*false|NODE_TLS_REJECT_UNAUTHORIZED[\"'\]]*\s*=\s*[\"']?0|\bstrictSSL\s*:\s*false|\binsecure\s*:\s*true", "TLS certificate verification disabled.", 295, HIGH, HIGH),
    rule("js.dom-xss", r"\.(?:innerHTML|outerHTML)\s*\+?=\s*(?![\"'`][^\"'`$]*[\"'`]\s*;?\s*$)|\bdocument\.write(?:ln)?\s*\(|\bdangerouslySetInnerHTML\b|\.insertAdjacentHTML\(", "HTML built from values: cross-site scripting.", 79, MEDIUM, MEDIUM),
    rule("js.unsafe-deserialization", r"\b(?:serialize\.)?unserialize\s*\(|require\(\s*[\"']node-serialize[\"']\)|\byaml\.load\s*\((?![^)\n]*(?:schema|SAFE))", "Deserializing untrusted data can run code.", 502, HIGH, MEDIUM),
    rule("js.path-from-request", r"\b(?:readFile|readFileSync|createReadStream|sendFile|unlink|writeFile|writeFileSync)\s*\([^)\n]*req\.(?:query|params|body)", "File path from the request: path traversal.", 22, MEDIUM, MEDIUM),
    rule("js.jwt-none", r"(?i)algorithms?\s*:\s*\[?\s*[\"']none[\"']|\bjwt\.decode\(", "JWT accepted without signature verification.", 347, HIGH, MEDIUM),
    rule("js.open-redirect", r"\bres\.redirect\(\s*req\.(?:query|params|body)", "Redirect target from the request: open redirect.", 601, MEDIUM, MEDIUM),
]
