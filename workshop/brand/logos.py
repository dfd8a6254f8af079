"""brand.yml's ``logo`` section: named images, three sizes, light and dark variants.

Every form brand.yml allows is read: ``logo: file.png``; ``logo: {path, alt}``;
``images:`` with names that ``small``/``medium``/``large`` refer to; and
``{light, dark}`` pairs. Each file is confined to the brand folder and
checked from its header (PNG or JPEG, size limit) before anything decodes it.
Logos a Quarto brand may hold but we cannot use (SVG, web addresses) and
logo files that are missing or broken are skipped with a warning instead of
failing, so such a ``_brand.yml`` still loads; where no logo is left, slides
show the brand's name as a text wordmark.
"""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from workshop.brand import nodes
from workshop.brand.files import brand_file
from workshop.brand.model import Logo, Logos
from workshop.errors import Finding, Location, WorkshopError
from workshop.safety.images import MAX_IMAGE_BYTES, check_image
from workshop.yamltree.tree import Mapping, Node, Scalar

SIZES = ("small", "medium", "large")
_UNUSABLE = {".svg": "SVG", ".svgz": "SVG", ".pdf": "PDF", ".eps": "EPS", ".gif": "GIF",
             ".webp": "WebP", ".ai": "Illustrator"}


class LogoReader:
    def __init__(self, folder: Path, brand_title: str, findings: list[Finding]) -> None:
        self.folder = folder
        self.title = brand_title
        self.findings = findings
        self.images: dict[str, Node] = {}
        self._loaded: dict[tuple[Path, str], Logo] = {}

    def read(self, section: Node | None) -> Logos:
        """Every usable logo by ``size`` / ``size-dark``; the brand's name as the wordmark."""
        found = self._read(section)
        return Logos(MappingProxyType(found), wordmark=self.title)

    def _read(self, section: Node | None) -> dict[str, Logo]:
        if section is None or nodes.is_null(section):
            return {}
        if isinstance(section, Scalar) or (isinstance(section, Mapping) and section.get("path") is not None):
            single = self.resource(section, "logo")
            return {"large": single} if single else {}
        logo = nodes.mapping(section, "logo")
        nodes.warn_unknown_keys(logo, ("images", *SIZES), "logo", self.findings)
        images = nodes.given(logo.get("images"))
        if images is not None:
            for name, _, image in nodes.items(nodes.mapping(images, "logo.images")):
                self.images[name] = image
        found: dict[str, Logo] = {}
        for size in SIZES:
            value = nodes.given(logo.get(size))
            if value is None:
                continue
            if isinstance(value, Mapping) and (value.get("light") is not None or value.get("dark") is not None):
                nodes.warn_unknown_keys(value, ("light", "dark"), f"logo.{size}", self.findings)
                for variant, suffix in (("light", ""), ("dark", "-dark")):
                    shade = nodes.given(value.get(variant))
                    if shade is not None:
                        got = self.resource(shade, f"logo.{size}.{variant}")
                        if got:
                            found[size + suffix] = got
            else:
                got = self.resource(value, f"logo.{size}")
                if got:
                    found[size] = got
        if not found and self.images and not any(not nodes.is_null(logo.get(s)) for s in SIZES):
            # Only ``images`` given: use the first one, as a designer would expect.
            name, node = next(iter(self.images.items()))
            first = self.resource(node, f"logo.images.{name}")
            if first:
                found["large"] = first
        return found

    def resource(self, node: Node, what: str, lookup: bool = True) -> Logo | None:
        """A path, an ``images`` name or ``{path, alt}``, loaded and checked."""
        alt = None
        if isinstance(node, Mapping):
            nodes.warn_unknown_keys(node, ("path", "alt"), what, self.findings)
            path_node = node.get("path")
            if path_node is None:
                nodes.text(node, f"{what}.path")  # raises: a mapping without a path
            alt_node = nodes.given(node.get("alt"))
            if alt_node is not None:
                alt = nodes.text(alt_node, f"{what}.alt")
            assert path_node is not None  # text() refused the mapping without one
            node = path_node
        value = nodes.text(node, what)
        if lookup and value in self.images:
            logo = self.resource(self.images[value], f"logo.images.{value}", lookup=False)
            if logo and alt:
                logo = Logo(logo.path, alt, logo.width, logo.height, logo.format, logo.data)
            return logo
        return self.load(value, alt, node.location, what)

    def load(self, value: str, alt: str | None, location: Location, what: str) -> Logo | None:
        lowered = value.strip().lower()
        if lowered.startswith(("http://", "https://", "//")):
            self.skip(f"{what} is a web address ({value}); nothing is downloaded at build time",
                      location, "download it and put the PNG in the brand folder")
            return None
        kind = _UNUSABLE.get(Path(lowered).suffix)
        if kind:
            self.skip(f"{what} '{value}' is {kind}; slides and PDFs use PNG or JPEG logos",
                      location, "export a PNG (with transparency) next to it and name that one")
            return None
        try:
            path = brand_file(value, self.folder, what="logo", max_bytes=MAX_IMAGE_BYTES, location=location)
        except WorkshopError as exc:
            self.findings.append(Finding(
                "brand-logo-missing",
                f"{what}: {exc.message}; slides show the name '{self.title}' where the logo would go",
                location, details={"hint": exc.hint or ""},
            ))
            return None
        if alt is None:
            alt = f"{self.title} logo"
            self.findings.append(Finding(
                "brand-logo-alt", f"{what} has no alt text; using '{alt}'", location,
            ))
        key = (path, alt)
        if key not in self._loaded:
            with open(path, "rb") as handle:
                data = handle.read(MAX_IMAGE_BYTES + 1)
            try:
                image = check_image(value, data, location)
            except WorkshopError as exc:
                self.skip(f"{what}: {exc.message}", location, exc.hint or "export it again as PNG")
                return None
            self._loaded[key] = Logo(path, alt, image.width, image.height, image.format, image.data)
        return self._loaded[key]

    def skip(self, message: str, location: Location, fix: str) -> None:
        self.findings.append(Finding("brand-logo-skipped", f"{message}; it is not used ({fix})", location))
