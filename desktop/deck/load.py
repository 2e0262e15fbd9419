"""Read one YAML file into a node tree, safely: bounded size, bounded alias expansion, no tags."""

from __future__ import annotations

from pathlib import Path

import yaml

from desktop.deck.model import Mark, Problem

MAX_FILE_BYTES = 1 << 20
MAX_NODES = 50_000
_BaseLoader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_TAGS = {
    yaml.ScalarNode: yaml.BaseLoader.DEFAULT_SCALAR_TAG,
    yaml.SequenceNode: yaml.BaseLoader.DEFAULT_SEQUENCE_TAG,
    yaml.MappingNode: yaml.BaseLoader.DEFAULT_MAPPING_TAG,
}


class _Loader(_BaseLoader):
    """A base loader: it resolves no implicit types, so every plain scalar stays text until the schema asks
    for a number (`en: No` is the word "No"), and nodes are never built into objects."""

    # What the base resolver answers for every untagged node, without its per-node Python bookkeeping
    # (three calls a node, a fifth of reading a deck): a deck has no implicit types and no path resolvers.
    def resolve(self, kind: type, value: object, implicit: object) -> str:
        return _TAGS[kind]

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


def node_mark(file: Path, node: yaml.Node) -> Mark:
    # By keyword: a Record takes those fastest, and every node read makes one.
    return Mark(file=file, line=node.start_mark.line + 1, col=node.start_mark.column + 1)


def read_text(path: Path, problems: list[Problem], what: str = "file") -> str | None:
    """The file's text, or None with a problem: missing, too big, not UTF-8."""
    at = Mark(path, 1, 1)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(
                Problem(at, f"{what} is {size / 1e6:.1f} MB; at most {MAX_FILE_BYTES / 1e6:.0f} MB is read")
            )
            return None
        data = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(at, f"{what} not found"))
        return None
    except IsADirectoryError:
        problems.append(Problem(at, f"{what} is a folder, expected a file"))
        return None
    except OSError as error:
        problems.append(Problem(at, f"cannot read {what}: {error.strerror}"))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        col = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        bad = data[error.start : error.start + 1].hex()
        problems.append(Problem(Mark(path, line, col), f"{what} is not UTF-8 (byte 0x{bad}); save it as UTF-8"))
        return None
    return text.removeprefix("\ufeff")


def read_yaml(path: Path, problems: list[Problem]) -> yaml.Node | None:
    """The file's single YAML document as nodes (never constructed into objects)."""
    text = read_text(path, problems)
    if text is None:
        return None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        lines = text.split("\n")
        line, col = (mark.line, mark.column) if mark else (0, 0)
        if line >= len(lines) or (line == len(lines) - 1 and not lines[line]):  # past the end: point at it
            line = max(0, len(lines) - 2) if len(lines) > 1 and not lines[-1] else len(lines) - 1
            col = len(lines[line])
        message = " ".join(m for m in (error.context, error.problem) if m)
        from desktop.deck.yaml_hints import hint  # only for a file with a mistake: validate starts faster

        cause = hint(lines, message, [m.line for m in (error.problem_mark, error.context_mark) if m])
        if cause:
            message += f"; {cause[0]}"
            if cause[1] != line:  # the cause is on the line where the scanner started, not where it gave up
                line, col = cause[1], len(lines[cause[1]]) - len(lines[cause[1]].lstrip())
        where = Mark(path, line + 1, col + 1)
        problems.append(Problem(where, f"YAML syntax: {message}"))
        return None
    except yaml.reader.ReaderError as error:
        problems.append(_unreadable_character(path, text, error))
        return None
    except yaml.YAMLError as error:
        problems.append(Problem(Mark(path, 1, 1), "YAML syntax: " + " ".join(str(error).split())))
        return None
    if node is None:
        problems.append(Problem(Mark(path, 1, 1), "file is empty; expected a mapping of keys"))
        return None
    if "&" in text and _expanded_size(node) > MAX_NODES:  # no anchor, no alias to expand
        problems.append(
            Problem(node_mark(path, node), f"aliases expand to more than {MAX_NODES} nodes; refusing to read the file")
        )
        return None
    return node


def _unreadable_character(path: Path, text: str, error: yaml.reader.ReaderError) -> Problem:
    """The character YAML refuses, at its own line and column (the C reader counts bytes, not characters)."""
    bad = error.character if isinstance(error.character, str) else chr(error.character)
    at = max(0, text.find(bad))
    line, col = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
    message = f"YAML syntax: character U+{ord(bad):04X} is not allowed in a YAML file; delete it"
    return Problem(Mark(path, line, col), message)


def _expanded_size(root: yaml.Node) -> int:
    """Nodes the tree holds once every alias is expanded (a shared node counts each time)."""
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if children_done:
            sizes[id(node)] = min(MAX_NODES + 1, 1 + sum(sizes.get(id(c), MAX_NODES + 1) for c in children))
            continue
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in sizes)
        if len(stack) > MAX_NODES:
            return MAX_NODES + 1
    return sizes[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []
