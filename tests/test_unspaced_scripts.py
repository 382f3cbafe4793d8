"""Pages in scripts written without spaces between words (Chinese, Japanese): their
paragraphs are one `str.split()` word each, which no length check may mistake for
an empty page. Every page here is written by hand."""

from __future__ import annotations

import json

from cleaner import Cleaner
from cleaner.words import comma_count, word_count

CLEANER = Cleaner()

JA_PARAGRAPHS = (
    "北海道北部の町で、廃校となった小学校の校舎と体育館を活用して魚を育てる陸上養殖施設が、"
    "今月下旬に初めての出荷を迎える。町と札幌市の企業が共同で運営しており、初年度は約二十トンの"
    "出荷を見込む。",
    "施設は三年前に閉校した小学校を改修したもので、体育館には直径八メートルの円形水槽が六基並ぶ。"
    "地下からくみ上げた水を循環させ、水温を一年中ほぼ一定に保っている。",
    "町長は「子どもたちの声が消えた校舎に、再び人が集まる場所ができた」と話した。"
    "町は今後、加工場の新設も検討するという。",
)


def test_words_of_unspaced_scripts_are_counted_by_characters() -> None:
    assert word_count("The council met on Monday.") == 5
    assert word_count("市议会周一批准了大桥预算") >= 6
    assert word_count("one two three four", enough=2) >= 2
    assert comma_count("上周六，我们到了长兴岛、崇明岛。A, b") == 3


def test_a_japanese_article_with_a_json_ld_script_is_no_empty_shell() -> None:
    data = {"@type": "NewsArticle", "headline": "廃校で育てた魚、初出荷へ"}
    paragraphs = "".join(f"<p>{text}</p>" for text in JA_PARAGRAPHS)
    html = (
        '<html lang="ja"><head><title>廃校で育てた魚、初出荷へ</title>'
        f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'
        f"</head><body><article><h1>廃校で育てた魚、初出荷へ</h1>{paragraphs}</article>"
        "</body></html>"
    )
    document = CLEANER.clean(html)
    assert document.status == "ok"
    assert document.text.split("\n\n") == list(JA_PARAGRAPHS)


def test_dates_written_the_local_way_are_read() -> None:
    from cleaner.dates import parse_date

    for written in ("2025年3月15日", "2025년 3월 15일", "١٥ مارس ٢٠٢٥", "15 Μαρτίου 2025"):
        assert parse_date(written) == "2025-03-15", written
    body = "".join(f"<p>{text}</p>" for text in JA_PARAGRAPHS)
    html = (
        "<html><body><article><h1>廃校で育てた魚、初出荷へ</h1>"
        f'<div class="post-date">2025年3月15日</div>{body}</article></body></html>'
    )
    assert CLEANER.clean(html).date == "2025-03-15"


def test_a_chinese_article_of_short_paragraphs_is_an_article() -> None:
    paragraphs = (
        "3月14日上午，县城中心小学的操场上停着一辆流动书车，学生们排队挑选自己喜欢的图书。"
        "这辆书车每周进村两次，车上有两千多册图书，多数是今年新采购的少儿读物和科普书籍。",
        "校长说，学校离县图书馆有四十公里，过去学生很少有机会借到新书。"
        "书车开通以后，每个学生每学期平均借阅十二本书，老师们也开始在课堂上组织读书分享。",
        "县文旅局表示，今年还将增加两辆书车，覆盖全县所有乡镇小学，并在暑假期间向村民开放借阅。"
        "局长说，明年还打算在书车上增加电子阅读设备，让偏远村庄的孩子也能读到最新的少儿读物。",
    )
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    html = f"<html><body><div class='main'><h1>流动书车进乡村</h1>{body}</div></body></html>"
    assert CLEANER.clean(html).page_type == "article"


