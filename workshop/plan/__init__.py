"""Pure planning: clock times, agenda, layout choice and text fit, as data."""
