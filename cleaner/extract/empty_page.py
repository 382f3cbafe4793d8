"""Pages with no main content: an error page, a login wall, a shell that scripts fill in.

Extraction always finds some text on such a page (a menu, a footer, "Sign in to
continue"), and presenting it as the article is worse than saying there is
none. So the page's own signals are read before its chrome is pruned (its
title and headline, password fields, scripts), and a page whose extracted text
is short and whose signals say which kind of empty page it is comes back
`empty` with that reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from cleaner.dom import collapsed_text
from cleaner.metadata.page import Page
from cleaner.page_selectors import SIGNALS
from cleaner.words import word_count

#: How a part of an error page's title or headline opens (see `_names_an_error`).
ERROR_PAGE = re.compile(
    r"(?i)\s*(?:(?:error|erreur|fehler|errore|erro|fout|błąd)\s*)?(?:40[0-4]|410|50[0-4])\b"
    r"|\s*(?:page|file) (?:not found|cannot be found|could not be found|does not exist"
    r"|doesn'?t exist)|\s*(?:not found|access denied|forbidden|service unavailable)\b"
    r"|\s*(?:seite (?:wurde )?nicht gefunden|page (?:non trouvée|introuvable)"
    r"|página no (?:encontrada|existe)|pagina non (?:trovata|esiste)|página não encontrada"
    r"|pagina niet gevonden|nie znaleziono strony|strona nie istnieje)"
)
#: Where a title's parts meet: "Page not found | Example News".
TITLE_SEPARATORS = re.compile(r"\s[|–—·:-]\s|[|·]")
#: A title part longer than this is a headline about errors, not an error page's title.
MAX_ERROR_TITLE_WORDS = 8
#: Words that ask the reader to sign in, on a page with a password field.
SIGN_IN = re.compile(
    r"(?i)\b(?:log ?in|sign ?in|password|anmelden|einloggen|passwort|connexion|se connecter"
    r"|mot de passe|iniciar sesión|contraseña|accedi|password|entrar|senha|inloggen|wachtwoord"
    r"|zaloguj|hasło)\b"
)

#: A page whose extracted text is longer than these word counts is not taken for an
#: empty page, whatever its signals: an article may sit beside a login box.
MAX_SHELL_WORDS = 25
MAX_ERROR_PAGE_WORDS = 150
MAX_LOGIN_WALL_WORDS = 120
_COUNTED_WORDS = max(MAX_SHELL_WORDS, MAX_ERROR_PAGE_WORDS, MAX_LOGIN_WALL_WORDS)


@dataclass(frozen=True)
class PageSignals:
    """What a page says about itself, read before chrome is pruned."""

    title: str
    headline: str
    password_fields: int
    scripts: int
    #: The text of each JSON data script (`type="application/json"`: framework page data
    #: such as Next.js's `__NEXT_DATA__`), kept for a page whose markup shows no text.
    page_data: tuple[str, ...] = ()


def page_signals(tree: LexborHTMLParser, collected: Page, selector: str = SIGNALS) -> PageSignals:
    """The signals of a parsed page (call it before never-content elements are dropped).

    Its title and first h1 come from `collected`, the head signals metadata
    gathered in its own traversal; only password fields and scripts are sought,
    in one traversal (`selector`: SIGNALS, or the part of it that can match the
    page, see `cleaner.rules.dom_prefilter`; "" when none can).
    """
    password_fields = scripts = 0
    page_data: list[str] = []
    for node in tree.css(selector) if selector else ():
        if node.tag == "input":
            password_fields += 1
            continue
        scripts += 1
        if (node.attributes.get("type") or "").strip().lower() == "application/json":
            page_data.append(node.text(deep=True))
    title = " ".join((collected.title or "").split())
    headline = collapsed_text(collected.h1[0]) if collected.h1 else ""
    return PageSignals(title, headline, password_fields, scripts, tuple(page_data))


#: How the reason for a script-rendered shell begins.
SHELL_REASON = "script-rendered shell"


def empty_page_reason(signals: PageSignals, text: str, tree: LexborHTMLParser) -> str | None:
    """Why a page with extracted `text` has no main content, or None when it may have some.

    `tree`: the page as extraction left it, read only when the text is short.
    """
    # Words are counted up to one past the most any check allows: splitting the rest
    # of a long article into words would change no answer.
    words = word_count(text, _COUNTED_WORDS)
    if signals.scripts and words <= MAX_SHELL_WORDS and _visible_words(tree) <= MAX_SHELL_WORDS:
        return f"{SHELL_REASON}: the page has no text without JavaScript"
    if words <= MAX_ERROR_PAGE_WORDS and (
        _names_an_error(signals.title) or _names_an_error(signals.headline)
    ):
        return f"error page: {signals.headline or signals.title}"[:200]
    names = f"{signals.title}\n{signals.headline}\n{text}"
    if signals.password_fields and words <= MAX_LOGIN_WALL_WORDS and SIGN_IN.search(names):
        return "login wall: the page asks the reader to sign in"
    return None


def _names_an_error(title: str) -> bool:
    """Whether a part of `title` is an error page's name ("404", "Page not found"), not a
    headline that mentions one ("How to fix a 404 error")."""
    return any(
        len(part.split()) <= MAX_ERROR_TITLE_WORDS and ERROR_PAGE.match(part) is not None
        for part in TITLE_SEPARATORS.split(title)
    )


def _visible_words(tree: LexborHTMLParser) -> int:
    """Words of a pruned page's visible text."""
    return word_count(tree.body.text(separator=" ")) if tree.body is not None else 0
