"""docker-compose.yml as a mail administrator runs it: the images built (from a Debian base made here, no
image registry), the stack brought up with Debian's Postfix in front of the relay, allowed and blocked mail
sent into Postfix with swaks, the allowed mail at the sink and the blocked not, incidents in PostgreSQL, the
review UI's login page answering, and the services' health and metrics.

The test stack runs on the host's network through an override file, every service on a loopback port picked
here, so its traffic never leaves the machine and two runs never meet.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.conftest import free_port, wait_until
from tests.deploy import docker
from tests.deploy.docker import ROOT, Dockerd
from tests.synthetic import OMBUDSMAN_DOMAIN, ORG_DOMAIN, SyntheticRegistry, account_body, email, letter

REASON = docker.available()
# Skipped only where docker cannot run at all; .ci/run installs everything, so in CI it always runs.
pytestmark = pytest.mark.skipif(REASON is not None and not os.environ.get("CI"), reason=REASON or "")
SENDER = f"billing@{ORG_DOMAIN}"
SERVICES = ("postgres", "relay", "watcher", "web", "postfix")  # those with a healthcheck


@dataclass
class Stack:
    dockerd: Dockerd
    project: str
    files: list[Path]
    env: dict[str, str]
    config: Path
    ports: dict[str, int]
    secrets: Path

    def compose(self, *args: str, check: bool = True, timeout: float = 900) -> subprocess.CompletedProcess[str]:
        command = ["docker-compose", "--project-name", self.project]
        for file in self.files:
            command += ["--file", str(file)]
        result = subprocess.run(
            [*command, *args], capture_output=True, text=True, timeout=timeout, env=self.env, cwd=ROOT
        )
        if check and result.returncode != 0:
            raise RuntimeError(f"docker-compose {' '.join(args)}: {result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        return result

    def health(self, service: str) -> str:
        ids = self.compose("ps", "-q", service).stdout.split()
        if not ids:
            return "missing"
        state = json.loads(self.dockerd.docker("inspect", ids[0]).stdout)[0]["State"]
        if state["Status"] != "running":
            return f"{state['Status']} (exit {state.get('ExitCode')})"
        return str(state.get("Health", {}).get("Status", "running"))

    def logs(self) -> str:
        return self.compose("logs", "--no-color", "--tail=60", check=False, timeout=120).stdout


class Phases:
    """How long each slow step took, printed (pytest -s shows it) so that CI's budget can be watched."""

    def __init__(self) -> None:
        self.last = time.monotonic()

    def done(self, what: str) -> None:
        now = time.monotonic()
        print(f"deploy: {what}: {now - self.last:.0f} s", file=sys.stderr)
        self.last = now


