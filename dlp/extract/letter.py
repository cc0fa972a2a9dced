"""A letter's addressee: the address block, in the layouts letters use, and the salutation.

A candidate block ends in a locality line (`BENDIGO VIC 3550`, `Perth Western Australia 6000`, or `BENDIGO VIC`
over `3550`). From there it is walked upwards over street lines (a number, PO Box, Locked Bag, Level, unit) to
the addressee lines: a person, two people, a business, an "Attention:" line, a care-of line, "The Occupier".
Labelled lines ("Property: 14 Wattle St ...", "Our ref: ...") are content, never the addressee, and a block
followed by the organisation's phone, ABN or web address is its letterhead. The best candidate names someone
and stands nearest above the salutation.

Text is read as written and, where a line holds columns (a window-envelope letter prints an account box beside
the address), column by column; for a PDF the caller may give the page's text re-ordered by position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from dlp.model import AddressBlock
from dlp.normalize import DWELLING_WORDS, LOCALITY_END, STATE_WORDS, TITLES

# "Dear Ms Lee,", "Dear Miss L. Fitzgerald", "Dear Mr. Smith": a full stop within the name, after a title or an
# initial; one that ends the line ("Dear customer.") ends a sentence, not a greeting.
SALUTATION = re.compile(
    r"^\s*(?:(?:dear|hi|hello|hey|good\s+(?:morning|afternoon|evening|day)|g'?day|greetings)\b[\s,]*"
    r"(?P<who>(?:[^,\n:;!.]|\.(?=\s)){0,80}?)\s*[,:!]?|to\s+whom\s+it\s+may\s+concern[,:]?|to\s+(?P<to>[^,\n]{1,60}),)\s*$",
    re.IGNORECASE,
)
# "Property: 14 Wattle St ...", "Our ref: AB/12", "Account number: 1234": content between block and greeting.
LABELLED = re.compile(r"^\s*[^\W\d_][\w .'/&()\-]{0,32}:\s*\S")
ATTENTION = re.compile(r"^\s*(?:attention|attn)\b\s*[:.\-]?\s*(?:to\s+)?(?P<who>.+)$", re.IGNORECASE)
ON_BEHALF = re.compile(r"^\s*(?:on\s+behalf\s+of|o\.?b\.?o\.?)\s*[:,]?\s+(?P<who>.+)$", re.IGNORECASE)
# "Parent/nominee of Sam Lee", "Guardian for A Wu" under the addressee's name: whom the addressee acts for. The
# person named is what the letter is about, not a reader: whether the addressee may read it is the registry's
# to say (an authorised contact, or the same household).
_ACTING_AS = (
    r"(?:legal\s+|plan\s+|authori[sz]ed\s+|correspondence\s+)?(?:parent|mother|father|guardian|nominee|carer|"
    r"attorney|power\s+of\s+attorney|administrator|trustee|representative|advocate|next\s+of\s+kin)"
)
ACTING_FOR = re.compile(
    rf"^\s*(?:to\s+)?(?:the\s+)?{_ACTING_AS}(?:\s*(?:/|and|&|or)\s*{_ACTING_AS})*\s+(?:of|for|to)\s*:?\s+(?P<who>.+)$",
    re.IGNORECASE,
)
CARE_OF = re.compile(r"^\s*(?:c\s*/\s*-|c\s*/\s*o\b|care\s+of\b)\s*[:,]?\s*(?P<who>.*)$", re.IGNORECASE)
OCCUPIER = re.compile(
    r"^\s*(?:to\s+)?(?:the\s+)?(?:current\s+)?(?:occupier|occupant|resident|householder|owner|property\s+owner)s?"
    r"(?:\s*(?:/|and|&|or)\s*(?:the\s+)?(?:occupier|occupant|resident|owner)s?)?\s*[,.]?\s*$",
    re.IGNORECASE,
)
# "The Policyholder", "The Account Holder": a role, not a name; it means the client registered at the address.
ROLE = re.compile(
    r"^\s*(?:to\s+)?the\s+(?:registered\s+)?(?:policy\s*holder|account\s*holder|card\s*holder|insured|customer|"
    r"member|ratepayer|claimant|applicant|beneficiary|client|consumer|complainant)s?\s*[,.]?\s*$",
    re.IGNORECASE,
)
BUSINESS = re.compile(
    r"\b(?:pty|ltd|limited|inc|incorporated|corp|corporation|company|co\.|council|services|service|group|trust|"
    r"association|department|dept|legal|lawyers|solicitors|partners|hospital|clinic|centre|center|bank|authority|"
    r"commission|ombudsman|agency|office|manager|accounts|payable|receivable|team|unit|division|branch|school|"
    r"university|foundation|society|church|club|committee|board|cooperative|co-op|housing|health|insurance|"
    r"water|energy|power|gas|electricity|utilities|holdings|enterprises|industries|solutions|"
    r"realty|real\s+estate|property|properties|rentals|strata|conveyancing|agents|accountants|accounting|"
    r"associates|advisers|advisors|advisory|financial|consulting|schools|college|academy|institute|"
    r"kindergarten|region|regional|district|directorate|ministry|tribunal|registry|registrar|"
    # A sole trader's or small business's trade, as a tax agent's or a bank's letters are addressed to them.
    r"cafe|café|bakery|plumbing|electrical|motors|automotive|mechanical|engineering|transport|logistics|"
    r"restaurant|catering|supplies|trading|traders|builders|construction|landscaping|carpentry|cleaning|removals|"
    r"pharmacy|winery|vineyards?|dairy|pastoral|grazing|produce|hardware|orchards?|farms|citrus|nursery|"
    r"hotel|motel|tavern|florist|"
    r"(?:magistrates'?|county|supreme|federal|family|circuit|children'?s|coroners'?|local|high)\s+court)\b",
    re.IGNORECASE,
)
# Where people stay or are cared for, as a care-of line names it ("c/- Banksia Aged Care", "c/- Wirrabara
# Station"): no person who opens the letter, though not words that make an address-block line an organisation's.
PLACE = re.compile(
    r"\b(?:aged|care|nursing|lodge|village|refuge|shelter|hostel|house|home|homes|station|hotel|motel|"
    r"caravan|prison|correctional|gaol|facility|residence|residential|hall|chambers|practice|surgery|medical|"
    r"pharmacy|chemist|community|mission|support|network|program|programme|hospice|retirement|accommodation|"
    r"post\s+office|poste\s+restante)\b",
    re.IGNORECASE,
)
# Lines that end the walk upwards: the letter's own furniture, not an addressee.
FURNITURE = re.compile(
    r"^\s*(?:private\s*(?:and|&)\s*confidential|confidential|personal|urgent|important|by\s+(?:email|post|hand)|"
    r"return\s+to\s+sender|registered\s+post|express\s+post|tax\s+invoice|invoice|statement|notice|reminder|"
    r"(?:our|your)\s+ref(?:erence)?\b.*|date\b.*|re\b.*|subject\b.*|\d{1,2}(?:st|nd|rd|th)?\s+\w+,?\s+\d{4})\s*$",
    re.IGNORECASE,
)
# What follows an organisation's own address in its letterhead: its phone, ABN, email or web address, as a
# line of its own (an account box beside the addressee may hold an enquiries number; it is not a line start).
LETTERHEAD_AFTER = re.compile(
    r"^\s*(?:(?:phone|ph|tel|telephone|t|fax|f|abn|acn|email|e-mail|e|web|website|w|freecall|mobile)\b\.?\s*:?\s*"
    r"[\d(+w]|www\.|https?://|[\w.+\-]+@[\w\-]+\.[\w.]+\s*$|(?:1[38]00|13)[\d ]{4,10}\s*$)",
    re.IGNORECASE,
)
# The street-type words a street line ends with, as written.
STREET_TYPE_WORDS = (
    r"st|street|rd|road|ave|av|avenue|dr|drive|ct|crt|court|pl|place|cres|crescent|cr|hwy|highway|pde|parade|"
    r"tce|terrace|cl|close|ln|lane|bvd|blvd|boulevard|way|gr|grove|gve|circuit|cct|sq|square|esp|esplanade|"
    r"track|trk|gardens|gdns|heights|hts|rise|mews|walk|loop|ridge|view|vw|row|promenade|circle"
)
# A street line: a number first, a delivery service or dwelling word first, or a street-type word last.
STREET_LINE = re.compile(
    rf"^\s*(?:\d|(?:{DWELLING_WORDS}|level|lvl|lot|shop|building|block|po\s*box|"
    r"p\.?\s*o\.?\s*box|gpo\s*box|locked\s+bag|private\s+bag|mail\s+bag|reply\s+paid|rmb|rsd|cmb|rmd)\b)"
    rf"|\b(?:{STREET_TYPE_WORDS})\.?\s*$",
    re.IGNORECASE,
)
STATE_ONLY_END = re.compile(rf"[^\W\d_][ ,]+(?:{STATE_WORDS})\.?\s*$", re.IGNORECASE)
POSTCODE_ONLY = re.compile(r"^\s*\d{4}\s*$")
STATE_POSTCODE = re.compile(rf"^\s*(?:{STATE_WORDS})\.?[ ,]+\d{{4}}\s*$", re.IGNORECASE)
STATE_ONLY = re.compile(rf"^\s*(?:{STATE_WORDS})\.?\s*$", re.IGNORECASE)
SUBURB_ONLY = re.compile(r"^\s*[^\W\d_][^\W\d_ '’.\-]*(?:[ '’.\-]+[^\W\d_]+)*\s*$")
# A locality without its state ("Tindal Creek 3696"): read as one only under a whole street line, a number and
# a street-type word ("2/8 Banksia Ct") or a delivery service or lot ("PO Box 828", "Lot 32 Kurrajong La"), not
# any line that opens with a digit ("2nd Reminder" over "Invoice 1002").
SUBURB_POSTCODE = re.compile(r"^\s*[^\W\d_][^\W\d_ '’.\-]*(?:[ '’.\-]+[^\W\d_]+)*[ ,]+\d{4}\s*$")
FULL_STREET_LINE = re.compile(
    r"^\s*(?:(?:po\s*box|p\.?\s*o\.?\s*box|gpo\s*box|locked\s+bag|private\s+bag|reply\s+paid|rmb|rsd|lot)\s*\d"
    rf"|(?:(?:{DWELLING_WORDS}|shop)\s*\d+[a-z]?\s*,?\s*)?\d+[a-z]?(?:\s*[/\-]\s*\d+[a-z]?)?\s+[^\W\d_].*"
    rf"\b(?:{STREET_TYPE_WORDS}|la)\.?(?:\s*\(.*\))?\s*,?\s*$)",  # "la": Lane, as a council writes it
    re.IGNORECASE,
)
# Text ending in a street line or a delivery service's number, ready for its locality ("140 Treasury Lane, ",
# "PO Box 4410 ", "154 Heron Close\n"): a place name after it is the locality of that address.
_STREET_BEFORE = re.compile(
    rf"(?:\b(?:{STREET_TYPE_WORDS}|la)\.?|\b(?:box|bag|rmb|rsd|lot)\s*\d+[a-z]?)\s*,?\s*$", re.IGNORECASE
)


# A capitalised word after a place name, not a state: the place begins a longer name ("Castlemaine Hills Primary
# School", "Wirrabara Shire Council", "Eaglehawk North"). Nor a dwelling word, which keys leave out: "Redgum Flat"
# is matched as "Redgum".
# Not across a column's gap: "Redgum Flat<TAB>Active" is a table's next column. An initial ("Officer J. Patel") or
# "& Co" ("Watson & Co") goes on as a name.
_NAME_GOES_ON = re.compile(
    rf"(?: {{1,2}}(?:{DWELLING_WORDS})\b)? {{1,2}}(?!(?:{STATE_WORDS}|{DWELLING_WORDS})\b)"
    r"(?P<next>[^\W\d_][^\W\d_]|[^\W\d_]\.|&\s*[^\W\d_])",
    re.IGNORECASE,
)


def locality_of_an_address(text: str, start: int) -> bool:
    """Is the place name at `start` of `text` the locality of an address written before it?"""
    return _STREET_BEFORE.search(text[max(0, start - 80) : start]) is not None


# A capitalised word just before, in the same sentence: the place is the end of a longer name or title ("Complaints
# Officer", "Ms Priya Watson", "Mrs. Watson", "P. Watson", a table's "Priya<TAB>Watson"). Not a word that puts a
# place after it ("In Redgum Flat", "Moved To Redgum Flat").
_NAME_BEFORE = re.compile(r"\b([A-Z][A-Za-z'’\-]*)\.?[ \t]+$")
_PLACE_BEFORE = frozenset(
    {
        "in",
        "at",
        "from",
        "to",
        "near",
        "into",
        "around",
        "outside",
        "toward",
        "towards",
        "via",
        "past",
        "beyond",
        "of",
        "on",
    }
)


# Words that put a place after them, just before it: "moved to Sale", "living in Ayr", "near Kew", a hard-wrapped
# "moved to" over "Sale". Not "of" or "on", which put one after a name or a day too ("the City of Kew", "on Sale day").
_PLACED = re.compile(
    r"\b(?:(?P<before>[a-z']+)\s+)?(?:"
    + "|".join(sorted(_PLACE_BEFORE - {"of", "on"}))
    + r")(?:[ \t]+|[ \t]*\n[ \t]*)$",
    re.IGNORECASE,
)
# Words before those that make what follows a person, not a place: "speak to Eden in our lending team" (review
# L-7). The organisation's own place ("our branch in Ingham") only where it is "our" (review M-1: "her local branch
# in Sale" is where she lives).
_TO_A_PERSON = frozenset(
    {"speak", "speaking", "spoke", "talk", "talking", "talked", "write", "wrote", "reply", "replied", "chat"}
    | {"mention", "mentioned", "refer", "referred", "introduce", "explain", "explained", "say", "said", "listen"}
)
_OUR_PLACE = re.compile(
    r"\bour\s+(?:\w+\s+)?(?:branch|office|store|shop|centre|center|agency|team)\s+\w+\s+$", re.IGNORECASE
)
# A label before a place: "Town: Sale", "Suburb - Kew" (review M-5).
_PLACE_LABEL = re.compile(r"\b(?:town|suburb|city|locality|location|residence|lives)\s*[:\-–]\s*$", re.IGNORECASE)


def placed_by_a_word(text: str, start: int) -> bool:
    """Does a word that puts a place after it ("in", "to", "near") stand just before `start`, on its line or at the
    end of the line before, and not after a word that makes it a person or the organisation's own place; or a
    label ("Town:")?"""
    before = text[max(0, start - 40) : start]
    if _PLACE_LABEL.search(before):
        return True
    match = _PLACED.search(before)
    return (
        match is not None
        and (match.group("before") or "").lower() not in _TO_A_PERSON
        and not _OUR_PLACE.search(before)
    )


def place_name_ends_a_name(text: str, start: int) -> bool:
    """Does a capitalised word stand just before the place name at `start`, within its sentence and column? Not a
    sentence's "The" or "Our" ("Our Wagga Wagga office visits her": review N-4)."""
    match = _NAME_BEFORE.search(text[max(0, start - 40) : start])
    return match is not None and match.group(1).lower() not in _PLACE_BEFORE | _DETERMINERS


