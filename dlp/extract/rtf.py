"""RTF letters: the text (striprtf), embedded objects (oletools' rtfobj: OLE packages and documents) and
pictures (OCR'd), each read as the file it is."""

from __future__ import annotations

import binascii
import re
from collections.abc import Callable
from functools import cache
from types import FunctionType

from dlp.errors import ExtractionError
from dlp.extract.base import Extractor, Reading, extract_part, register, unreadable
from dlp.extract.fields import MERGE_FIELD, unmerged_fields
from dlp.extract.text import decode
from dlp.model import Part

PICTURE = re.compile(rb"\{\\pict(?P<words>(?:\s*\\[a-zA-Z]+-?\d*)*)\s*(?P<hex>[0-9a-fA-F\s]+)\}")
READABLE_PICTURES = (b"\\pngblip", b"\\jpegblip")


class RtfExtractor(Extractor):
    label = "RTF"
    media_types = ("application/rtf", "text/rtf")
    extensions = (".rtf",)

    def sniff(self, data: bytes) -> bool:
        return data.removeprefix(b"\xef\xbb\xbf").lstrip()[:5] == b"{\\rtf"

    def extract(self, data: bytes, name: str, reading: Reading) -> list[Part]:
        if not self.sniff(data):
            # striprtf reads anything, random bytes too, as a few words of text: never a letter read.
            raise ExtractionError("not an RTF file (wrong extension for its content)")
        parts = [Part(name, _text(decode(data, reading.charset or "cp1252")), "application/rtf")]
        if b"\\objdata" in data:
            reading.check_depth()
            parts += _objects(data, name, reading)
        if b"\\pict" in data:
            parts += _pictures(data, name, reading)
        return parts


# Groups striprtf leaves out as "destinations" that a recipient sees: headers and footers, footnotes, comments,
# and text boxes (the shape's text, and the frame Word writes beside it for older readers). A letter's footer
# ("Joint holder contact: ...") is on every page the recipient opens.
SHOWN = frozenset(
    {"header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf", "footnote"}
    | {"annotation", "shp", "shpinst", "shptxt", "shprslt", "dptxbxtext"}
)
# Each such group opened, on a line of its own: Word marks some ignorable ("{\\*\\shpinst"), and unmarked they
# are read; the paragraph mark keeps their words from running into the body's.
OPENING_SHOWN = re.compile(r"\{(?:\\\*)?\\(" + "|".join(sorted(SHOWN)) + r")(?![a-z])(-?\d+)? ?")


@cache
def _reader() -> Callable[..., str]:
    """striprtf's rtf_to_text, reading the groups in SHOWN: the same function with its own set of destinations
    (striprtf takes them from its module, not as an argument)."""
    import striprtf.striprtf as striprtf

    function = striprtf.rtf_to_text
    scope = {**vars(striprtf), "destinations": striprtf.destinations - SHOWN}
    return FunctionType(function.__code__, scope, function.__name__, function.__defaults__)


def _text(rtf: str) -> str:
    return str(_reader()(OPENING_SHOWN.sub(r"{\\\1\2\\par ", _fields_shown(rtf)), errors="ignore"))


# A field's instruction ("{\\*\\fldinst MERGEFIELD CaseManager}") and its result, which striprtf leaves out and reads.
FIELD_INSTRUCTION = re.compile(r"\{(?:\\\*)?\\fldinst(?![a-z])")
FIELD_RESULT = re.compile(r"\s*(\{(?:\\\*)?\\fldrslt(?![a-z]))")  # just after the instruction's group
# Control words and braces, dropped without a space: Word splits a field's name over runs as it is edited
# ("{\\rtlch Case}{\\rtlch Manager}": review M-10).
_CONTROL = re.compile(r"\\[a-z]+-?\d* ?|\\.|[{}]")
# A character written by its code ("kiri.d\\'40mail.example": review M r10), or as Unicode with its one-character
# fallback ("\\u8217?").
_HEX = re.compile(r"\\'([0-9a-f]{2})", re.IGNORECASE)
_UNICODE = re.compile(r"\\u(-?\d{1,5}) ?(?:\\'[0-9a-f]{2}|[^\\{}])?", re.IGNORECASE)
_UNICODE_BARE = re.compile(r"\\u(-?\d{1,5}) ?", re.IGNORECASE)
# Fields whose instruction holds what a reader reaches: a link's target, an included file or picture. Not a greeting
# line's or a date's format, whose «placeholders» are no unmerged field (review M-11).
_READ = re.compile(r"^\s*(?:hyperlink|includetext|includepicture|link)\b", re.IGNORECASE)


