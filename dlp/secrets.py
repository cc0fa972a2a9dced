"""Secrets from the environment or from files, never from the image or the configuration file.

`secret("DLP_WEB_SECRET")` is that variable's value, else the content of the file named by
`DLP_WEB_SECRET_FILE` (Docker secrets, systemd credentials, a Kubernetes secret volume), else None.
Used for the quarantine key (DLP_QUARANTINE_KEY), the web UI's session key (DLP_WEB_SECRET) and the
incident store's password (DLP_STORE_PASSWORD).
"""

from __future__ import annotations

import os
from pathlib import Path

from dlp.errors import ConfigError


def secret(name: str) -> str | None:
    value = os.environ.get(name)
    if value:
        return value
    path = os.environ.get(f"{name}_FILE")
    if not path:
        return None
    try:
        value = Path(path).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{name}_FILE: {path} cannot be read ({exc.__class__.__name__})") from None
    if not value:
        raise ConfigError(f"{name}_FILE: {path} is empty")
    return value
