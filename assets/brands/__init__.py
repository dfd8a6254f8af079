"""The brands that ship with workshop, installed as the package ``workshop.brands``.

Designers edit the folders here (``default/``, ``noord/``); the build maps this
folder into the package (see setup.py and docs/architecture.md), and the tool
reads it through ``importlib.resources``. There is no code here: the
``make_*.py`` scripts beside this file are maintainers' tools and are left
out of the wheel.
"""
