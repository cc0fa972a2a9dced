"""RFC 5322 messages: recipients from the headers, every leaf part through the extractor registry.

Nothing here raises on a hostile message: a header over the size limit, MIME nested too deeply, a recipient
header the parser chokes on, or more recipients than the budget all become unreadable parts (the item is held
as unscannable_content), and the rest of the message is still read. Bodies are decoded as leniently as mail
clients decode them (a stray character in base64, quoted-printable in a part that does not declare it), and
where that decoding loses something the part is held. Signatures are not content and are skipped; encrypted
content cannot be read and is held; an S/MIME opaque-signed message is unwrapped and read.
"""

from __future__ import annotations

import quopri
import re
from email import errors as email_errors
from email.header import decode_header, make_header
from email.headerregistry import HeaderRegistry
from email.message import EmailMessage, Message
from email.parser import BytesHeaderParser, BytesParser, Parser
from email.policy import EmailPolicy
from email.utils import getaddresses
from typing import Any

from dlp.extract.base import Extractor, Reading, extract_part, register, unreadable
from dlp.extract.text import lenient_base64
from dlp.model import Part

# Defects after which some of the message may not have been seen as the receiving client will see it.
_FATAL_DEFECTS = (
    email_errors.StartBoundaryNotFoundDefect,
    email_errors.MultipartInvariantViolationDefect,
    email_errors.MissingHeaderBodySeparatorDefect,
)
RECIPIENT_HEADERS = ("to", "cc", "bcc", "resent-to", "resent-cc")
# Headers every recipient sees, display names and all: a suppressed email address shown in one is exposed.
VISIBLE_HEADERS = ("from", "sender", "reply-to", "to", "cc", "resent-to", "resent-cc")
SIGNATURES = ("application/pkcs7-signature", "application/x-pkcs7-signature", "application/pgp-signature")
SMIME = ("application/pkcs7-mime", "application/x-pkcs7-mime")
MAX_SIGNATURE_BYTES = 256 * 1024  # a signature with its certificate chain; anything larger is not just that
SIGNED_DATA_OID = bytes.fromhex("06092a864886f70d010702")
ENVELOPED_DATA_OIDS = (bytes.fromhex("06092a864886f70d010703"), bytes.fromhex("060b2a864886f70d0109100117"))
ADDRESS = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")


class _HeaderClasses(HeaderRegistry):
    """The standard library's registry makes a new class each time it parses a header (a third of the time a
    plain message takes to read); here each kind of header gets its class once."""

    def __init__(self) -> None:
        super().__init__()
        self._made: dict[type, type] = {}

    def __getitem__(self, name: str) -> type:
        kind = self.registry.get(name.lower(), self.default_class)
        made = self._made.get(kind)
        if made is None:
            made = self._made[kind] = super().__getitem__(name)
        return made


_HEADER_CLASSES = _HeaderClasses()
_SHARED: dict[tuple[str, str], Any] = {}  # (name, raw value) of a _SHARED_HEADERS header -> the parsed header
# A header is kept parsed (its parse tree costs a few hundred times its size) only if it is short and the
# message has not kept many already: the Content-Types read again and again are, an attacker's thousand long
# filenames are not.
_KEPT_HEADER_CHARS = 256
_KEPT_HEADERS = 64
# Headers whose values recur from message to message (the organisation's own senders, the usual content types):
# parsed once per process and shared, as the parsed header is immutable. Recipients' headers are not kept.
_SHARED_HEADERS = frozenset(
    {"content-type", "content-transfer-encoding", "content-disposition", "mime-version", "from", "sender", "reply-to"}
)
_SHARED_ENTRIES = 512


