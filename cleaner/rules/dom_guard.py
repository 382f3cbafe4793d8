"""A guard for DOM rules: never remove an element that holds the article itself.

Selectors for chrome are written against class tokens, tags and roles, and real
pages misuse them: a Blogger theme wraps the whole post in `div.widget`, some
CMSs wrap the article body in a `<figure>` or an `<aside>`. Removing such an
element before extraction would throw the article away, so every DOM kind that
removes elements asks `holds_main_content` first and keeps the element when the
answer is yes (losing a little chrome is far cheaper than losing the body).
A page builder may instead wrap each section of the post in such a class, so
that no one match holds the article: `content_boxes` looks at a rule's matches
together, and keeps those holding prose when together they are the article.
"""

from __future__ import annotations

from typing import Any

from cleaner.dom import ancestors, collapsed_text, is_descendant
from cleaner.extract.blocks import MIN_PROSE_CHARS, is_inside, text_blocks
from cleaner.rules.page_text import PageText

#: Elements that are the article body by declaration (schema.org microdata).
MAIN_CONTENT_SELECTOR = '[itemprop~="articleBody"], [itemprop~="blogPost"]'
#: Elements that are the page's main content or a post by their markup: HTML's main
#: landmark and the microformats class blog themes put on their posts...
DECLARED_CONTENT_SELECTOR = 'main, [role="main"], [class~="hentry"], [class~="h-entry"]'
_DECLARED_CLASSES = frozenset({"hentry", "h-entry"})
#: ...and, matched itself, an `<article>` (inside a match, an `<article>` is as often a
#: reader's comment or a card as the post).
_DECLARED_SELF_TAGS = frozenset({"main", "article"})

#: An element with less visible text than this is never guarded (by share); chrome
#: boxes on short test pages easily hold half of the page's few words.
MIN_GUARDED_CHARS = 500

#: An element holding at least this share of the page's visible text may be guarded.
#: Measured on the 181 benchmark pages: wrappers of real posts hold 0.44 and more,
#: sidebars and widgets of ordinary pages mostly 0.21 or less (but up to 0.46 on a
#: short page, and a comment thread can hold most of a page: hence the marks).
MAX_REMOVABLE_SHARE = 0.4

#: An element holding more than this share of the page's prose is the content...
MOST_PROSE_SHARE = 0.5
#: Elements HTML itself declares to be page chrome: their prose is not the content.
CHROME_TAGS = frozenset({"footer", "nav"})
CHROME_TAG_SELECTOR = ", ".join(sorted(CHROME_TAGS))
#: ...unless the prose left outside it could be an article of its own (a short story
#: of 60 words or so under a long comment thread).
MIN_ARTICLE_PROSE_CHARS = 300
#: Landmarks whose prose is never that article: a footer's address lines, a booking
#: form's consent text, a header's tagline (counted only where they hold none of the
#: elements asked about: some pages wrap everything in one `<form>`).
CHROME_LANDMARKS = "footer, nav, header, form, aside"


def holds_main_content(
    node: Any,
    tree: Any,
    raw_chars: int | None = None,
    page: PageText | None = None,
    *,
    items: bool = False,
) -> bool:
    """Whether removing `node` (a selectolax node of `tree`) would take the article with it.

    True when the node holds a large share of the page's text (`_is_large`)
    and either most of the page's prose (`_holds_most_prose`: whatever its
    class or id, an element with most of the running text is the content) or
    a mark of the article: an element declared as the article body, a large
    `<main>`, `<article>` or post (`_holds_large_declared_content`), the
    page's first `h1` (the headline), or on a page without one its longest
    paragraph. The mark keeps a long comment thread or the sidebar of a short
    page removable (large, but holding no headline); the size keeps a hidden
    duplicate of the body removable (marked, but small). The page is measured
    only for large nodes, so small chrome boxes cost little. `raw_chars`: the
    length of the node's raw text, when the caller has it (see `raw_chars`);
    `page`: the page's visible text as the caller keeps it (see `PageText`).
    `items`: the page is a listing or a collection, whose content is items, not
    prose: there an element with most of the `<main>` landmark's text is the list
    (`_holds_most_of_main`).
    """
    page = page or PageText()
    if not _is_large(node, tree, page, raw_chars):
        return False
    if node.css_matches(MAIN_CONTENT_SELECTOR) or node.css_first(MAIN_CONTENT_SELECTOR):
        return True
    if _holds_large_declared_content(node, tree, page):
        return True
    mark = tree.css_first("h1") or _longest_paragraph(tree)
    if mark is not None and (mark.mem_id == node.mem_id or is_descendant(mark, node)):
        return True
    if items and _holds_most_of_main(node, tree, page):
        return True
    return _holds_most_prose(node, tree)


#: On a page of items, an element inside the main landmark with more than this share of
#: its visible text is the list.
MOST_OF_MAIN_SHARE = 0.6


