"""Declarative shadow DOM: put each component's shadow content where a browser shows it.

Server-rendered web components (Lit, Stencil, FAST, Enhance...) send a component's
own markup in a `<template shadowrootmode="open">` that is the host element's first
child; the host's other children (its light DOM) are shown where the shadow content
has a `<slot>` of their name. A browser attaches the shadow root as it parses, so a
callout's title, a code block's `<pre>` or a table a component renders from its
attributes is on the page; to an HTML parser it is a `<template>`, whose content is
not part of the tree and is never content (`cleaner.page_selectors.NEVER_CONTENT`).

`compose_shadow_roots` does what the browser does: the host's content becomes its
shadow content, each slot filled with the light children assigned to it (by their
`slot` attribute; children without one go to the slot without a name), or left with
its fallback when none is. Light children no slot takes are not shown, in a browser or
here. A page without declarative shadow roots is not touched.
"""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborHTMLParser

from cleaner import _core

#: Text in the markup of every page with a declarative shadow root: the attribute
#: `shadowrootmode`, and `shadowroot`, the form Chrome shipped first.
SHADOW_MARK = b"shadowroot"
#: A declarative shadow root.
SHADOW_ROOT_SELECTOR = "template[shadowrootmode], template[shadowroot]"
#: At most this many hosts are composed on one page (each one looks the tree over for
#: the next: a page of thousands of components costs no more than this many looks).
MAX_HOSTS = 500


def compose_shadow_roots(tree: LexborHTMLParser, markup: bytes) -> int:
    """Replace the content of each host of a declarative shadow root with its composed
    shadow content; return how many hosts were composed. `markup`: the page's markup in
    UTF-8, looked at for SHADOW_MARK only.

    One root at a time, the tree looked over afresh each time: composing a host
    re-creates its light children, and a shadow root's content may hold hosts of its
    own, which then come into the tree."""
    if not _core.holds(markup, SHADOW_MARK):
        return 0
    composed = 0
    while composed < MAX_HOSTS:
        root = tree.css_first(SHADOW_ROOT_SELECTOR)
        if root is None:
            break
        _compose(root)
        composed += 1
    return composed


def _compose(root: Any) -> None:
    """Compose the host of the shadow root `root` (a template); a template with no
    parent or no content is only removed."""
    host = root.parent
    fragments = root.template_fragments()
    if host is None or not fragments:
        root.decompose()
        return
    assigned = _light_children_by_slot(host, root)
    host.inner_html = fragments[0].inner_html
    for slot in host.css("slot"):
        name = slot.attributes.get("name") or ""
        if name in assigned:
            slot.inner_html = assigned.pop(name)
        slot.unwrap()


def _light_children_by_slot(host: Any, root: Any) -> dict[str, str]:
    """The markup of the host's light children (all but the shadow root), joined by the
    name of the slot each is assigned to ("" for the slot without a name)."""
    parts: dict[str, list[str]] = {}
    for child in host.iter(include_text=True):
        if child.mem_id == root.mem_id:
            continue
        name = (child.attributes.get("slot") or "") if child.is_element_node else ""
        parts.setdefault(name, []).append(child.html or "")
    return {name: "".join(markup) for name, markup in parts.items()}
