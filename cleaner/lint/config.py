"""Settings from `.cleaner.yaml` or `[tool.cleaner]` in pyproject.toml.

The file is looked for from the current folder upwards, stopping at the
repository root (the folder holding `.git`); in one folder `.cleaner.yaml` wins
over pyproject.toml. Paths and globs in it are relative to its folder.

    [tool.cleaner]
    rules = ["corpus-rules/"]          # extra rule files or folders
    no-default-rules = false
    select = ["*"]                     # rule ids or globs (default: all)
    ignore = ["first-line-title"]
    exclude = ["drafts/**"]            # gitignore-style globs
    field = "text"                     # the field linted in JSONL records
    baseline = "cleaner-baseline.json"
    [tool.cleaner.per-file-ignores]
    "wire/*.txt" = ["dateline"]
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from cleaner.errors import CleanerError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

YAML_NAME = ".cleaner.yaml"
PYPROJECT = "pyproject.toml"


class ConfigError(CleanerError):
    """The configuration file is unusable; the message names the file, key and expectation."""


class Settings(BaseModel):
    """What a configuration file may say (kebab-case keys, as ruff's)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    rules: list[str] = Field(default_factory=list)
    no_default_rules: bool = Field(default=False, alias="no-default-rules")
    select: list[str] | None = None
    ignore: list[str] = Field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict, alias="per-file-ignores")
    exclude: list[str] = Field(default_factory=list)
    field: str = "text"
    baseline: str | None = None


@dataclass(frozen=True)
class Config:
    """Settings and where they came from: `root` is the folder paths are relative to."""

    root: Path
    source: Path | None = None
    settings: Settings = field(default_factory=Settings)

    def path(self, relative: str) -> Path:
        return (self.root / relative).resolve()


def find_config(start: Path | None = None) -> Config:
    """The first configuration from `start` (default: cwd) up to the repository root."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        yaml_file = folder / YAML_NAME
        if yaml_file.is_file():
            return load_config(yaml_file)
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return load_config(pyproject)
        if (folder / ".git").exists():
            break
    return Config(root=here)


def load_config(path: Path) -> Config:
    """Read one configuration file (YAML, or pyproject.toml's `[tool.cleaner]`)."""
    raw = _read_pyproject(path) if path.name.endswith(".toml") else _read_yaml(path)
    where = f"{path}: [tool.cleaner]" if path.name.endswith(".toml") else str(path)
    try:
        settings = Settings.model_validate(raw)
    except ValidationError as error:
        raise ConfigError(f"{where}: {_first_problem(error)}") from None
    return Config(root=path.resolve().parent, source=path, settings=settings)


def _has_tool_table(path: Path) -> bool:
    return "cleaner" in _parse_toml(path).get("tool", {})


def _read_pyproject(path: Path) -> dict[str, Any]:
    table = _parse_toml(path).get("tool", {}).get("cleaner", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.cleaner]: expected a table")
    return table


def _parse_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            data: dict[str, Any] = tomllib.load(handle)
            return data
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise ConfigError(f"{path}{line}: invalid YAML: {problem}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of settings at the top level")
    return data


def _first_problem(error: ValidationError) -> str:
    detail = error.errors()[0]
    location = ".".join(str(part) for part in detail["loc"]) or "settings"
    if detail["type"] == "extra_forbidden":
        known = ", ".join(sorted(f.alias or n for n, f in Settings.model_fields.items()))
        return f"{location}: unknown setting; expected one of {known}"
    return f"{location}: {detail['msg'].lower()}"