def _holds_most_of_main(node: Any, tree: Any, page: PageText) -> bool:
    """Whether `node` lies inside the page's `<main>` landmark and holds MOST_OF_MAIN_SHARE of
    its visible text. A CMS block around a listing's filter form and cards may carry a
    chrome-sounding class (Drupal's `block ... widget`); its cards are short, so no
    prose marks it, but beside the page's title and intro it is most of the main text."""
    main = tree.css_first('main, [role="main"]')
    if main is None or not is_descendant(node, main):
        return False
    return page.element_chars(node) > MOST_OF_MAIN_SHARE * page.element_chars(main)


def _holds_large_declared_content(node: Any, tree: Any, page: PageText) -> bool:
    """Whether `node` is a `<main>`, `<article>` or post, or holds a
    DECLARED_CONTENT_SELECTOR element that is large itself: a WordPress post whose class
    names one of its tags (`tag-list`), a Blogger `div.widget` around the post's
    `div.hentry`. Large single comments in a thread are `<article>`s of their own,
    so a comment section stays removable."""
    attributes = node.attributes
    if (
        node.tag in _DECLARED_SELF_TAGS
        or attributes.get("role") == "main"
        or not _DECLARED_CLASSES.isdisjoint((attributes.get("class") or "").split())
    ):
        return True
    return any(_is_large(inner, tree, page) for inner in node.css(DECLARED_CONTENT_SELECTOR))


def _holds_most_prose(node: Any, tree: Any) -> bool:
    """Whether `node` holds most of the page's prose, and too little is left outside it
    to be an article.

    Prose is what main-content extraction reads as running text (see
    `cleaner.extract.blocks.Block.prose`): a blog theme's `div.widget` or
    `div.gallery` around the post holds nearly all of it, a sidebar little. A
    comment thread longer than a short story holds most of it too, but leaves
    the story outside: that thread stays removable, but the prose of the page's
    `<footer>` and `<nav>` is no such story: an issue tracker's thread, opening post
    and replies in one list, leaves only its title, a sidebar and the footer's
    paragraphs outside. (Not the prose of every chrome landmark, as `_are_most_prose`
    counts it: a forum may wrap its posts in one `<form>`, and its cookie-consent
    centre would then hold most of the rest.) A `<footer>` or `<nav>` is never the
    content, and neither is an element with little prose of its own (the footer of a
    page that has no content at all).
    """
    root = tree.body or tree.root
    if root is None or node.tag in CHROME_TAGS:
        return False
    own = _prose_chars(node)
    if own < MIN_GUARDED_CHARS:
        return False
    return _are_most_prose(root, [node], own, CHROME_TAG_SELECTOR)


def _holds_most_of(own: int, page: int) -> bool:
    """Whether `own` characters of prose are most of a page's `page`, with too few left
    outside them to be an article of its own."""
    return own > MOST_PROSE_SHARE * page and page - own < MIN_ARTICLE_PROSE_CHARS


def _are_most_prose(
    root: Any, boxes: list[Any], own: int, landmarks: str = CHROME_LANDMARKS
) -> bool:
    """Whether `boxes`, holding `own` characters of prose, hold most of the page's prose
    and leave too little outside them to be an article. Prose in chrome landmarks that
    hold none of the boxes (`landmarks`, by default all of CHROME_LANDMARKS) is not
    counted as such: a page builder's sections of one article are several boxes, and
    the page's footer and booking form stay outside."""
    page = _prose_chars(root)
    if _holds_most_of(own, page):
        return True
    if own <= MOST_PROSE_SHARE * page:
        return False
    chrome = sum(_prose_chars(landmark) for landmark in _chrome_landmarks(root, boxes, landmarks))
    return _holds_most_of(own, page - chrome)


def _chrome_landmarks(root: Any, nodes: list[Any], landmarks: str = CHROME_LANDMARKS) -> list[Any]:
    """The outermost `landmarks` elements of the page that neither hold nor lie inside
    any of `nodes` (each element's ancestors are walked once: a page may hold thousands
    of both)."""
    inside = {node.mem_id for node in nodes}
    above: set[int] = set()
    for node in nodes:
        for ancestor in ancestors(node):
            if ancestor.mem_id in above:
                break
            above.add(ancestor.mem_id)
    apart = [
        landmark
        for landmark in root.css(landmarks)
        if landmark.mem_id not in inside
        and landmark.mem_id not in above
        and not any(ancestor.mem_id in inside for ancestor in ancestors(landmark))
    ]
    return _outermost(apart)


def raw_chars(nodes: list[Any]) -> dict[int, int]:
    """The length of each node's raw text (all of its text nodes), by `mem_id`.

    A rule's matches are measured once for `content_boxes` and then, one by one,
    for `holds_main_content`. The lengths hold while the rule removes matches: in
    document order an element comes before everything inside it, so when a match
    is asked about, nothing inside it has been removed yet (a match inside a
    removed one is skipped, never asked about).
    """
    return {node.mem_id: len(node.text(deep=True)) for node in nodes}


