"""Packaging that pyproject.toml cannot say: the brands live outside the package.

The shipped brands stay where designers find them, in ``assets/brands/``, and
are mapped into the package as ``workshop.brands`` (setuptools' package-dir),
with every file under them as package data. The maintainers' scripts there
(``make_logos.py``, ``make_templates.py``) are not part of the package.
Everything else is declared in pyproject.toml.
"""

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

BRANDS = "workshop.brands"


class BuildPy(build_py):
    """Ship only ``__init__.py`` from the brands folder: it holds data, not code."""

    def find_package_modules(self, package: str, package_dir: str) -> list[tuple[str, str, str]]:
        modules = super().find_package_modules(package, package_dir)
        if package == BRANDS:
            return [m for m in modules if m[1] == "__init__"]
        return modules


setup(
    packages=[*find_packages(include=["workshop", "workshop.*"]), BRANDS],
    package_dir={BRANDS: "assets/brands"},
    package_data={
        "workshop": ["data/*", "data/fonts/*", "data/fonts/*/*"],  # scaffold, specimen, fallback fonts
        BRANDS: ["*/**/*"],  # every file inside a brand folder: _brand.yml, logos, template, fonts
    },
    exclude_package_data={BRANDS: ["**/__pycache__/*", "**/*.pyc"]},
    cmdclass={"build_py": BuildPy},
)