def _fields_shown(rtf: str) -> str:
    """`rtf` with each field's instruction written out as text before it, as a DOCX's are read: a link's target
    ("HYPERLINK mailto:..."), an included file's name. A MERGEFIELD is written out (upper case, as the merge-field
    recogniser reads it) only where its result is no value: empty, «CaseManager», or its bare name ("Your case
    manager is CaseManager."), a template sent unmerged; a merged letter that kept its fields shows its values."""
    if "fldinst" not in rtf:
        return rtf
    fields = []  # (where the field starts, its instruction, whether a merge field's, its result's text)
    for match in FIELD_INSTRUCTION.finditer(rtf):
        end = _group_end(rtf, match.start())
        instruction = _plain(rtf[match.end() : end])
        merge_field = MERGE_FIELD.search(instruction) is not None
        result = FIELD_RESULT.match(rtf, end) if merge_field else None
        value = _plain(rtf[result.end() : _group_end(rtf, result.start(1))]) if result else ""
        fields.append((match.start(), instruction, merge_field, value))
    out, last = [], 0
    unmerged = unmerged_fields((instruction, value) for _, instruction, _, value in fields)
    for (start, instruction, merge_field, _), shown in zip(fields, unmerged, strict=True):
        if shown is not None:
            instruction = shown
        elif merge_field or not _READ.match(instruction):
            continue
        out += [rtf[last:start], f" {instruction} "]
        last = start
    return "".join([*out, rtf[last:]])


def _plain(fragment: str) -> str:
    """An instruction's or a result's text: characters written by their codes decoded (Word's code page),
    control words and braces dropped, spaces collapsed."""
    fragment = _HEX.sub(lambda m: bytes([int(m.group(1), 16)]).decode("cp1252", "replace"), fragment)
    # "\\uc0" says no fallback character follows ("emily.d\\uc0\\u64 mail.example": review N-10).
    unicode = _UNICODE_BARE if "\\uc0" in fragment else _UNICODE
    fragment = unicode.sub(lambda m: chr(int(m.group(1)) % 0x10000), fragment)
    return " ".join(_CONTROL.sub("", fragment).split())


def _group_end(rtf: str | bytes, start: int) -> int:
    """Where the group opening at `start` closes (braces counted, escapes skipped), or the text's end."""
    escape, opening, closing = ("\\", "{", "}") if isinstance(rtf, str) else (0x5C, 0x7B, 0x7D)
    level, i = 0, start
    while i < len(rtf):
        char = rtf[i]
        if char == escape:  # a backslash escapes the next character
            i += 2
            continue
        level += (char == opening) - (char == closing)
        i += 1
        if level == 0:
            return i
    return len(rtf)


def _objects(data: bytes, name: str, reading: Reading) -> list[Part]:
    from oletools.rtfobj import RtfObjParser

    parser = RtfObjParser(data)
    parser.parse()
    parts: list[Part] = []
    for number, obj in enumerate(parser.objects, 1):
        label = f"{name}, object {number}"
        if obj.is_package and obj.olepkgdata is not None:
            filename = obj.filename.decode("latin-1") if isinstance(obj.filename, bytes) else obj.filename
            parts += extract_part(obj.olepkgdata, label, filename=filename, reading=reading.inside(), typed=True)
        elif obj.is_ole and obj.oledata:
            parts += extract_part(obj.oledata, label, reading=reading.inside(), typed=True)
        elif obj.rawdata:
            parts += extract_part(obj.rawdata, label, reading=reading.inside(), typed=True)
        else:
            parts.append(unreadable(label, None, "embedded object that cannot be read"))
    return parts


def _pictures(data: bytes, name: str, reading: Reading) -> list[Part]:
    # Word's duplicate of a picture for old readers, and the rendering of an object read in its own right.
    fallbacks = _groups(data, b"{\\nonshppict") + _groups(data, b"{\\*\\nonshppict")
    renderings = _groups(data, b"{\\result")
    parts: list[Part] = []
    for number, match in enumerate(PICTURE.finditer(data), 1):
        if any(start <= match.start() < end for start, end in fallbacks):
            continue
        label = f"{name}, picture {number}"
        if not any(word in match.group("words") for word in READABLE_PICTURES):
            if any(start <= match.start() < end for start, end in renderings):
                continue
            parts.append(unreadable(label, None, "picture in a format that is not read (metafile or bitmap)"))
            continue
        hexdata = re.sub(rb"\s", b"", match.group("hex"))
        try:
            payload = binascii.unhexlify(hexdata[: len(hexdata) - len(hexdata) % 2])
        except binascii.Error:
            parts.append(unreadable(label, None, "damaged picture data"))
            continue
        parts += extract_part(payload, label, reading=reading.inside(), typed=True)
    return parts


def _groups(data: bytes, opening: bytes) -> list[tuple[int, int]]:
    """Spans of the RTF groups that start with `opening`, found by counting braces."""
    spans = []
    start = data.find(opening)
    while start != -1:
        end = _group_end(data, start)
        spans.append((start, end))
        start = data.find(opening, end)
    return spans


register(RtfExtractor())
