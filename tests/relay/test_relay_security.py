"""STARTTLS and AUTH for a relay on another host; a quarantine that cannot be written answers 451."""

from __future__ import annotations

import datetime
import shutil
import smtplib
import ssl
from pathlib import Path

import pytest

from dlp.config import load_config
from dlp.relay.auth import hash_password
from tests.relay.conftest import RelayProcess, Sink, free_port, write_config
from tests.synthetic import ORG_DOMAIN, SyntheticRegistry, account_body, email


def self_signed(tmp_path: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "relay.test")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path


def test_starttls_and_auth_are_required_when_configured(
    tmp_path: Path, registry_csv: Path, sink: tuple[Sink, int], synthetic: SyntheticRegistry
) -> None:
    cert, key = self_signed(tmp_path)
    (tmp_path / "users").write_text(f"mta1:{hash_password('correct horse')}\n")
    port = free_port()
    relay = RelayProcess(
        write_config(
            tmp_path,
            registry_csv,
            port,
            sink[1],
            tls_cert=str(cert),
            tls_key=str(key),
            require_tls=True,
            auth_users_file="users",
        ),
        port,
    )
    a = synthetic.ordinary()[4]
    message = email([a.email], "Your account", account_body(a)).replace(b"\n", b"\r\n")
    context = ssl.create_default_context(cafile=str(cert))
    context.check_hostname = False
    try:
        with smtplib.SMTP("127.0.0.1", port, timeout=60) as plain:
            plain.ehlo("mta.test")
            code, _ = plain.mail(f"billing@{ORG_DOMAIN}")
            assert code == 530  # STARTTLS first
        with smtplib.SMTP("127.0.0.1", port, timeout=60) as client:
            client.starttls(context=context)
            client.ehlo("mta.test")
            with pytest.raises(smtplib.SMTPAuthenticationError):
                client.login("mta1", "wrong")
        with smtplib.SMTP("127.0.0.1", port, timeout=60) as client:
            client.starttls(context=context)
            client.ehlo("mta.test")
            client.login("mta1", "correct horse")
            assert client.sendmail(f"billing@{ORG_DOMAIN}", [a.email], message) == {}
        assert sink[0].messages and sink[0].messages[-1][1] == [a.email]
    finally:
        relay.stop()


def test_quarantine_that_cannot_be_written_answers_451(
    tmp_path: Path, registry_csv: Path, sink: tuple[Sink, int], synthetic: SyntheticRegistry
) -> None:
    port = free_port()
    relay = RelayProcess(write_config(tmp_path, registry_csv, port, sink[1]), port)
    config = load_config(relay.config)
    folder = config.resolve_path(config.quarantine.path)
    shutil.rmtree(folder)
    folder.write_text("not a folder any more: the disk under the quarantine has gone bad")
    a, b = synthetic.ordinary()[5:7]
    try:
        with smtplib.SMTP("127.0.0.1", port, timeout=60) as client:
            client.ehlo("mta.test")
            client.mail(f"billing@{ORG_DOMAIN}")
            client.rcpt(a.email)
            code, reply = client.data(email([a.email], "Your account", account_body(b)))
        assert code == 451, reply
        assert sink[0].messages == []
    finally:
        relay.stop()
