"""Real documents made with real tools: fpdf2, python-docx, openpyxl, LibreOffice, Pillow, pypdf, msoffcrypto."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.synthetic import ORG_LETTERHEAD, SyntheticClient, letter

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def pdf_of_pages(pages: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    for text in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=10)
        pdf.multi_cell(0, 5, text.replace("«", "<<").replace("»", ">>"))
    return bytes(pdf.output())


def image_of_text(text: str) -> bytes:
    """A 'scan' of a letter: the text drawn on a white page, as a PNG without any text layer."""
    from PIL import Image, ImageDraw, ImageFont

    lines = text.splitlines()
    font = ImageFont.truetype(FONT, 30)
    image = Image.new("L", (1700, 60 + 42 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((60, 30 + 42 * i), line, font=font, fill=0)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def scanned_pdf(text: str, tmp_path: Path) -> bytes:
    from fpdf import FPDF

    png = tmp_path / "scan.png"
    png.write_bytes(image_of_text(text))
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.image(str(png), x=0, y=0, w=210)
    return bytes(pdf.output())


def docx_letter(client: SyntheticClient, body: str, table_reference: str, textbox: str) -> bytes:
    """A Word letter: letterhead in the page header, address block, a table and a text box in the body."""
    from docx import Document
    from docx.oxml import parse_xml

    doc = Document()
    doc.sections[0].header.paragraphs[0].text = ORG_LETTERHEAD.splitlines()[0]
    for line in [
        "20 November 2026",
        "",
        f"Ms {client.name}",
        *client.address_lines(),
        "",
        f"Dear Ms {client.family_name},",
        "",
        body,
    ]:
        doc.add_paragraph(line)
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Account", table_reference
    table.cell(1, 0).text, table.cell(1, 1).text = "Amount due", "$182.40"
    box = parse_xml(
        '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><w:r><w:pict><v:shape style="width:200pt;height:50pt">'
        f"<v:textbox><w:txbxContent><w:p><w:r><w:t>{textbox}</w:t></w:r></w:p></w:txbxContent></v:textbox>"
        "</v:shape></w:pict></w:r></w:p>"
    )
    doc.element.body.append(box)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def libreoffice_pdf(docx: bytes, tmp_path: Path) -> bytes:
    source = tmp_path / "letter.docx"
    source.write_bytes(docx)
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return (tmp_path / "letter.pdf").read_bytes()


def encrypted_pdf(text: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(pdf_of_pages([text]))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="s3cret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted_docx(plain: bytes) -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(plain)).encrypt("s3cret", out)
    return out.getvalue()


def zip_of(files: dict[str, bytes], level: int = 6) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def zip_bomb(megabytes: int = 50) -> bytes:
    return zip_of({"huge.txt": b"\0" * (megabytes * 1024 * 1024)}, level=9)


def password_zip(files: dict[str, bytes]) -> bytes:
    """A ZIP whose members carry the 'encrypted' flag, as `zip -P` writes them."""
    if shutil.which("zip"):
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            for name, data in files.items():
                (Path(tmp) / name).write_bytes(data)
            subprocess.run(["zip", "-q", "-P", "s3cret", "out.zip", *files], cwd=tmp, check=True)
            return (Path(tmp) / "out.zip").read_bytes()
    raw = bytearray(zip_of(files))
    for magic, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := raw.find(magic, start)) != -1:
            raw[start + offset] |= 0x1
            start += 4
    return bytes(raw)


def rtf_letter(text: str) -> bytes:
    body = text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("\n", "\\par\n")
    return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\f0\\fs24\n" + body + "\n}").encode("cp1252")


@pytest.fixture
def letter_text():  # type: ignore[no-untyped-def]
    return letter
