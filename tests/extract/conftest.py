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


def type3_pdf(text: str) -> bytes:
    """`text` on one page in a Type 3 font whose glyphs are named /g1, /g2 ... with no ToUnicode map, as print-stream
    converters (PCL or AFP to PDF) write them: the page shows the text, its text layer holds only glyph names."""
    from fontTools.pens.basePen import BasePen
    from fontTools.ttLib import TTFont

    font = TTFont(FONT)
    glyphs, cmap, units = font.getGlyphSet(), font.getBestCmap(), font["head"].unitsPerEm

    class Pen(BasePen):  # the glyph's outline as PDF path operators
        def __init__(self) -> None:
            super().__init__(glyphs)
            self.ops: list[str] = []

        def _moveTo(self, p):  # type: ignore[no-untyped-def]
            self.ops.append(f"{p[0]} {p[1]} m")

        def _lineTo(self, p):  # type: ignore[no-untyped-def]
            self.ops.append(f"{p[0]} {p[1]} l")

        def _curveToOne(self, a, b, c):  # type: ignore[no-untyped-def]
            self.ops.append(f"{a[0]} {a[1]} {b[0]} {b[1]} {c[0]} {c[1]} c")

        def _closePath(self) -> None:
            self.ops.append("h")

    lines = text.splitlines()
    chars = sorted(set("".join(lines)))
    code = {c: i + 1 for i, c in enumerate(chars)}
    objects: list[str] = []

    def add(obj: str) -> int:
        objects.append(obj)
        return len(objects)

    procs = {}
    for c in chars:
        pen = Pen()
        glyphs[cmap[ord(c)]].draw(pen)
        body = f"{glyphs[cmap[ord(c)]].width} 0 d0 " + " ".join(pen.ops) + (" f" if pen.ops else "")
        procs[c] = add(f"<< /Length {len(body)} >>\nstream\n{body}\nendstream")
    t3 = add(
        "<< /Type /Font /Subtype /Type3 /FontBBox [0 -300 2000 1000] "
        f"/FontMatrix [{1 / units} 0 0 {1 / units} 0 0] "
        f"/CharProcs << {' '.join(f'/g{code[c]} {procs[c]} 0 R' for c in chars)} >> "
        f"/Encoding << /Type /Encoding /Differences [1 {' '.join(f'/g{code[c]}' for c in chars)}] >> "
        f"/FirstChar 1 /LastChar {len(chars)} "
        f"/Widths [{' '.join(str(glyphs[cmap[ord(c)]].width) for c in chars)}] /Resources << >> >>"
    )

    def octal(line: str) -> str:
        return "".join("\\" + format(code[c], "03o") for c in line)

    shown = "".join(f"1 0 0 1 56 {780 - 16 * i} Tm ({octal(line)}) Tj\n" for i, line in enumerate(lines) if line)
    content = f"BT /T3 11 Tf 0 g\n{shown}ET"
    stream = add(f"<< /Length {len(content)} >>\nstream\n{content}\nendstream")
    page = len(objects) + 1
    add(
        f"<< /Type /Page /Parent {page + 1} 0 R /MediaBox [0 0 595 842] /Contents {stream} 0 R "
        f"/Resources << /Font << /T3 {t3} 0 R >> >> >>"
    )
    add(f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>")
    add(f"<< /Type /Catalog /Pages {page + 1} 0 R >>")
    out, offsets = b"%PDF-1.4\n", []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {page + 2} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out