_DETERMINERS = frozenset({"the", "our", "your", "her", "his", "their", "my", "this", "that"})


def place_name_goes_on(text: str, end: int) -> bool:
    """Does a capitalised word (not a state) follow the place name ending at `end`, a longer name it begins, or a
    possessive ("Watson's complaint": a person's)?"""
    if text[end : end + 2] in ("'s", "’s"):
        return True
    match = _NAME_GOES_ON.match(text, end)
    if match is None:
        return False
    word = match.group("next")
    return word[0] == "&" or word[0].isupper()


# A side box's label (a capital, then lower-case words) read into the line of a locality printed in capitals, as
# Australia Post asks ("Account number LOGAN CENTRAL QLD 4114"): the label is the box's, not the suburb's ("Mt
# ELIZA VIC 3930" keeps its "Mt").
_LABEL_BEFORE_LOCALITY = re.compile(
    r"^[A-Z][a-z]+(?:\s+[a-z][a-z.]*)+\s+(?=(?:[A-Z][A-Z'’\-]+\s+)+(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)\s+\d{4}$)"
)


# A mail-merge field left unmerged in the name line ("<<Given>> Marmont", "«FirstName» «LastName»"): the line is
# still the addressee's, so the page still opens a letter; the field itself is no part of the name.
PLACEHOLDER = re.compile(
    r"«[^»\n]{1,60}»|<<[^<>\n]{1,60}>>|\{\{[^{}\n]{1,60}\}\}|\[[^\W\d_](?:[^\W\d]|[ '’.]){0,40}\]"
    r"|%%[A-Za-z_][\w .\-]{0,40}%%|\*\|\w{1,40}\|\*|\$\{[A-Za-z_][\w .]{0,40}\}"
)
# The addressee's name: words, initials, titles, "&" and "and"; no digits, no @.
# "?" stands in a PDF's text for a letter its font could not encode ("Y?lmaz").
NAME_LINE = re.compile(r"^[^\W\d_](?:[^\W\d_]|[.'’\- &,?]){0,78}$")
# Columns: wide gaps, tabs, and the bars a table becomes in plain text or RTF.
COLUMN_GAP = re.compile(r"\t+| {3,}|\s*[|¦]\s*")
RETURN_ADDRESS = re.compile(r"^\s*(?:if\s+undelivered|return\s+(?:address|to)|sender\b|from\s*:)", re.IGNORECASE)
DATE_LINE = re.compile(r"^\s*\d{1,2}(?:st|nd|rd|th)?[\s/.\-]+(?:\d{1,2}|[^\W\d_]{3,9})[\s/.\-,]+\d{2,4}\s*$")
HEADER_LINES = 45  # without a salutation, the addressee is looked for in the top of the first page
MAX_STREET_LINES = 3
MAX_NAME_LINES = 3


