"""A private Postfix instance for the tests: its own config directory, queue and ports, on loopback.

Postfix hands every message it receives on `smtpd_port` to the relay as an after-queue content filter
(FILTER_README), and takes it back on `reinject_port`, then delivers it to `sink_port` as its relayhost.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

MASTER_CF = """\
127.0.0.1:{smtpd_port} inet n - n - - smtpd
  -o content_filter=dlpfilter:[127.0.0.1]:{filter_port}
dlpfilter unix - - n - 4 smtp
  -o smtp_send_xforward_command=yes
  -o disable_mime_output_conversion=yes
127.0.0.1:{reinject_port} inet n - n - 4 smtpd
  -o content_filter=
  -o receive_override_options=no_unknown_recipient_checks,no_header_body_checks,no_milters
  -o smtpd_authorized_xforward_hosts=127.0.0.0/8
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
postlog   unix-dgram n  -       n       -       1       postlogd
"""

MAIN_CF = """\
compatibility_level = 3.6
queue_directory = {root}/spool
data_directory = {root}/data
mail_owner = postfix
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
myhostname = postfix.test
mydestination =
mynetworks = 127.0.0.0/8
relayhost = [127.0.0.1]:{sink_port}
smtpd_recipient_restrictions = permit_mynetworks, reject
maillog_file = {root}/maillog
maillog_file_prefixes = {root}
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 2s
smtp_dns_support_level = disabled
alias_maps =
alias_database =
"""


def available() -> bool:
    return shutil.which("postfix") is not None and os.geteuid() == 0


class Postfix:
    def __init__(self, smtpd_port: int, filter_port: int, reinject_port: int, sink_port: int) -> None:
        # Not under pytest's tmp_path: Postfix's daemons run as user postfix and must reach the queue.
        self.root = Path(tempfile.mkdtemp(prefix="dlp-postfix-", dir="/tmp"))
        self.root.chmod(0o755)
        self.config = self.root / "etc"
        self.config.mkdir()
        (self.root / "spool").mkdir()
        (self.root / "data").mkdir()
        shutil.chown(self.root / "data", "postfix")
        ports = {
            "smtpd_port": smtpd_port,
            "filter_port": filter_port,
            "reinject_port": reinject_port,
            "sink_port": sink_port,
            "root": self.root,
        }
        (self.config / "main.cf").write_text(MAIN_CF.format(**ports))
        (self.config / "master.cf").write_text(MASTER_CF.format(**ports))
        self.smtpd_port = smtpd_port

    def run(self, *args: str) -> str:
        out = subprocess.run(["postfix", "-c", str(self.config), *args], capture_output=True, text=True, timeout=60)
        if out.returncode != 0:
            raise RuntimeError(f"postfix {' '.join(args)} failed: {out.stderr}\n{self.log()}")
        return out.stdout

    def start(self) -> None:
        self.run("check")
        self.run("start")

    def stop(self) -> None:
        subprocess.run(["postfix", "-c", str(self.config), "stop"], capture_output=True, timeout=60)

    def flush(self) -> None:
        subprocess.run(["postqueue", "-c", str(self.config), "-f"], capture_output=True, timeout=60)

    def queue(self) -> str:
        out = subprocess.run(["postqueue", "-c", str(self.config), "-p"], capture_output=True, text=True, timeout=60)
        return out.stdout

    def log(self) -> str:
        path = self.root / "maillog"
        return path.read_text(errors="replace") if path.exists() else ""

    def cleanup(self) -> None:
        self.stop()
        time.sleep(0.5)
        shutil.rmtree(self.root, ignore_errors=True)
