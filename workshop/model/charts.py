"""A chart's data as the outline gives it: categories, series, and how it is shown (highlight, sort).

Validated here with the field's own location, so a misspelt highlight or a
sorted line chart is an error at its line.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, ClassVar

from workshop.model.base import field
from workshop.model.containers import Many, Nullable
from workshop.model.fields import SHORT, Strict
from workshop.model.spec import Choice, Number, Text
from workshop.suggest import did_you_mean


class ChartType(str, Enum):
    BAR = "bar"
    COLUMN = "column"
    PIE = "pie"
    LINE = "line"


class ChartSort(str, Enum):
    """The order of a chart's categories: as the outline gives them, or by value."""

    NONE = "none"
    DESCENDING = "descending"
    ASCENDING = "ascending"


class Series(Strict):
    """One named row of chart values."""

    name: str = field(SHORT, description="The series' name, shown in the legend.")
    values: list[float] = field(Many(Number(float), min_length=1, max_length=500),
                                description="One number per category, in the same order.")


def _highlight_exists(value: str | None, data: dict[str, Any]) -> str | None:
    categories, series = data.get("categories"), data.get("series")
    if value is None or categories is None or series is None:
        return value
    names = [s.name for s in series]
    if value in categories and value in names:
        raise ValueError(f"highlight '{value}' is both a category and a series; rename one of them")
    if value in categories or (value in names and len(names) > 1):
        return value
    if value in names:
        raise ValueError(f"highlight '{value}' is the only series; name one of the categories instead")
    hint = did_you_mean(value, [*categories, *(names if len(names) > 1 else [])])
    raise ValueError(f"highlight '{value}' names no category or series of this chart; {hint}")


def _sort_fits_the_type(value: ChartSort, data: dict[str, Any]) -> ChartSort:
    if value is not ChartSort.NONE and data.get("type") is ChartType.LINE:
        raise ValueError(
            "a line chart cannot be sorted: its categories are an order (times, steps); "
            "remove `sort:` or make it a bar or column chart"
        )
    return value


class ChartData(Strict):
    """A chart's data: one value per category per series."""

    # editors flag a sorted line chart as the tool does
    model_schema_extra: ClassVar[dict[str, Any] | None] = {
        "if": {"properties": {"type": {"const": "line"}}, "required": ["type"]},
        "then": {"properties": {"sort": {"const": "none", "description": "A line chart keeps its order."}}},
    }

    type: ChartType = field(Choice(ChartType), default=ChartType.COLUMN, description="bar, column, pie or line.")
    categories: list[str] = field(
        Many(SHORT, min_length=1, max_length=500),
        description="The labels along the axis (or the pie's slices).",
    )
    series: list[Series] = field(
        Many(Series, min_length=1, max_length=12),
        description="One or more named rows of values; a pie has exactly one.",
    )
    unit: str | None = field(
        Nullable(Text(max_length=10)), default=None,
        description="Shown after each value, e.g. % or €.",
    )
    highlight: str | None = field(
        Nullable(SHORT), default=None, check=_highlight_exists,
        description=(
            "A category (or, with several series, a series) to stand out in the brand's accent colour "
            "while the rest go muted: the share or the moment the slide is about."
        ),
    )
    sort: ChartSort = field(
        Choice(ChartSort), default=ChartSort.NONE, check=_sort_fits_the_type,
        description=(
            "none (the outline's order), descending or ascending: the categories by value (of the "
            "highlighted series, else the first). Not for line charts, whose categories are an order."
        ),
    )

    def model_check(self) -> None:
        for s in self.series:
            if len(s.values) != len(self.categories):
                raise ValueError(
                    f"series '{s.name}' has {len(s.values)} values but there are "
                    f"{len(self.categories)} categories; give one value per category"
                )
        if self.type is ChartType.PIE:
            if len(self.series) != 1:
                raise ValueError("a pie chart shows exactly one series")
            if any(v < 0 for v in self.series[0].values):
                raise ValueError("a pie chart cannot show negative values")