@dataclass(frozen=True)
class _Candidate:
    block: AddressBlock
    score: int
    order: tuple[int, int]  # (-stream preference, position within the stream): what wins a tie


def find_address_block(text: str, positional: str | None = None) -> AddressBlock | None:
    """The letter's addressee, or None when no address block can be read."""
    return locate_address_block(text, positional)[0]


def locate_address_block(text: str, positional: str | None = None) -> tuple[AddressBlock | None, str | None]:
    """The addressee, or None and the precise reason it could not be read."""
    streams: list[tuple[list[str], bool]] = []
    if positional:
        streams.append((positional.splitlines(), True))
    full = text.splitlines()
    left, right = _columns(full)
    if left != [line.strip() for line in full]:
        streams += [(left, False), (full, False), (right, False)]
    else:
        streams.append((full, False))
    best: _Candidate | None = None
    reasons: list[str] = []
    for preference, (lines, hard_blocks) in enumerate(streams):
        for candidate in _candidates(lines, hard_blocks, preference, reasons):
            if best is None or (candidate.score, candidate.order) > (best.score, best.order):
                best = candidate
    if best is None or best.score < 0:
        return None, (reasons[0] if reasons else "no address block: no line ends in a state and postcode")
    return best.block, None


def starts_letter(text: str, positional: str | None = None) -> bool:
    """Does this page open a new letter (an addressee above a salutation)?"""
    block = find_address_block(text, positional)
    return block is not None and block.salutation is not None and bool(block.name)


