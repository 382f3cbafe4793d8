"""The selectors the HTML path runs on every page besides the DOM rules' own.

One literal pass over a page's markup (`cleaner.rules.dom_prefilter`) narrows
these to what the page can match, along with the rules' selectors, so they are
written here, where the rule set's prefilter and the steps that run them both
read them.
"""

from __future__ import annotations

#: Elements whose text is never article text: code, styling, embedded objects and form
#: controls. Site chrome (navigation, share bars, ...) is left to the YAML rules. An email
#: field stays (it has no text): it tells the rules a form asks for an address, so the
#: form is a sign-up, contact or comment form, and goes whole with its pitch. A button
#: that opens a panel stays too, when it names the panel it controls or sits in a heading
#: or a definition list's term: an accordion's question is its toggle's label. (A filter
#: or sort menu's toggle says whether it is expanded as an FAQ's does, so that tells
#: nothing.) Hidden elements are the `hidden-from-readers` rule's, which records them
#: and keeps panels.
NEVER_CONTENT = (
    "script, style, noscript, template, svg, math, iframe, object, embed, canvas, "
    "button:not([aria-controls]):not(dt > button):not(h2 > button):not(h3 > button)"
    ":not(h4 > button), "
    'select, input:not([type="email"]), textarea, option'
)

#: Never-content elements that may hold the whole page: an unclosed `<noscript>` (a
#: tracking pixel's, say) swallows everything after it, which browsers still show.
SWALLOWING = "noscript"

#: Body elements that may be a byline or a date. Few substring selectors keep the one
#: traversal cheap (its cost grows with the selector count; each one more costs about a
#: fifth), Python then checks whole class tokens. `*=` is case-sensitive: "Byline" and
#: "AuthorName" are found, camel-case "byLine" and "articleDate" are not. A forum credits a
#: thread to its starter's `username`.
BYLINES_AND_DATES = (
    "[itemprop], [rel~=author], [class*=uthor], [class*=utor], [class*=uteur], [class~=firma], "
    "[class*=yline], [class*=sername], time, [class*=date], [class*=meta]"
)

#: The elements that tell an empty page: password fields (a login wall) and scripts (a
#: script-rendered shell, a framework's page data). A shell may load its code by links
#: alone (`modulepreload`, or a preload `as="script"`), and a crawl may strip the scripts.
SIGNALS = 'input[type="password" i], script, link[rel~="modulepreload" i], link[as="script" i]'

#: Every one of them, for the prefilter.
PAGE_SELECTORS = (NEVER_CONTENT, SWALLOWING, BYLINES_AND_DATES, SIGNALS)
