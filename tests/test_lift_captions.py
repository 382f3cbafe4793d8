"""The lift_captions kind and the DOM guard it shares with drop_elements, on small snippets."""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleaner.context import Context
from cleaner.document import Caption
from cleaner.errors import RuleError
from cleaner.rules.dom_guard import holds_main_content
from cleaner.rules.kinds import lift_captions
from cleaner.rules.kinds.drop_elements import DropElements
from cleaner.rules.kinds.lift_captions import LiftCaptions, split_credit
from cleaner.rules.loader import load_file

SPLIT = (
    "caption-photo-credit",
    "caption-copyright",
    "caption-paren-photo",
    "caption-agency-credit",
)
LONG = " ".join(["The article sentence goes on and on about the story."] * 20)


def make_rule(**fields: object) -> LiftCaptions:
    values: dict[str, object] = {
        "id": "test-figures",
        "kind": "lift_captions",
        "description": "test",
        "selector": "figure",
        "credit": '[class~="credit"]',
        "credit_rules": SPLIT,
        "examples": [{"input": "<p>x</p>"}],
    }
    values.update(fields)
    return LiftCaptions.model_validate(values)


def run(rule: LiftCaptions | DropElements, html: str) -> tuple[str, Context, int]:
    """Apply a DOM rule to a page; return the page text left, the context and the count."""
    tree = LexborHTMLParser(html)
    ctx = Context(format="html")
    count = rule.apply_dom(tree, ctx)
    body = tree.body
    text = " ".join(body.text(separator=" ").split()) if body is not None else ""
    return text, ctx, count


def test_figure_with_credit_element_is_lifted_and_removed() -> None:
    html = (
        '<body><figure><img src="a.jpg"><figcaption>Rescuers at the site. '
        '<span class="credit">Photo: Jane Doe/AP</span></figcaption></figure><p>Body.</p></body>'
    )
    text, ctx, count = run(make_rule(), html)
    assert (text, count) == ("Body.", 1)
    assert ctx.captions == [Caption("Rescuers at the site.", "Jane Doe/AP")]
    assert [r.rule for r in ctx.removed] == ["test-figures"]
    assert ctx.removed[0].start is None and "Rescuers" in ctx.removed[0].text


def test_credit_outside_the_caption_is_read_and_removed() -> None:
    html = (
        "<body><figure><img><figcaption>The harbour at dawn</figcaption>"
        '<small class="credit">© Max Muster</small></figure><p>Body.</p></body>'
    )
    text, ctx, _ = run(make_rule(), html)
    assert text == "Body."
    assert ctx.captions == [Caption("The harbour at dawn", "Max Muster")]


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        (
            "Xi and Putin in Beijing on May 16. (Reuters)",
            ("Xi and Putin in Beijing on May 16.", "Reuters"),
        ),
        ("Der Kanzler in Berlin (Foto: dpa)", ("Der Kanzler in Berlin", "dpa")),
        ("Un marché à Lyon. Crédit : Jean Dupont", ("Un marché à Lyon.", "Jean Dupont")),
        (
            "A street in Kharkiv after the strike. © Sergey Bobok / AFP",
            ("A street in Kharkiv after the strike.", "Sergey Bobok / AFP"),
        ),
        (
            "The harbour at dawn, before the boats left.",
            ("The harbour at dawn, before the boats left.", None),
        ),
    ],
)
def test_trailing_credit_is_split_by_the_caption_rules(
    caption: str, expected: tuple[str, str | None]
) -> None:
    html = f"<body><figure><img><figcaption>{caption}</figcaption></figure><p>Body.</p></body>"
    text, ctx, _ = run(make_rule(), html)
    assert text == "Body."
    assert ctx.captions == [Caption(*expected)]


def test_without_credit_rules_the_caption_stays_whole() -> None:
    html = "<body><figure><img><figcaption>Protest in Paris. (Reuters)</figcaption></figure></body>"
    _, ctx, _ = run(make_rule(credit_rules=()), html)
    assert ctx.captions == [Caption("Protest in Paris. (Reuters)", None)]