def _columns(lines: list[str]) -> tuple[list[str], list[str]]:
    """The text's left column and the rest, where lines hold columns set apart by wide gaps or tabs."""
    left, right = [], []
    for line in lines:
        pieces = [p for p in COLUMN_GAP.split(line.strip()) if p.strip()]
        left.append(pieces[0] if pieces else "")
        right.append("   ".join(pieces[1:]))
    return left, right


def _candidates(lines: list[str], hard_blocks: bool, preference: int, reasons: list[str]) -> list[_Candidate]:
    # With a positional text, blank lines are real block boundaries; elsewhere (a DOCX puts one after every
    # paragraph, a PDF's reading order often none) they are dropped.
    rows = [_LABEL_BEFORE_LOCALITY.sub("", line.strip()) for line in lines]
    if not hard_blocks:
        rows = [r for r in rows if r]
    salutation_at, salutation = _salutation(rows)
    limit = salutation_at if salutation_at is not None else min(len(rows), HEADER_LINES)
    out = []
    for end in range(limit):
        top = _locality_top(rows, end)
        if top is None:
            continue
        if LABELLED.match(rows[top]) and not ATTENTION.match(rows[top]):
            reasons.append("the only address above the salutation is a labelled line (such as 'Property:')")
            continue
        candidate = _walk_up(rows, top, end, hard_blocks)
        if candidate is None:
            continue
        block, named = candidate
        block = replace(block, salutation=salutation)
        score = (4 if named else 0) + (1 if block.people else 0) + (2 if len(block.address_lines) > 1 else 0)
        if _letterhead_follows(rows, end, bool(TITLED.match(block.name))) and not _greeted(block):
            # The organisation's own address: never the addressee, however it scores otherwise. (A side panel
            # of contact details beside the addressee's block reads as following it too: the salutation greeting
            # the block's person says which it is.)
            reasons.append("the only address found is the letterhead's own")
            continue
        if salutation_at is not None:
            score += 1  # above a salutation: the layout of a letter
        if top == end and not LOCALITY_END.search(rows[end]):
            score -= 1  # no state (see _locality_top): a block that writes one, the letterhead's say, is likelier
        # A tie goes to the text read by print position, then to the block nearest above the salutation or,
        # without one, to the first block under the letterhead.
        position = end if salutation_at is not None else -end
        out.append(_Candidate(block, score, (-preference, position)))
    return out


