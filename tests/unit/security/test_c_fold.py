"""The C/C++ text semgrep reads: this file's short macros expanded and constant `if` branches
folded, with every byte at its original offset."""

from codewhisperer_lsp.security.engines import c_fold
from codewhisperer_lsp.security.engines.secrets_engine import is_run_of_characters

SOURCE = """#define RUN_COMMAND execl
#define ARGS cmd
#ifdef _WIN32
#define GET_ENV _wgetenv_long_name
#else
#define GET_ENV getenv
#endif
void f(char *cmd)
{
    if (5 == 5) {
        free(cmd);
    }
    if (0) {
        dead(cmd);
    } else {
        alive(cmd);
    }
    if (n > 1) {
        kept(cmd);
    }
    RUN_COMMAND("/bin/sh", "sh", ARGS, GET_ENV("X"), NULL);
}
"""


def test_offsets_and_lines_stay_where_they_were():
    folded = c_fold.fold(SOURCE)
    assert len(folded.encode()) == len(SOURCE.encode())
    assert [len(line) for line in folded.split("\n")] == [len(line) for line in SOURCE.split("\n")]


def test_short_macros_expand_and_the_last_definition_that_fits_wins():
    folded = c_fold.fold(SOURCE)
    assert 'execl      ("/bin/sh", "sh", cmd , getenv ("X"), NULL);' in folded
    assert "#define RUN_COMMAND execl" in folded  # the definition itself is left alone


def test_a_constant_true_branch_is_flattened_and_a_false_one_removed():
    lines = c_fold.fold(SOURCE).split("\n")
    assert lines[9].strip() == "" and lines[10].strip() == "free(cmd);" and lines[11].strip() == ""
    assert "dead" not in "\n".join(lines) and lines[15].strip() == "alive(cmd);"
    assert lines[17].strip() == "if (n > 1) {"  # not a constant: kept as it is


def test_non_ascii_text_keeps_its_bytes():
    text = 'void g(void) {\n    if (1) { puts("héllo ✓"); }\n}\n'
    folded = c_fold.fold(text)
    assert len(folded.encode()) == len(text.encode()) and 'puts("héllo ✓");' in folded


def test_counting_runs_are_not_secrets_but_random_hex_is():
    assert is_run_of_characters("0123456789abcdef0123456789abcde")
    assert is_run_of_characters("ABCDEFGHIJKLMNOP")
    assert not is_run_of_characters("3f621160ebb978192605f84642406e07")
    assert not is_run_of_characters("0123")
