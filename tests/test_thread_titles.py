"""A forum thread's title loses the label its software puts before it."""

from __future__ import annotations

import json

import pytest

from cleaner import clean
from cleaner.metadata.titles import thread_title

POSTS = "".join(
    f"<li class='postbit' id='post_{n}'><div class='username'>user{n}</div>"
    f"<div class='postcontent'>Post {n} says the sunroof drain was blocked with leaves and "
    f"that blowing it through with air cleared it within a minute or two.</div></li>"
    for n in range(1, 6)
)


def _thread(head_title: str, h1: str) -> str:
    posting = {"@context": "https://schema.org", "@type": "DiscussionForumPosting"}
    return (
        f"<html><head><title>{head_title}</title>"
        f'<script type="application/ld+json">{json.dumps(posting)}</script>'
        '<meta name="generator" content="vBulletin 4.2.5"></head><body>'
        f"<div id='breadcrumb'><a href='/'>Forum</a></div>{h1}"
        f"<ol id='posts' class='posts'>{POSTS}</ol></body></html>"
    )


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Thread: Sunroof leaks into the footwell", "Sunroof leaks into the footwell"),
        ("Thema: Schiebedach undicht", "Schiebedach undicht"),
        ("View topic - Tomatoes with yellow leaves", "Tomatoes with yellow leaves"),
        ("Voir le sujet - Ralenti instable", "Ralenti instable"),
        ("Sunroof: leaks into the footwell", "Sunroof: leaks into the footwell"),
        ("Thread safety in Rust", "Thread safety in Rust"),
    ],
)
def test_the_label_before_a_threads_title_goes(title: str, expected: str) -> None:
    assert thread_title(title) == expected


def test_a_vbulletin_thread_is_titled_without_its_label() -> None:
    h1 = "<h1>Thread: <span class='threadtitle'><a href='#'>Sunroof leaks</a></span></h1>"
    document = clean(_thread("Sunroof leaks - Car Forum", h1))
    assert document.page_type == "forum"
    assert document.title == "Sunroof leaks"


def test_an_articles_title_keeps_its_words() -> None:
    body = "".join(f"<p>Paragraph {n} tells what the council decided.</p>" for n in range(8))
    page = (
        "<html><head><title>Topic: The budget | Gazette</title>"
        '<meta property="og:type" content="article"></head><body><article>'
        f"<h1>Topic: The budget</h1>{body}</article></body></html>"
    )
    assert clean(page).title == "Topic: The budget"