def salutation_offset(text: str) -> int | None:
    """Where the letter's salutation line starts in `text` ("Dear Ms Lee,"): what is above it is the letter's
    heading (the addressee, the date, the references it is filed under)."""
    at = 0
    for row in text.splitlines(keepends=True):
        if SALUTATION.match(row.rstrip("\r\n")):
            return at
        at += len(row)
    return None


def _salutation(rows: list[str]) -> tuple[int | None, str | None]:
    for i, row in enumerate(rows):
        match = SALUTATION.match(row)
        if match:
            who = (match.group("who") or match.group("to") or "").strip()
            return i, who
    return None, None


def _locality_top(rows: list[str], end: int) -> int | None:
    """If the address's locality ends on line `end`, the line it starts on: suburb, state and postcode may
    stand on one line, or on two ("BENDIGO VIC" over "3550", "TOOWOOMBA" over "QLD 4350") or three."""
    row = rows[end]
    if not row:
        return None
    if LOCALITY_END.search(row):
        return end
    above = rows[end - 1] if end > 0 else ""
    if POSTCODE_ONLY.match(row) and STATE_ONLY_END.search(above):
        return end - 1
    if STATE_POSTCODE.match(row) and SUBURB_ONLY.match(above) and not STATE_ONLY.match(above):
        return end - 1
    if POSTCODE_ONLY.match(row) and STATE_ONLY.match(above) and end > 1 and SUBURB_ONLY.match(rows[end - 2]):
        return end - 2
    if SUBURB_POSTCODE.match(row) and above and _is_street(above) and FULL_STREET_LINE.match(above):
        return end  # the state left out, as many write it: a whole street line above says this is an address
    return None


