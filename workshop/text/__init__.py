"""Text helpers shared by the plan and all renderers."""
