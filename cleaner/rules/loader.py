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

_RULE_ADAPTER: TypeAdapter[Rule] = TypeAdapter(
    Annotated[Union[tuple(KINDS.values())], Field(discriminator="kind")]  # type: ignore[arg-type]  # noqa: UP007
)


def rule_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders (searched recursively, in sorted order) into rule files."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in RULE_SUFFIXES))
        elif path.is_file():
            found.append(path)
        else:
            raise RuleError(str(path), None, None, None, "no such rule file or folder")
    return found


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
    return RuleSet.build(rules, sources)


def load_file(path: Path) -> list[tuple[Rule, RuleSource]]:
    """The rules of one file, each with where it was written."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RuleError(name, None, None, None, f"cannot read rule file: {error}") from None
    data = _parse(name, text)
    if data is None:
        return []
    if not isinstance(data, list):
        raise RuleError(name, getattr(data, "line", 1), None, None, "expected a YAML list of rules")
    return [(_validate(name, item), RuleSource(name, getattr(item, "line", 0))) for item in data]


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
    except yaml.YAMLError as error:
        raise RuleError(name, None, None, None, f"invalid YAML: {error}") from None


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
    kind = detail["type"]
    if kind == "extra_forbidden":
        return "unknown field for this kind"
    if kind == "missing":
        return "required field is missing"
    if kind == "union_tag_invalid":
        return f"unknown kind {item.get('kind')!r}; expected one of: {', '.join(KINDS)}"
    if kind == "union_tag_not_found":
        return f"required field is missing; expected one of: {', '.join(KINDS)}"
    message = str(detail["msg"])
    return message.removeprefix("Value error, ")


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None