def test_punctuation_and_openings_are_read_in_every_script() -> None:
    from cleaner.words import ends_like_a_sentence, starts_like_a_sentence, stop_count

    assert stop_count("地铁今天开通。乘客很多。A. B") == 3
    for ending in ("开通。", "方便吗？", "هل وصل؟", "Done.", "समाप्त।"):
        assert ends_like_a_sentence(ending), ending
    assert not ends_like_a_sentence("北京、上海、")
    # A script without case opens every sentence as a capital does.
    for opening in ("地铁今天开通", "الخبر", "The line", "Émile"):
        assert starts_like_a_sentence(opening), opening
    assert not starts_like_a_sentence("the line") and not starts_like_a_sentence("3 lines")


def test_unspaced_title_separators_are_read_as_separators() -> None:
    from cleaner.metadata.site_names import spaced_separators

    assert spaced_separators("城市地铁新线路今日开通_新闻中心_海港日报") == (
        "城市地铁新线路今日开通 | 新闻中心 | 海港日报"
    )
    assert spaced_separators("見出し｜朝日新聞") == "見出し | 朝日新聞"
    assert spaced_separators("地铁五号线开通-海港网") == "地铁五号线开通 - 海港网"
    # Not between Latin letters or digits, nor a Korean name's hyphen.
    for kept in ("COVID-19 cases", "C|C++ guide", "엘제이-류화영 기자회견", "snake_case"):
        assert spaced_separators(kept) == kept


ZH_NEWS = (
    "<html><head><title>{title}</title></head><body>"
    '<nav><a href="/">首页</a> <a href="/news">新闻</a> <a href="/tech">科技</a></nav>'
    '<div class="main-content">{h1}<div class="article-content">'
    "<p>本报讯 经过四年的建设，城市地铁五号线今天上午正式开通运营。新线路全长三十二公里，"
    "共设二十四座车站，连接城市北部的新区和南部的老城区。</p>"
    "<p>地铁公司负责人表示，五号线开通后，从北部新区到市中心的通勤时间将从原来的一个多小时"
    "缩短到四十分钟左右。</p></div></div></body></html>"
)


def test_a_chinese_title_loses_its_section_and_site_name() -> None:
    title = "城市地铁新线路今日开通_新闻中心_海港日报"
    with_h1 = ZH_NEWS.format(title=title, h1="<h1>城市地铁新线路今日开通</h1>")
    assert CLEANER.clean(with_h1).title == "城市地铁新线路今日开通"
    without_h1 = ZH_NEWS.format(title=title, h1="")
    assert CLEANER.clean(without_h1).title == "城市地铁新线路今日开通"


ZH_POSTS = (
    ("小王", "10:15", "刚开始学摄影，预算五千元左右，主要拍风景和人像。"),
    ("老李", "10:40", "入门的话买二手微单就够了。"),
    ("阿明", "11:02", "同意楼上，镜头比机身重要。"),
    ("摄影师张", "12:30", "先多拍，再升级器材。"),
)


def test_a_chinese_thread_keeps_its_short_replies_and_drops_its_footer() -> None:
    posts = "".join(
        f'<div class="post" id="post_{n}"><div class="authi"><a href="/u/{n}">{user}</a>'
        f' 发表于 2026-3-2 {time}</div><div class="t_f">{reply}</div></div>'
        for n, (user, time, reply) in enumerate(ZH_POSTS)
    )
    html = (
        "<html><head><title>请问新手买什么相机比较好？ - 摄影交流 - 海港论坛</title></head><body>"
        '<div id="hd"><a href="/" class="logo">海港论坛</a><ul class="nav">'
        '<li><a href="/">首页</a></li><li><a href="/forum">版块</a></li>'
        '<li><a href="/search">搜索</a></li><li><a href="/login">登录</a></li></ul></div>'
        '<div class="crumbs"><a href="/">海港论坛</a> › <a href="/f/photo">摄影交流</a>'
        " › 请问新手买什么相机比较好？</div>"
        f'<div id="postlist"><h1 class="ts">请问新手买什么相机比较好？</h1>{posts}</div>'
        '<div class="pgs"><a href="?page=1">1</a> <a href="?page=2">2</a></div>'
        '<div id="ft"><p><a href="/about">关于我们</a> | <a href="/help">帮助中心</a>'
        ' | <a href="/contact">联系我们</a></p><p>Powered by Discuz! © 2001-2026</p></div>'
        "</body></html>"
    )
    text = CLEANER.clean(html).text
    assert all(reply in text for _, _, reply in ZH_POSTS)
    assert "关于我们" not in text and "Powered by" not in text and "›" not in text


