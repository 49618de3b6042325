#!/usr/bin/env bash
# Holds the emulator to LogicMonitor's own Python SDK: installs it into a virtual environment and runs
# tests/conformance/test_python_sdk.py, each test against a fresh emulator. Test tooling only.
#   npm run test:conformance            (or: bash tests/conformance/run.sh -k bearer)
set -euo pipefail
cd "$(dirname "$0")/../.."
venv="${LM_CONFORMANCE_VENV:-.venv}"
if [[ ! -x "$venv/bin/python" ]]; then
  echo "[conformance] creating $venv" >&2
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/conformance/requirements.txt
exec "$venv/bin/python" -m pytest -q -p no:cacheprovider tests/conformance "$@"
