"""Safe YAML loading that remembers where each value was written.

A pack's problems are reported as `file:line`, so the loader keeps a map from
each path in the document (`("directorates", 2, "budget")`) to its line.
Anchors and aliases are refused outright: organisers never need them, and
they are how a small file expands into a huge one.

The YAML parser is pure Python and recursive, and an uploaded file is
untrusted, so limits come first: the file's size, then a cheap scan for
brackets nested absurdly deep (PyYAML takes quadratic time over them), then
the nesting depth while the document is composed (deeper would exhaust
Python's stack), then every integer's length before it is converted and
every mapping for a key written twice. Each refusal names its line.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

Path = tuple[str | int, ...]
MAX_YAML_BYTES = 256 * 1024
MAX_DEPTH = 32
MAX_BRACKETS = 2 * MAX_DEPTH  # the bracket scan is approximate, so it only stops what is surely absurd
MAX_DIGITS = 20
INT_TAG = "tag:yaml.org,2002:int"


class LineMap(dict[Path, int]):
    """Path -> line, and the keys written without a value inside `{ }` (each with the key before it): the mark
    of a comma in unquoted text, which YAML reads as the end of one entry and the start of another."""

    def __init__(self) -> None:
        super().__init__()
        self.bare_keys: dict[Path, tuple[str, str]] = {}  # path of the bare key -> (key before it, its text)


class YamlProblem(Exception):
    """One or more problems, each (line, message), found before the data could be trusted."""

    def __init__(self, line: int, message: str, *more: tuple[int, str]):
        super().__init__(message)
        self.found = [(line, message), *more]


def load_with_lines(text: str) -> tuple[Any, LineMap]:
    """Takes YAML text; returns (data, path -> 1-based line). Raises YamlProblem."""
    if len(text.encode("utf-8")) > MAX_YAML_BYTES:
        raise YamlProblem(
            1, f"the file is larger than {MAX_YAML_BYTES // 1024} KB; split long text into Markdown files"
        )
    _check_brackets(text)
    loader = _loader(text)
    try:
        node = loader.get_single_node()
        lines = LineMap()
        problems: list[tuple[int, str]] = []
        if node is not None:
            _walk(node, (), lines, problems)
        if problems:
            raise YamlProblem(*problems[0], *problems[1:])
        return loader.construct_document(node) if node is not None else None, lines
    except yaml.MarkedYAMLError as error:
        raise YamlProblem(*_explain(error)) from None
    finally:
        loader.dispose()


def _loader(text: str) -> _Loader:
    """A loader for `text`; raises YamlProblem at the first character YAML does not allow (NUL, vertical tab...)."""
    try:
        return _Loader(text)
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        raise YamlProblem(
            line,
            f"this line holds the control character U+{error.character:04X}, which YAML does not allow; "
            "delete it (it often comes with text pasted from a word processor)",
        ) from None


_BRACKET_SCAN = re.compile(r"""[\[\]{}\n]|(?:^|(?<=\s))#[^\n]*|'[^'\n]*'|"(?:[^"\\\n]|\\.)*\"""")


def _check_brackets(text: str) -> None:
    depth, line = 0, 1
    for match in _BRACKET_SCAN.finditer(text):
        token = match.group()
        if token == "\n":
            line += 1
        elif token in "[{":
            depth += 1
            if depth > MAX_BRACKETS:
                raise YamlProblem(line, _too_deep(MAX_BRACKETS))
        elif token in "]}":
            depth = max(depth - 1, 0)


def _too_deep(limit: int) -> str:
    return (
        f"the data is nested more than {limit} levels deep here; a scenario needs only a few levels, "
        "so look for a bracket left open"
    )


class _Loader(yaml.SafeLoader):
    """The safe loader with a depth limit, and anchors and aliases refused as the document is composed."""

    depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise YamlProblem(
                event.start_mark.line + 1, "anchors and aliases (& and *) are not allowed; write the value out"
            )
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise YamlProblem(event.start_mark.line + 1, _too_deep(MAX_DEPTH))
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


_CONSTRUCTS = {
    "flow sequence": "the list in [ ]",
    "flow mapping": "the mapping in { }",
    "quoted scalar": "the quoted text",
    "simple key": "the key",
    "block mapping": "the block of 'key: value' lines",
    "block collection": "the list of '-' lines",
    "block node": "the value",
}
_UNCLOSED = ("flow sequence", "flow mapping", "quoted scalar", "simple key")


def _explain(error: yaml.MarkedYAMLError) -> tuple[int, str]:
    """PyYAML notices a problem where it gives up, often lines after the cause; an unclosed bracket or quote is
    reported where it was opened, and every message names both lines."""
    problem = error.problem_mark.line + 1 if error.problem_mark else 1
    plain = f"this is not valid YAML ({error.problem}); check indentation and quotes"
    if not error.context or not error.context_mark or error.context_mark.line + 1 == problem:
        return problem, plain
    began = error.context_mark.line + 1
    kind = next((k for k in _CONSTRUCTS if k in error.context), None)
    if kind is None:
        return problem, f"this is not valid YAML ({error.context}, {error.problem}); check indentation and quotes"
    what = _CONSTRUCTS[kind]
    if kind in _UNCLOSED:
        return began, (
            f"this is not valid YAML: {what} that starts on this line is never closed properly "
            f"(the reader gave up on line {problem}: {error.problem}); check brackets and quotes"
        )
    return problem, (
        f"this is not valid YAML ({error.problem}) in {what} that starts on line {began}; "
        "check indentation, brackets and quotes"
    )


def _bare(key: yaml.Node, value: yaml.Node) -> bool:
    """A key with no colon after it in `{ }`: `{label: Repairs, damp work}` makes 'damp work' such a key."""
    return value.tag == "tag:yaml.org,2002:null" and value.value == "" and value.start_mark.index == key.end_mark.index


def _walk(node: yaml.Node, path: Path, lines: LineMap, problems: list[tuple[int, str]]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        before: tuple[str, str] | None = None
        for key, value in node.value:
            if node.flow_style and isinstance(key, yaml.ScalarNode) and _bare(key, value) and before:
                lines.bare_keys[path + (key.value,)] = before
            plain = isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode)
            before = (key.value, value.value) if plain else None
            here = key.start_mark.line + 1
            if not isinstance(key, yaml.ScalarNode):
                problems.append((here, "a key must be a plain word, not a list or mapping; check the indentation"))
                continue
            if key.value in seen:
                problems.append(
                    (here, f"'{key.value}' is written twice, on lines {seen[key.value]} and {here}; keep one")
                )
            seen.setdefault(key.value, here)
            child = path + (key.value,)
            _walk(value, child, lines, problems)
            lines[child] = here
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), lines, problems)
    elif node.tag == INT_TAG and (digits := sum(c.isalnum() for c in node.value)) > MAX_DIGITS:
        problems.append(
            (lines[path], f"this number has {digits:,} digits; no number in a pack needs more than {MAX_DIGITS}")
        )


def line_for(lines: dict[Path, int], path: Path) -> int:
    """Returns the line of the deepest part of `path` that was written in the file."""
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return 1
