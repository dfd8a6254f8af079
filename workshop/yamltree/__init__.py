"""YAML files read into located trees: every node knows its file, line and column.

Shared by the outline and the brand readers, so both refuse the same unsafe
YAML and report problems at the same kind of place.
"""