class _BoundedPolicy(EmailPolicy):
    """policy.default, but a header value over `max_header_chars` is never parsed (an oversized header is
    reported by message_parts; parsing one with many encoded words costs far more memory than its size), and
    a header read several times (a part's Content-Type is read by each question asked of it) is parsed once."""

    max_header_chars = 64 * 1024
    parsed: dict[tuple[str, str], Any] | None = None  # one message's parsed headers, by name and raw value

    def header_fetch_parse(self, name: str, value: Any) -> Any:
        if isinstance(value, str) and len(value) > self.max_header_chars:
            value = ""
        parsed = self.parsed
        if parsed is None or not isinstance(value, str) or len(value) > _KEPT_HEADER_CHARS:
            return super().header_fetch_parse(name, value)
        key = (name.lower(), value)
        header = parsed.get(key)
        if header is None:
            header = _SHARED.get(key)
            if header is None:
                header = super().header_fetch_parse(name, value)
                if key[0] in _SHARED_HEADERS:
                    if len(_SHARED) >= _SHARED_ENTRIES:
                        _SHARED.clear()  # bounded; the few recurring values come back at once
                    _SHARED[key] = header
            if len(parsed) < _KEPT_HEADERS:
                parsed[key] = header
        return header

    def __repr__(self) -> str:  # the kept headers hold addresses and names: never in a log line
        return f"{type(self).__name__}(max_header_chars={self.max_header_chars})"


def bounded_policy(max_header_chars: int = _BoundedPolicy.max_header_chars) -> EmailPolicy:
    """A policy for reading one message (its parsed headers are kept with it)."""
    return _BoundedPolicy(  # type: ignore[call-overload]
        max_header_chars=max_header_chars, header_factory=_HEADER_CLASSES, parsed={}
    )


def parse_message(data: bytes, max_header_chars: int = _BoundedPolicy.max_header_chars) -> EmailMessage:
    """The message; RecursionError if its MIME structure is nested beyond what the parser can follow."""
    policy = bounded_policy(max_header_chars)
    text = data.decode("ascii", "surrogateescape")  # what BytesParser.parsebytes does before Parser.parsestr
    msg = _single_part(text, policy)
    if msg is None:  # not `or`: a message without headers is falsy
        msg = Parser(policy=policy).parsestr(text)
    assert isinstance(msg, EmailMessage)
    return msg


# The first empty line as the parser splits lines (at CRLF, a lone CR or LF): where the headers end.
_HEADERS_END = re.compile(r"(?:\r\n|\r(?!\n)|\n)(?:\r\n|\r(?!\n)|\n)")
_COMPOUND = re.compile(r"^content-type:\s*(?:multipart|message)/", re.IGNORECASE | re.MULTILINE)


def _single_part(text: str, policy: EmailPolicy) -> Message | None:
    """A message of one part, read as the parser reads it, or None for any other. The parser reads a body
    line by line even when the whole rest is the payload (most of a long plain email's time); here only the
    headers go through it and the rest is set as the payload, which is all the parser does with it. Anything
    else (a multipart or message/* type, a header block with any defect, no empty line) is not taken here.
    tests/extract/test_email_parse.py holds it to the parser on every kind of message the tests send."""
    end = _HEADERS_END.search(text)
    if end is None:
        return None
    headers = text[: end.end()]
    if _COMPOUND.search(headers):
        return None  # plainly multipart: not parsed twice (the type, read below, decides the rest)
    msg = Parser(policy=policy).parsestr(headers)
    if msg.defects or msg.get_payload() or msg.get_content_maintype() in ("multipart", "message"):
        return None  # a payload here: the headers ended before that empty line (the message starts with one)
    msg.set_payload(text[end.end() :])
    return msg


def parse_headers(data: bytes, max_header_chars: int = _BoundedPolicy.max_header_chars) -> EmailMessage:
    """The top-level headers only (for a message whose body cannot be parsed)."""
    msg = BytesHeaderParser(policy=bounded_policy(max_header_chars)).parsebytes(data)
    assert isinstance(msg, EmailMessage)
    return msg


