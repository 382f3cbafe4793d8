"""Rule files → validated, compiled rules, or one RuleError line saying what is wrong."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Annotated, Any, Union

import yaml
from pydantic import Field, TypeAdapter, ValidationError

from cleaner.errors import RuleError
from cleaner.rules.base import Rule
from cleaner.rules.kinds import KINDS
from cleaner.rules.ruleset import RuleSet, RuleSource
from cleaner.rules.yaml_lines import DuplicateKeyError, line_of, load_yaml

RULE_SUFFIXES = (".yaml", ".yml")

#: The largest rule file read (the shipped rules' largest is ~20 KB).
MAX_RULE_FILE_BYTES = 1_000_000
#: The most rules one file may hold.
MAX_RULES_PER_FILE = 1_000
#: The most rules one rule set may hold, across all its files.
MAX_RULES = 10_000

_RULE_ADAPTER: TypeAdapter[Rule] = TypeAdapter(
    Annotated[Union[tuple(KINDS.values())], Field(discriminator="kind")]  # type: ignore[arg-type]  # noqa: UP007
)


def rule_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders (searched recursively, in sorted order) into rule files."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(_files_in_folder(path))
        elif path.is_file():
            found.append(path)
        else:
            raise RuleError(str(path), None, None, None, "no such rule file or folder")
    return found


def _files_in_folder(folder: Path) -> list[Path]:
    """The rule files under a folder, refusing any that a symlink takes outside it.

    Only paths the user names are read: a link inside a named folder must not
    pull in a file from elsewhere on the machine.
    """
    root = folder.resolve()
    files = sorted(p for p in folder.rglob("*") if p.suffix in RULE_SUFFIXES and p.is_file())
    for file in files:
        if not file.resolve().is_relative_to(root):
            raise RuleError(
                str(file), None, None, None, f"symlink leads outside the rule folder {folder}"
            )
    return files


def load_ruleset(paths: Sequence[str | Path]) -> RuleSet:
    """Load, validate and compile every rule in `paths`; the first problem raises RuleError."""
    rules: list[Rule] = []
    sources: dict[str, RuleSource] = {}
    for path in rule_files(paths):
        for rule, source in load_file(path):
            if rule.id in sources:
                first = sources[rule.id]
                raise RuleError(
                    source.path,
                    source.line,
                    rule.id,
                    "id",
                    f"duplicate id; first defined at {first.path}:{first.line}",
                )
            sources[rule.id] = source
            rules.append(rule)
            if len(rules) > MAX_RULES:
                raise RuleError(
                    source.path,
                    source.line,
                    rule.id,
                    None,
                    f"too many rules: the limit is {MAX_RULES:,} in all",
                )
    return RuleSet.build(rules, sources)


def load_file(path: Path) -> list[tuple[Rule, RuleSource]]:
    """The rules of one file, each with where it was written."""
    name = str(path)
    text = _read(path)
    data = _parse(name, text)
    if data is None:
        return []
    if not isinstance(data, list):
        raise RuleError(name, getattr(data, "line", 1), None, None, "expected a YAML list of rules")
    if len(data) > MAX_RULES_PER_FILE:
        raise RuleError(
            name,
            getattr(data[MAX_RULES_PER_FILE], "line", None),
            None,
            None,
            f"file holds {len(data):,} rules; the limit is {MAX_RULES_PER_FILE:,} per file",
        )
    return [(_validate(name, item), RuleSource(name, getattr(item, "line", 0))) for item in data]


def _read(path: Path) -> str:
    """A rule file's text, refusing files too large to be hand-written rules."""
    name = str(path)
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_RULE_FILE_BYTES + 1)
    except OSError as error:
        raise RuleError(name, None, None, None, f"cannot read rule file: {error}") from None
    if len(data) > MAX_RULE_FILE_BYTES:
        raise RuleError(
            name, None, None, None, f"rule file is over the {MAX_RULE_FILE_BYTES:,}-byte limit"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise RuleError(name, None, None, None, f"cannot read rule file: {error}") from None


def _parse(name: str, text: str) -> Any:
    try:
        return load_yaml(text)
    except DuplicateKeyError as error:
        raise RuleError(
            name, error.line, None, error.key, "key appears twice in one rule"
        ) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise RuleError(name, line, None, None, f"invalid YAML: {error.problem}") from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        char = error.character
        code = f"#x{char:04x}" if isinstance(char, int) else repr(char)
        message = f"invalid YAML: unacceptable character {code}: {error.reason}"
        raise RuleError(name, line, None, None, message) from None
    except yaml.YAMLError as error:
        message = " ".join(f"invalid YAML: {error}".split())  # one line, whatever PyYAML says
        raise RuleError(name, None, None, None, message) from None


def _validate(name: str, item: Any) -> Rule:
    rule_id = item.get("id") if isinstance(item, dict) else None
    if not isinstance(item, dict):
        raise RuleError(name, getattr(item, "line", None), None, None, "expected a rule mapping")
    try:
        return _RULE_ADAPTER.validate_python(item)
    except ValidationError as error:
        raise _rule_error(name, item, rule_id, error) from None


def _rule_error(name: str, item: Any, rule_id: Any, error: ValidationError) -> RuleError:
    detail = error.errors()[0]
    location = tuple(detail["loc"])
    if location and location[0] == item.get("kind"):
        location = location[1:]
    field = ".".join(str(step) for step in location) or None
    message = _message(detail, item)
    if detail["type"] in ("union_tag_invalid", "union_tag_not_found"):
        field = "kind"
    return RuleError(name, line_of(item, location) or item.line, _text(rule_id), field, message)


def _message(detail: Any, item: Any) -> str:
    error_type = detail["type"]
    if error_type == "extra_forbidden":
        return "unknown field for this kind"
    if error_type == "missing":
        return "required field is missing"
    if error_type == "union_tag_invalid":
        return f"unknown kind {item.get('kind')!r}; expected one of: {', '.join(KINDS)}"
    if error_type == "union_tag_not_found":
        return f"required field is missing; expected one of: {', '.join(KINDS)}"
    message = str(detail["msg"])
    return message.removeprefix("Value error, ")


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None
