"""Safe YAML loading that remembers where each value was written.

A pack's problems are reported as `file:line`, so the loader keeps a map from
each path in the document (`("directorates", 2, "budget")`) to its line.
Anchors and aliases are refused outright: organisers never need them, and
they are how a small file expands into a huge one.
"""

from __future__ import annotations

from typing import Any

import yaml

Path = tuple[str | int, ...]
MAX_YAML_BYTES = 512 * 1024


class YamlProblem(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def load_with_lines(text: str) -> tuple[Any, dict[Path, int]]:
    """Takes YAML text; returns (data, path -> 1-based line). Raises YamlProblem."""
    if len(text.encode("utf-8")) > MAX_YAML_BYTES:
        raise YamlProblem(
            1, f"the file is larger than {MAX_YAML_BYTES // 1024} KB; split long text into Markdown files"
        )
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                line = event.start_mark.line + 1 if event.start_mark else 1
                raise YamlProblem(line, "anchors and aliases (& and *) are not allowed; write the value out")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlProblem(line, f"this is not valid YAML ({error.problem}); check indentation and quotes") from None
    lines: dict[Path, int] = {}
    if node is not None:
        _walk(node, (), lines)
    return data, lines


def _walk(node: yaml.Node, path: Path, lines: dict[Path, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = path + (key.value,)
            _walk(value, child, lines)
            lines[child] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), lines)


def line_for(lines: dict[Path, int], path: Path) -> int:
    """Returns the line of the deepest part of `path` that was written in the file."""
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return 1