def _header(msg: Message, name: str) -> list[str]:
    values = []
    for value in msg.get_all(name, []) or []:
        try:
            values.append(str(value))
        except Exception:  # an undecodable header still counts: keep its raw form
            values.append(value.encode("ascii", "replace").decode() if isinstance(value, str) else "")
    return values


def addresses(msg: Message, names: tuple[str, ...], limit: int | None = None) -> list[str]:
    """Addresses in these headers, each once, in order (at most `limit` + 1)."""
    return _addresses(msg, names, limit)[0]


def _addresses(msg: Message, names: tuple[str, ...], limit: int | None = None) -> tuple[list[str], bool]:
    """Addresses, and whether a header could not be parsed. A header the parser cannot follow (nested groups,
    a broken address) is read for anything shaped like an address, so no recipient is lost."""
    found: list[str] = []
    seen: set[str] = set()  # a set: 50,000 recipients must not cost 50,000 squared comparisons
    malformed = False
    max_chars = getattr(msg.policy, "max_header_chars", None)
    for name in names:
        for raw in _raw_values(msg, name):
            if max_chars is not None and len(raw) > max_chars:
                continue  # never parsed; reported by oversized_headers
            value = raw.replace("\r", "").replace("\n", "")
            try:
                # Through the policy: the organisation's own senders recur, and their headers are parsed once
                # per process (_BoundedPolicy, _SHARED_HEADERS); recipients' are parsed with their message.
                header: Any = msg.policy.header_fetch_parse(name, value)  # typeshed says str: it is a header
                specs = [a.addr_spec for a in header.addresses]
            except Exception:
                try:
                    specs = [addr for _, addr in getaddresses([value])]
                except Exception:
                    specs = []
                malformed = True
                # Tokens first, each matched whole: a regex search over the raw header could be quadratic.
                tokens = [t for t in re.split(r"[\s,;<>()\"\[\]:]+", value) if "@" in t]
                specs = [s for s in specs if ADDRESS.fullmatch(s)] or [t for t in tokens if ADDRESS.fullmatch(t)]
            for addr in specs:
                addr = _decoded(addr.strip())
                if addr and "@" in addr and addr.lower() not in seen:
                    seen.add(addr.lower())
                    found.append(addr)
                    if limit is not None and len(found) > limit:
                        return found, malformed
    return found, malformed


def _decoded(address: str) -> str:
    """An address some mailer wrote with an encoded word in it ("=?utf-8?q?s=C3=B8ren?=@..."), as meant."""
    if "=?" not in address:
        return address
    try:
        return str(make_header(decode_header(address))).replace(" ", "")
    except (ValueError, LookupError, UnicodeDecodeError):
        return address


def recipients_of(
    msg: Message, reading: Reading, names: tuple[str, ...] = RECIPIENT_HEADERS
) -> tuple[list[str], list[Part]]:
    """The recipients (at most the budget, plus one) and unreadable parts for what could not be read."""
    limit = reading.limits.max_recipients
    found, malformed = _addresses(msg, names, limit)
    return found, recipient_problems(len(found), malformed, limit)


def recipient_problems(count: int, malformed: bool, limit: int) -> list[Part]:
    problems = []
    if malformed:
        problems.append(unreadable("recipients", "message/rfc822", "a recipient header could not be parsed"))
    if count > limit:
        problems.append(
            unreadable("recipients", "message/rfc822", f"more than {limit} recipients ([limits] max_recipients)")
        )
    return problems


def sender_of(msg: Message) -> str | None:
    found = addresses(msg, ("from",), 1)
    return found[0] if found else None


def _shown(msg: Message, name: str) -> list[str]:
    """A header as a mail program displays it: encoded words decoded, whether or not its addresses parse
    (a header the parser cannot follow is still shown, and still read)."""
    limit = getattr(msg.policy, "max_header_chars", None)
    values = []
    for raw in _raw_values(msg, name):
        if limit is not None and len(raw) > limit:
            continue  # never parsed; reported by oversized_headers
        try:
            values.append(str(make_header(decode_header(raw))))
        except (ValueError, LookupError, UnicodeDecodeError):
            values.append(raw)
    return values


