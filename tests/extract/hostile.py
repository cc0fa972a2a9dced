"""The hostile-input suite: items that hide a client's details in every place a format can hold them, rewrites
of blocked mail, inputs over every budget, and fuzzed files. Shared by tests/extract/test_hostile.py (a few
hundred items in CI) and benchmarks/bench_hostile.py (the whole set).

Each item is an email to client A. An incident carries client B's account reference (or email) in one hidden
place and must be blocked; its legitimate twin carries A's own reference in the same place and must be allowed,
unless the place itself cannot be read (encrypted, over a budget), when both are held. Fuzzed items only need
a verdict: whatever they are, no crash, no internal error, no hang.
"""

from __future__ import annotations

import base64
import io
import os
import quopri
import random
import select
import signal
import struct
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

from tests.extract.conftest import image_of_text, pdf_of_pages, zip_of
from tests.synthetic import ORG_DOMAIN, SyntheticClient, SyntheticRegistry
from tests.synthetic import email as make_email

BLOCKED, ALLOWED, HELD, ANY = "blocked", "allowed", "held", "any"
LOSSY = frozenset({"base64 stray letter"})


@dataclass
class Item:
    kind: str
    data: bytes
    expect: str  # BLOCKED (an incident), ALLOWED (its twin), HELD (unscannable either way), ANY (fuzzed)
    filename: str = "item.eml"
    ocr: bool = False  # needs Tesseract


@dataclass
class Outcome:
    kind: str
    expect: str
    status: str  # "ok", "crash", "internal error", "hang", "no verdict"
    decision: str | None = None
    rules: list[str] = field(default_factory=list)
    seconds: float = 0.0
    peak_mb: float = 0.0  # peak resident memory of the process that scanned it, above the parent's
    base_mb: float = 0.0  # the parent's (the built scanner's) resident memory when it forked
    detail: str = ""

    @property
    def blocked(self) -> bool:
        return self.decision in ("quarantine", "reject")

    @property
    def met(self) -> bool:
        if self.status != "ok":
            return False
        if self.expect == BLOCKED:
            return self.blocked
        if self.expect == ALLOWED:
            return self.decision == "allow"
        if self.expect == HELD:
            return self.blocked and "unscannable_content" in self.rules
        return self.decision is not None


# ---------------------------------------------------------------------------------------------- builders


def png(text: str) -> bytes:
    return image_of_text(text)


def mail(a: SyntheticClient, body: str = "Please see attached.", **kw: Any) -> bytes:
    return make_email([a.email], kw.pop("subject", "Your documents"), body, **kw)


def attach(a: SyntheticClient, name: str, data: bytes, media_type: str = "application/octet-stream") -> bytes:
    return mail(a, attachments=[(name, data, media_type)])


def raw_mail(a: SyntheticClient, headers: str, body: bytes) -> bytes:
    head = f"From: Riverbend Water <billing@{ORG_DOMAIN}>\r\nTo: {a.email}\r\nSubject: Your account\r\n"
    head += "MIME-Version: 1.0\r\n" + headers
    return head.encode() + b"\r\n" + body


def pdf_writer_with(text: str, build: Callable[[Any, Any], None]) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(pdf_of_pages([text]))).pages:
        writer.add_page(page)
    build(writer, writer.pages[0])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _pdf_annotation(secret: str) -> Callable[[Any, Any], None]:
    def build(writer: Any, page: Any) -> None:
        from pypdf.annotations import Text

        writer.add_annotation(page_number=0, annotation=Text(rect=(50, 550, 200, 650), text=secret))

    return build


def _pdf_form_field(secret: str) -> Callable[[Any, Any], None]:
    def build(writer: Any, page: Any) -> None:
        from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, TextStringObject

        widget = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Widget"),
                NameObject("/FT"): NameObject("/Tx"),
                NameObject("/T"): TextStringObject("account"),
                NameObject("/V"): TextStringObject(secret),
                NameObject("/Rect"): ArrayObject([NumberObject(n) for n in (50, 50, 250, 70)]),
            }
        )
        ref = writer._add_object(widget)
        page[NameObject("/Annots")] = ArrayObject([ref])
        writer._root_object[NameObject("/AcroForm")] = DictionaryObject({NameObject("/Fields"): ArrayObject([ref])})

    return build


def _pdf_file_annotation(secret: str) -> Callable[[Any, Any], None]:
    def build(writer: Any, page: Any) -> None:
        from pypdf.generic import (
            ArrayObject,
            DecodedStreamObject,
            DictionaryObject,
            NameObject,
            NumberObject,
            TextStringObject,
        )

        stream = DecodedStreamObject()
        stream.set_data(secret.encode())
        spec = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Filespec"),
                NameObject("/F"): TextStringObject("note.txt"),
                NameObject("/EF"): DictionaryObject({NameObject("/F"): writer._add_object(stream)}),
            }
        )
        annotation = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/FileAttachment"),
                NameObject("/FS"): spec,
                NameObject("/Rect"): ArrayObject([NumberObject(n) for n in (10, 10, 30, 30)]),
            }
        )
        page[NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])

    return build


def pdf_with_picture(text: str, picture_text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 5, text)
    pdf.image(io.BytesIO(png(picture_text)), x=10, y=120, w=190)
    return bytes(pdf.output())


