"""reportlab's settings are pinned: environment, settings files and URLs cannot change them."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from workshop.errors import UsageError
from workshop.render.pdf import settings

REPO = Path(__file__).resolve().parents[3]


def test_safe_values_are_in_force():
    from reportlab import rl_config

    settings.pin()
    assert rl_config.trustedHosts is None
    assert rl_config.trustedSchemes == []
    assert rl_config.toColorCanUse is None
    assert rl_config.TTFSearchPath == [] and rl_config.T1SearchPath == []
    assert rl_config.invariant == 1
    assert rl_config.verbose == 0 and rl_config.showBoundary == 0


def test_pin_undoes_changes_made_in_process():
    from reportlab import rl_config

    rl_config.trustedHosts = ["*"]
    rl_config.invariant = 0
    rl_config.TTFSearchPath.append("/tmp")
    settings.pin()
    assert rl_config.trustedHosts is None
    assert rl_config.invariant == 1
    assert rl_config.TTFSearchPath == []


@pytest.fixture
def local_server(monkeypatch):
    """An HTTP server on the loopback address that records every request it gets."""
    import http.server
    import threading

    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"fetched")

        def log_message(self, *args) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/logo.png", hits
    server.shutdown()
    server.server_close()


def test_url_fetches_are_refused(local_server):
    from reportlab import rl_config
    from reportlab.lib.utils import open_for_read

    url, hits = local_server
    rl_config.trustedHosts, rl_config.trustedSchemes = ["127.0.0.1:*"], ["http"]
    assert open_for_read(url).read() == b"fetched" and hits  # the probe sees a fetch when one happens
    hits.clear()
    settings.pin()
    with pytest.raises(OSError, match="Cannot open resource"):
        open_for_read(url)
    assert hits == [], "reportlab fetched a URL after the pin"
    for other in ("file:///etc/passwd", "data:text/plain;base64,eA=="):
        with pytest.raises(OSError, match="Cannot open resource"):
            open_for_read(other)


def test_colour_strings_are_never_evaluated():
    from reportlab.lib.colors import toColor

    settings.pin()
    with pytest.raises(ValueError):
        toColor("[x for x in (1,)] and Color(1,0,0)")


def test_malformed_source_date_epoch_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "gisteren")
    with pytest.raises(UsageError, match="SOURCE_DATE_EPOCH"):
        settings.check_source_date_epoch()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    settings.check_source_date_epoch()


SCRIPT = textwrap.dedent("""
    import hashlib, sys
    sys.path.insert(0, {support!r})
    import importlib.util
    spec = importlib.util.spec_from_file_location("pdf_support", {support_file!r})
    ps = importlib.util.module_from_spec(spec); sys.modules["pdf_support"] = ps; spec.loader.exec_module(ps)
    from pathlib import Path
    from workshop.render.handout import render_handout
    built = ps.build(Path({folder!r}), ps.EVERY_KIND)
    data = render_handout(built.plan, built.brand, built.assets)
    from reportlab import rl_config
    print(hashlib.sha256(data).hexdigest(), rl_config.trustedHosts, rl_config.showBoundary)
""")


def _run(tmp_path: Path, env: dict, cwd: Path) -> str:
    support = REPO / "tests" / "render" / "pdf"
    script = SCRIPT.format(support=str(support), support_file=str(support / "pdf_support.py"),
                           folder=str(tmp_path / "outline"))
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("RL_") and k != "SOURCE_DATE_EPOCH"}
    full_env.update(env)
    full_env["PYTHONPATH"] = os.pathsep.join([str(cwd), str(REPO)])
    result = subprocess.run([sys.executable, "-c", script], cwd=cwd, env=full_env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_environment_and_settings_files_change_nothing(tmp_path):
    """RL_* variables and a reportlab_settings.py on sys.path are ignored; output is identical."""
    clean_dir = tmp_path / "clean"
    clean_dir.mkdir()
    evil = tmp_path / "evil"
    evil.mkdir()
    marker = tmp_path / "EXECUTED"
    (evil / "reportlab_settings.py").write_text(
        f"import pathlib\npathlib.Path({str(marker)!r}).write_text('x')\ntrustedHosts = ['*']\n")
    hostile_env = {"RL_trustedHosts": "*", "RL_trustedSchemes": "http,file", "RL_invariant": "0",
                   "RL_showBoundary": "1", "RL_pageCompression": "0", "RL_canvas_basefontname": "Nope",
                   "RL_TTFSearchPath": str(tmp_path)}
    plain = _run(tmp_path, {}, clean_dir)
    attacked = _run(tmp_path, hostile_env, evil)
    assert not marker.exists(), "a reportlab_settings.py on the path was executed"
    assert plain == attacked
    assert plain.endswith("None 0")