def _raw_values(msg: Message, name: str) -> list[str]:
    return [str(v) for k, v in msg.raw_items() if k.lower() == name] if hasattr(msg, "raw_items") else []


def oversized_headers(msg: Message, reading: Reading, prefix: str = "") -> list[Part]:
    limit = reading.limits.max_header_bytes
    if any(len(str(value)) > limit for _, value in msg.raw_items()):
        return [unreadable(f"{prefix}headers", "message/rfc822", f"a header over the size limit of {limit} bytes")]
    return []


def message_parts(msg: Message, limits_or_reading: Any, prefix: str = "", depth: int = 0) -> list[Part]:
    """Every readable leaf of the message, named as findings will name it."""
    reading = limits_or_reading if isinstance(limits_or_reading, Reading) else Reading.of(limits_or_reading)
    walker = _Walker(reading, prefix)
    walker.headers(msg)
    walker.walk(msg, depth)
    return walker.parts


class _Walker:
    def __init__(self, reading: Reading, prefix: str) -> None:
        self.reading = reading
        self.prefix = prefix
        self.parts: list[Part] = []
        self.bodies = 0
        self.attachments = 0
        self.messages = 0
        self.top: Message | None = None

    def headers(self, msg: Message) -> None:
        self.top = msg
        self.parts += oversized_headers(msg, self.reading, self.prefix)
        subject = " ".join(_header(msg, "subject"))
        if subject:
            self.parts.append(Part(name=f"{self.prefix}subject", text=subject))
        shown = "\n".join(f"{name.title()}: {value}" for name in VISIBLE_HEADERS for value in _shown(msg, name))
        if shown:
            self.parts.append(Part(name=f"{self.prefix}headers", text=shown))
        if any(isinstance(d, _FATAL_DEFECTS) for d in msg.defects):
            self.parts.append(
                unreadable(f"{self.prefix}message structure", "message/rfc822", "malformed MIME structure")
            )

    def walk(self, entity: Message, depth: int) -> None:
        if depth > self.reading.limits.max_mime_depth:
            self.parts.append(
                unreadable(
                    f"{self.prefix}message structure",
                    "message/rfc822",
                    f"MIME parts nested deeper than {self.reading.limits.max_mime_depth}",
                )
            )
            return
        if entity is not self.top:
            # A part's own headers too: a file name of 50,000 encoded words is never parsed, and is reported.
            self.parts += oversized_headers(entity, self.reading, f"{self.prefix}part ")
        content_type = entity.get_content_type()
        if content_type == "multipart/encrypted":
            self.parts.append(unreadable(self._attachment(), content_type, "PGP/MIME-encrypted content"))
            return
        if content_type == "message/rfc822":
            self._attached_message(entity, depth)
            return
        if entity.is_multipart():
            payload = entity.get_payload()
            for sub in payload if isinstance(payload, list) else []:
                if isinstance(sub, Message):
                    # Every alternative of multipart/alternative too: a client may show any of them.
                    self.walk(sub, depth + 1)
            return
        self.leaf(entity, content_type, depth)

    def _attachment(self) -> str:
        self.attachments += 1
        return f"{self.prefix}attachment {self.attachments}"

    def _attached_message(self, entity: Message, depth: int) -> None:
        inner = entity.get_payload()
        inner_msg = inner[0] if isinstance(inner, list) and inner else None
        self.messages += 1
        prefix = f"{self.prefix}attached message{'' if self.messages == 1 else f' {self.messages}'}, "
        if isinstance(inner_msg, Message):
            nested = _Walker(self.reading, prefix)
            nested.headers(inner_msg)
            nested.walk(inner_msg, depth + 1)
            self.parts += nested.parts

    def leaf(self, leaf: Message, content_type: str, depth: int) -> None:
        filename = _filename(leaf)
        if content_type in SIGNATURES:
            if _is_signature(leaf, content_type):
                return  # a signature is not content
            if (words := _signature_like(leaf)) is not None:
                # Labelled a signature, small and binary, but not one we can verify the shape of: no mail
                # program shows it, so it is not read as a document; any text hidden in it is still scanned.
                if words:
                    self.parts.append(Part(f"{self.prefix}signature part", words, content_type))
                return
        if content_type in SMIME:
            self._smime(leaf, content_type, depth)
            return
        if filename is not None or leaf.get_content_disposition() == "attachment":
            name, typed = self._attachment(), True
        else:
            self.bodies += 1
            name, typed = f"{self.prefix}body" + ("" if self.bodies == 1 else f" {self.bodies}"), False
        if any(isinstance(d, _FATAL_DEFECTS) for d in leaf.defects):
            self.parts.append(unreadable(name, content_type, "malformed MIME part"))
            return
        data, variants, problem = decoded_payload(leaf)
        if problem:
            self.parts.append(unreadable(name, content_type, problem))
        self.parts += extract_part(
            data,
            name,
            media_type=content_type,
            filename=filename,
            charset=_charset(leaf),
            reading=self.reading,
            typed=typed,
        )
        for label, variant in variants:
            self.parts += extract_part(
                variant, f"{name}, {label}", media_type=content_type, charset=_charset(leaf), reading=self.reading
            )

    def _smime(self, leaf: Message, content_type: str, depth: int) -> None:
        raw = leaf.get_payload(decode=True)
        data = raw if isinstance(raw, bytes) else b""
        param = leaf.get_param("smime-type")
        kind = param.lower() if isinstance(param, str) else ""
        name = self._attachment()
        if kind in ("enveloped-data", "authenveloped-data") or any(oid in data[:64] for oid in ENVELOPED_DATA_OIDS):
            self.parts.append(unreadable(name, content_type, "S/MIME-encrypted content"))
            return
        inner = _signed_content(data)
        if inner is None:
            self.parts.append(unreadable(name, content_type, "S/MIME content that cannot be read"))
            return
        try:
            entity = BytesParser(policy=_policy(self.reading)).parsebytes(inner)
        except RecursionError:
            self.parts.append(unreadable(name, content_type, "MIME parts nested too deeply to read"))
            return
        self.walk(entity, depth + 1)


