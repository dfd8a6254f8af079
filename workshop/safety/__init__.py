"""Checks that run before any library opens a file a client gave us."""
