"""What a handout block may need besides its slide."""

from __future__ import annotations

from collections.abc import Mapping

from workshop.lazyclass import lazy_dataclass
from workshop.safety.images import ImageFile


@lazy_dataclass(frozen=True)
class HandoutContext:
    """The checked images, and whether the block may open a page of its own."""

    images: Mapping[str, ImageFile]
    fresh: bool  # False right after a section heading: worksheets and the closing stay on that page