def _policy(reading: Reading) -> EmailPolicy:
    return bounded_policy(reading.limits.max_header_bytes)


def _filename(leaf: Message) -> str | None:
    try:
        name = leaf.get_filename()
    except Exception:  # a broken parameter: the part is still read, without its name
        return None
    return str(name) if name else None


def _charset(leaf: Message) -> str | None:
    try:
        charset = leaf.get_content_charset()
    except Exception:
        return None
    return charset if isinstance(charset, str) else None


def _is_signature(leaf: Message, content_type: str) -> bool:
    """Only what really is a signature is skipped: anything else labelled so is read (or held) as content."""
    raw = leaf.get_payload(decode=True)
    data = raw if isinstance(raw, bytes) else b""
    if len(data) > MAX_SIGNATURE_BYTES:
        return False
    if content_type == "application/pgp-signature":
        text = data.strip()
        return text.startswith(b"-----BEGIN PGP SIGNATURE-----") and text.endswith(b"-----END PGP SIGNATURE-----")
    return data[:1] == b"\x30" and SIGNED_DATA_OID in data[:64] and _signed_content(data) is None


_PRINTABLE_RUN = re.compile(rb"[\x20-\x7e]{6,}")


def _signature_like(leaf: Message) -> str | None:
    """The readable text runs of a part labelled as a signature that is small and binary (as a signature is);
    None if it is neither, and must be read as content."""
    raw = leaf.get_payload(decode=True)
    data = raw if isinstance(raw, bytes) else b""
    if not data or len(data) > MAX_SIGNATURE_BYTES or data[:1] not in (b"\x30", b"\x89", b"\x88", b"\xc2"):
        return None
    return "\n".join(run.decode("ascii") for run in _PRINTABLE_RUN.findall(data))


