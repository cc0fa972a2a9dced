"""Docker for the deployment test, without an image registry: a private dockerd, a base image made from
Debian packages (debootstrap, then `docker import`), and a wheelhouse built on the host for the image's
offline `pip install`.

The dockerd has its own data, exec root and socket under /tmp, no bridge and no iptables rules (the stack
runs on the host's network, on loopback), so it touches nothing of the machine's and is removed whole.
The debootstrap tarball and the wheelhouse are cached under the repository's var/deploy/ (ignored by git),
so a second run in the same checkout needs neither again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / "var" / "deploy"
WHEELHOUSE = CACHE / "wheelhouse"  # inside the build context (.dockerignore lets exactly this in)
SUITE = "bookworm"
# What the Dockerfile installs from Debian, plus python3-venv for a Debian (not python:*) base.
PACKAGES = ("python3", "python3-venv", "postfix", "postgresql", "tesseract-ocr", "tesseract-ocr-eng", "ca-certificates")
DOCKER = "/usr/bin/docker"  # Debian's docker.io client (another `docker` may come first on PATH)


def available() -> str | None:
    """Why docker cannot run here, or None."""
    if os.geteuid() != 0:
        return "needs root to run dockerd"
    for tool in ("dockerd", "docker-compose", "debootstrap", "swaks"):
        if shutil.which(tool) is None:
            return f"needs {tool} (Debian docker.io, docker-compose, debootstrap, swaks; installed by .ci/run)"
    if not Path(DOCKER).exists():
        return "needs Debian's docker client (docker.io)"
    return None


def run(*args: str, timeout: float = 600, **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(args, capture_output=True, text=True, timeout=timeout, **kwargs)  # type: ignore[call-overload]
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(args[:4])} … failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
    return result


class Dockerd:
    """A dockerd of our own, stopped and removed with everything it made by `stop()`."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="dlpd-", dir="/tmp"))
        self.socket = self.root / "docker.sock"
        self.host = f"unix://{self.socket}"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "DOCKER_HOST": self.host, "COMPOSE_INTERACTIVE_NO_CLI": "1"}

    def start(self, timeout: float = 60) -> None:
        (self.root / "daemon.json").write_text("{}")
        log = (self.root / "dockerd.log").open("wb")
        self.process = subprocess.Popen(
            [
                "dockerd",
                f"--config-file={self.root / 'daemon.json'}",
                f"--data-root={self.root / 'data'}",
                f"--exec-root={self.root / 'exec'}",
                f"--pidfile={self.root / 'docker.pid'}",
                f"--host={self.host}",
                "--bridge=none",
                "--iptables=false",
                "--ip-masq=false",
                "--userland-proxy=false",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"dockerd exited:\n{self.log()[-3000:]}")
            if self.socket.exists() and self.docker("info", check=False).returncode == 0:
                return
            time.sleep(0.5)
        raise TimeoutError(f"dockerd did not start:\n{self.log()[-3000:]}")

    def docker(self, *args: str, check: bool = True, timeout: float = 600) -> subprocess.CompletedProcess[str]:
        if check:
            return run(DOCKER, *args, timeout=timeout, env=self.env)
        return subprocess.run([DOCKER, *args], capture_output=True, text=True, timeout=timeout, env=self.env)

    def log(self) -> str:
        path = self.root / "dockerd.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(Exception):  # containers first: dockerd would otherwise wait on them
                ids = self.docker("ps", "-aq", check=False, timeout=60).stdout.split()
                if ids:
                    self.docker("rm", "-f", *ids, check=False, timeout=120)
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(30)
        # Whatever dockerd left mounted under its root (a crash): unmount before removing.
        mounts = [line.split()[1] for line in Path("/proc/mounts").read_text().splitlines()]
        for mount in sorted((m for m in mounts if m.startswith(str(self.root))), key=len, reverse=True):
            subprocess.run(["umount", "-l", mount], capture_output=True)
        shutil.rmtree(self.root, ignore_errors=True)


def debian_mirror() -> str:
    """The machine's own Debian mirror (apt's sources), else Debian's."""
    if os.environ.get("DLP_DEBIAN_MIRROR"):
        return os.environ["DLP_DEBIAN_MIRROR"]
    for path in (Path("/etc/apt/sources.list.d/debian.sources"), Path("/etc/apt/sources.list")):
        if path.exists():
            found = re.search(r"^(?:URIs:|deb)\s+(\S+/debian)\s", path.read_text(), re.MULTILINE)
            if found:
                return found.group(1)
    return "http://deb.debian.org/debian"


def base_tarball() -> Path:
    """A Debian minbase root with PACKAGES, as a tarball for `docker import` (made once, then cached)."""
    key = hashlib.sha256(f"{SUITE} {' '.join(PACKAGES)}".encode()).hexdigest()[:12]
    tarball = CACHE / f"base-{SUITE}-{key}.tar"
    if tarball.exists():
        return tarball
    CACHE.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="dlp-debootstrap-", dir=CACHE))
    try:
        root = work / "root"
        run(
            "debootstrap",
            "--variant=minbase",
            f"--include={','.join(PACKAGES)}",
            SUITE,
            str(root),
            debian_mirror(),
            timeout=1200,
        )
        for junk in ("var/cache/apt/archives", "var/lib/apt/lists", "usr/share/doc", "usr/share/man"):
            for child in (root / junk).glob("*"):
                if child.is_file() or child.is_symlink():
                    child.unlink()
                elif child.is_dir() and child.name != "partial":
                    shutil.rmtree(child, ignore_errors=True)
        partial = work / "base.tar.partial"
        run(
            "tar",
            "-C",
            str(root),
            "--numeric-owner",
            "--exclude=./dev/*",
            "--exclude=./proc/*",
            "--exclude=./sys/*",
            "-cf",
            str(partial),
            ".",
            timeout=600,
        )
        partial.rename(tarball)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return tarball