def write_config(path: Path, ports: dict[str, int]) -> Path:
    """docker/dlp.toml with every address a loopback port of this run (the stack is on the host network)."""
    text = (ROOT / "docker" / "dlp.toml").read_text()
    replacements = {
        "postgres:5432": f"127.0.0.1:{ports['postgres']}",
        'listen = "0.0.0.0:10025"': f'listen = "127.0.0.1:{ports["relay"]}"',
        'next_hop = "postfix:10026"': f'next_hop = "127.0.0.1:{ports["reinject"]}"',
        '"0.0.0.0:9125"': f'"127.0.0.1:{ports["relay_metrics"]}"',
        '"0.0.0.0:9126"': f'"127.0.0.1:{ports["watch_metrics"]}"',
        'listen = "0.0.0.0:8025"': f'listen = "127.0.0.1:{ports["web"]}"',
        "workers = 2": "workers = 1",
    }
    for old, new in replacements.items():
        assert old in text, f"docker/dlp.toml no longer has {old!r}"
        text = text.replace(old, new)
    assert ORG_DOMAIN in text and OMBUDSMAN_DOMAIN in text
    path.write_text(text)
    return path


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory, synthetic: SyntheticRegistry) -> Iterator[Stack]:
    if REASON is not None:
        pytest.fail(f"CI must run the deployment test: {REASON}")
    tmp = tmp_path_factory.mktemp("deploy")
    names = ("smtp", "reinject", "relay", "relay_metrics", "watch_metrics", "web", "postgres", "sink")
    ports = {name: free_port() for name in names}
    secrets = tmp / "secrets"
    subprocess.run(["sh", str(ROOT / "docker" / "make-secrets.sh"), str(secrets)], check=True, capture_output=True)
    override = tmp / "docker-compose.host.yml"
    host = {"network_mode": "host"}
    docker.compose_config(override, {"services": {name: host for name in (*SERVICES, "registry", "sink")}})
    run = f"{os.getpid()}{int(time.time()) % 100000}"
    env = {
        **os.environ,
        "COMPOSE_INTERACTIVE_NO_CLI": "1",
        "DLP_IMAGE": f"dlp-outgoing:test-{run}",
        "DLP_CONFIG": str(write_config(tmp / "dlp.toml", ports)),
        "DLP_CLIENTS": str(synthetic.write(tmp / "clients.csv")),
        "DLP_SECRETS": str(secrets),
        "POSTGRES_PORT": str(ports["postgres"]),
        "POSTGRES_LISTEN": "127.0.0.1",
        "POSTFIX_SMTP_PORT": str(ports["smtp"]),
        "POSTFIX_REINJECT_PORT": str(ports["reinject"]),
        "POSTFIX_CONTENT_FILTER": f"dlpfilter:[127.0.0.1]:{ports['relay']}",
        "POSTFIX_RELAYHOST": f"[127.0.0.1]:{ports['sink']}",
        "POSTFIX_MYNETWORKS": "127.0.0.0/8",
        "POSTFIX_INET_INTERFACES": "127.0.0.1",
        "POSTFIX_MAIN_CF": "queue_run_delay = 2s; minimal_backoff_time = 2s; maximal_backoff_time = 5s",
        "SINK_LISTEN": f"127.0.0.1:{ports['sink']}",
    }
    files = [ROOT / "docker-compose.yml", override]
    dockerd = Dockerd()
    stack = Stack(dockerd, f"dlptest{run}", files, env, Path(env["DLP_CONFIG"]), ports, secrets)
    # Before anything slow: the compose file as users have it, and with the test's override.
    Stack(dockerd, stack.project, files[:1], env, stack.config, ports, secrets).compose("config", "--quiet")
    stack.compose("config", "--quiet")
    phases = Phases()
    tarball = docker.base_tarball()
    phases.done("debootstrap base (cached after the first run)")
    try:
        dockerd.start()
        env.update(DOCKER_HOST=dockerd.host, DLP_BASE=docker.import_base(dockerd, tarball))
        phases.done("dockerd and docker import")
        env["DLP_WHEELHOUSE"] = docker.wheelhouse(docker.image_python(dockerd, env["DLP_BASE"]))
        phases.done("wheelhouse (cached while pyproject.toml is unchanged)")
        # Compose v1 refuses published ports beside host networking, and an override file can add but not
        # remove them: the stack runs from the merged configuration (base file, override, the settings
        # above) with `ports` taken out, which on the host's network publish nothing anyway.
        merged = yaml.safe_load(stack.compose("config").stdout)
        for service in merged["services"].values():
            service.pop("ports", None)
        stack.files = [tmp / "docker-compose.test.yml"]
        docker.compose_config(stack.files[0], merged)
        stack.compose("build", "registry", timeout=1200)  # one image for every service
        phases.done("image build")
        stack.compose("up", "--detach", "--no-build", timeout=600)
        healthy = wait_until(lambda: all(stack.health(s) == "healthy" for s in SERVICES), timeout=300, interval=2)
        phases.done("stack up and healthy")
        assert healthy, {s: stack.health(s) for s in SERVICES} | {"logs": stack.logs()}
        yield stack
    finally:
        try:
            stack.compose(
                "down", "--volumes", "--timeout", "10", check=False, timeout=300
            )  # dockerd.stop() removes its images
        finally:
            dockerd.stop()


