"""Small line charts as inline SVG, generated on the server (no JavaScript, no inline styles).
The chart is an image with a text title and description; pages show a table with the same
numbers next to it, so nothing depends on seeing the picture."""

import datetime as dt
from collections.abc import Sequence

from django.utils.html import escape, format_html, mark_safe

BREEDTE, HOOGTE = 320, 150
LINKS, RECHTS, BOVEN, ONDER = 34, 12, 10, 24


def _f(getal: float) -> str:
    return f"{getal:.1f}"


def lijngrafiek(
    *,
    grafiek_id: str,
    titel: str,
    beschrijving: str,
    punten: Sequence[tuple[dt.date, float]],
    y_min: int,
    y_max: int,
) -> str:
    if not punten:
        return ""
    breed = BREEDTE - LINKS - RECHTS
    hoog = HOOGTE - BOVEN - ONDER
    eerste, laatste = punten[0][0], punten[-1][0]
    dagen = max((laatste - eerste).days, 1)

    def x(datum: dt.date) -> float:
        if len(punten) == 1:
            return LINKS + breed / 2
        return LINKS + breed * (datum - eerste).days / dagen

    def y(waarde: float) -> float:
        return BOVEN + hoog * (y_max - waarde) / (y_max - y_min)

    delen = [
        format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" class="mdn-grafiek" viewBox="0 0 {} {}" '
            'width="{}" height="{}" role="img" aria-labelledby="{}-titel {}-desc" '
            'focusable="false">'
            '<title id="{}-titel">{}</title><desc id="{}-desc">{}</desc>',
            BREEDTE,
            HOOGTE,
            BREEDTE,
            HOOGTE,
            grafiek_id,
            grafiek_id,
            grafiek_id,
            titel,
            grafiek_id,
            beschrijving,
        )
    ]
    for niveau in range(y_min, y_max + 1):
        delen.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#c8c8c8" stroke-width="1"/>'
                '<text x="{}" y="{}" font-size="11" text-anchor="end" fill="#333">{}</text>',
                LINKS,
                BREEDTE - RECHTS,
                _f(y(niveau)),
                _f(y(niveau)),
                LINKS - 6,
                _f(y(niveau) + 4),
                niveau,
            )
        )
    lijn = " ".join(f"{x(d):.1f},{y(w):.1f}" for d, w in punten)
    delen.append(
        format_html('<polyline points="{}" fill="none" stroke="#01689b" stroke-width="2.5"/>', lijn)
    )
    for datum, waarde in punten:
        delen.append(
            format_html(
                '<circle cx="{}" cy="{}" r="4" fill="#01689b"/>', _f(x(datum)), _f(y(waarde))
            )
        )
    for datum in {eerste, laatste}:
        delen.append(
            format_html(
                '<text x="{}" y="{}" font-size="11" text-anchor="middle" fill="#333">{}</text>',
                _f(min(max(x(datum), LINKS + 30), BREEDTE - RECHTS - 30)),
                HOOGTE - 6,
                datum.strftime("%d-%m-%Y"),
            )
        )
    delen.append(mark_safe("</svg>"))  # noqa: S308  (fixed markup)
    return mark_safe("".join(str(d) for d in delen))  # noqa: S308  (all parts escaped above)


__all__ = ["lijngrafiek", "escape"]