def test_figure_holding_more_than_an_image_loses_only_its_caption() -> None:
    html = (
        "<body><figure><img><p>A chart of rents by district, with a long explanatory note "
        "under it.</p><figcaption>Rents by district</figcaption></figure></body>"
    )
    text, ctx, _ = run(make_rule(), html)
    assert text == "A chart of rents by district, with a long explanatory note under it."
    assert ctx.captions == [Caption("Rents by district", None)]


def test_figure_wrapping_the_article_body_is_kept() -> None:
    html = f"<body><figure><img><p>{LONG}</p><figcaption>Cap</figcaption></figure></body>"
    text, ctx, _ = run(make_rule(), html)
    assert text == LONG
    assert ctx.captions == [Caption("Cap", None)]


def test_caption_wrapping_the_article_body_is_left_alone() -> None:
    html = f"<body><figure><img><figcaption><p>{LONG}</p></figcaption></figure></body>"
    text, ctx, count = run(make_rule(), html)
    assert (text, count, ctx.captions, ctx.removed) == (LONG, 0, [], [])


def test_figure_without_caption_or_credit_is_untouched() -> None:
    text, ctx, count = run(make_rule(), "<body><figure><img></figure><p>Body.</p></body>")
    assert (text, count, ctx.removed) == ("Body.", 0, [])


def test_teaser_card_caption_made_of_links_is_not_a_caption() -> None:
    html = (
        '<body><figure><img><figcaption><a href="/x">Another story</a></figcaption></figure></body>'
    )
    text, ctx, count = run(make_rule(), html)
    assert (text, count, ctx.captions) == ("Another story", 0, [])


def test_nested_figures_are_lifted_once() -> None:
    html = (
        "<body><figure><figure><img><figcaption>Inner</figcaption></figure>"
        "<figcaption>Outer</figcaption></figure><p>Body.</p></body>"
    )
    text, ctx, _ = run(make_rule(), html)
    assert text == "Body."
    assert len(ctx.captions) == 1


def test_credit_rules_must_name_shipped_caption_rules() -> None:
    with pytest.raises(ValueError, match="no caption rule nope"):
        make_rule(credit_rules=("nope",))


