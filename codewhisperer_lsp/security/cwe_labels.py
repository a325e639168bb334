"""The CWE numbers a finding carries: its own, then the broader weakness it is a kind of.

Engines label a finding with the most specific CWE they know (eval: CWE-95, a hard-coded password:
CWE-259, MD5: CWE-328, a host name left unchecked: CWE-297). Dashboards, benchmarks and reviewers
often file the same weakness under its parent in MITRE's research view (CWE-1000): code injection
CWE-94, hard-coded credentials CWE-798, a broken or risky algorithm CWE-327, certificate validation
CWE-295. A finding lists both, the specific one first, as CodeQL's queries tag theirs. Only
parent links are added, never siblings: a finding never claims a weakness it did not see.
"""

from __future__ import annotations

from dataclasses import replace

from codewhisperer_lsp.security.findings import Finding

# child -> parent (ChildOf in CWE-1000)
PARENTS: dict[int, int] = {
    95: 94,    # eval injection -> code injection
    259: 798,  # hard-coded password -> hard-coded credentials
    321: 798,  # hard-coded cryptographic key -> hard-coded credentials
    328: 327,  # weak hash -> broken or risky cryptographic algorithm
    297: 295,  # certificate with host mismatch -> improper certificate validation
    329: 1204,  # predictable IV with CBC mode -> weak initialization vector
    759: 916,  # one-way hash without a salt -> password hash with too little effort
    760: 916,  # one-way hash with a predictable salt -> password hash with too little effort
    916: 328,  # password hash with too little effort -> weak hash
}


def with_parents(cwes: tuple[int, ...]) -> tuple[int, ...]:
    """`cwes` in order, each followed by its parents not already listed."""
    out: list[int] = []
    for cwe in cwes:
        while cwe and cwe not in out:
            out.append(cwe)
            cwe = PARENTS.get(cwe, 0)
    return tuple(out)


def labelled(finding: Finding) -> Finding:
    """The finding with its CWEs' parents added (the same object when there are none to add)."""
    cwes = with_parents(finding.cwe)
    return finding if cwes == finding.cwe else replace(finding, cwe=cwes)
