"""The list of checks ``workshop check`` and ``build`` run, in reporting order."""

CHECKS: list = []
