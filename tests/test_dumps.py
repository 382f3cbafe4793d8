"""Whole-page dumps: the article is found among the page's furniture; clean texts lose nothing."""

from __future__ import annotations

from cleaner import Cleaner

CLEANER = Cleaner()

MENU = "\n".join(f"* [{name}](/{name.lower()})" for name in ("Home", "News", "Sport", "Weather"))
FOOTER = "[Privacy](/privacy) | [Terms](/terms) | [Cookies](/cookies)\n\n![Harbour Gazette](/l.png)"
PARAGRAPHS = (
    "The harbour authority will change the ferry timetable from next Monday, adding two "
    "early departures from the north pier and one late crossing on Fridays.",
    "Passengers with season tickets keep them, and the old timetable stays on the notice "
    "boards at both piers until the end of the month, a spokeswoman said.",
)
ARTICLE = "# Ferry timetable changes\n\n" + "\n\n".join(PARAGRAPHS)


def test_a_dump_keeps_the_article_and_records_the_furniture() -> None:
    dump = f"[Skip to content](#main)\n\n{MENU}\n\n{ARTICLE}\n\n{FOOTER}\n"
    document = CLEANER.clean(dump)
    assert document.format == "markdown"
    assert document.title == "Ferry timetable changes"
    assert document.text.split("\n\n") == list(PARAGRAPHS)
    furniture = [r for r in document.removed if r.rule == "page-furniture"]
    assert len(furniture) == 2
    assert "[Weather](/weather)" in furniture[0].text and "Cookies" in furniture[1].text
    for removal in furniture:
        assert removal.start is not None and removal.end is not None
        assert dump[removal.start : removal.end] == removal.text


def test_a_listing_dump_keeps_its_items_and_loses_its_footer() -> None:
    # A page of nothing but links: each item's title stays whatever the line model says of
    # it (the model alone would drop most of them), and the footer still goes.
    items = "\n\n".join(
        f"* [Ferry timetable changes for the north pier, part {n}](/story/{n})" for n in range(8)
    )
    dump = f"{MENU}\n\n# Latest news\n\n{items}\n\n{FOOTER}\n"
    document = CLEANER.clean(dump)
    assert document.text.count("Ferry timetable changes for the north pier") == 8
    furniture = " ".join(r.text for r in document.removed if r.rule == "page-furniture")
    assert "[Cookies](/cookies)" in furniture


def test_a_listing_dump_loses_its_menus_not_its_items() -> None:
    # The item links are the content here: the line model, not a rule about link lines,
    # tells them from the menu and the footer's link column.
    menu = "\n".join(f"* [{name}](/{name.lower()})" for name in ("Home", "Travel", "Opinion"))
    items = "\n\n".join(
        f"## [Ferry timetable changes for the north pier, part {n}](/story/{n})\n\n"
        f"The harbour authority will add two early departures from the pier, part {n} of the plan."
        for n in range(8)
    )
    footer = "\n".join(f"* [{name}](/{name.lower()})" for name in ("About", "Privacy", "Cookies"))
    dump = f"[Skip to content](#main)\n\n{MENU}\n{menu}\n\n# Latest news\n\n{items}\n\n{footer}\n"
    document = CLEANER.clean(dump)
    furniture = " ".join(r.text for r in document.removed if r.rule == "page-furniture")
    assert "[Opinion]" in furniture and "[Cookies]" in furniture
    assert "Ferry timetable changes" not in furniture
    assert document.text.count("two early departures") >= 7


def test_an_article_with_a_few_links_is_no_dump() -> None:
    article = ARTICLE + "\n\nSee the [timetable](/t), the [fares](/f) and the [map](/m).\n"
    document = CLEANER.clean(article)
    assert not any(r.rule == "page-furniture" for r in document.removed)
    assert all(paragraph in document.text for paragraph in PARAGRAPHS)


def test_a_link_list_among_the_paragraphs_goes_as_one_removal() -> None:
    related = "\n\n".join(f"* [Ferry news, part {n}](/news/{n})" for n in range(1, 6))
    body = f"{ARTICLE}\n\n{related}\n\n{PARAGRAPHS[0]} Again, in short."
    dump = f"[Skip to content](#main)\n\n{MENU}\n\n{body}\n\n{FOOTER}\n"
    document = CLEANER.clean(dump)
    furniture = [r for r in document.removed if r.rule == "page-furniture"]
    assert len(furniture) == 3
    assert "[Sport](/sport)" in furniture[0].text and "Terms" in furniture[2].text
    assert furniture[1].text.count("Ferry news, part") == 5
    assert document.text.split("\n\n") == [*PARAGRAPHS, f"{PARAGRAPHS[0]} Again, in short."]


SITE_CHROME = (
    "Email (Required)",
    "Leave a Reply Cancel reply",
    "Your email address will not be published. Required fields are marked *",
    "Click to expand...",
)


def test_site_software_chrome_leaves_a_markdown_dump() -> None:
    chrome = "\n\n".join(SITE_CHROME)
    dump = f"{ARTICLE}\n\n**Ferries** run [daily](/daily).\n\n{chrome}\n"
    document = CLEANER.clean(dump)
    assert document.format == "markdown"
    assert all(paragraph in document.text for paragraph in PARAGRAPHS)
    for line in ("Required", "Reply", "published", "expand"):
        assert line not in document.text
    assert "Ferries run daily." in document.text
    rules = {r.rule for r in document.removed}
    assert {"form-builder-line", "comment-form-line", "forum-software-notice"} <= rules


def test_a_plain_text_keeps_the_lines_its_author_chose() -> None:
    text = PARAGRAPHS[0] + "\n\nLeave a Reply Cancel reply\n"
    document = CLEANER.clean(text)
    assert document.format == "text"
    assert "Leave a Reply" in document.text


def test_a_link_spanning_lines_leaves_no_url_behind() -> None:
    card = (
        "[\n\n### Repair guides\n\nLearn how to fix your own devices.](https://example.org/guides)"
    )
    document = CLEANER.clean(f"{ARTICLE}\n\n{card}\n")
    assert "example.org" not in document.text and "[" not in document.text
    assert document.text.endswith("Repair guides\n\nLearn how to fix your own devices.")