def test_credit_rules_come_through_the_loader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A broken shipped captions file is reported like any rule file: path, line and rule."""
    (tmp_path / "global").mkdir()
    (tmp_path / "global" / "captions.yaml").write_text(
        "- id: caption-x\n  kind: caption\n  description: d\n  pattern: '(?P<nope>x)'\n"
        "  examples: [{input: x}]\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(lift_captions, "default_rules_path", lambda: tmp_path)
    lift_captions.shipped_caption_rules.cache_clear()
    try:
        message = r"captions\.yaml:1: caption-x: -: pattern needs a group"
        with pytest.raises(RuleError, match=message):
            lift_captions.shipped_caption_rules()
    finally:
        lift_captions.shipped_caption_rules.cache_clear()


def test_bad_selector_is_a_rule_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "- id: bad\n  kind: lift_captions\n  description: d\n  selector: 'figure['\n"
        "  examples: [{input: '<p>x</p>'}]\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleError, match="selector"):
        load_file(path)


def test_split_credit_leaves_plain_text_whole() -> None:
    assert split_credit("The mayor said the photo was old.", SPLIT) == (
        "The mayor said the photo was old.",
        "",
    )


def _drop_rule(rule_id: str, selector: str) -> DropElements:
    """A drop_elements rule with `selector`, as a rule file would give it."""
    return DropElements.model_validate(
        {
            "id": rule_id,
            "kind": "drop_elements",
            "description": "d",
            "selector": selector,
            "examples": [{"input": "<p>x</p>"}],
        }
    )


def test_guard_keeps_a_widget_holding_the_post() -> None:
    rule = _drop_rule("widgets", '[class~="widget"]')
    html = f'<body><div class="widget"><p>{LONG}</p></div><div class="widget">Archives</div></body>'
    text, ctx, count = run(rule, html)
    assert (text, count) == (LONG, 1)
    assert [r.text for r in ctx.removed] == ["Archives"]


def test_matches_inside_a_removed_match_are_removed_with_it() -> None:
    rule = _drop_rule("related", '[class~="related"]')
    html = (
        '<body><div class="related">Outer <div class="related">Inner</div></div><p>Body.</p>'
        '<div class="related">Last</div></body>'
    )
    text, ctx, count = run(rule, html)
    assert (text, count) == ("Body.", 2)
    assert [r.text for r in ctx.removed] == ["Outer Inner", "Last"]


def test_guard_keeps_the_declared_article_body() -> None:
    html = (
        f'<body><h1>Headline</h1><div class="x"><div itemprop="articleBody">{LONG}</div></div>'
        "</body>"
    )
    tree = LexborHTMLParser(html)
    assert holds_main_content(tree.css_first("div.x"), tree)


def test_guard_lets_a_small_hidden_copy_of_the_body_go() -> None:
    html = (
        f"<body><h1>Headline</h1><p>{LONG}</p><p>{LONG}</p><p>{LONG}</p>"
        f'<div style="display:none"><div itemprop="articleBody">{LONG}</div></div></body>'
    )
    tree = LexborHTMLParser(html)
    assert not holds_main_content(tree.css_first("div[style]"), tree)


def test_guard_lets_small_and_minor_boxes_go() -> None:
    tree = LexborHTMLParser(
        f'<body><p>{LONG}</p><p>{LONG}</p><div class="box">{LONG[:600]}</div><i>tiny</i></body>'
    )
    assert not holds_main_content(tree.css_first("div.box"), tree)
    assert not holds_main_content(tree.css_first("i"), tree)


def test_guard_lets_a_long_comment_thread_go() -> None:
    html = (
        f"<body><h1>Headline</h1><p>{LONG[:400]}</p>"
        f'<section id="comments"><p>{LONG}</p><p>{LONG}</p></section></body>'
    )
    tree = LexborHTMLParser(html)
    assert not holds_main_content(tree.css_first("#comments"), tree)


def test_guard_keeps_a_wrapper_holding_the_headline() -> None:
    html = f'<body><div class="widget"><h1>Headline</h1><div>{LONG}</div></div><p>Menu</p></body>'
    tree = LexborHTMLParser(html)
    assert holds_main_content(tree.css_first("div.widget"), tree)


def test_guard_keeps_a_wrapper_holding_most_of_the_prose_without_a_mark() -> None:
    # The first h1 is the blog's name; the post, in a chrome-sounding class, has no h1.
    html = (
        f'<body><header><h1>A Blog</h1></header><div class="gallery"><h2>Post</h2><p>{LONG}</p>'
        f"<p>{LONG}</p></div><p>{LONG[:200]}</p></body>"
    )
    tree = LexborHTMLParser(html)
    assert holds_main_content(tree.css_first("div.gallery"), tree)


def _photo_story(captions: list[str], intro: str) -> str:
    figures = "".join(
        f"<figure><img src='/{n}.jpg' alt=''><figcaption><p>{caption}</p>"
        f"<span class='credit'>Photo: Jo Lind</span></figcaption></figure>"
        for n, caption in enumerate(captions)
    )
    return f"<html><body><h1>Winter with the herd</h1><p>{intro}</p>{figures}</body></html>"


def test_captions_that_tell_most_of_the_story_stay() -> None:
    caption = (
        "Seven in the morning at minus nine, and the shepherd drives the flock out before "
        "the sun is over the ridge, as she has done every winter for forty years. {}"
    )
    intro = "The flock moves from field to field all winter. " * 4
    html = _photo_story([caption.format(n) for n in range(6)], intro)
    text, ctx, count = run(make_rule(), html)
    assert count == 0 and not ctx.captions
    assert "forty years. 5" in text
    assert any("together hold most of the page's prose" in w for w in ctx.warnings)


def test_captions_beside_a_longer_story_are_lifted() -> None:
    captions = ["The harbour at dawn.", "Ferries waiting at the pier."]
    text, ctx, count = run(make_rule(), _photo_story(captions, LONG))
    assert count == 2 and [c.text for c in ctx.captions] == captions
    assert "harbour at dawn" not in text
