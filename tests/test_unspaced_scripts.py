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
