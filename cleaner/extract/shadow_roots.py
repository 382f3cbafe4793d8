"""Declarative shadow DOM: put each component's shadow content where a browser shows it.

Server-rendered web components (Lit, Stencil, FAST, Enhance...) send a component's
own markup in a `<template shadowrootmode="open">` that is the host element's first
child; the host's other children (its light DOM) are shown where the shadow content
has a `<slot>` of their name. A browser attaches the shadow root as it parses, so a
callout's title, a code block's `<pre>` or a table a component renders from its
attributes is on the page; to an HTML parser it is a `<template>`, whose content is
not part of the tree and is never content (`cleaner.page_selectors.NEVER_CONTENT`).

`compose_shadow_roots` does what the browser does: the shadow content goes into the
host before its light children, each slot filled with the light children assigned to
it (by their `slot` attribute; children without one go to the slot without a name), or
left with its fallback when none is. Light children no slot takes are not shown, in a
browser or here: their text is returned, for the record. A page without declarative
shadow roots is not touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from cleaner import _core

#: Text in the markup of every page with a declarative shadow root: the attribute
#: `shadowrootmode`, and `shadowroot`, the form Chrome shipped first.
SHADOW_MARK = b"shadowroot"
#: A declarative shadow root.
SHADOW_ROOT_SELECTOR = "template[shadowrootmode], template[shadowroot]"
#: At most this many roots are composed on one page; each is found by a fresh look over
#: the tree (a page of thousands of components costs no more than this many looks).
MAX_ROOTS = 300


def compose_shadow_roots(tree: LexborHTMLParser, markup: bytes) -> list[str]:
    """Put each declarative shadow root's content in its host, the host's light children
    in its slots; return the text of the light children no slot shows, each once.
    `markup`: the page's markup in UTF-8, looked at for SHADOW_MARK only.

    One root at a time, each found afresh, so that no element found before a change to
    the tree is used after it. A shadow root's content may hold hosts of its own: they
    come into the tree with it and are composed in turn."""
    if not _core.holds(markup, SHADOW_MARK):
        return []
    unshown: list[str] = []
    for _ in range(MAX_ROOTS):
        root = tree.css_first(SHADOW_ROOT_SELECTOR)
        if root is None:
            break
        unshown.extend(_compose(root))
    return unshown


def _compose(root: Any) -> list[str]:
    """Put the shadow root `root`'s content before it, fill its slots with the host's
    light children, and remove `root` and the light children no slot takes (a second
    shadow root of the same host among them: a browser attaches only the first); return
    the text of those children that was visible text (a template's never was)."""
    host = root.parent
    if host is None:
        root.decompose()
        return []
    light = [child for child in host.iter(include_text=True) if child.mem_id != root.mem_id]
    before = {child.mem_id for child in light}
    for fragment in root.template_fragments()[:1]:
        for shadow in list(fragment.iter(include_text=True)):
            root.insert_before(shadow, move=True)
    root.decompose()
    assigned = _by_slot_name(light)
    for slot in _slots(child for child in host.iter() if child.mem_id not in before):
        children = assigned.pop(slot.attributes.get("name") or "", [])
        for child in children:
            slot.insert_before(child, move=True)
        if children:
            slot.decompose()
        else:
            slot.unwrap()
    unshown = []
    for children in assigned.values():
        for child in children:
            if child.tag != "template" and (text := " ".join(child.text().split())):
                unshown.append(text)
            child.decompose()
    return unshown


def _by_slot_name(light: list[Any]) -> dict[str, list[Any]]:
    """The host's light children by the name of the slot each is assigned to: its `slot`
    attribute, "" (the slot without a name) for text and elements without one."""
    assigned: dict[str, list[Any]] = {}
    for child in light:
        if child.tag == "template":
            name = "\x00template"  # never shown: no slot has this name
        else:
            name = (child.attributes.get("slot") or "") if child.is_element_node else ""
        assigned.setdefault(name, []).append(child)
    return assigned


def _slots(shadow: Iterable[Any]) -> list[Any]:
    """The `<slot>` elements in the shadow content's top-level nodes `shadow`, in order."""
    slots = []
    for node in shadow:
        if node.tag == "slot":
            slots.append(node)
        slots.extend(node.css("slot"))
    return slots
