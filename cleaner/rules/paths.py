"""Where the shipped rules live (a leaf module: kinds that read shipped rules import it)."""

from __future__ import annotations

from pathlib import Path


def default_rules_path() -> Path:
    """Where the shipped rules live: inside the installed package, or the checkout's rules/."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "default_rules"
    return installed if installed.is_dir() else package.parent / "rules"