def import_base(dockerd: Dockerd, tarball: Path) -> str:
    tag = f"dlp-test-base:{tarball.stem.rsplit('-', 1)[-1]}"
    dockerd.docker("import", "--change", 'CMD ["/bin/bash"]', str(tarball), tag, timeout=900)
    return tag


def image_python(dockerd: Dockerd, image: str) -> str:
    """The Python version of `image` (its `python3`), e.g. "3.11.2"."""
    script = "import platform; print(platform.python_version())"
    return dockerd.docker("run", "--rm", "--network", "none", image, "python3", "-c", script).stdout.strip()


def wheelhouse(python: str) -> str:
    """Wheels of dlp and all it needs for the image's Python `python`, made here; returns its path in the context.

    `pip wheel` builds what has no wheel (and dlp itself) with the host's Python; then `pip download` fetches
    binary wheels for the image's Python over them, for the host's Python may be a newer patch release whose
    picks (a package that needs 3.11.5, say) the image's cannot install. The image's offline `pip install`
    takes the newest wheel that fits it. Kept while pyproject.toml and `python` are unchanged; dlp's own wheel
    is rebuilt every run."""
    stamp = WHEELHOUSE / ".stamp"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + python.encode()).hexdigest()
    pip = [sys.executable, "-m", "pip"]
    for old in WHEELHOUSE.glob("dlp_outgoing-*.whl"):
        old.unlink()
    run(*pip, "wheel", "--quiet", "--no-deps", "--wheel-dir", str(WHEELHOUSE), str(ROOT), timeout=600, cwd=ROOT)
    if stamp.exists() and stamp.read_text() == wanted:
        return str(WHEELHOUSE.relative_to(ROOT))
    run(*pip, "wheel", "--quiet", "--wheel-dir", str(WHEELHOUSE), f"{ROOT}[postgres]", timeout=1200, cwd=ROOT)
    major, minor, _ = python.split(".", 2)
    platforms = [f"manylinux_2_{y}_x86_64" for y in range(5, 37)]  # bookworm's glibc is 2.36
    platforms += ["manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64"]
    run(
        *pip,
        "download",
        "--quiet",
        "--dest",
        str(WHEELHOUSE),
        "--find-links",
        str(WHEELHOUSE),
        "--only-binary=:all:",
        "--python-version",
        python,
        "--implementation",
        "cp",
        "--abi",
        f"cp{major}{minor}",
        *(arg for platform in platforms for arg in ("--platform", platform)),
        "dlp-outgoing[postgres]",
        timeout=1200,
        cwd=ROOT,
    )
    stamp.write_text(wanted)
    return str(WHEELHOUSE.relative_to(ROOT))


def compose_config(path: Path, values: dict[str, object]) -> None:
    """JSON is valid YAML: the override file needs no YAML writer."""
    path.write_text(json.dumps(values, indent=2))