ZH_DUMP = """[海港日报](/)

  * [首页](/)
  * [新闻](/news)
  * [财经](/finance)
  * [体育](/sports)
  * [科技](/tech)

[首页](/) > [新闻中心](/news) > 正文

# 城市地铁新线路今日开通

本报讯 经过四年的建设，城市地铁五号线今天上午正式开通运营。

新线路全长三十二公里，共设二十四座车站。

开通首日，不少市民专程前来体验。

家住北部新区的李女士说：“现在坐地铁一趟就到了，方便多了。”

### 相关阅读

  * [地铁四号线客流量突破百万](/r1)
  * [城市公交线路将进行调整](/r2)
  * [新区交通规划正式公布](/r3)

[关于我们](/about) | [联系我们](/contact) | [广告服务](/ads)
"""


def test_a_chinese_page_dump_keeps_its_article_and_drops_its_furniture() -> None:
    document = CLEANER.clean(ZH_DUMP, format="markdown")
    paragraphs = [line for line in ZH_DUMP.splitlines() if line.endswith(("。", "”"))]
    assert document.text.split("\n\n") == paragraphs
    assert document.title == "城市地铁新线路今日开通"


def test_page_type_sizes_read_a_japanese_page_as_the_english_page_saying_as_much() -> None:
    from selectolax.lexbor import LexborHTMLParser

    from cleaner.page_type.features import structure_features
    from cleaner.words import latin_equivalent_chars

    paragraphs = "".join(f"<p>{text}</p>" for text in JA_PARAGRAPHS)
    html = f"<html><body><div class='main'><h1>廃校で育てた魚</h1>{paragraphs}</div></body></html>"
    features = structure_features(LexborHTMLParser(html), html)
    written = sum(len(text) for text in JA_PARAGRAPHS)
    said = sum(latin_equivalent_chars(text) for text in JA_PARAGRAPHS)
    assert said > 2.5 * written
    assert features["text_chars"] >= said
    # The two long paragraphs are prose, each as long as its English would be.
    long = [latin_equivalent_chars(text) for text in JA_PARAGRAPHS[:2]]
    assert features["n_prose"] == 2 and features["prose_chars"] == sum(long)


def test_an_edited_chinese_headline_is_confirmed_by_the_words_it_shares() -> None:
    # The h1 stands outside any article element and words the headline a little
    # differently from <title>: as with an English page, the visible headline wins.
    page = ZH_NEWS.format(title="城市地铁五号线今天正式开通运营_海港日报", h1="")
    outside = '<div class="top"><h1>地铁五号线今天正式开通</h1></div><div>'
    html = page.replace('<div class="main-content">', outside)
    assert CLEANER.clean(html).title == "地铁五号线今天正式开通"


ZH_TEXT = """城市地铁新线路今日开通
2026-03-14 09:30 来源：海港日报
作者：王小明

本报讯 经过四年的建设，城市地铁五号线今天上午正式开通运营。新线路全长三十二公里，共设二十四座车站。

地铁公司负责人表示，五号线开通后，从北部新区到市中心的通勤时间将缩短到四十分钟左右。

分享到：微信 微博 QQ空间
责任编辑：张丽
"""


def test_a_chinese_news_text_keeps_its_story_and_gives_its_fields() -> None:
    document = CLEANER.clean(ZH_TEXT)
    paragraphs = [line for line in ZH_TEXT.splitlines() if line.endswith("。")]
    assert document.text.split("\n\n") == paragraphs
    assert (document.title, document.date, document.authors) == (
        "城市地铁新线路今日开通",
        "2026-03-14T09:30",
        ["王小明"],
    )
    rules = {removal.rule for removal in document.removed}
    assert {"share-line-other-scripts", "editor-credit-line", "byline-other-scripts"} <= rules