def _walk_up(rows: list[str], top: int, end: int, hard_blocks: bool) -> tuple[AddressBlock, bool] | None:
    address = [" ".join(rows[top : end + 1])]  # a locality split over lines is one locality line
    i = top - 1
    while i >= 0 and len(address) < MAX_STREET_LINES + 1 and rows[i] and _is_street(rows[i]):
        if LOCALITY_END.search(rows[i]) and not STREET_LINE.match(rows[i]):
            break
        address.insert(0, rows[i])
        i -= 1
    names: list[str] = []
    people = 0
    while i >= 0 and len(names) < MAX_NAME_LINES and rows[i] and _is_name_zone(rows[i]):
        if _plain_person(rows[i]):
            if people:
                break  # a second person's line above the first: the letterhead's team name, not the addressee
            people += 1
        names.insert(0, rows[i])
        i -= 1
    if not names and len(address) == 1 and not _street_on_locality_line(address[0]):
        return None  # a locality alone (a letterhead's "Bendigo VIC 3550" line) is no postal address
    block = _addressee(names, address)
    named = bool(block.people or block.occupier or block.role or block.organisation)
    return block, named


def _is_street(row: str) -> bool:
    return (
        bool(STREET_LINE.search(row))
        and not LABELLED.match(row)
        and not CARE_OF.match(row)
        and not DATE_LINE.match(row)
        and not RETURN_ADDRESS.match(row)
    )


