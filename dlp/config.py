"""The TOML configuration (DESIGN §4): every key has a default; an unknown key or a bad value stops start-up.

Relative paths are taken relative to the configuration file, so a config and its registry can move together.
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dlp.errors import ConfigError
from dlp.validation import dataclass_fields, validate
from dlp.workdays import Calendar


@dataclass(frozen=True)
class OrganisationConfig:
    name: str = "Example Organisation"
    internal_domains: tuple[str, ...] = ()
    approved_recipient_domains: tuple[str, ...] = ()
    # Staff (email addresses) who may see a client's suppressed details; everyone else is refused them.
    suppressed_detail_staff: tuple[str, ...] = ()
    # The organisation's own details (letterhead phone numbers, office addresses): left readable in evidence.
    own_details: tuple[str, ...] = ()
    # IANA time zone: incident days, deadlines and the pages' times are in this local time.
    timezone: str = "UTC"


@dataclass(frozen=True)
class RegistryConfig:
    path: str | None = None  # a registry CSV, or an index file built by `dlp registry build`
    # How long a new index file (or a changed CSV) takes at most to be used by every scanning process.
    reload_seconds: int = 60
    # DESIGN §4 columns this organisation does not hold; any other missing column refuses the registry.
    absent_columns: tuple[str, ...] = ()
    # strptime form of date_of_birth when it is not ISO YYYY-MM-DD (e.g. "%d/%m/%Y").
    date_of_birth_format: str | None = None


@dataclass(frozen=True)
class StoreConfig:
    url: str = "sqlite:///var/dlp.db"


@dataclass(frozen=True)
class PolicyConfig:
    # The organisation's own policy file, applied over the shipped rules/default.yaml.
    path: str | None = None
    # The organisation's own rule modules (importable names), each defining Rule subclasses.
    rule_modules: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnalysisConfig:
    language: str = "en"
    # A spaCy pipeline by installed package name or path adds NER for people not in the registry.
    spacy_model: str | None = None
    ner_score_threshold: float = 0.5
    # The organisation's own recogniser YAML files (Presidio's format), loaded after the shipped ones.
    recognizers: tuple[str, ...] = ()


@dataclass(frozen=True)
class LimitsConfig:
    """What the extractors will read; anything beyond is unscannable_content (fails closed).

    Sizes are per file or attachment; the `max_item_*`, page, OCR, cell and recipient budgets are per item (a
    message with everything attached and nested in it, or a letter file), so no input can make a scan unbounded."""

    max_part_bytes: int = 25 * 1024 * 1024  # one file or attachment
    max_text_chars: int = 5_000_000  # text of one part
    max_pdf_pages: int = 2000  # PDF pages per item
    max_archive_files: int = 1000
    max_archive_total_bytes: int = 200 * 1024 * 1024  # everything an archive expands to
    max_archive_ratio: int = 100  # expanded size / compressed size of any one member
    max_archive_depth: int = 3  # archives, documents and messages inside each other
    ocr: bool = True  # OCR scanned pages and images with Tesseract
    ocr_language: str = "eng"
    ocr_timeout_seconds: int = 60
    max_ocr_images: int = 100  # images, frames and scanned pages OCR'd per item (blank and repeated ones are free)
    max_image_frames: int = 1000  # frames of one animated or multi-page image looked at
    max_image_pixels: int = 50_000_000  # one image or rendered page (an A4 page at 600 dpi is 35 million)
    max_spreadsheet_cells: int = 1_000_000  # filled cells per item (empty and far cells cost nothing)
    max_item_parts: int = 5000  # parts and nested files per item
    max_item_expanded_bytes: int = 256 * 1024 * 1024  # bytes of all files read for one item, nested ones too
    max_item_text_chars: int = 20_000_000  # text of all parts of one item
    max_recipients: int = 1000  # recipients of one message (Postfix's smtpd_recipient_limit is 1000 too)
    max_header_bytes: int = 64 * 1024  # one header field, folded lines together
    max_mime_depth: int = 20  # multiparts and attached messages inside each other
    # Enforced from outside the scanning process, in every channel: an item over either is killed off and held.
    max_scan_seconds: int = 120  # wall time to scan one item
    max_memory_mb: int = 1024  # memory one item may add to a worker (its address space is capped there)


@dataclass(frozen=True)
class RelayConfig:
    listen: str = "127.0.0.1:10025"
    next_hop: str = "127.0.0.1:10026"
    hostname: str = "dlp-relay"
    # Only these networks may hand mail to the relay: it must never be an open relay.
    client_networks: tuple[str, ...] = ("127.0.0.0/8", "::1/128")
    max_message_bytes: int = 52_428_800  # at least Postfix's message_size_limit (10 MB by default)
    workers: int = 2  # scanning processes, forked from one that built the scanner once
    # Messages scanning or waiting for a worker at once: at least Postfix's default destination concurrency (20).
    max_pending: int = 32
    busy_wait_seconds: int = 10  # how long a message beyond max_pending waits for room before "451 busy"
    scan_timeout_seconds: int = 120  # can only lower [limits] max_scan_seconds for the relay
    # A message that kills or hangs a worker this many times (counted by digest across the sender's retries)
    # is held in quarantine as unscannable_content instead of being deferred again.
    poison_attempts: int = 2
    next_hop_timeout_seconds: int = 60
    smtp_timeout_seconds: int = 600  # idle time per command; large messages take a while to arrive
    shutdown_grace_seconds: int = 60
    tls_cert: str | None = None  # with tls_key: offer STARTTLS
    tls_key: str | None = None
    require_tls: bool = False
    auth_users_file: str | None = None  # "user:pbkdf2-sha256$iterations$salt$hash" lines; AUTH is then required
    notify_sender: bool = False  # send the sender a PII-free notice when a message is quarantined
    # HOST:PORT of a small HTTP listener for /metrics (Prometheus), /healthz and /readyz; off when unset.
    metrics_listen: str | None = None


@dataclass(frozen=True)
class QuarantineConfig:
    path: str = "var/quarantine"
    # AES-256-GCM key: DLP_QUARANTINE_KEY (base64) in the environment, else this file (created 0600 if missing).
    key_file: str = "var/quarantine.key"
    # Held originals (quarantined and refused alike) are purged this many days after they were held; the
    # incident keeps its record, the original's digest and an audit entry saying so.
    retention_days: int = 90


@dataclass(frozen=True)
class FolderConfig:
    inbox: str = "presend/inbox"
    outbox: str = "presend/cleared"
    quarantine: str = "presend/quarantine"
    # Network shares do not deliver inotify events: poll them instead.
    polling: bool = False
    poll_interval_seconds: int = 2
    # A file is taken once closed after writing (inotify), or once its size and mtime have not changed for this
    # long (polling, and files found by a sweep); either way only when no process still has it open for writing.
    stable_seconds: int = 2
    workers: int = 1  # scanning processes
    # A letter whose handling failed (incident store down, disk full) waits in a shunt folder and is retried,
    # first after retry_seconds, doubling up to max_retry_seconds.
    retry_seconds: int = 30
    max_retry_seconds: int = 3600
    # HOST:PORT for /metrics, /healthz and /readyz of `dlp watch`; off when unset.
    metrics_listen: str | None = None


@dataclass(frozen=True)
class BatchConfig:
    """Mail-merge data source columns (their names in the CSV), where the guesses are not enough."""

    client_id: str | None = None
    given_name: str | None = None
    family_name: str | None = None
    full_name: str | None = None
    address_lines: tuple[str, ...] = ()
    suburb: str | None = None
    state: str | None = None
    postcode: str | None = None
    reference: str | None = None
    workers: int = 2
    shift_window: int = 3  # how far a shifted row is looked for, either way
    cluster: str = ""  # a Dask scheduler ("tcp://host:8786") to check letters on; "" = processes on this host


@dataclass(frozen=True)
class IncidentsConfig:
    # Public holidays skipped with weekends when the 3-business-day report date is worked out: a country and
    # optional subdivision from the `holidays` package ("AU-VIC", "AU", "NZ"), plus extra ISO dates.
    holidays: str = ""
    public_holidays: tuple[str, ...] = ()
    # A daily PII-free digest of overdue and due incidents goes to these addresses, through the next hop, at
    # digest_time ("HH:MM", [organisation] timezone) from `dlp web`, or whenever `dlp incidents digest` runs.
    digest_to: tuple[str, ...] = ()
    digest_time: str = "08:00"
    digest_when_empty: bool = False  # also send it when nothing is due
    digest_every_day: bool = False  # also on weekends and public holidays (by default business days only)


@dataclass(frozen=True)
class AlertsConfig:
    # Who gets a PII-free email (incident id, rules, channel, link) for every critical incident.
    to: tuple[str, ...] = ()
    per_hour: int = 20  # at most this many alerts in any hour; the rest are audited as withheld
    link_base: str = ""  # the review UI's address in the link; default http://[web] listen


@dataclass(frozen=True)
class ReviewConfig:
    # Items held for a suppressed detail or at critical severity are released only by a privacy officer; with
    # second_approval also only once another privacy officer has approved the release.
    second_approval: bool = False


@dataclass(frozen=True)
class WebConfig:
    listen: str = "127.0.0.1:8025"
    session_hours: int = 8
    # Wrong passwords for one account before it is locked for lockout_minutes; one address is slowed down
    # the same way across accounts.
    login_attempts: int = 5
    lockout_minutes: int = 15
    # Mark the session cookie Secure: set when the UI is reached over TLS (a proxy in front of it).
    secure_cookies: bool = False


@dataclass(frozen=True)
class LoggingConfig:
    format: str = "text"  # or "json": one JSON object per line, for log shippers
    level: str = "warning"  # debug, info, warning, error (`-v` lowers it to info)

    def __post_init__(self) -> None:
        if self.format not in ("text", "json"):
            raise ConfigError(f'[logging] format must be "text" or "json", got {self.format!r}')
        if self.level not in ("debug", "info", "warning", "error"):
            raise ConfigError(f"[logging] level must be debug, info, warning or error, got {self.level!r}")


@dataclass(frozen=True)
class Config:
    organisation: OrganisationConfig = field(default_factory=OrganisationConfig)
    registry: RegistryConfig = field(default_factory=RegistryConfig)
    store: StoreConfig = field(default_factory=StoreConfig)
    policy: PolicyConfig = field(default_factory=PolicyConfig)
    analysis: AnalysisConfig = field(default_factory=AnalysisConfig)
    limits: LimitsConfig = field(default_factory=LimitsConfig)
    relay: RelayConfig = field(default_factory=RelayConfig)
    quarantine: QuarantineConfig = field(default_factory=QuarantineConfig)
    folder: FolderConfig = field(default_factory=FolderConfig)
    batch: BatchConfig = field(default_factory=BatchConfig)
    incidents: IncidentsConfig = field(default_factory=IncidentsConfig)
    web: WebConfig = field(default_factory=WebConfig)
    review: ReviewConfig = field(default_factory=ReviewConfig)
    alerts: AlertsConfig = field(default_factory=AlertsConfig)
    logging: LoggingConfig = field(default_factory=LoggingConfig)
    base_dir: Path = field(default_factory=Path.cwd)

    def resolve_path(self, value: str) -> Path:
        path = Path(value).expanduser()
        return path if path.is_absolute() else self.base_dir / path

    @property
    def holidays(self) -> Calendar:
        """The public holidays: the configured country's and subdivision's, and the extra days."""
        return Calendar(self.incidents.holidays, tuple(date.fromisoformat(d) for d in self.incidents.public_holidays))

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.organisation.timezone)

    @property
    def store_url(self) -> str:
        """The store URL with a relative SQLite path made relative to the configuration file."""
        url = self.store.url
        prefix = "sqlite:///"
        if url.startswith(prefix) and not url.startswith(prefix + "/") and url != "sqlite:///:memory:":
            return prefix + str(self.resolve_path(url[len(prefix) :]))
        return url


_SECTIONS = {f.name: f.default_factory for f in fields(Config) if f.name != "base_dir"}


def load_config(path: str | Path | None) -> Config:
    """Read a TOML configuration file; None gives the built-in defaults."""
    if path is None:
        return Config()
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"configuration file not found: {path}") from None
    except IsADirectoryError:
        raise ConfigError(f"configuration file {path} is a folder: give the dlp.toml file in it") from None
    except PermissionError:
        raise ConfigError(f"configuration file {path} cannot be read: permission denied") from None
    except UnicodeDecodeError:
        raise ConfigError(f"configuration file {path} cannot be read: it is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"configuration file {path} is not valid TOML: {exc}") from None
    return config_from_dict(data, base_dir=path.resolve().parent, source=str(path))


def config_from_dict(data: dict[str, Any], *, base_dir: Path, source: str = "configuration") -> Config:
    """The configuration from parsed TOML: every section and key checked (dlp.validation), then the values that
    need more than a type (a time zone, a HOST:PORT, holiday dates)."""
    for name in data:
        if name not in _SECTIONS:
            close = difflib.get_close_matches(name, list(_SECTIONS), n=1)
            hint = f"did you mean [{close[0]}]?" if close else f"known: {', '.join(sorted(_SECTIONS))}"
            raise ConfigError(f"{source}: unknown section [{name}]; {hint}")
    sections: dict[str, Any] = {}
    for name, value in data.items():
        cls: Any = _SECTIONS[name]
        where = f"{source}: [{name}]"
        values = validate(dataclass_fields(cls), value, where, ConfigError, table="a table")
        sections[name] = cls(**{key: _check(key, v, where) for key, v in values.items()})
    return Config(**sections, base_dir=base_dir)


def _check(key: str, value: Any, where: str) -> Any:
    """What a key needs beyond its type; domain names and staff addresses are compared in lower case."""
    if isinstance(value, tuple):
        if key == "public_holidays":
            for day in value:
                try:
                    date.fromisoformat(day)
                except ValueError:
                    raise ConfigError(f"{where}: public_holidays must be ISO dates (YYYY-MM-DD), got {day!r}") from None
        return tuple(v.strip().lower() if "domain" in key or "staff" in key else v for v in value)
    if not isinstance(value, str):
        return value
    if key == "timezone":
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ConfigError(
                f"{where}: timezone must be an IANA name such as Australia/Melbourne, got {value!r}"
            ) from None
    if key == "holidays" and value:
        Calendar(value, ())  # a clear error now for an unknown country or subdivision
    if key in ("listen", "next_hop", "metrics_listen"):
        host, _, port = value.rpartition(":")
        if not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise ConfigError(f"{where}: {key} must be HOST:PORT, got {value!r}")
    return value
