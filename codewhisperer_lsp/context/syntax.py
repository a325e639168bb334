"""Node-type knowledge shared across the 15 grammars, and small tree helpers.

The grammars name the same ideas differently (`function_item`, `method_declaration`,
`func_literal`...). Naming them once here lets the cursor analysis and the block cutter ask
"is this a function?" without a per-language branch at every call site.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import tree_sitter

from .languages import new_parser, resolve

logger = logging.getLogger(__name__)

FUNCTION_NODES = frozenset({
    "function_definition", "function_declaration", "method_declaration", "constructor_declaration",
    "method_definition", "function_item", "method", "singleton_method", "arrow_function",
    "function_expression", "generator_function_declaration", "generator_function", "func_literal",
    "local_function_statement", "lambda_expression", "anonymous_function", "secondary_constructor",
    "destructor_declaration", "operator_declaration", "closure_expression", "function",
    "anonymous_function_creation_expression",
    "arrow_function_expression", "compact_constructor_declaration",
})

CLASS_NODES = frozenset({
    "class_definition", "class_declaration", "class_body", "interface_declaration", "interface_body",
    "struct_declaration", "record_declaration", "enum_declaration", "impl_item", "trait_item",
    "object_declaration", "object_definition", "trait_definition", "class", "module", "singleton_class",
    "namespace_definition", "namespace_declaration", "declaration_list", "field_declaration_list",
    "template_body", "class_specifier", "struct_specifier", "trait_declaration", "abstract_class_declaration",
    "companion_object", "enum_class_body", "file_scoped_namespace_declaration",
})

# Wrappers that neither open a scope nor close one, looked through when asking "top level?".
WRAPPER_NODES = frozenset({
    "decorated_definition", "export_statement", "template_declaration", "body_statement",
    "ERROR", "block", "modifiers", "annotated_definition",
})

CONTROL_NODES = frozenset({
    "if_statement", "else_clause", "elif_clause", "else", "elsif", "for_statement", "for_in_statement",
    "enhanced_for_statement", "foreach_statement", "while_statement", "do_statement", "try_statement",
    "catch_clause", "finally_clause", "except_clause", "with_statement", "match_statement",
    "case_clause", "switch_statement", "switch_expression", "switch_block", "switch_case",
    "switch_section", "switch_block_statement_group", "expression_case", "type_case",
    "default_case", "communication_case", "select_statement", "type_switch_statement",
    "expression_switch_statement", "when_expression", "when_entry", "if_expression",
    "while_expression", "loop_expression", "for_expression", "match_expression", "match_arm",
    "match_block", "unless", "until", "while", "for", "if", "case", "when", "begin", "rescue",
    "ensure", "do_block", "case_statement", "case_item", "c_style_for_statement", "until_statement",
    "using_statement", "lock_statement", "unsafe_block", "async_block", "try_with_resources_statement",
    "synchronized_statement", "lambda_literal", "block_expression", "do_while_statement",
    "try_expression", "catch_block", "finally_block", "else_if_clause", "if_let_expression",
    "while_let_expression", "static_initializer", "subshell", "compound_statement_block",
    "labeled_statement", "case_block", "catch_statement", "finally_statement",
    "colon_block", "switch_body", "do_while_loop", "for_loop", "while_loop", "for_range_loop",
    "do_group", "if_clause", "else_if_clause",
})

# A `{` whose parent is one of these opens data, not a block of statements.
DATA_NODES = frozenset({
    "object", "object_pattern", "literal_value", "initializer_list", "array_initializer",
    "dictionary", "set", "struct_expression", "field_initializer_list", "array", "hash",
    "initializer_expression", "array_creation_expression", "composite_literal",
    "enum_body", "object_type", "interface_body_type", "collection_literal",
})

STRING_EXTRA_NODES = frozenset({
    "char_literal", "character_literal", "text_block", "heredoc_body", "heredoc", "raw_string",
    "nowdoc", "heredoc_content",
})
INTERPOLATION_NODES = frozenset({
    "template_substitution", "interpolation", "string_interpolation", "interpolated_expression",
    "expansion", "command_substitution", "simple_expansion", "interpolated_identifier",
})


def is_comment(node: tree_sitter.Node) -> bool:
    return "comment" in node.type


def is_string(node: tree_sitter.Node) -> bool:
    return "string" in node.type or node.type in STRING_EXTRA_NODES


def ancestors(node: tree_sitter.Node | None) -> Iterator[tree_sitter.Node]:
    """The node itself, then each parent up to the root."""
    while node is not None:
        yield node
        node = node.parent


def function_name(node: tree_sitter.Node) -> str | None:
    """The declared name of a function node, looking through C declarators and JS bindings."""
    name = node.child_by_field_name("name")
    declarator = node.child_by_field_name("declarator")
    while name is None and declarator is not None:
        if declarator.type in ("identifier", "field_identifier", "qualified_identifier",
                               "destructor_name", "operator_name"):
            name = declarator
            break
        declarator = declarator.child_by_field_name("declarator") or declarator.child_by_field_name("name")
    if name is None and node.parent is not None and node.parent.type in ("variable_declarator", "pair", "assignment"):
        name = node.parent.child_by_field_name("name") or node.parent.child_by_field_name("key") \
            or node.parent.child_by_field_name("left")
    if name is None:
        for child in node.named_children:
            if child.type in ("identifier", "simple_identifier", "word", "name"):
                name = child
                break
    return name.text.decode("utf-8", errors="replace") if name is not None and name.text else None


BODY_TYPES = frozenset({
    "function_body", "block", "compound_statement", "statement_block", "body_statement", "do_group",
    "declaration_list", "class_body", "template_body",
})


def body_of(node: tree_sitter.Node) -> tree_sitter.Node | None:
    for field in ("body", "consequence"):
        body = node.child_by_field_name(field)
        if body is not None:
            return body
    return next((child for child in node.children if child.type in BODY_TYPES), None)


def header_text(node: tree_sitter.Node, source: bytes, limit: int = 400) -> str:
    """A function's signature text: from its start to its body (or its first line)."""
    body = body_of(node)
    end = body.start_byte if body is not None and body.start_byte > node.start_byte else node.end_byte
    text = source[node.start_byte:end].decode("utf-8", errors="replace")
    if body is None:
        text = text.split("\n", 1)[0]
    return text.strip()[:limit]


def count_tree_errors(tree: tree_sitter.Tree) -> int:
    """ERROR and MISSING nodes in a tree, descending only where the tree says errors are."""
    count = 0
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            count += 1
        if node.has_error:
            stack.extend(node.children)
    return count


def parse(language_id: str, text: str) -> tree_sitter.Tree | None:
    language = resolve(language_id)
    if language is None:
        logger.debug("no grammar for %r", language_id)
        return None
    return new_parser(language.id).parse(text.encode("utf-8"))