def swaks(port: int, to: str, message: bytes, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    path = tmp_path / f"msg-{time.monotonic_ns()}.eml"
    path.write_bytes(message)
    return subprocess.run(
        ["swaks", "--server", f"127.0.0.1:{port}", "--from", SENDER, "--to", to, "--data", f"@{path}", "--silent", "2"],
        capture_output=True,
        text=True,
        timeout=60,
    )


def sink_messages(stack: Stack) -> list[str]:
    """Every message in the sink's Maildir, separated."""
    out = stack.compose(
        "exec",
        "-T",
        "sink",
        "sh",
        "-c",
        'for f in /var/lib/dlp-sink/Maildir/new/*; do [ -f "$f" ] && cat "$f" && echo \'=====DLP-END=====\'; done',
        check=False,
        timeout=60,
    ).stdout
    return [m for m in out.split("=====DLP-END=====") if m.strip()]


def to(messages: list[str], rcpt: str) -> list[str]:
    return [m for m in messages if f"X-RcptTo: {rcpt}" in m]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_mail_through_postfix_and_the_relay(stack: Stack, synthetic: SyntheticRegistry, tmp_path: Path) -> None:
    a, b = synthetic.ordinary()[:2]
    victim, ex = synthetic.victim, synthetic.ex_partner
    smtp = stack.ports["smtp"]
    allowed = email([a.email], "Your account", account_body(a))
    held = email([b.email], "Your account", account_body(a))  # another client's account: quarantined
    refused = email([ex.email], "joint account", f"She now lives at {victim.postal_address}.")  # 550
    for rcpt, message in ((a.email, allowed), (b.email, held), (ex.email, refused)):
        result = swaks(smtp, rcpt, message, tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr  # Postfix queues it; the filter decides

    assert wait_until(lambda: to(sink_messages(stack), a.email), timeout=120, interval=1), stack.logs()
    delivered = to(sink_messages(stack), a.email)[0]
    assert "X-DLP-Verdict: allow" in delivered and a.reference in delivered

    # The blocked ones are recorded in PostgreSQL (through the product's own CLI, from the host) ...
    def incidents() -> list[dict[str, object]]:
        out = subprocess.run(
            [str(Path(sys.executable).with_name("dlp")), "incidents", "list", "--json", "--config", str(stack.config)],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "DLP_STORE_PASSWORD_FILE": str(stack.secrets / "db_password")},
        )
        return [json.loads(line) for line in out.stdout.splitlines()]

    assert wait_until(lambda: {"quarantine", "reject"} <= {i["decision"] for i in incidents()}, timeout=120), (
        incidents(),
        stack.logs(),
    )
    records = incidents()
    assert {i["channel"] for i in records} == {"relay"}
    rules = {r for i in records for r in i["rules"]}  # type: ignore[attr-defined]
    assert {"mismatched_recipient", "suppressed_detail_exposed"} <= rules
    assert victim.postal_address not in json.dumps(records)
    # ... and never reach their recipients (give Postfix time to have delivered them, were it going to).
    time.sleep(5)
    messages = sink_messages(stack)
    assert to(messages, b.email) == [] and to(messages, ex.email) == []
    assert not [m for m in messages if victim.postal_address in m and "X-DLP-Verdict: allow" in m]

    # The relay's metrics saw all three, by decision.
    status, text = get(f"http://127.0.0.1:{stack.ports['relay_metrics']}/metrics")
    assert status == 200
    for decision in ("allow", "quarantine", "reject"):
        assert f'dlp_items_total{{channel="relay",decision="{decision}"}}' in text
    assert "dlp_registry_valid 1.0" in text


def test_letters_through_the_presend_volume(stack: Stack, synthetic: SyntheticRegistry) -> None:
    """Staff drop letters into the watcher's volume: the right one is cleared, the wrong one held with a note."""
    a, b = synthetic.ordinary()[2:4]
    presend = "/var/lib/dlp/presend"

    def shell(script: str) -> str:
        command = ["exec", "-T", "--user", "dlp", "watcher", "sh", "-c", script]
        return stack.compose(*command, check=False, timeout=60).stdout

    def drop(name: str, text: str) -> None:
        # In the command, not on stdin: Compose v1's `exec -T` does not pass stdin's end on to the container.
        shell(f"echo {base64.b64encode(text.encode()).decode()} | base64 -d > {presend}/inbox/{name}")

    drop("statement-a.txt", letter(a, account_body(a)))
    drop("statement-b.txt", letter(b, account_body(a)))  # a's account, to b

    def listing(folder: str) -> list[str]:
        return shell(f"ls {presend}/{folder}").split()

    def settled() -> bool:
        return listing("cleared") == ["statement-a.txt"] and any(n.endswith(".dlp.txt") for n in listing("quarantine"))

    assert wait_until(settled, timeout=120, interval=2), (shell(f"ls -R {presend}"), stack.logs())
    assert listing("inbox") == []  # the wrong letter is held in the encrypted quarantine, not left for printing
    assert "statement-b.txt" not in listing("quarantine")
    note = shell(f"cat {presend}/quarantine/*.dlp.txt")
    assert "Incident INC-" in note, note
    assert a.reference not in note and a.family_name not in note  # the note names no one


def test_review_ui_and_health(stack: Stack) -> None:
    web = f"http://127.0.0.1:{stack.ports['web']}"
    status, page = get(web + "/login")
    assert status == 200 and 'name="password"' in page and 'name="csrf"' in page
    status, body = get(web + "/readyz")
    assert status == 200 and json.loads(body)["checks"]["store"] == "ok"
    assert get(web + "/")[0] == 200 and "password" in get(web + "/")[1]  # redirected to the login page
    status, body = get(f"http://127.0.0.1:{stack.ports['watch_metrics']}/readyz")
    assert status == 200 and json.loads(body)["checks"]["folder_workers"] == "ok"
    # The registry job ran to completion and the services log JSON lines (docker/dlp.toml's [logging]).
    assert stack.health("registry").startswith("exited (exit 0)")
    lines = [
        line.split("|", 1)[-1].strip() for line in stack.compose("logs", "--no-color", "relay").stdout.splitlines()
    ]
    logged = [json.loads(line) for line in lines if line.startswith("{")]
    assert logged and all({"time", "level", "logger", "message"} <= set(entry) for entry in logged)


def test_secrets_are_not_in_the_image(stack: Stack) -> None:
    image = stack.env["DLP_IMAGE"]
    history = stack.dockerd.docker("history", "--no-trunc", image).stdout
    config = stack.dockerd.docker("image", "inspect", image).stdout
    for name in ("quarantine.key", "web.secret", "db_password"):
        value = (stack.secrets / name).read_text().strip()
        assert value not in history and value not in config
    listing = stack.dockerd.docker(
        "run", "--rm", "--entrypoint", "sh", image, "-c", "ls -a /run/secrets /src 2>&1; true"
    )
    assert "No such file" in listing.stdout or listing.stdout.strip() == ""
