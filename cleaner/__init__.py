"""cleaner: raw scraped pages in, the canonical article out.

from cleaner import clean, Cleaner
doc = clean(raw, url="https://...")
doc.text, doc.title, doc.date, doc.removed
"""

from cleaner.api import Cleaner, clean
from cleaner.document import Caption, Document, Removal
from cleaner.errors import CleanerError, InputError, RuleError
from cleaner.rules.loader import load_ruleset
from cleaner.rules.paths import default_rules_path

__all__ = [
    "Caption",
    "Cleaner",
    "CleanerError",
    "Document",
    "InputError",
    "Removal",
    "RuleError",
    "clean",
    "default_rules_path",
    "load_ruleset",
]
__version__ = "0.1.0"
