"""cleaner: raw scraped pages in, the canonical article out.

from cleaner import clean, Cleaner, CleanOptions
doc = clean(raw, url="https://...")
doc.text, doc.title, doc.date, doc.removed
doc = clean(raw, options=CleanOptions(timeout=None, crawl_date="2024-05-20"))
"""

from cleaner.api import Cleaner, clean
from cleaner.document import Caption, Document, Removal
from cleaner.errors import CleanerError, InputError, RuleError
from cleaner.options import CleanOptions
from cleaner.rules.loader import load_ruleset
from cleaner.rules.paths import default_rules_path

__all__ = [
    "Caption",
    "CleanOptions",
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
