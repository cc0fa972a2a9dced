"""The build split over worker processes gives the index a single process gives, and the same errors."""

from __future__ import annotations

import io

import pytest

from dlp.errors import RegistryError
from dlp.registry import RegistryIndex, parallel
from dlp.registry import format as fmt
from dlp.registry.loader import csv_rows
from tests.synthetic import SyntheticRegistry, account_body, letter


def compiled(text: str, workers: int) -> RegistryIndex:
    header, sections = parallel.compile_rows(csv_rows(io.StringIO(text)), workers=workers)
    stream = io.BytesIO()
    fmt.write(stream, header, sections)
    return RegistryIndex.from_bytes(stream.getvalue())


def test_parts_in_workers_equal_one_process(
    synthetic: SyntheticRegistry, index: RegistryIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "PART_ROWS", 70)  # five parts of the 300 clients
    built = compiled(synthetic.csv_text(), workers=2)
    assert len(built) == len(index)
    for c in synthetic.clients[:30] + [synthetic.victim, synthetic.ex_partner]:
        text = letter(c, account_body(c))
        assert [(m.entity, m.start, m.end, m.clients, m.suppressed_for) for m in built.find(text)] == [
            (m.entity, m.start, m.end, m.clients, m.suppressed_for) for m in index.find(text)
        ]
    assert built.joint[synthetic.ex_partner.client_id] == {synthetic.victim.client_id}
    assert built.clients[synthetic.clients[-1].client_id].family_name == synthetic.clients[-1].family_name


def test_errors_across_parts_name_the_line(synthetic: SyntheticRegistry, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "PART_ROWS", 70)
    lines = synthetic.csv_text().splitlines()
    duplicate = "\n".join([*lines, lines[5]]) + "\n"
    with pytest.raises(RegistryError, match=r"line 302.*duplicate client_id \(first on line 6\)"):
        compiled(duplicate, workers=2)
    bad = "\n".join([*lines[:200], lines[200].replace("@mail.example", "@"), *lines[201:]]) + "\n"
    with pytest.raises(RegistryError, match="line 201, column 'email'"):
        compiled(bad, workers=2)