def content_boxes(
    matches: list[Any],
    tree: Any,
    raw: dict[int, int] | None = None,
    page: PageText | None = None,
) -> set[int]:
    """The outermost of one rule's `matches` that hold prose, when together they hold
    most of the page's prose and leave too little outside to be an article; else none.

    A page builder that wraps each section of the post in `div.widget` gives a
    chrome selector many content boxes, none of them most of the page alone;
    the same selector's link-list widgets hold no prose and stay removable.
    Footers and navigation are never counted as content. Returns `mem_id`s.
    `raw`: the matches' `raw_chars`, when the caller has them; `page`: the page's
    visible text as the caller keeps it.
    """
    root = tree.body or tree.root
    raw = raw_chars(matches) if raw is None else raw
    # Nested matches count twice here, so this bounds the outermost ones' text from above.
    if len(matches) < 2 or root is None or sum(raw.values()) < MIN_GUARDED_CHARS:
        return set()
    candidates = [node for node in _outermost(matches) if node.tag not in CHROME_TAGS]
    # An element with less raw text than one prose block holds no prose: not walked.
    walked = [node for node in candidates if raw[node.mem_id] >= MIN_PROSE_CHARS]
    page = page or PageText()
    shown = page.visible_chars(root)
    # The boxes are some of these: when these are a small share of what the reader
    # sees, so are the boxes, and their prose need not be measured.
    if sum(map(page.element_chars, walked)) < MAX_REMOVABLE_SHARE * shown:
        return set()
    prose = {node.mem_id: _prose_chars(node) for node in walked}
    boxes = [node for node in walked if prose[node.mem_id] > 0]
    own = sum(prose.values())
    if len(boxes) < 2 or own < MIN_GUARDED_CHARS:
        return set()
    if sum(map(page.element_chars, boxes)) < MAX_REMOVABLE_SHARE * shown:
        return set()  # hidden copies, or a small share of what the reader sees
    if _are_most_prose(root, boxes, own):
        return {node.mem_id for node in boxes}
    return set()


def tell_most_prose(nodes: list[Any], tree: Any, page: PageText) -> bool:
    """Whether `nodes` (in document order; one inside another counts once) together hold
    most of the page's prose: at least MIN_GUARDED_CHARS of it and more than
    MOST_PROSE_SHARE, prose outside them or not.

    The test for captions, which tell a photo essay's story. Unlike `content_boxes`,
    whose matches may be a long comment thread under a short story, it does not ask
    that too little prose be left outside: captions that hold most of a page's prose are
    its story whatever stands beside them. Their raw text and their share of what the
    reader sees are checked first: most pages' captions fail at once.
    """
    root = tree.body or tree.root
    nodes = _outermost(nodes)
    if len(nodes) < 2 or root is None:
        return False
    if sum(len(node.text(deep=True)) for node in nodes) < MIN_GUARDED_CHARS:
        return False
    if sum(map(page.element_chars, nodes)) < MAX_REMOVABLE_SHARE * page.visible_chars(root):
        return False
    own = sum(_prose_chars(node) for node in nodes)
    return own >= MIN_GUARDED_CHARS and own > MOST_PROSE_SHARE * _prose_chars(root)


def _outermost(nodes: list[Any]) -> list[Any]:
    """The nodes that lie inside no other of them (given in document order, an outer
    node comes just before the nodes it holds)."""
    outermost: list[Any] = []
    for node in nodes:
        if not outermost or not is_inside(node, outermost[-1]):
            outermost.append(node)
    return outermost


def _prose_chars(node: Any) -> int:
    return sum(len(block.text) for block in text_blocks(node) if block.prose)


def _is_large(node: Any, tree: Any, page: PageText, raw: int | None = None) -> bool:
    """At least MIN_GUARDED_CHARS of visible text, and MAX_REMOVABLE_SHARE of the page's
    (`raw`: the length of the node's raw text, when known)."""
    if raw is None:
        raw = len(node.text(deep=True))
    if raw < MIN_GUARDED_CHARS:  # raw text bounds the visible text
        return False
    own = page.element_chars(node)
    if own < MIN_GUARDED_CHARS:
        return False
    root = tree.body or tree.root
    shown = page.visible_chars(root) if root is not None else own
    return own >= MAX_REMOVABLE_SHARE * max(shown, 1)


def _longest_paragraph(tree: Any) -> Any:
    """The page's `<p>` with the most text (None on a page without paragraphs)."""
    return max(tree.css("p"), key=lambda p: len(collapsed_text(p)), default=None)


def kept_warning(rule: str, node: Any) -> str:
    """`kept: rule 'sidebar-widgets' matched div.widget, which holds the page's main content`."""
    classes = ".".join((node.attributes.get("class") or "").split()[:2])
    name = f"{node.tag}.{classes}" if classes else node.tag
    return f"kept: rule '{rule}' matched {name}, which holds the page's main content"


def kept_together_warning(rule: str, count: int) -> str:
    """`kept: rule 'sidebars' matched 6 elements that together hold most of the page's prose`."""
    return (
        f"kept: rule '{rule}' matched {count} elements that together hold most of the page's prose"
    )
