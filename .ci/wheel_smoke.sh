#!/usr/bin/env bash
# A new user's first session, from the built package, far from the checkout.
#
# Builds the sdist and, from it, the wheel (so the sdist must carry everything
# the build needs); installs the wheel into a fresh venv outside the checkout;
# then, in an empty folder with an empty HOME and umask 022, scaffolds a project
# and checks, builds (both brands and a client), exports a master and lists the
# brands, and checks what was written: content and file modes.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-python3}
work=$(mktemp -d "${TMPDIR:-/tmp}/workshop-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT

export PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
"$python" -m pip install -q build
"$python" -m build --outdir "$work/dist" "$repo" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q "$work"/dist/*.whl

mkdir -p "$work/empty" "$work/home"
cd "$work/empty"
umask 022
export HOME="$work/home"
unset WORKSHOP_CONFIG_DIR PYTHONPATH
ws() {
  echo "\$ workshop $*"
  "$work/venv/bin/workshop" "$@"
}
ws --version
ws new demo
ws check --strict
ws build
ws build --brand noord --out build-noord
ws build --client voorbeeld --only deck,handout
ws template export -o master.pptx
ws template export --brand noord -o master-noord.pptx
ws brands | tee brands.txt
"$work/venv/bin/python" "$repo/.ci/smoke_outputs.py" "$work/empty" "$work/venv"
