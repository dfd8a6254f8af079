"""CSS colours as a brand file may write them, and the WCAG contrast maths.

Designers copy colours from style guides in whatever CSS form they find
(``#0b5fa5``, ``#fff``, ``rgb(11 95 165)``, ``teal``); every later stage wants one
form, ``#RRGGBB``, so this module is the only place that parses colour text.
Contrast follows WCAG 2.x so the brand check speaks the same numbers as the
accessibility tools a designer already uses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "ColorError", "NAMED_COLORS", "parse_color", "is_color", "rgb", "relative_luminance",
    "contrast_ratio", "readable_on", "mix",
]


class ColorError(ValueError):
    """Text that is not a colour we can use; the message says what is accepted."""


#: The CSS Color Module Level 4 named colours (lower case), as ``#RRGGBB``.
NAMED_COLORS: dict[str, str] = {
    "aliceblue": "#F0F8FF", "antiquewhite": "#FAEBD7", "aqua": "#00FFFF",
    "aquamarine": "#7FFFD4", "azure": "#F0FFFF", "beige": "#F5F5DC", "bisque": "#FFE4C4",
    "black": "#000000", "blanchedalmond": "#FFEBCD", "blue": "#0000FF",
    "blueviolet": "#8A2BE2", "brown": "#A52A2A", "burlywood": "#DEB887",
    "cadetblue": "#5F9EA0", "chartreuse": "#7FFF00", "chocolate": "#D2691E",
    "coral": "#FF7F50", "cornflowerblue": "#6495ED", "cornsilk": "#FFF8DC",
    "crimson": "#DC143C", "cyan": "#00FFFF", "darkblue": "#00008B", "darkcyan": "#008B8B",
    "darkgoldenrod": "#B8860B", "darkgray": "#A9A9A9", "darkgreen": "#006400",
    "darkgrey": "#A9A9A9", "darkkhaki": "#BDB76B", "darkmagenta": "#8B008B",
    "darkolivegreen": "#556B2F", "darkorange": "#FF8C00", "darkorchid": "#9932CC",
    "darkred": "#8B0000", "darksalmon": "#E9967A", "darkseagreen": "#8FBC8F",
    "darkslateblue": "#483D8B", "darkslategray": "#2F4F4F", "darkslategrey": "#2F4F4F",
    "darkturquoise": "#00CED1", "darkviolet": "#9400D3", "deeppink": "#FF1493",
    "deepskyblue": "#00BFFF", "dimgray": "#696969", "dimgrey": "#696969",
    "dodgerblue": "#1E90FF", "firebrick": "#B22222", "floralwhite": "#FFFAF0",
    "forestgreen": "#228B22", "fuchsia": "#FF00FF", "gainsboro": "#DCDCDC",
    "ghostwhite": "#F8F8FF", "gold": "#FFD700", "goldenrod": "#DAA520", "gray": "#808080",
    "green": "#008000", "greenyellow": "#ADFF2F", "grey": "#808080", "honeydew": "#F0FFF0",
    "hotpink": "#FF69B4", "indianred": "#CD5C5C", "indigo": "#4B0082", "ivory": "#FFFFF0",
    "khaki": "#F0E68C", "lavender": "#E6E6FA", "lavenderblush": "#FFF0F5",
    "lawngreen": "#7CFC00", "lemonchiffon": "#FFFACD", "lightblue": "#ADD8E6",
    "lightcoral": "#F08080", "lightcyan": "#E0FFFF", "lightgoldenrodyellow": "#FAFAD2",
    "lightgray": "#D3D3D3", "lightgreen": "#90EE90", "lightgrey": "#D3D3D3",
    "lightpink": "#FFB6C1", "lightsalmon": "#FFA07A", "lightseagreen": "#20B2AA",
    "lightskyblue": "#87CEFA", "lightslategray": "#778899", "lightslategrey": "#778899",
    "lightsteelblue": "#B0C4DE", "lightyellow": "#FFFFE0", "lime": "#00FF00",
    "limegreen": "#32CD32", "linen": "#FAF0E6", "magenta": "#FF00FF", "maroon": "#800000",
    "mediumaquamarine": "#66CDAA", "mediumblue": "#0000CD", "mediumorchid": "#BA55D3",
    "mediumpurple": "#9370DB", "mediumseagreen": "#3CB371", "mediumslateblue": "#7B68EE",
    "mediumspringgreen": "#00FA9A", "mediumturquoise": "#48D1CC",
    "mediumvioletred": "#C71585", "midnightblue": "#191970", "mintcream": "#F5FFFA",
    "mistyrose": "#FFE4E1", "moccasin": "#FFE4B5", "navajowhite": "#FFDEAD",
    "navy": "#000080", "oldlace": "#FDF5E6", "olive": "#808000", "olivedrab": "#6B8E23",
    "orange": "#FFA500", "orangered": "#FF4500", "orchid": "#DA70D6",
    "palegoldenrod": "#EEE8AA", "palegreen": "#98FB98", "paleturquoise": "#AFEEEE",
    "palevioletred": "#DB7093", "papayawhip": "#FFEFD5", "peachpuff": "#FFDAB9",
    "peru": "#CD853F", "pink": "#FFC0CB", "plum": "#DDA0DD", "powderblue": "#B0E0E6",
    "purple": "#800080", "rebeccapurple": "#663399", "red": "#FF0000",
    "rosybrown": "#BC8F8F", "royalblue": "#4169E1", "saddlebrown": "#8B4513",
    "salmon": "#FA8072", "sandybrown": "#F4A460", "seagreen": "#2E8B57",
    "seashell": "#FFF5EE", "sienna": "#A0522D", "silver": "#C0C0C0", "skyblue": "#87CEEB",
    "slateblue": "#6A5ACD", "slategray": "#708090", "slategrey": "#708090",
    "snow": "#FFFAFA", "springgreen": "#00FF7F", "steelblue": "#4682B4", "tan": "#D2B48C",
    "teal": "#008080", "thistle": "#D8BFD8", "tomato": "#FF6347", "turquoise": "#40E0D0",
    "violet": "#EE82EE", "wheat": "#F5DEB3", "white": "#FFFFFF", "whitesmoke": "#F5F5F5",
    "yellow": "#FFFF00", "yellowgreen": "#9ACD32",
}

_HEX = re.compile(r"#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_FUNC = re.compile(r"(rgba?|hsla?)\(\s*(.*?)\s*\)", re.IGNORECASE | re.DOTALL)
_ACCEPTED = "a hex colour like \"#1F3D2B\" or \"#fff\", rgb(31, 61, 43), hsl(...) or a CSS colour name"


def parse_color(text: str) -> str:
    """Return ``#RRGGBB`` for a CSS colour, or raise ``ColorError`` saying why not.

    Alpha is accepted only when fully opaque: slides, PDFs and PowerPoint themes
    need solid colours, and a silently dropped transparency would look wrong.
    """
    if not isinstance(text, str):
        raise ColorError(f"expected a colour, got {text!r}; write {_ACCEPTED}")
    value = text.strip()
    low = value.lower()
    if low in NAMED_COLORS:
        return NAMED_COLORS[low]
    if value.startswith("#"):
        match = _HEX.fullmatch(value)
        if not match:
            raise ColorError(f"{text!r} is not a hex colour; write {_ACCEPTED}")
        digits = match.group(1)
        if len(digits) in (3, 4):
            digits = "".join(ch * 2 for ch in digits)
        if len(digits) == 8:
            _check_alpha(text, int(digits[6:], 16) / 255)
            digits = digits[:6]
        return "#" + digits.upper()
    match = _FUNC.fullmatch(value)
    if match:
        name, args = match.group(1).lower(), match.group(2)
        parts = [p for p in re.split(r"[\s,/]+", args) if p]
        if len(parts) not in (3, 4):
            raise ColorError(f"{text!r} needs three values (and optionally an alpha)")
        if len(parts) == 4:
            _check_alpha(text, _number(text, parts[3], 1.0))
        if name.startswith("rgb"):
            channels = [_channel(text, p) for p in parts[:3]]
        else:
            channels = _hsl(text, parts[:3])
        return "#" + "".join(f"{c:02X}" for c in channels)
    if low in ("transparent", "currentcolor", "inherit"):
        raise ColorError(f"{text!r} is not a solid colour; write {_ACCEPTED}")
    raise ColorError(f"{text!r} is not a colour we know; write {_ACCEPTED}")


def is_color(text: object) -> bool:
    try:
        parse_color(text)  # type: ignore[arg-type]
    except ColorError:
        return False
    return True


def rgb(color: str) -> tuple[int, int, int]:
    """``#RRGGBB`` (or any CSS colour) as three 0-255 integers."""
    hexed = parse_color(color)
    return int(hexed[1:3], 16), int(hexed[3:5], 16), int(hexed[5:7], 16)