def _signed_content(data: bytes) -> bytes | None:
    """The content an S/MIME signed-data structure carries (opaque signing), or None if it carries none."""
    try:
        from asn1crypto import cms

        info = cms.ContentInfo.load(data)
        if info["content_type"].native != "signed_data":
            return None
        content = info["content"]["encap_content_info"]["content"]
        return bytes(content.native) if content.native is not None else None
    except Exception:
        return None


_SOFT_BREAK = re.compile(rb"=\r?\n")
_QP_ESCAPE = re.compile(rb"=[0-9A-F]{2}")
_BASE64_LINE = re.compile(rb"[A-Za-z0-9+/]{16,}={0,2}")
UUENCODINGS = ("xuuencode", "uuencode", "xuue", "uue")


def decoded_payload(leaf: Message) -> tuple[bytes, list[tuple[str, bytes]], str | None]:
    """The part's bytes as a lenient mail client decodes them, other readings of them worth scanning too, and
    a reason to hold the part when decoding lost something."""
    encoding = re.sub(r"[^a-z0-9]", "", str(leaf.get("content-transfer-encoding", "") or "").lower())
    if "base64" in encoding or encoding in ("b64", "b"):
        data, lossless = lenient_base64(_raw_bytes(leaf.get_payload(decode=False)))
        return data, [], None if lossless else "damaged base64 encoding: some of the part cannot be decoded"
    if encoding in ("quotedprintable", "qp"):
        return quopri.decodestring(_raw_bytes(leaf.get_payload(decode=False))), [], None
    # Anything else comes back as it was sent (uuencoded parts decoded).
    decoded = leaf.get_payload(decode=True)
    data = decoded if isinstance(decoded, bytes) else b""
    variants: list[tuple[str, bytes]] = []
    if encoding not in UUENCODINGS:
        # Encodings a reader still sees through though the part does not declare them: scanned both ways.
        if _SOFT_BREAK.search(data) or len(_QP_ESCAPE.findall(data[:65536])) >= 3:
            variants.append(("as quoted-printable", quopri.decodestring(data)))
        if _looks_base64(data):
            variants.append(("as base64", lenient_base64(data)[0]))
    return data, variants, None


def _raw_bytes(payload: object) -> bytes:
    if not isinstance(payload, str):
        return b""
    try:
        return payload.encode("ascii", "surrogateescape")  # the bytes as they came, from a bytes parser
    except UnicodeEncodeError:
        return payload.encode("utf-8", "surrogateescape")


def _looks_base64(data: bytes) -> bool:
    lines = data.split()
    return (
        bool(lines)
        and len(b"".join(lines)) >= 24
        and all(_BASE64_LINE.fullmatch(line) for line in lines[:-1])
        and bool(re.fullmatch(rb"[A-Za-z0-9+/]*={0,2}", lines[-1]))
        and any(c in data for c in b"0123456789+/")
    )


class MessageExtractor(Extractor):
    """A message inside an archive or document (an .eml file, an altChunk's MHTML)."""

    label = "message"
    media_types = ("message/rfc822", "multipart/related", "application/x-mimearchive")
    extensions = (".eml", ".mht", ".mhtml")

    def extract(self, data: bytes, name: str, reading: Reading) -> list[Part]:
        reading.check_depth()
        try:
            msg = parse_message(data, reading.limits.max_header_bytes)
        except RecursionError:
            return [unreadable(name, "message/rfc822", "MIME parts nested too deeply to read")]
        return message_parts(msg, reading.inside(), prefix=f"{name}, ") or [Part(name, "", "message/rfc822")]


register(MessageExtractor())
