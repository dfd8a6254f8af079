"""workshop: one YAML outline in, a branded deck, handout and facilitator guide out."""

__version__ = "0.1.0"