def relative_luminance(color: str) -> float:
    """WCAG 2.x relative luminance, 0.0 (black) to 1.0 (white)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2.x contrast ratio between two colours, from 1.0 to 21.0 (order-free)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def readable_on(
    background: str,
    candidates: Iterable[str] = ("#000000", "#FFFFFF"),
    minimum: float = 4.5,
) -> str:
    """The first candidate that reaches ``minimum`` contrast on ``background``.

    Candidates come in order of preference (e.g. the brand's foreground, then
    its light colour), so brand colours win when they are readable; when none
    reaches the minimum the one with the best contrast is returned.
    """
    options = [parse_color(c) for c in candidates]
    if not options:
        raise ValueError("readable_on needs at least one candidate colour")
    for option in options:
        if contrast_ratio(option, background) >= minimum:
            return option
    return max(options, key=lambda option: contrast_ratio(option, background))


def mix(a: str, b: str, amount: float) -> str:
    """``a`` moved ``amount`` (0..1) of the way towards ``b``: tints and shades for fills."""
    amount = min(1.0, max(0.0, amount))
    channels = (round(x + (y - x) * amount) for x, y in zip(rgb(a), rgb(b), strict=False))
    return "#" + "".join(f"{c:02X}" for c in channels)


def _check_alpha(text: str, alpha: float) -> None:
    if alpha < 0.999:
        raise ColorError(f"{text!r} is partly transparent; brand colours must be solid")


def _number(text: str, part: str, scale: float) -> float:
    try:
        if part.endswith("%"):
            return float(part[:-1]) / 100 * scale
        return float(part)
    except ValueError:
        raise ColorError(f"{text!r}: {part!r} is not a number") from None


def _channel(text: str, part: str) -> int:
    value = _number(text, part, 255.0)
    if not 0 <= value <= 255:
        raise ColorError(f"{text!r}: {part!r} is outside 0-255")
    return round(value)


def _hsl(text: str, parts: list[str]) -> list[int]:
    hue = _number(text, parts[0].removesuffix("deg"), 1.0) % 360 / 360
    sat = _number(text, parts[1], 1.0)
    light = _number(text, parts[2], 1.0)
    if not (0 <= sat <= 1 and 0 <= light <= 1):
        raise ColorError(f"{text!r}: saturation and lightness must be percentages")

    def channel(n: float) -> int:
        k = (n + hue * 12) % 12
        a = sat * min(light, 1 - light)
        return round(255 * (light - a * max(-1, min(k - 3, 9 - k, 1))))

    return [channel(0), channel(8), channel(4)]