def scanned_pdf(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.image(io.BytesIO(png(text)), x=0, y=0, w=210)
    return bytes(pdf.output())


def blank_pdf(pages: int) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    for _ in range(pages):
        pdf.add_page()
    return bytes(pdf.output())


def zero_page_pdf() -> bytes:
    """A well-formed PDF whose page tree is empty: it reads as zero pages."""
    from pypdf import PdfWriter

    out = io.BytesIO()
    PdfWriter().write(out)
    return out.getvalue()


def docx(body: str, build: Callable[[Any], None] | None = None) -> bytes:
    from docx import Document

    doc = Document()
    doc.add_paragraph(body)
    if build:
        build(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def patch_zip(data: bytes, add: dict[str, bytes], edit: dict[str, Callable[[bytes], bytes]]) -> bytes:
    """Add members to an Office package and edit others (relationships, content types, the body)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            dst.writestr(info.filename, edit[info.filename](content) if info.filename in edit else content)
        for name, content in add.items():
            dst.writestr(name, content)
    return out.getvalue()


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _rel(rel_id: str, kind: str, target: str, external: bool = False) -> Callable[[bytes], bytes]:
    mode = ' TargetMode="External"' if external else ""
    line = f'<Relationship Id="{rel_id}" Type="{R}/{kind}" Target="{target}"{mode}/>'.encode()
    return lambda rels: rels.replace(b"</Relationships>", line + b"</Relationships>")


def _body_add(xml: str) -> Callable[[bytes], bytes]:
    return lambda body: body.replace(b"<w:sectPr", xml.encode() + b"<w:sectPr", 1)


def docx_footnote(body: str, secret: str) -> bytes:
    notes = (
        f'<w:footnotes xmlns:w="{W}" xmlns:r="{R}"><w:footnote w:id="1"><w:p><w:r><w:t>{secret}</w:t></w:r></w:p>'
        "</w:footnote></w:footnotes>"
    ).encode()
    return patch_zip(
        docx(body),
        {"word/footnotes.xml": notes},
        {
            "word/_rels/document.xml.rels": _rel("rIdFn", "footnotes", "footnotes.xml"),
            "word/document.xml": _body_add('<w:p><w:r><w:footnoteReference w:id="1"/></w:r></w:p>'),
            "[Content_Types].xml": lambda t: t.replace(
                b"</Types>",
                b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
                b'officedocument.wordprocessingml.footnotes+xml"/></Types>',
            ),
        },
    )


def docx_altchunk(body: str, secret: str) -> bytes:
    html = f"<html><body><p>{secret}</p></body></html>".encode()
    return patch_zip(
        docx(body),
        {"word/afchunk.htm": html},
        {
            "word/_rels/document.xml.rels": _rel("rIdAc", "aFChunk", "afchunk.htm"),
            "word/document.xml": _body_add('<w:altChunk r:id="rIdAc"/>'),
            "[Content_Types].xml": lambda t: t.replace(
                b"</Types>", b'<Default Extension="htm" ContentType="text/html"/></Types>'
            ),
        },
    )


def docx_embedded(body: str, inner: bytes, inner_name: str) -> bytes:
    return patch_zip(
        docx(body),
        {f"word/embeddings/{inner_name}": inner},
        {"word/_rels/document.xml.rels": _rel("rIdEm", "package", f"embeddings/{inner_name}")},
    )


def docx_hyperlink(body: str, target: str) -> bytes:
    return patch_zip(
        docx(body), {}, {"word/_rels/document.xml.rels": _rel("rIdLk", "hyperlink", target, external=True)}
    )


def docx_deleted(body: str, secret: str) -> bytes:
    deletion = f'<w:p><w:del w:id="9" w:author="x"><w:r><w:delText>{secret}</w:delText></w:r></w:del></w:p>'
    return patch_zip(docx(body), {}, {"word/document.xml": _body_add(deletion)})


def _docx_picture(secret: str) -> Callable[[Any], None]:
    def build(doc: Any) -> None:
        doc.add_picture(io.BytesIO(png(secret)))

    return build


def _docx_comment(secret: str) -> Callable[[Any], None]:
    def build(doc: Any) -> None:
        paragraph = doc.add_paragraph("Please check.")
        doc.add_comment(paragraph.runs, text=secret, author="Staff")

    return build


def xlsx(build: Callable[[Any], None]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["item", "amount"])
    book.active.append(["water", 12])
    build(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def odt(body: str, secret: str, where: str) -> bytes:
    """A minimal OpenDocument text: the secret in the body, the page header (styles.xml), meta or a picture."""
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"'
    )
    content_text = f"<text:p>{body}</text:p>" + (f"<text:p>{secret}</text:p>" if where == "body" else "")
    header = f"<style:header><text:p>{secret}</text:p></style:header>" if where == "header" else ""
    title = f"<dc:title>{secret}</dc:title>" if where == "meta" else ""
    files = {
        "mimetype": b"application/vnd.oasis.opendocument.text",
        "content.xml": f"<office:document-content {ns}><office:body><office:text>{content_text}</office:text>"
        "</office:body></office:document-content>".encode(),
        "styles.xml": f'<office:document-styles {ns}><office:master-styles><style:master-page style:name="S">'
        f"{header}</style:master-page></office:master-styles></office:document-styles>".encode(),
        "meta.xml": f"<office:document-meta {ns}><office:meta>{title}</office:meta></office:document-meta>".encode(),
    }
    if where == "picture":
        files["Pictures/1.png"] = png(secret)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), files.pop("mimetype"))
        for name, content in files.items():
            archive.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def rtf(text: str, extra: bytes = b"") -> bytes:
    return b"{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\f0 " + text.encode("cp1252") + b"\\par " + extra + b"}"


def rtf_package_object(filename: str, payload: bytes) -> bytes:
    """An RTF \\object holding an OLE 1.0 'Package' (a file dropped into a Word document)."""
    native = b"\x02\x00" + filename.encode() + b"\x00" + filename.encode() + b"\x00" + b"\x00\x00\x03\x00"
    native += struct.pack("<I", len(filename) + 1) + filename.encode() + b"\x00"
    native += struct.pack("<I", len(payload)) + payload

    def string(value: bytes) -> bytes:
        return struct.pack("<I", len(value)) + value

    ole1 = struct.pack("<II", 0x0501, 2) + string(b"Package\x00") + string(b"\x00") + string(b"\x00")
    ole1 += struct.pack("<I", len(native)) + native
    return b"{\\object\\objemb{\\*\\objclass Package}{\\*\\objdata " + ole1.hex().encode() + b"}}"


def rtf_picture(secret: str) -> bytes:
    return b"{\\*\\shppict{\\pict\\pngblip\\picw100\\pich20 " + png(secret).hex().encode() + b"}}"


def uuencoded(filename: str, payload: bytes) -> bytes:
    import binascii

    lines = [binascii.b2a_uu(payload[i : i + 45]) for i in range(0, len(payload), 45)]
    return f"begin 644 {filename}\n".encode() + b"".join(lines) + b"`\nend\n"


def emf(text: str) -> bytes:
    """A minimal enhanced metafile drawing one line of text (EMR_HEADER, EMR_EXTTEXTOUTW, EMR_EOF)."""
    header = struct.pack("<II", 1, 108) + b"\x00" * 32 + b" EMF" + b"\x00" * 64
    encoded = text.encode("utf-16-le")
    record = struct.pack("<II", 84, 0) + b"\x00" * 16 + struct.pack("<Iff", 1, 1.0, 1.0) + struct.pack("<ii", 0, 0)
    record += struct.pack("<IIi", len(text), 76, 0) + b"\x00" * 16 + struct.pack("<I", 0)
    record += encoded + b"\x00" * (-len(encoded) % 4)
    record = record[:4] + struct.pack("<I", len(record)) + record[8:]
    return header + record + struct.pack("<IIIII", 14, 20, 0, 16, 20)


def gif_frames(frames: list[str], size: tuple[int, int] = (1400, 120)) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    from tests.extract.conftest import FONT

    font = ImageFont.truetype(FONT, 40)
    images = []
    for text in frames:
        image = Image.new("L", size, 255)
        ImageDraw.Draw(image).text((20, 30), text, font=font, fill=0)
        images.append(image.convert("P"))
    out = io.BytesIO()
    images[0].save(out, format="GIF", save_all=True, append_images=images[1:], duration=50)
    return out.getvalue()


def noise_gif(frames: int) -> bytes:
    from PIL import Image

    rng = random.Random(frames)
    images = [Image.frombytes("L", (32, 32), bytes(rng.getrandbits(8) for _ in range(1024))) for _ in range(frames)]
    out = io.BytesIO()
    images[0].save(out, format="GIF", save_all=True, append_images=images[1:], duration=10)
    return out.getvalue()


def far_cell_xlsx(secret: str) -> bytes:
    def build(book: Any) -> None:
        book.active["XFD1048576"] = secret

    return xlsx(build)


def signed_data(content: bytes | None) -> bytes:
    """A CMS SignedData (no signer needed to test unwrapping): opaque with content, or detached without."""
    from asn1crypto import cms

    encap = {"content_type": "data"}
    if content is not None:
        encap["content"] = content
    signed = cms.SignedData({"version": "v1", "digest_algorithms": [], "encap_content_info": encap, "signer_infos": []})
    return cms.ContentInfo({"content_type": "signed_data", "content": signed}).dump()


def enveloped_data() -> bytes:
    from asn1crypto import cms

    env = cms.EnvelopedData(
        {
            "version": "v0",
            "recipient_infos": [],
            "encrypted_content_info": {
                "content_type": "data",
                "content_encryption_algorithm": {"algorithm": "aes256_cbc", "parameters": b"\x00" * 16},
                "encrypted_content": os.urandom(64),
            },
        }
    )
    return cms.ContentInfo({"content_type": "enveloped_data", "content": env}).dump()


def multipart(a: SyntheticClient, content_type: str, parts: list[tuple[str, bytes]]) -> bytes:
    boundary = "=_hostile_boundary"
    body = b""
    for headers, content in parts:
        body += f"--{boundary}\r\n{headers}\r\n\r\n".encode() + content + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return raw_mail(a, f'Content-Type: {content_type}; boundary="{boundary}"\r\n', body)


# ------------------------------------------------------------------------------------------------ places


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)


def _zero_width(text: str) -> str:
    return "\u200b".join(text)


def _soft_hyphens(text: str) -> str:
    return "\u00ad".join(text)


def _homoglyph(address: str) -> str:
    return address.replace("a", "\u0430").replace("o", "\u043e").replace("e", "\u0435")


def _entities(text: str) -> str:
    return "".join(f"&#{ord(c)};" for c in text)


def _qp_soft_breaks(text: str) -> bytes:
    return "\n".join(text[i : i + 7] for i in range(0, len(text), 7)).replace("\n", "=\r\n").encode()


def _b64_lines(data: bytes, width: int = 76) -> bytes:
    flat = base64.b64encode(data)
    return b"\r\n".join(flat[i : i + width] for i in range(0, len(flat), width))


def _with_stray(encoded: bytes, stray: bytes) -> bytes:
    middle = len(encoded) // 2
    return encoded[:middle] + stray + encoded[middle:]


def places(a: SyntheticClient, who: SyntheticClient) -> Iterator[tuple[str, bytes, bool]]:
    """(kind, item, needs OCR): an email to A carrying `who`'s details in one place each."""
    ref = who.reference
    secret = f"Account {ref}"
    text = f"Dear customer,\n\nThe water account {ref} is now in credit.\n\nRiverbend Water"
    long_text = text + "\n" + "Thank you for being a customer of Riverbend Water. " * 6
    # Bodies and headers
    yield "body", mail(a, text), False
    yield "subject", mail(a, "See below.", subject=f"Account {ref}"), False
    yield (
        "html alt text",
        mail(a, "hi", html=f'<html><body><p>Hello</p><img alt="{secret}" src="cid:x"></body></html>'),
        False,
    )
    yield "html title", mail(a, "hi", html=f'<html><body><p title="{secret}">Hello</p></body></html>'), False
    yield (
        "html mailto link",
        mail(a, "hi", html=f'<html><body><a href="mailto:{who.email}">write</a></body></html>'),
        False,
    )
    yield (
        "html link text",
        mail(a, "hi", html=f'<html><body><a href="https://x.example">{who.email}</a></body></html>'),
        False,
    )
    yield "html comment", mail(a, "hi", html=f"<html><body><!-- {secret} --><p>Hello</p></body></html>"), False
    yield (
        "html display none",
        mail(a, "hi", html=f'<html><body><p style="display:none">{secret}</p></body></html>'),
        False,
    )
    yield (
        "html css content",
        mail(
            a,
            "hi",
            html=f'<html><head><style>p::after{{content:"{secret}"}}</style></head><body><p>Hi</p></body></html>',
        ),
        False,
    )
    yield "html entities", mail(a, "hi", html=f"<html><body><p>{_entities(secret)}</p></body></html>"), False
    data_text = base64.b64encode(secret.encode()).decode()
    yield (
        "html data: URI text",
        mail(a, "hi", html=f'<html><body><a href="data:text/plain;base64,{data_text}">x</a></body></html>'),
        False,
    )
    data_png = base64.b64encode(png(secret)).decode()
    yield (
        "html data: URI image",
        mail(a, "hi", html=f'<html><body><img src="data:image/png;base64,{data_png}"></body></html>'),
        True,
    )
    yield (
        "html only alternative",
        mail(a, "Hello, see the HTML version.", html=f"<html><body><p>{text}</p></body></html>"),
        False,
    )
    ics = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Meeting\r\n"
        f"DESCRIPTION:Bring account \r\n {ref} please\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    yield "calendar invitation", mail(a, attachments=[("invite.ics", ics.encode(), "text/calendar")]), False
    vcf = f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Contact\r\nNOTE:{secret}\r\nEND:VCARD\r\n"
    yield "contact card", mail(a, attachments=[("contact.vcf", vcf.encode(), "text/vcard")]), False
    yield "uuencoded body", mail(a, "Here it is:\n" + uuencoded("note.txt", text.encode()).decode()), False
    yield "attached message", _attached_message(a, text), False
    # Rewrites of a blocked body: transfer encodings and characters
    plain = text.encode()
    yield (
        "base64 body",
        raw_mail(a, "Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n", _b64_lines(plain)),
        False,
    )
    yield (
        "base64 one line",
        raw_mail(a, "Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n", base64.b64encode(plain)),
        False,
    )
    yield (
        "base64 stray character",
        raw_mail(
            a,
            "Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n",
            _with_stray(_b64_lines(long_text.encode()), b"!"),
        ),
        False,
    )
    yield (
        "base64 stray letter",
        raw_mail(
            a,
            "Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n",
            _with_stray(_b64_lines(long_text.encode(), 64), b"Q"),
        ),
        False,
    )
    yield (
        "base64 no padding",
        raw_mail(
            a,
            "Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n",
            base64.b64encode(plain + b"!").rstrip(b"="),
        ),
        False,
    )
    yield (
        "base64 odd header",
        raw_mail(a, "Content-Type: text/plain\r\nContent-Transfer-Encoding: Base-64\r\n", _b64_lines(plain, 60)),
        False,
    )
    yield "base64 undeclared", raw_mail(a, "Content-Type: text/plain\r\n", _b64_lines(long_text.encode())), False
    yield (
        "quoted-printable soft breaks",
        raw_mail(
            a, "Content-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n", _qp_soft_breaks(text)
        ),
        False,
    )
    yield "quoted-printable undeclared", raw_mail(a, "Content-Type: text/plain\r\n", _qp_soft_breaks(text)), False
    yield (
        "quoted-printable escapes",
        raw_mail(
            a,
            "Content-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n",
            quopri.encodestring(text.encode(), quotetabs=True).replace(
                ref[2:5].encode(), "".join(f"={ord(c):02X}" for c in ref[2:5]).encode()
            ),
        ),
        False,
    )
    yield "full-width digits", mail(a, _fullwidth(text)), False
    yield "zero-width characters", mail(a, text.replace(ref, _zero_width(ref))), False
    yield "soft hyphens", mail(a, text.replace(ref, _soft_hyphens(ref))), False
    yield "homoglyph email", mail(a, f"Please write to {_homoglyph(who.email)} about it."), False
    # Attachments, renamed and nested
    pdf = pdf_of_pages([text])
    yield "pdf text", attach(a, "letter.pdf", pdf, "application/pdf"), False
    yield "pdf renamed .txt", attach(a, "notes.txt", pdf, "text/plain"), False
    yield "pdf renamed .jpg", attach(a, "photo.jpg", pdf, "image/jpeg"), False
    yield "pdf without a name", _nameless(a, pdf), False
    yield "file name", attach(a, f"statement {ref}.txt", b"Your statement is attached.", "text/plain"), False
    yield "zip", attach(a, "docs.zip", zip_of({"letter.pdf": pdf}), "application/zip"), False
    yield (
        "nested zips",
        attach(
            a, "docs.zip", zip_of({"inner.zip": zip_of({"deeper.zip": zip_of({"l.txt": plain})})}), "application/zip"
        ),
        False,
    )
    yield (
        "stored zip, pdf first",
        attach(
            a,
            "docs.pdf",
            _stored_zip({"a.pdf": pdf_of_pages(["Harmless cover page."]), "b.txt": plain}),
            "application/pdf",
        ),
        False,
    )
    yield (
        "eml in zip",
        attach(a, "fwd.zip", zip_of({"old.eml": make_email(["x@y.example"], "old", text)}), "application/zip"),
        False,
    )
    # PDF places
    cover = "Dear customer, please find your documents enclosed. Riverbend Water."
    yield "pdf annotation", attach(a, "l.pdf", pdf_writer_with(cover, _pdf_annotation(secret))), False
    yield "pdf form field", attach(a, "l.pdf", pdf_writer_with(cover, _pdf_form_field(secret))), False
    yield (
        "pdf embedded file",
        attach(a, "l.pdf", pdf_writer_with(cover, lambda w, p: w.add_attachment("note.txt", plain))),
        False,
    )
    yield (
        "pdf file attachment annotation",
        attach(a, "l.pdf", pdf_writer_with(cover, _pdf_file_annotation(secret))),
        False,
    )
    yield (
        "pdf properties",
        attach(a, "l.pdf", pdf_writer_with(cover, lambda w, p: w.add_metadata({"/Title": secret}))),
        False,
    )
    yield (
        "pdf bookmark",
        attach(a, "l.pdf", pdf_writer_with(cover, lambda w, p: w.add_outline_item(title=secret, page_number=0))),
        False,
    )
    yield "pdf picture on a text page", attach(a, "l.pdf", pdf_with_picture(cover, secret)), True
    yield "pdf scanned page", attach(a, "l.pdf", scanned_pdf(text)), True
    yield "pdf with appended zip", attach(a, "l.pdf", pdf_of_pages([cover]) + zip_of({"x.txt": plain})), False
    # Word, OpenDocument, Excel, RTF places
    yield "docx body", attach(a, "l.docx", docx(text)), False
    yield (
        "docx header",
        attach(a, "l.docx", docx(cover, lambda d: setattr(d.sections[0].header.paragraphs[0], "text", secret))),
        False,
    )
    yield (
        "docx footer",
        attach(a, "l.docx", docx(cover, lambda d: setattr(d.sections[0].footer.paragraphs[0], "text", secret))),
        False,
    )
    yield "docx comment", attach(a, "l.docx", docx(cover, _docx_comment(secret))), False
    yield "docx footnote", attach(a, "l.docx", docx_footnote(cover, secret)), False
    yield "docx altChunk", attach(a, "l.docx", docx_altchunk(cover, secret)), False
    yield (
        "docx embedded workbook",
        attach(a, "l.docx", docx_embedded(cover, xlsx(lambda b: b.active.append([secret])), "Sheet1.xlsx")),
        False,
    )
    yield "docx tracked deletion", attach(a, "l.docx", docx_deleted(cover, secret)), False
    yield "docx hyperlink target", attach(a, "l.docx", docx_hyperlink(cover, f"mailto:{who.email}")), False
    yield (
        "docx properties",
        attach(a, "l.docx", docx(cover, lambda d: setattr(d.core_properties, "title", secret))),
        False,
    )
    yield "docx picture", attach(a, "l.docx", docx(cover, _docx_picture(secret))), True
    metafile = patch_zip(docx(cover), {"word/media/image9.emf": emf(secret)}, {})
    yield "docx metafile picture", attach(a, "l.docx", metafile), False
    yield "odt body", attach(a, "l.odt", odt(cover, secret, "body")), False
    yield "odt header", attach(a, "l.odt", odt(cover, secret, "header")), False
    yield "odt properties", attach(a, "l.odt", odt(cover, secret, "meta")), False
    yield "odt picture", attach(a, "l.odt", odt(cover, secret, "picture")), True
    yield "xlsx cell", attach(a, "s.xlsx", xlsx(lambda b: b.active.append([secret]))), False
    yield "xlsx comment", attach(a, "s.xlsx", xlsx(_xlsx_comment(secret))), False
    yield (
        "xlsx sheet name",
        attach(a, "s.xlsx", xlsx(lambda b: setattr(b.create_sheet(), "title", f"Acct {ref}"))),
        False,
    )
    yield "xlsx hidden sheet", attach(a, "s.xlsx", xlsx(_xlsx_hidden(secret))), False
    yield "xlsx far cell", attach(a, "s.xlsx", far_cell_xlsx(secret)), False
    yield "rtf body", attach(a, "l.rtf", rtf(text)), False
    yield "rtf object", attach(a, "l.rtf", rtf(cover, rtf_package_object("note.txt", plain))), False
    yield "rtf picture", attach(a, "l.rtf", rtf(cover, rtf_picture(secret))), True
    yield "image", attach(a, "scan.png", png(text)), True
    yield "gif frame", attach(a, "anim.gif", gif_frames(["Hello", "Riverbend Water", secret])), True
    yield "png with appended zip", attach(a, "photo.png", png("Hello") + zip_of({"x.txt": plain})), True
    yield "text with appended pdf", attach(a, "notes.txt", b"Notes for the file.\n" + pdf, "text/plain"), False
    yield "opaque-signed S/MIME", _smime_opaque(a, text), False


def _attached_message(a: SyntheticClient, text: str) -> bytes:
    inner = make_email(["someone@else.example"], "earlier", text)
    msg = EmailMessage()
    msg["From"] = f"billing@{ORG_DOMAIN}"
    msg["To"] = a.email
    msg["Subject"] = "Fwd"
    msg.set_content("See the forwarded message.")
    from email import message_from_bytes

    msg.add_attachment(message_from_bytes(inner))
    return bytes(msg)


def _nameless(a: SyntheticClient, data: bytes) -> bytes:
    encoded = _b64_lines(data)
    return multipart(
        a,
        "multipart/mixed",
        [
            ("Content-Type: text/plain", b"See attached."),
            ("Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64", encoded),
        ],
    )


def _stored_zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def _xlsx_comment(secret: str) -> Callable[[Any], None]:
    def build(book: Any) -> None:
        from openpyxl.comments import Comment

        book.active["B2"].comment = Comment(secret, "Staff")

    return build


def _xlsx_hidden(secret: str) -> Callable[[Any], None]:
    def build(book: Any) -> None:
        sheet = book.create_sheet("Data")
        sheet.append([secret])
        sheet.sheet_state = "veryHidden"

    return build


def _smime_opaque(a: SyntheticClient, text: str) -> bytes:
    inner = f"Content-Type: text/plain\r\n\r\n{text}\r\n".encode()
    return raw_mail(
        a,
        'Content-Type: application/pkcs7-mime; smime-type=signed-data; name="smime.p7m"\r\n'
        "Content-Transfer-Encoding: base64\r\n",
        _b64_lines(signed_data(inner)),
    )


# ------------------------------------------------------------------------------- held and budget items


def held_items(a: SyntheticClient, b: SyntheticClient) -> Iterator[tuple[str, bytes]]:
    """Items that cannot be read or are over a budget: held as unscannable_content, with a verdict in time."""
    from tests.extract.conftest import encrypted_docx, encrypted_pdf, password_zip, zip_bomb

    plain = f"Account {b.reference}".encode()
    yield "encrypted pdf", attach(a, "l.pdf", encrypted_pdf(f"Account {b.reference}"))
    yield "encrypted docx", attach(a, "l.docx", encrypted_docx(docx("x")))
    yield "password zip", attach(a, "l.zip", password_zip({"a.txt": plain}))
    yield "zip bomb", attach(a, "l.zip", zip_bomb(30))
    yield (
        "zip nested too deep",
        attach(a, "l.zip", zip_of({"1.zip": zip_of({"2.zip": zip_of({"3.zip": zip_of({"4.txt": plain})})})})),
    )
    yield "pdf with no pages", attach(a, "l.pdf", zero_page_pdf(), "application/pdf")
    yield "corrupt pdf", attach(a, "l.pdf", b"%PDF-1.7\n%broken beyond repair")
    yield (
        "S/MIME encrypted",
        raw_mail(
            a,
            'Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name="smime.p7m"\r\n'
            "Content-Transfer-Encoding: base64\r\n",
            _b64_lines(enveloped_data()),
        ),
    )
    yield (
        "PGP/MIME encrypted",
        multipart(
            a,
            'multipart/encrypted; protocol="application/pgp-encrypted"',
            [
                ("Content-Type: application/pgp-encrypted", b"Version: 1"),
                (
                    "Content-Type: application/octet-stream",
                    b"-----BEGIN PGP MESSAGE-----\r\n\r\nhQEMA0aaaa\r\n-----END PGP MESSAGE-----",
                ),
            ],
        ),
    )
    yield "inline PGP message", mail(a, "-----BEGIN PGP MESSAGE-----\n\nhQEMAxyz\n-----END PGP MESSAGE-----\n")
    yield (
        "signature that is not one",
        multipart(
            a,
            "multipart/mixed",
            [("Content-Type: text/plain", b"hello"), ("Content-Type: application/pkcs7-signature", plain * 3)],
        ),
    )
    yield "legacy .doc", attach(a, "l.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    yield (
        "50,000 recipients",
        raw_mail(a, "Content-Type: text/plain\r\n", b"hi").replace(
            f"To: {a.email}".encode(), b"To: " + b", ".join(b"r%d@x.example" % i for i in range(50_000))
        ),
    )
    yield (
        "header of 50,000 encoded words",
        raw_mail(a, "Content-Type: text/plain\r\n", b"hi").replace(
            b"Subject: Your account", b"Subject: " + b" ".join([b"=?utf-8?B?QWNjb3VudA==?="] * 50_000)
        ),
    )
    yield "MIME nested 2,000 deep", _deep_mime(a, 2000)
    yield "MIME nested 40 deep", _deep_mime(a, 40)
    yield (
        "nested address groups",
        raw_mail(a, "Content-Type: text/plain\r\n", b"hi").replace(
            f"To: {a.email}".encode(), f"To: g1: g2: g3: {b.email};;;, {a.email}".encode()
        ),
    )
    yield (
        "malformed address",
        raw_mail(a, "Content-Type: text/plain\r\n", b"hi").replace(
            f"To: {a.email}".encode(), f"To: {a.email}, =?utf-8?q?a=40b?= <x@".encode()
        ),
    )
    yield "2,000-frame GIF", attach(a, "anim.gif", noise_gif(2000))
    yield (
        "damaged base64 line",
        raw_mail(
            a,
            "Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n",
            _with_stray(_b64_lines((plain + b" ") * 40, 64), b"Q"),
        ),
    )


def budget_items(a: SyntheticClient) -> Iterator[tuple[str, bytes, str]]:
    """Inputs that once hung a worker; they need a verdict in time (the blank PDF is readable: nothing in it)."""
    yield "2,000-page blank pdf", attach(a, "blank.pdf", blank_pdf(2000)), ANY
    yield "far cell, dimension A1:XFD1048576", attach(a, "s.xlsx", far_cell_xlsx("hello")), ALLOWED
    yield "2,000-page blank letter", blank_pdf(2000), HELD


def _deep_mime(a: SyntheticClient, depth: int) -> bytes:
    body = b""
    for i in range(depth):
        body += b"--b%d\r\nContent-Type: multipart/mixed; boundary=b%d\r\n\r\n" % (i, i + 1)
    body += b"--b%d\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b%d--\r\n" % (depth, depth)
    for i in reversed(range(depth)):
        body += b"--b%d--\r\n" % i
    return raw_mail(a, "Content-Type: multipart/mixed; boundary=b0\r\n", body)


def legitimate_signed(a: SyntheticClient) -> Iterator[tuple[str, bytes]]:
    """Everyday signed mail: the signature is skipped, the mail allowed."""
    text = f"Dear customer, your account {a.reference} is in credit."
    yield (
        "S/MIME signed",
        multipart(
            a,
            'multipart/signed; protocol="application/pkcs7-signature"',
            [
                ("Content-Type: text/plain", text.encode()),
                (
                    'Content-Type: application/pkcs7-signature; name="smime.p7s"\r\nContent-Transfer-Encoding: base64',
                    _b64_lines(signed_data(None)),
                ),
            ],
        ),
    )
    pgp = b"-----BEGIN PGP SIGNATURE-----\r\n\r\niQEzBAEBCAAdFiEE\r\n=abcd\r\n-----END PGP SIGNATURE-----"
    yield (
        "PGP signed",
        multipart(
            a,
            'multipart/signed; protocol="application/pgp-signature"',
            [("Content-Type: text/plain", text.encode()), ("Content-Type: application/pgp-signature", pgp)],
        ),
    )


# ------------------------------------------------------------------------------------------------- fuzzing


MUTATIONS = ("flip", "truncate", "duplicate", "insert", "zero")


def mutate(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    how = rng.choice(MUTATIONS)
    raw = bytearray(data)
    if how == "flip":
        for _ in range(rng.randint(1, 40)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
    elif how == "truncate":
        raw = raw[: rng.randrange(1, len(raw))]
    elif how == "duplicate":
        at, size = rng.randrange(len(raw)), rng.randint(1, 4096)
        raw[at:at] = raw[at : at + size] * rng.randint(2, 50)
    elif how == "insert":
        at = rng.randrange(len(raw))
        raw[at:at] = bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 512)))
    else:
        at = rng.randrange(len(raw))
        raw[at : at + rng.randint(1, 2048)] = b"\x00" * rng.randint(1, 2048)
    return how, bytes(raw)


def fuzzed(a: SyntheticClient, b: SyntheticClient, count: int, seed: int = 5) -> Iterator[Item]:
    rng = random.Random(seed)
    text = f"Account {b.reference}"
    bases: list[tuple[str, bytes, str]] = [
        ("pdf", pdf_writer_with(text, _pdf_annotation(text)), "application/pdf"),
        ("docx", docx_altchunk(text, text), "application/octet-stream"),
        ("xlsx", xlsx(_xlsx_comment(text)), "application/octet-stream"),
        ("odt", odt(text, text, "header"), "application/octet-stream"),
        ("rtf", rtf(text, rtf_package_object("n.txt", text.encode())), "application/rtf"),
        ("zip", zip_of({"a.pdf": pdf_of_pages([text]), "b.txt": text.encode()}), "application/zip"),
        (
            "html",
            f"<html><body><img alt='{text}' src='data:text/plain;base64,QQ=='></body></html>".encode(),
            "text/html",
        ),
        ("ics", f"BEGIN:VCALENDAR\r\nDESCRIPTION:{text}\r\nEND:VCALENDAR\r\n".encode(), "text/calendar"),
    ]
    messages = [
        (
            "eml",
            make_email(
                [a.email],
                "x",
                text,
                html=f"<p>{text}</p>",
                attachments=[("a.pdf", pdf_of_pages([text]), "application/pdf")],
            ),
        )
    ]
    for number in range(count):
        if number % 5 == 4:
            kind, base = messages[0]
            how, data = mutate(base, rng)
            yield Item(f"fuzzed {kind} ({how})", data, ANY)
        else:
            kind, base, media = bases[number % len(bases)]
            how, data = mutate(base, rng)
            yield Item(f"fuzzed {kind} ({how})", attach(a, "file.bin", data, media), ANY)


# -------------------------------------------------------------------------------------------------- suite


def suite(registry: SyntheticRegistry, fuzz: int = 150, pairs: int = 1, ocr: bool = True) -> list[Item]:
    """The items: every hidden place (an incident and its twin) for `pairs` client pairs, every held and
    budget item, signed mail, and `fuzz` fuzzed files."""
    clients = registry.ordinary()
    items: list[Item] = []
    for pair in range(pairs):
        a, b = clients[120 + 2 * pair], clients[121 + 2 * pair]
        for kind, data, needs_ocr in places(a, b):
            if needs_ocr and not ocr:
                continue
            items.append(Item(kind, data, BLOCKED, ocr=needs_ocr))
        if pair == 0:
            for kind, data, needs_ocr in places(a, a):
                if needs_ocr and not ocr:
                    continue
                # A damaged base64 line cannot be decoded whole: the twin is held too, as it must be.
                expect = HELD if kind in LOSSY else ALLOWED
                items.append(Item(f"{kind} (twin)", data, expect, ocr=needs_ocr))
    a, b = clients[118], clients[119]
    items += [Item(kind, data, HELD) for kind, data in held_items(a, b)]
    items += [
        Item(kind, data, expect, filename="letter.pdf" if "letter" in kind else "item.eml")
        for kind, data, expect in budget_items(a)
    ]
    items += [Item(kind, data, ALLOWED) for kind, data in legitimate_signed(a)]
    items += list(fuzzed(a, b, fuzz))
    return items


# -------------------------------------------------------------------------------------------------- runner


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def run_isolated(scanner: Any, item: Item, timeout: float = 60.0) -> Outcome:
    """Scan one item in a forked child: a crash, a hang (killed after `timeout`) or memory growth is the
    item's alone and is measured."""
    import json

    from dlp.extract import communication_from_message, letters_from_file

    read_end, write_end = os.pipe()
    base = _rss_mb()
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child: scan, report, exit without running the parent's cleanup
        os.close(read_end)
        try:
            if item.filename.endswith(".eml"):
                items = [communication_from_message(item.data, item.filename, scanner.limits)]
            else:
                items = letters_from_file(item.data, item.filename, scanner.limits)
            verdicts = [scanner.scan(i, record=False) for i in items]
            worst = max(verdicts, key=lambda v: v.decision.rank) if verdicts else None
            report = {
                "status": "ok" if worst else "no verdict",
                "decision": worst.decision.value if worst else None,
                "rules": sorted({v.rule for verdict in verdicts for v in verdict.violations}),
                "detail": "; ".join(sorted({v.explanation for verdict in verdicts for v in verdict.violations}))[:400],
            }
        except BaseException as exc:  # noqa: B036 - anything at all is an internal error to report
            report = {"status": "internal error", "detail": exc.__class__.__name__}
        os.write(write_end, json.dumps(report).encode())
        os._exit(0)
    os.close(write_end)
    chunks = []
    deadline = start + timeout
    hung = False
    while True:
        ready, _, _ = select.select([read_end], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            hung = True
            os.kill(pid, signal.SIGKILL)
            break
        chunk = os.read(read_end, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(read_end)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.monotonic() - start
    peak = max(0.0, usage.ru_maxrss / 1024 - base)
    if hung:
        return Outcome(item.kind, item.expect, "hang", seconds=seconds, peak_mb=peak, base_mb=base)
    if not chunks:
        return Outcome(
            item.kind, item.expect, "crash", seconds=seconds, peak_mb=peak, base_mb=base, detail=f"status {status}"
        )
    report = json.loads(b"".join(chunks))
    return Outcome(
        item.kind,
        item.expect,
        report["status"],
        report.get("decision"),
        report.get("rules", []),
        seconds,
        peak,
        base,
        report.get("detail", ""),
    )
