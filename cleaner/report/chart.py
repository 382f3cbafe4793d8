"""An inline SVG histogram: how many documents lost what share of their text."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

_WIDTH, _HEIGHT, _MARGIN = 640, 240, 36
_BINS = 10


def share_histogram(shares: Sequence[float]) -> str:
    """Ten bars (0–10 % … 90–100 % removed), each labelled with its count."""
    counts = [0] * _BINS
    for share in shares:
        counts[min(int(share * _BINS), _BINS - 1)] += 1
    tallest = max(counts) or 1
    plot_height = _HEIGHT - 2 * _MARGIN
    bar_width = (_WIDTH - 2 * _MARGIN) / _BINS
    parts = [
        f'<svg id="share-chart" role="img" '
        f'viewBox="0 0 {_WIDTH} {_HEIGHT}" width="{_WIDTH}" height="{_HEIGHT}">',
        "<title>Documents by share of text removed</title>",
        f'<line x1="{_MARGIN}" y1="{_HEIGHT - _MARGIN}" x2="{_WIDTH - _MARGIN}" '
        f'y2="{_HEIGHT - _MARGIN}" class="axis"/>',
    ]
    for index, count in enumerate(counts):
        height = plot_height * count / tallest
        x = _MARGIN + index * bar_width
        y = _HEIGHT - _MARGIN - height
        label = f"{index * 10}–{index * 10 + 10} %"
        parts += [
            f'<rect class="bar" x="{x + 2:.1f}" y="{y:.1f}" width="{bar_width - 4:.1f}" '
            f'height="{height:.1f}"><title>{escape(label)}: {count} documents</title></rect>',
            f'<text x="{x + bar_width / 2:.1f}" y="{y - 4:.1f}" class="count">{count}</text>',
            f'<text x="{x + bar_width / 2:.1f}" y="{_HEIGHT - _MARGIN + 14}" class="tick">'
            f"{index * 10}%</text>",
        ]
    parts.append(
        f'<text x="{_WIDTH / 2}" y="{_HEIGHT - 4}" class="caption">share of text removed</text>'
    )
    parts.append("</svg>")
    return "\n".join(parts)
