"""A QR code's modules, kept per address in the user cache: the same modules, a bad entry encoded again."""

from __future__ import annotations

import pytest

from workshop.cache import CACHE_ENV, write_entry
from workshop.render.pdf import qr

URL = "https://helder.example/terugblik"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(CACHE_ENV, raising=False)
    qr.modules.cache_clear()
    yield tmp_path / "cache" / "workshop" / qr.CACHE_FOLDER
    qr.modules.cache_clear()


def _fresh(value: str = URL):
    qr.modules.cache_clear()  # as in a new process
    return qr.modules(value)


def _encoded(value: str = URL):
    from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel

    code = QRCode(None, QRErrorCorrectLevel.M)
    code.addData(value)
    code.make()
    return tuple(tuple(bool(m) for m in row) for row in code.modules)


def test_cold_warm_and_off_give_the_encoders_modules(cache, monkeypatch):
    cold = _fresh()
    [entry] = cache.iterdir()
    encoder = "reportlab.graphics.barcode.qrencoder.QRCode"
    monkeypatch.setattr(encoder, lambda *a: pytest.fail("encoded although cached"))
    warm = _fresh()
    monkeypatch.undo()
    monkeypatch.setenv(CACHE_ENV, "off")
    entry.unlink()
    off = _fresh()
    assert cold == warm == off == _encoded() and not entry.exists()
    assert _fresh("https://ander.example") == _encoded("https://ander.example")


def test_a_damaged_or_foreign_entry_is_encoded_again_and_rewritten(cache):
    cold = _fresh()
    [entry] = cache.iterdir()
    sound = entry.read_bytes()
    damages = [sound[:-40], sound[:-1] + b"2", b""]
    for payload in (b"0101\n1010", b"\n".join([b"01" * 15] * 30), b"x" * 900):  # a sound digest, wrong content
        write_entry(entry, entry.stem, payload)
        damages.append(entry.read_bytes())
    for damage in damages:
        entry.write_bytes(damage)
        assert _fresh() == cold
        assert entry.read_bytes() == sound


def test_a_cached_code_does_not_load_the_encoder(cache):
    """reportlab's encoder loads every barcode it has: a cold PDF worker with a known address skips that."""
    import subprocess
    import sys

    script = ("import sys; from workshop.render.pdf import qr; qr.modules(sys.argv[1]); "
              "print('reportlab.graphics.barcode' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", script, URL], capture_output=True, text=True, check=True,
                           timeout=60).stdout.strip() for _ in range(2)]
    assert runs == ["True", "False"]  # the first encodes (and keeps) it, the second reads it
