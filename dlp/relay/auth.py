"""AUTH for a relay on another host: a users file of PBKDF2-SHA256 hashes, checked in constant time."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from pathlib import Path

from dlp.errors import ConfigError

ITERATIONS = 310_000


def hash_password(password: str, iterations: int = ITERATIONS) -> str:
    salt = secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), iterations).hex()
    return f"pbkdf2-sha256${iterations}${salt}${digest}"


def load_users(path: Path) -> dict[str, str]:
    users: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"[relay] auth_users_file {path} cannot be read ({exc.strerror})") from None
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        user, sep, stored = line.strip().partition(":")
        if not sep or stored.count("$") != 3 or not stored.startswith("pbkdf2-sha256$"):
            raise ConfigError(f"{path}: line {number} is not 'user:pbkdf2-sha256$iterations$salt$hash'")
        users[user] = stored
    return users


def check_password(stored: str, password: str) -> bool:
    _, iterations, salt, digest = stored.split("$")
    candidate = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), int(iterations)).hex()
    return hmac.compare_digest(candidate, digest)
