"""Allow ``python -m workshop``."""

from workshop.cli import run

if __name__ == "__main__":  # worker processes started with "spawn" import this module too
    run()
