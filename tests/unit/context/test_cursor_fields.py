"""Cursor context fields besides the kind: indentation, enclosing function, literal flags."""

from codewhisperer_lsp.context.cursor import CompletionKind as K
from codewhisperer_lsp.context.cursor import analyze
from codewhisperer_lsp.context.documents import DocumentTree

from .conftest import split_cursor


def at(language_id, marked):
    text, line, character = split_cursor(marked)
    return analyze(DocumentTree(f"file:///f.{language_id}", language_id, text, 1), line, character)


def test_python_function_body_indent_and_signature():
    ctx = at("python", "class A:\n    def area(self, r):<|>\n")
    assert ctx.kind is K.FUNCTION_BODY
    assert ctx.indent.text == "    " and ctx.indent.unit == "    "
    assert ctx.block_indent == "        "
    assert ctx.enclosing_function.name == "area"
    assert ctx.enclosing_function.header == "def area(self, r):"


def test_go_file_indents_with_tabs():
    ctx = at("go", "package main\n\nfunc f() {\n\tfor {\n\t\t<|>\n\t}\n}\n")
    assert ctx.kind is K.BLOCK_BODY
    assert ctx.indent.unit == "\t" and ctx.block_indent == "\t\t"


def test_two_space_unit_detected_despite_cpp_access_labels_and_javadoc():
    assert at("cpp", "class A {\n public:\n  int get() {\n    <|>\n  }\n};\n").indent.unit == "  "
    java = "class A {\n  /**\n   * Doc.\n   */\n  void f() {\n    <|>\n  }\n}\n"
    assert at("java", java).indent.unit == "  "


def test_allman_braces_take_the_signature_indent():
    ctx = at("csharp", "class A\n{\n    int Add(int a)\n    {\n<|>\n    }\n}\n")
    assert ctx.kind is K.FUNCTION_BODY
    assert ctx.block_indent == "        "
    assert ctx.enclosing_function.name == "Add"


def test_c_function_name_comes_from_the_declarator():
    ctx = at("c", "static int *make(int n) {\n    <|>\n}\n")
    assert ctx.enclosing_function.name == "make"


def test_arrow_function_takes_its_variable_name():
    ctx = at("typescript", "const add = (a: number) => {\n  <|>\n};\n")
    assert ctx.kind is K.FUNCTION_BODY and ctx.enclosing_function.name == "add"


def test_blank_line_after_python_function_is_outside_it():
    assert at("python", "def f():\n    return 1\n\n<|>\n").enclosing_function is None
    assert at("python", "def f():\n    x = 1\n    <|>\n").enclosing_function.name == "f"


def test_string_and_comment_flags():
    ctx = at("javascript", "const s = 'a<|>b';\n")
    assert (ctx.kind, ctx.in_string, ctx.in_comment) == (K.NONE, True, False)
    ctx = at("rust", "fn f() {} // trailing<|>\n")
    assert (ctx.kind, ctx.in_string, ctx.in_comment) == (K.COMMENT, False, True)


def test_template_interpolation_is_code_not_string():
    ctx = at("javascript", "const s = `a ${user.na<|>} b`;\n")
    assert not ctx.in_string and ctx.kind is K.SINGLE_LINE_MID


def test_after_block_comment_end_is_code():
    ctx = at("c", "int x = 1; /* set */<|>\n")
    assert not ctx.in_comment and ctx.kind is K.LINE


def test_crlf_and_emoji_positions_are_respected():
    marked = "# 😀 emoji\r\ndef f(a):\r\n    s = '😀😀<|>'\r\n"
    ctx = at("python", marked)
    assert ctx.in_string and ctx.kind is K.SINGLE_LINE_MID  # a one-line string is finished like a line
    text, _, _ = split_cursor(marked)
    assert text[ctx.offset - 2 :ctx.offset] == "😀😀"
    ctx = at("python", "s = '中文'\r\ndef f(a):\r\n<|>\r\n")
    assert ctx.kind is K.FUNCTION_BODY and ctx.block_indent == "    "


def test_out_of_range_cursor_is_clamped():
    doc = DocumentTree("file:///a.py", "python", "def f():\n    pass\n", 1)
    assert analyze(doc, 99, 99).offset == len(doc.text)
    assert analyze(doc, 0, 999).offset == len("def f():")


def test_unsupported_language_still_answers_line_kinds():
    doc = DocumentTree("file:///a.txt", "plaintext", "hello wor\nx", 1)
    assert analyze(doc, 0, 5).kind is K.SINGLE_LINE_MID
    assert analyze(doc, 0, 9).kind is K.LINE


def test_analyze_accepts_a_snapshot():
    doc = DocumentTree("file:///a.rs", "rust", "fn f() {\n    \n}\n", 1)
    assert analyze(doc.snapshot(), 1, 4).kind is K.FUNCTION_BODY


def test_body_with_content_below_is_a_line_not_a_block():
    assert at("python", "if x:\n<|>\n    y()\n").kind is K.LINE
    assert at("python", "if x:\n    <|>\nelse:\n    pass\n").kind is K.BLOCK_BODY
