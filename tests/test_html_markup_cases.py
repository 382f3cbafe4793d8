"""Markup that real pages write and that extraction must read as a browser would:
spaces between inline elements, source line breaks inside a paragraph, HTML
fragments, an unclosed `<noscript>`, and chrome-sounding wrappers around the post.
Every page here is written by hand."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.read import detect_format

CLEANER = Cleaner()

STORY = (
    "The harbour authority will change the ferry timetable from next Monday, adding two "
    "early departures from the north pier and one late crossing on Fridays."
)


def test_space_between_inline_elements_separates_words() -> None:
    html = (
        "<html><body><article><h1>Results</h1><p>The <strong>Annual</strong> "
        "<strong>report</strong> came out on Monday, after a long wait by the board, "
        "the staff and the shareholders.</p></article></body></html>"
    )
    assert "The Annual report came out" in CLEANER.clean(html).text


def test_source_line_breaks_inside_a_paragraph_are_spaces() -> None:
    html = (
        "<html><head><title>Ferry timetable changes | Harbour Gazette</title></head><body>\n"
        "<article><h1>Ferry timetable changes</h1>\n"
        "<p>The harbour authority will change the ferry timetable\n"
        "from next Monday, adding two early departures from\n"
        "the north pier and one late crossing on Fridays.</p></article></body></html>"
    )
    document = CLEANER.clean(html)
    assert document.title == "Ferry timetable changes"
    assert document.text == STORY
    assert [r.rule for r in document.removed] == ["extract:headline"]


def test_br_and_pre_keep_their_line_breaks() -> None:
    html = (
        "<html><body><article><h1>Poem and code</h1><p>Roses are red, the gardener said,<br>"
        "violets are blue, and so are you.</p><pre>for x in range(3):\n    print(x)</pre>"
        "<p>That closes the page with one more sentence of prose to read.</p>"
        "</article></body></html>"
    )
    paragraphs = CLEANER.clean(html).text.split("\n\n")
    assert "Roses are red, the gardener said," in paragraphs
    assert "violets are blue, and so are you." in paragraphs
    # Code is one fenced block that keeps its lines and their indentation.
    assert "```\nfor x in range(3):\n    print(x)\n```" in paragraphs


def test_code_keeps_its_layout_through_highlighting_and_cleaning_again() -> None:
    html = (
        "<html><head><title>Reading files</title></head><body><article><h1>Reading files</h1>"
        "<p>Open the file in a with block, so that it is closed again whatever happens.</p>"
        '<pre class="highlight"><code><span class="k">with</span> open(path) as f:\n'
        '\t<span class="k">for</span> line in f:\n\n'
        "\t\tprint(line)  \n</code></pre>"
        "<p>The loop reads one line at a time, so a large file never fills the memory.</p>"
        "</article></body></html>"
    )
    document = CLEANER.clean(html)
    code = "```\nwith open(path) as f:\n    for line in f:\n\n        print(line)\n```"
    assert code in document.text.split("\n\n\n")[0].split("\n\n", 1)[1]
    assert CLEANER.clean(document.text, known=document.known_fields()).text == document.text


def test_an_html_fragment_is_html() -> None:
    fragment = "<p>The council met on <b>Monday</b> to approve the budget.</p>"
    assert detect_format(fragment) == "html"
    document = CLEANER.clean(fragment)
    assert document.format == "html"
    assert document.text == "The council met on Monday to approve the budget."


def test_text_that_mentions_tags_is_not_a_fragment() -> None:
    assert detect_format("Use <b> for bold and </b> to end it.") == "text"
    assert detect_format("# Tags\n\nWrite **<p>** first, then [the docs](x.html).\n") == "markdown"


def test_unclosed_noscript_around_the_page_keeps_the_page() -> None:
    html = (
        "<html><body><noscript><img src='pixel.gif'><a href='#main'>Skip to content</a>"
        f"<article><h1>Ferry timetable changes</h1><p>{STORY}</p><p>{STORY} Again.</p>"
        "</article></body></html>"
    )
    document = CLEANER.clean(html)
    assert document.status == "ok"
    assert STORY in document.text


@pytest.mark.parametrize(
    "opening",
    [
        "<noscript><iframe src='https://tags.example/ns?id=T-1' height='0' /></noscript>",
        "<iframe title='tracking' src='/pixel' />",
        "<textarea name='draft' />",
    ],
)
def test_a_self_closing_raw_text_element_does_not_swallow_the_page(opening: str) -> None:
    # HTML ignores "/>": the element stays open, and the page after it became its text.
    html = (
        f"<html><head><title>Ferry timetable changes</title></head><body>{opening}"
        f"<article><h1>Ferry timetable changes</h1><p>{STORY}</p><p>{STORY} Again.</p>"
        f"<div><p>{STORY} A third time, to make the page long enough.</p></div>"
        f"<p>{STORY} And a fourth.</p><p>{STORY} And a fifth.</p></article></body></html>"
    )
    document = CLEANER.clean(html)
    assert document.status == "ok", document.reason
    assert STORY in document.text
    assert "<p>" not in document.text


def test_small_noscript_is_still_dropped() -> None:
    html = (
        f"<html><body><article><h1>Ferry</h1><p>{STORY}</p>"
        "<noscript>Please enable JavaScript to view the comments.</noscript>"
        "</article></body></html>"
    )
    assert "JavaScript" not in CLEANER.clean(html).text


def test_chrome_class_around_the_post_does_not_delete_it() -> None:
    # A blog theme: the blog's name is the first h1, the post sits in div.widget.
    post = "".join(f"<p>{STORY} Part {n}.</p>" for n in range(5))
    html = (
        "<html><body><header><h1>Harbour Notes</h1></header>"
        f"<div class='widget Blog'><h2>Ferry timetable changes</h2>{post}</div>"
        "<div class='widget'><h2>Archive</h2><a href='/2024'>2024</a></div>"
        "</body></html>"
    )
    document = CLEANER.clean(html)
    assert document.text.count(STORY) == 5
    assert any(w.startswith("kept: rule ") for w in document.warnings)


def test_a_post_split_over_chrome_classed_boxes_keeps_every_box() -> None:
    # A page builder: each section of the post is its own div.widget, none of them most
    # of the page alone; together they are the post and stay, with a warning that says
    # why. The archive widget of the same class holds no prose and still goes.
    sections = "".join(
        f"<div class='widget text'><h2>Stage {n}</h2><p>{STORY} Stage {n}.</p></div>"
        for n in range(4)
    )
    html = (
        "<html><body><header><h1>Harbour Notes</h1></header>"
        f"<div class='builder'>{sections}</div>"
        "<div class='widget'><h2>Archive</h2><a href='/2024'>2024</a></div>"
        "</body></html>"
    )
    document = CLEANER.clean(html)
    assert document.text.count(STORY) == 4
    assert any("together hold most of the page's prose" in w for w in document.warnings)


def test_boxes_of_a_post_stay_beside_a_long_footer_and_booking_form() -> None:
    # The same page builder on a trade's site: a footer of addresses and opening hours
    # and a booking form's consent text hold more prose than a short story would, but
    # a footer and a form are never that story; the sections are still the post.
    sections = "".join(
        f"<div class='widget text'><h2>Stage {n}</h2><p>{STORY} Stage {n}.</p><p>{STORY}</p></div>"
        for n in range(4)
    )
    footer = "".join(
        f"<p>Branch {n}: 12 Harbour Road, open Monday to Friday from 7 am to 6 pm.</p>"
        for n in range(6)
    )
    consent = (
        "By pressing Submit I agree to receive phone, email and text messages from the "
        "company at the number given, and agree to its terms and its privacy policy. "
    )
    html = (
        "<html><body><header><h1>Harbour Electric</h1></header>"
        f"<main><h1>Price guide</h1>{sections}</main>"
        f"<form><label>Your name</label><input name='n'><p>{consent * 2}</p></form>"
        f"<footer>{footer}</footer></body></html>"
    )
    document = CLEANER.clean(html)
    assert document.text.count(STORY) == 8
    assert any("together hold most of the page's prose" in w for w in document.warnings)
    assert "Archive" not in document.text


def test_sidebar_widgets_beside_a_post_still_go() -> None:
    post = "".join(f"<p>{STORY} Part {n}.</p>" for n in range(5))
    widgets = "".join(
        f"<div class='widget'><h3>{name}</h3><ul><li><a href='/{name}'>{name} one</a></li>"
        f"<li><a href='/{name}/2'>{name} two</a></li></ul></div>"
        for name in ("Archive", "Categories", "Blogroll")
    )
    article = f"<article><h1>Ferry timetable changes</h1>{post}</article>"
    html = f"<html><body>{article}{widgets}</body></html>"
    document = CLEANER.clean(html)
    assert document.text.count(STORY) == 5
    assert "Blogroll" not in document.text
    assert sum(r.rule == "sidebars" for r in document.removed) == 3


def test_a_post_whose_class_names_a_chrome_word_is_kept() -> None:
    # WordPress puts a class per tag on the post: a tag named "list" gives `tag-list`.
    # The post is an <article> (and an h-entry) holding most of the page: it stays.
    post = "".join(f"<p>{STORY} Part {n}.</p>" for n in range(6))
    html = (
        "<html><body><h1></h1><nav><a href='/'>Home</a></nav>"
        f"<article class='post hentry tag-list tag-ferries'><h2>Ferry changes</h2>{post}"
        "</article><footer><p>About this blog: notes on the harbour since 2009, written by "
        "volunteers who ride the ferries every week and write down what changes.</p>"
        "<p>Every post here may be copied with a link back, except the photographs, which "
        "belong to the people who took them and are shown with their permission.</p>"
        "<p>Write to the editors at the address on the contact page if a timetable here is "
        "wrong, and we will correct it the same day.</p></footer></body></html>"
    )
    document = CLEANER.clean(html)
    assert document.text.count(STORY) == 6


def test_a_long_comment_thread_of_articles_still_goes() -> None:
    # Comment themes wrap each comment in an <article>; the thread as a whole is no
    # article, however long one comment runs.
    post = "".join(f"<p>{STORY} Part {n}.</p>" for n in range(3))
    comment = " ".join([STORY] * 12)
    html = (
        "<html><body><article><h1>Ferry timetable changes</h1>" + post + "</article>"
        "<div id='comments' class='comments-area'><ol class='comment-list'>"
        f"<li><article class='comment-body'><p>{comment}</p></article></li>"
        "</ol></div></body></html>"
    )
    document = CLEANER.clean(html)
    assert document.text.count(STORY) == 3
    assert any(r.rule == "comments-section" for r in document.removed)


def test_an_issue_trackers_thread_holding_the_report_stays() -> None:
    # A code forge puts the issue's report and its replies in one `comment-list`; outside
    # it stand only the title, a sidebar and the footer's paragraphs, which are no story
    # of their own, so the list is the content, not a reader's comment section.
    replies = "".join(f"<div class='comment'><p>{STORY} Reply {n}.</p></div>" for n in range(4))
    footer = " ".join(
        f"<p>The forge is run by a non-profit association of volunteers, line {n}.</p>"
        for n in range(6)
    )
    html = (
        "<html><body><h1>Import fails on feeds with a byte-order mark #142</h1>"
        f"<div class='issue-content-left comment-list'>{replies}</div>"
        f"<footer class='page-footer'>{footer}</footer></body></html>"
    )
    document = CLEANER.clean(html)
    assert document.text.count(STORY) == 4
    assert not any(r.rule == "comments-section" for r in document.removed)


NAV = "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/about'>About us</a></nav>"
FOOTER = "<footer><p>Harbour Gazette, 12 Quay Street. All rights reserved.</p></footer>"


def test_an_error_page_is_empty_with_its_reason() -> None:
    html = (
        "<html><head><title>Page not found | Harbour Gazette</title></head><body>"
        f"{NAV}<main><h1>Sorry, we could not find that page</h1><p>The page you were looking "
        "for may have moved, or the address may be wrong. Try the search box, or start again "
        f"from our home page.</p></main>{FOOTER}</body></html>"
    )
    document = CLEANER.clean(html)
    assert document.status == "empty"
    assert document.reason is not None and document.reason.startswith("error page:")
    assert document.text == ""
    assert "extract:empty-page" in [r.rule for r in document.removed]


def test_a_headline_about_errors_is_an_article() -> None:
    html = (
        "<html><head><title>How to fix a 404 error on your shop | Web Weekly</title></head>"
        f"<body>{NAV}<article><h1>How to fix a 404 error on your shop</h1><p>{STORY}</p>"
        f"</article>{FOOTER}</body></html>"
    )
    assert CLEANER.clean(html).status == "ok"


def test_a_login_wall_is_empty_with_its_reason() -> None:
    html = (
        "<html><head><title>Members area | Harbour Gazette</title></head><body>"
        f"{NAV}<main><h2>Sign in to continue reading</h2><form><label>Email</label>"
        "<input type='email'><label>Password</label><input type='password'>"
        "<button>Log in</button></form><p>Not a member yet? Subscribe for full access to "
        f"every story, archive and newsletter.</p></main>{FOOTER}</body></html>"
    )
    document = CLEANER.clean(html)
    assert document.status == "empty"
    assert document.reason == "login wall: the page asks the reader to sign in"


def test_an_article_beside_a_login_box_is_kept() -> None:
    body = "".join(f"<p>{STORY} Part {n}.</p>" for n in range(4))
    html = (
        "<html><body><header><form><input type='password'><button>Log in</button></form>"
        f"</header><article><h1>Ferry timetable changes</h1>{body}</article></body></html>"
    )
    document = CLEANER.clean(html)
    assert document.status == "ok" and document.text.count(STORY) == 4


def test_a_script_rendered_shell_is_empty_with_its_reason() -> None:
    html = (
        "<html><head><title>Harbour App</title><script src='/app.js'></script></head><body>"
        "<noscript>You need to enable JavaScript to run this app.</noscript>"
        "<div id='root'></div><script>window.start()</script></body></html>"
    )
    document = CLEANER.clean(html)
    assert document.status == "empty"
    assert document.reason == "script-rendered shell: the page has no text without JavaScript"


def test_a_dropped_block_between_inline_runs_leaves_them_apart() -> None:
    html = (
        '<html><body><article><h1>Ferry timetable changes</h1><div class="meta">'
        '<span>5 min read</span><div aria-hidden="true">·</div><span>Mar 3, 2025</span>'
        f"</div><p>{STORY}</p><p>{STORY}</p></article></body></html>"
    )
    removed = [r.text for r in CLEANER.clean(html).removed]
    assert "5 min read Mar 3, 2025" in removed
    assert not any("readMar" in text for text in removed)


def test_a_dropped_inline_separator_leaves_the_words_around_it_apart() -> None:
    html = (
        f"<html><body><article><h1>Ferry timetable changes</h1><p>{STORY}</p>"
        '<p class="session"><span>Room A</span><span aria-hidden="true">·</span>'
        f"<span>Keynote</span></p><p>{STORY}</p></article></body></html>"
    )
    document = CLEANER.clean(html)
    assert "Room A Keynote" in document.text
    assert "AKeynote" not in document.text


def test_a_quotations_footer_is_no_page_footer() -> None:
    html = (
        f"<html><body><article><h1>Ferry timetable changes</h1><p>{STORY}</p>"
        "<blockquote><p>We have waited fifty years for a late crossing on Fridays.</p>"
        "<footer>Ilse Brandt, spokesperson of the residents' group</footer></blockquote>"
        f"<p>{STORY}</p></article><footer>© 2025 Harbour Gazette</footer></body></html>"
    )
    footers = [r.text for r in CLEANER.clean(html).removed if r.rule == "page-footer"]
    assert footers == ["© 2025 Harbour Gazette"]


def test_a_form_that_asks_for_an_email_goes_whole_with_its_pitch() -> None:
    html = (
        f"<html><body><article><h1>Ferry timetable changes</h1><p>{STORY}</p>"
        '<form class="mailpoet_form"><h2>Zapisz się do newslettera</h2>'
        "<p>Najważniejsze informacje z miasta raz w tygodniu. Bez spamu.</p>"
        '<input type="email" name="email"><input type="submit" value="Zapisz się!"></form>'
        f"<p>{STORY}</p></article></body></html>"
    )
    document = CLEANER.clean(html)
    assert "Bez spamu" not in document.text
    signups = [r.text for r in document.removed if r.rule == "newsletter-signup"]
    assert signups == [
        "Zapisz się do newslettera Najważniejsze informacje z miasta raz w tygodniu. Bez spamu."
    ]


DOCS_PROSE = (
    "Create a client before you open a pool; the client keeps the connection settings "
    "for every pool you open later, and closes them when the program ends."
)
HIGHLIGHTED = (
    '<div class="highlight"><pre><span></span><span class="kn">from</span> '
    '<span class="nn">tidepool</span> <span class="kn">import</span> <span class="n">Client</span>'
    '\n\n<span class="n">client</span> <span class="o">=</span> <span class="n">Client</span>'
    '<span class="p">(</span>\n    <span class="n">min_size</span><span class="o">=</span>'
    '<span class="mi">2</span><span class="p">,</span>\n<span class="p">)</span>\n</pre></div>'
)


def test_code_whose_first_line_is_indented_keeps_its_shape() -> None:
    html = (
        "<html><head><title>Effects</title></head><body><article><h1>Effects</h1>"
        "<p>An effect runs after the render; its cleanup runs before the next render.</p>"
        "<pre><code>  <span>useEffect</span>(() => {\n    <span>subscribe</span>();\n  });"
        "</code></pre><p>The cleanup keeps the subscription from outliving its component.</p>"
        "</article></body></html>"
    )
    code = "```\nuseEffect(() => {\n  subscribe();\n});\n```"
    document = CLEANER.clean(html, markdown=True)
    assert code in document.text.split("\n\n")
    assert code in (document.markdown or "").split("\n\n")


def test_highlighted_code_keeps_its_lines_and_stays_with_the_prose_around_it() -> None:
    html = (
        '<html><head><meta property="og:type" content="website"></head><body><main>'
        f"<h1>Pools</h1><p>{DOCS_PROSE}</p>{HIGHLIGHTED}<p>{DOCS_PROSE}</p>"
        f"<h2>Next steps</h2><p>{DOCS_PROSE}</p></main></body></html>"
    )
    text = CLEANER.clean(html).text
    code = "```\nfrom tidepool import Client\n\nclient = Client(\n    min_size=2,\n)\n```"
    assert f"{DOCS_PROSE}\n\n{code}\n\n{DOCS_PROSE}" in text


def test_an_accordions_questions_and_hidden_tab_panels_stay_and_hidden_chrome_is_recorded() -> None:
    html = (
        '<html><head><meta property="og:type" content="website"></head><body><main>'
        f"<h1>Boiler service</h1><p>{DOCS_PROSE}</p><h2>Questions</h2>"
        '<h3><button class="accordion-button" aria-controls="a1" aria-expanded="false">'
        "Can I top up the boiler pressure myself?</button></h3>"
        '<div id="a1" class="accordion-collapse"><p>Yes. Open the filling loop slowly until the '
        "gauge reads one and a half bar, then close it again.</p></div>"
        '<div role="tabpanel" hidden=""><pre>pip install tidepool</pre></div>'
        '<div hidden="">Sign in to save this page</div>'
        f"<p>{DOCS_PROSE}</p></main></body></html>"
    )
    document = CLEANER.clean(html)
    assert "Can I top up the boiler pressure myself?" in document.text
    assert "pip install tidepool" in document.text
    hidden = [r.text for r in document.removed if r.rule == "hidden-from-readers"]
    assert hidden == ["Sign in to save this page"]


def test_sibling_boxes_alike_read_apart_where_a_figure_meets_them() -> None:
    html = (
        f"<html><body><main><h1>Oven dishes</h1><p>{STORY}</p><div class='card'>"
        '<span class="prop">40 min</span><span class="prop">520 kcal</span></div>'
        '<p><span class="run">Le</span><span class="run">arn more about the '
        f"timetable.</span></p><p>{STORY}</p></main></body></html>"
    )
    text = CLEANER.clean(html).text
    assert "40 min 520 kcal" in text
    # Runs of one word an editor split, marked up alike: letters meet, no figure.
    assert "Learn more about the timetable." in text


def test_inline_boxes_written_without_a_space_read_apart_but_words_stay_whole() -> None:
    html = (
        f"<html><body><main><h1>Flats to rent</h1><p>{STORY}</p>"
        '<div class="item"><span>3 hab.</span><span>85 m²</span><span>Planta 2ª exterior</span>'
        '</div><p><span class="price">$155.00 USD</span><span class="sale">$124.00 USD</span></p>'
        '<p>Coffee beans, 250 g: <bdi>13,90<span class="currency">€</span></bdi></p>'
        '<p><a href="/signup">Start free, no card needed</a><a href="/demo">Book a demo</a></p>'
        "<p>Mc<b>Donald</b> and the <b>W</b>ord on H<sub>2</sub>O, said the teacher to "
        "the class.</p>"
        '<p><span class="label">Préparation</span><span class="time">15</span> minutes, '
        '<span class="label">Cuisson</span><span class="time">50</span> minutes, the '
        f"MP<span>3</span> player aside.</p><p>{STORY}</p></main></body></html>"
    )
    text = CLEANER.clean(html).text
    assert "3 hab. 85 m² Planta 2ª exterior" in text
    assert "$155.00 USD $124.00 USD" in text
    # A figure's own sign, alone in its element after it, is part of the price.
    assert "Coffee beans, 250 g: 13,90€" in text
    assert "Préparation 15 minutes, Cuisson 50 minutes, the MP3 player aside." in text
    assert "McDonald and the Word on H2O" in text


def test_on_a_page_of_items_the_block_with_most_of_main_is_the_list() -> None:
    from selectolax.lexbor import LexborHTMLParser

    from cleaner.rules.dom_guard import holds_main_content

    # A CMS wraps a listing's filter form and its cards in a block classed `widget`:
    # short cards, no prose, no h1 inside; beside the title and intro it is most of <main>.
    cards = "".join(
        f"<article class='event-card'><h3><a href='/e/{n}'>Harbour concert number {n}</a></h3>"
        f"<div><time>{n} March 2026</time></div><div>Town hall, Quay Street {n}</div></article>"
        for n in range(1, 13)
    )
    html = (
        f"<html><body>{NAV}<main><h1>Events</h1><p>What is on in the town this month.</p>"
        f"<div class='block widget widget-events'><form><label>Category</label></form>{cards}"
        f"</div></main>{FOOTER}</body></html>"
    )
    tree = LexborHTMLParser(html)
    block = tree.css_first("div.widget")
    assert holds_main_content(block, tree, items=True)
    # On an article page the same block has no mark of the article, and may go.
    assert not holds_main_content(block, tree, items=False)
