"""The validated, immutable workshop model. Knows nothing about PowerPoint or PDF."""

from workshop.model.slides import (
    SLIDE_KINDS,
    AgendaSlide,
    BreakSlide,
    BulletsSlide,
    ChartSlide,
    ClosingSlide,
    CompareSlide,
    ExerciseSlide,
    ImageSlide,
    QuizSlide,
    QuoteSlide,
    SectionSlide,
    Slide,
    StatementSlide,
    StatSlide,
    StepsSlide,
    TableSlide,
    TitleSlide,
)
from workshop.model.workshop import Audience, Meta, Section, Workshop

__all__ = [
    "AgendaSlide", "Audience", "BreakSlide", "BulletsSlide", "ChartSlide", "ClosingSlide",
    "CompareSlide", "ExerciseSlide", "ImageSlide", "Meta", "QuizSlide", "QuoteSlide",
    "SLIDE_KINDS", "Section", "SectionSlide", "Slide", "StatSlide", "StatementSlide",
    "StepsSlide", "TableSlide", "TitleSlide", "Workshop",
]