def _street_on_locality_line(row: str) -> bool:
    return bool(_STREET_FIRST.match(row)) and not RETURN_ADDRESS.match(row)


_STREET_FIRST = re.compile(r"^\s*(?:\d|po\s*box|locked\s+bag|reply\s+paid|gpo|rmb|unit|level)", re.IGNORECASE)


# Name-zone lines that say how the letter is addressed rather than name its addressee.
ADDRESSING = (ATTENTION, CARE_OF, OCCUPIER, ROLE, ON_BEHALF, ACTING_FOR)


def _is_name_zone(row: str) -> bool:
    row = PLACEHOLDER.sub("Field", row)
    if FURNITURE.match(row) or LOCALITY_END.search(row) or RETURN_ADDRESS.match(row):
        return False
    if any(pattern.match(row) for pattern in ADDRESSING):
        return True
    if LABELLED.match(row) or "@" in row or any(ch.isdigit() for ch in row):
        return False
    return bool(NAME_LINE.match(row))


def _plain_person(row: str) -> bool:
    return not (any(pattern.match(row) for pattern in ADDRESSING) or _business(row))


def _business(row: str) -> bool:
    """An organisation's line: one of its words, and no title before it ("Mr Luis College" is a person)."""
    return bool(BUSINESS.search(row)) and not TITLED.match(row)


# A person's line: a title, before a name or alone ("Dear Sir"); the titles `normalize.TITLES` drops from names.
TITLED = re.compile(r"^\s*(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|rev|master|mstr)\b\.?(?:\s+\S|\s*$)", re.IGNORECASE)


