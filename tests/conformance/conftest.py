"""Fixtures: a fresh emulator per test (the project's own CLI), and SDK clients pointed at it."""
import json
import os
import shutil
import subprocess
from pathlib import Path

import logicmonitor_sdk
import pytest

REPO = Path(__file__).resolve().parents[2]


class Emulator:
    def __init__(self, *extra_args):
        node = shutil.which("node")
        ts_node = REPO / "node_modules" / "ts-node" / "dist" / "bin.js"
        self.process = subprocess.Popen(
            [node, str(ts_node), "--transpile-only", str(REPO / "emulator" / "cli.ts"), "--json", "--exit-after", "600", *extra_args],
            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the emulator did not start: " + self.process.stderr.read())
        info = json.loads(line)
        self.base_url = info["baseUrl"]
        self.access_id = info["accessId"]
        self.access_key = info["accessKey"]

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def sdk_client(base_url, access_id=None, access_key=None, bearer_token=None):
    """An LMApi client of LogicMonitor's SDK. Its Configuration has no host setter (the host
    normally comes from `company`), so the base URL goes into the attribute behind `host`."""
    configuration = logicmonitor_sdk.Configuration()
    configuration._host = base_url
    if bearer_token is not None:
        configuration.auth_type = "Bearer"
        configuration.bearer_token = bearer_token
    else:
        configuration.access_id = access_id
        configuration.access_key = access_key
    return logicmonitor_sdk.LMApi(logicmonitor_sdk.ApiClient(configuration))


@pytest.fixture
def emulator():
    instance = Emulator()
    yield instance
    instance.close()


@pytest.fixture
def api(emulator):
    return sdk_client(emulator.base_url, emulator.access_id, emulator.access_key)


@pytest.fixture
def start_emulator():
    started = []

    def start(*args):
        instance = Emulator(*args)
        started.append(instance)
        return instance

    yield start
    for instance in started:
        instance.close()