def _addressee(zone: list[str], address: list[str]) -> AddressBlock:
    names: list[str] = []
    organisation = care_of = role = None
    occupier = on_behalf = estate = False
    for row in zone:
        if OCCUPIER.match(row):
            occupier = True
        elif ROLE.match(row):
            role = row.strip(" ,.")
        elif match := ACTING_FOR.match(row):
            if not any(map(_plain_person, zone)):
                # "To the Parent/Guardian of Sam Lee" and no one else: written to the child's home, as "on behalf of".
                on_behalf = True
                names.extend(split_names(match.group("who").strip(" ,")))
        elif match := ON_BEHALF.match(row):
            on_behalf = True
            names.extend(split_names(match.group("who").strip(" ,")))
        elif match := ATTENTION.match(row):
            who = match.group("who").strip(" ,")
            if BUSINESS.search(who) or not NAME_LINE.match(who):
                organisation = organisation or (who if NAME_LINE.match(who) else "an attention line")
            else:
                names.extend(split_names(who))
        elif match := CARE_OF.match(row):
            # "c/- Miss Ruby Li (Executor)": the role in brackets is not part of the name.
            care_of = re.sub(r"\s*\([^)]*\)\s*$", "", match.group("who")).strip(" ,") or row
        elif _business(row) and not ESTATE_OF.match(row):
            organisation = organisation or row
        else:
            estate = estate or bool(ESTATE_OF.match(row))
            names.extend(split_names(PLACEHOLDER.sub("", row)))
    first = zone[0] if zone else ""
    return AddressBlock(
        name=first,
        address_lines=tuple(address),
        names=tuple(names),
        organisation=organisation,
        care_of=care_of,
        occupier=occupier,
        role=role,
        on_behalf=on_behalf,
        estate=estate,
        text="\n".join([*zone, *address]),
    )


# "Estate of the late Mohammed Smith", "The Estate of A Lee (deceased)": the letter is about the deceased client,
# read by the executor (written care of them).
ESTATE_OF = re.compile(r"^\s*(?:the\s+)?estate\s+of\s+(?:the\s+)?(?:late\s+)?", re.IGNORECASE)
DECEASED = re.compile(r"\s*[,(]?\s*(?:deceased|dec'd|dec\.)\s*\)?\s*$", re.IGNORECASE)


def split_names(line: str) -> list[str]:
    """Each person a line names: "Mr A Nguyen & Ms B Walker", "Sam Ortiz and Lee Park", "Tom and Mia Fraser"."""
    line = re.sub(r"^\s*to\s+", "", line, flags=re.IGNORECASE).strip(" ,")
    if ESTATE_OF.match(line):
        line = DECEASED.sub("", ESTATE_OF.sub("", line)).strip(" ,")
    parts = [p.strip(" ,") for p in re.split(r"\s*&\s*|\s+and\s+|\s*,\s*", line, flags=re.IGNORECASE) if p.strip(" ,")]
    if len(parts) <= 1:
        return [line] if line else []
    family = parts[-1].split()[-1]
    out = []
    for i, part in enumerate(parts):
        words = [w for w in part.split() if w.lower().strip(".") not in TITLES]
        last = i == len(parts) - 1
        # "Tom and Mia Fraser": Tom's family name is the last part's; "Ms & Mr Hughes": so is the title's.
        out.append(part if len(words) > 1 or (last and words) else f"{part} {family}")
    return out


def _greeted(block: AddressBlock) -> bool:
    """Does the salutation greet a person the block names by family name ("Dear Ms Kostakis" for "Ms Eleni
    Kostakis")?"""
    words = (block.salutation or "").replace(",", " ").split()
    if len(words) < 2 or not TITLED.match(" ".join(words)):
        return False
    family = words[-1].casefold()
    return any(person.split()[-1].casefold() == family for person in block.people if person.split())


def _letterhead_follows(rows: list[str], end: int, person: bool = False) -> bool:
    """The organisation's own address block is followed by its phone, ABN, email or web address: at once, where
    the block opens with a titled person ("Dr A Lee" heading her own practice's letters), as a side panel beside
    an addressee comes under a heading of its own ("Payroll enquiries")."""
    following = [row for row in rows[end + 1 : end + 3] if row]
    if person:  # at once, a date line aside ("Dr A Lee / 5 Hill St / Bendigo VIC 3550 / 3 March 2026 / Phone ...")
        following = [row for row in rows[end + 1 : end + 4] if row and not DATE_LINE.match(row)][:1]
    return any(LETTERHEAD_AFTER.search(row) for row in following)
