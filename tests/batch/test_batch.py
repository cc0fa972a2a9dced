"""Mail-merge runs of 50 letters: clean, shifted, another client's account, an unmerged field, a missing letter."""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from dlp.batch import BatchRun
from dlp.batch.worker import LetterResult
from dlp.config import BatchConfig, Config, LimitsConfig
from dlp.errors import UsageError
from tests.extract.conftest import pdf_of_pages
from tests.synthetic import SyntheticClient, SyntheticRegistry, account_body, letter

COLUMNS = ["FirstName", "Surname", "Address1", "Suburb", "State", "Postcode", "AccountNo"]


def write_data(path: Path, clients: list[SyntheticClient], columns: list[str] = COLUMNS) -> Path:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for c in clients:
            writer.writerow(
                [c.given_name, c.family_name, c.address_lines()[0], c.suburb, "VIC", c.postcode, c.reference]
            )
    return path


def write_letters(folder: Path, texts: list[str]) -> Path:
    folder.mkdir()
    for i, text in enumerate(texts, 1):
        (folder / f"letter{i}.txt").write_text(text)
    return folder


def run(
    config: Config,
    registry_csv: Path,
    data: Path,
    letters: Path,
    workers: int = 1,
    overrides: dict[str, str] | None = None,
):  # type: ignore[no-untyped-def]
    results: list[tuple[LetterResult, str | None]] = []
    report = BatchRun(config, str(registry_csv), data, letters, overrides or {}, workers).run(
        lambda r, i: results.append((r, i))
    )
    return report, results


@pytest.fixture
def clients(synthetic: SyntheticRegistry) -> list[SyntheticClient]:
    return synthetic.ordinary()[150:200]


def test_clean_run_in_parallel(tmp_path: Path, config: Config, registry_csv: Path, clients) -> None:
    data = write_data(tmp_path / "data.csv", clients)
    letters = write_letters(tmp_path / "letters", [letter(c, account_body(c)) for c in clients])
    report, results = run(config, registry_csv, data, letters, workers=2)
    assert report.letters == report.rows == 50 and not report.failed
    assert [r.number for r, _ in results] == list(range(1, 51))  # natural order: letter2 before letter10
    assert all(r.decision == "allow" for r, _ in results)


def test_shift_from_row_20_is_found_and_reported_once(
    tmp_path: Path, config: Config, registry_csv: Path, clients, synthetic: SyntheticRegistry
) -> None:
    data = write_data(tmp_path / "data.csv", clients)
    extra = synthetic.ordinary()[200]
    accounts = [*clients, extra]
    texts = [letter(c, account_body(accounts[i + 1] if i >= 19 else c)) for i, c in enumerate(clients)]
    report, results = run(config, registry_csv, data, write_letters(tmp_path / "letters", texts))
    assert report.shift == (20, 1)
    blocked = [r.number for r, _ in results if r.decision != "allow"]
    assert blocked == list(range(20, 51))
    incidents = {i for r, i in results if r.decision != "allow"}
    assert incidents == {report.run_incident}  # one incident for the run, listing the letters


def test_one_letter_with_the_next_rows_data_is_its_own_mismatch_not_a_shift(
    tmp_path: Path, config: Config, registry_csv: Path, clients
) -> None:
    # Claiming "from letter 2 on, each letter carries the next row" would send an operator to re-merge a run
    # whose other 49 letters are right.
    data = write_data(tmp_path / "data.csv", clients)
    texts = [letter(c, account_body(clients[2] if i == 1 else c)) for i, c in enumerate(clients)]
    report, results = run(config, registry_csv, data, write_letters(tmp_path / "letters", texts))
    assert report.shift is None
    assert [r.number for r, _ in results if r.decision != "allow"] == [2]
    assert report.failed


def test_other_clients_account_unmerged_field_and_missing_letter(
    tmp_path: Path, config: Config, registry_csv: Path, clients, synthetic: SyntheticRegistry
) -> None:
    data = write_data(tmp_path / "data.csv", clients)
    stranger = synthetic.ordinary()[201]
    texts = [letter(c, account_body(c)) for c in clients]
    texts[9] = letter(clients[9], account_body(clients[9]) + f" Your neighbour's account {stranger.reference}.")
    texts[29] = texts[29].replace("Your water account", "Dear «FirstName», your water account")
    del texts[49]  # the last row has no letter
    report, results = run(config, registry_csv, data, write_letters(tmp_path / "letters", texts))
    by_number = {r.number: (r, i) for r, i in results}
    assert "mismatched_recipient" in {v.rule for v in by_number[10][0].violations}
    assert by_number[10][1] and by_number[10][1] != report.run_incident  # an incident of its own
    assert {v.rule for v in by_number[30][0].violations} == {"unmerged_field"}
    assert report.rows_without_letter == [50] and report.failed
    assert sum(r.decision != "allow" for r, _ in results) == 2


def test_merged_pdf_run(tmp_path: Path, config: Config, registry_csv: Path, clients) -> None:
    data = write_data(tmp_path / "data.csv", clients[:12])
    pdf = tmp_path / "run.pdf"
    texts = [letter(c, account_body(c)) for c in clients[:12]]
    texts[2], texts[3] = texts[3], texts[2]  # two letters out of order: each is still right for its addressee
    texts[5] = letter(clients[5], account_body(clients[6]))  # the next row's account in letter 6
    pdf.write_bytes(pdf_of_pages(texts))
    report, results = run(config, registry_csv, data, pdf)
    assert report.letters == 12 and not report.rows_without_letter and not report.duplicates
    assert [r.number for r, _ in results if r.decision != "allow"] == [6]
    assert results[5][0].locator == "letter 6, page 6"


def test_missing_letter_realigns_and_duplicate_is_pulled(
    tmp_path: Path, config: Config, registry_csv: Path, clients
) -> None:
    """A letter missing from the middle does not make every later letter wrong: each is checked against the row
    of its addressee; the run reports the row without a letter. A second letter for one row is pulled."""
    data = write_data(tmp_path / "data.csv", clients[:12])
    texts = [letter(c, account_body(c)) for c in clients[:12]]
    del texts[4]  # row 5 has no letter
    texts.insert(8, texts[7])  # letter 8 (row 9, after the gap) is printed twice
    report, results = run(config, registry_csv, data, write_letters(tmp_path / "letters", texts))
    assert report.rows_without_letter == [5] and report.duplicates == {9: [8, 9]} and report.failed
    assert [r.number for r, _ in results if r.decision != "allow"] == [9]
    assert report.shift is None


def test_columns_are_guessed_mapped_or_refused(tmp_path: Path, config: Config, registry_csv: Path, clients) -> None:
    odd = ["Given", "Family", "Street", "Town", "St", "PCode", "Acct"]
    data = write_data(tmp_path / "data.csv", clients[:3], odd)
    letters = write_letters(tmp_path / "letters", [letter(c, account_body(c)) for c in clients[:3]])
    with pytest.raises(UsageError, match="--map FIELD=COLUMN"):
        run(config, registry_csv, data, letters)
    mapping = {"given_name": "Given", "family_name": "Family", "address_lines": "Street", "reference": "Acct"}
    report, _ = run(config, registry_csv, data, letters, overrides=mapping)
    assert not report.failed
    configured = dataclasses.replace(
        config, batch=BatchConfig(given_name="Given", family_name="Family", address_lines=("Street",), reference="Acct")
    )
    assert not run(configured, registry_csv, data, letters)[0].failed


def test_cli_json_lines_summary_and_exit_status(tmp_path: Path, registry_csv: Path, clients) -> None:
    write_data(tmp_path / "data.csv", clients[:5])
    texts = [letter(c, account_body(c)) for c in clients[:5]]
    texts[2] = texts[2].replace("Your water account", "{{AccountNo}} Your water account")
    write_letters(tmp_path / "letters", texts)
    (tmp_path / "dlp.toml").write_text(f'[registry]\npath = "{registry_csv}"\n[store]\nurl = "sqlite:///var/x.db"\n')
    exe = str(Path(sys.executable).with_name("dlp"))
    out = subprocess.run(
        [exe, "batch", "--config", "dlp.toml", "--data", "data.csv", "--json", "letters"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 1, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [line["decision"] for line in lines] == ["allow", "allow", "reject", "allow", "allow"]
    assert lines[2]["findings"][0]["rule"] == "unmerged_field" and lines[2]["incident"].startswith("INC-")
    assert "mail-merge run" in out.stderr
    bad = subprocess.run(
        [exe, "batch", "--config", "dlp.toml", "--data", "data.csv", "--map", "colour=Red", "letters"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert bad.returncode == 2 and "--map takes FIELD=COLUMN" in bad.stderr and "Traceback" not in bad.stderr


def test_a_letter_that_breaks_the_scanner_is_unscannable_and_the_run_goes_on(
    tmp_path: Path, config: Config, registry_csv: Path, clients
) -> None:
    data = write_data(tmp_path / "data.csv", clients[:6])
    letters = write_letters(tmp_path / "letters", [letter(c, account_body(c)) for c in clients[:6]])
    nest = "".join(f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n' for i in range(3000))
    (letters / "letter3.txt").unlink()
    (letters / "letter3.eml").write_text(f"To: x@example.com\nMIME-Version: 1.0\n{nest}\nhello\n")
    report, results = run(config, registry_csv, data, letters, workers=2)
    assert [r.number for r, _ in results] == [1, 2, 3, 4, 5, 6]
    third, incident = results[2]
    assert third.decision == "quarantine" and incident and [v.rule for v in third.violations] == ["unscannable_content"]
    assert all(r.decision == "allow" for r, _ in results if r.number != 3)
    assert report.failed and not report.shift and not report.rows_without_letter


def test_a_letter_over_its_budget_is_unscannable_and_the_run_goes_on(
    tmp_path: Path, config: Config, registry_csv: Path, clients
) -> None:
    data = write_data(tmp_path / "data.csv", clients[:8])
    letters = write_letters(tmp_path / "letters", [letter(c, account_body(c)) for c in clients[:8]])
    budgeted = dataclasses.replace(config, limits=LimitsConfig(max_scan_seconds=2))
    batch = BatchRun(budgeted, str(registry_csv), data, letters, {}, 1)
    results: list[tuple[LetterResult, str | None]] = []

    def emit(result: LetterResult, incident: str | None) -> None:
        results.append((result, incident))
        if len(results) == 1:  # the worker hangs from here on, as on a pathological file
            assert batch.pool is not None
            for worker in batch.pool.pool._workers:
                os.kill(worker.pid, signal.SIGSTOP)

    report = batch.run(emit)
    assert report.letters == 8 and [r.number for r, _ in results] == list(range(1, 9))
    hung = [r for r, _ in results if r.decision != "allow"]
    assert len(hung) == 1 and "longer than the budget of 2 s" in hung[0].violations[0].explanation
    assert report.failed


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8-sig", ","), ("cp1252", ","), ("utf-16", "\t"), ("utf-8", ";"), ("cp1252", ";")],
    ids=["utf8-bom", "excel-csv", "unicode-text", "semicolons", "excel-csv-semicolons"],
)
def test_data_files_as_spreadsheets_save_them(
    tmp_path: Path, config: Config, registry_csv: Path, clients, encoding: str, delimiter: str
) -> None:
    """Excel's plain "CSV" is the Windows code page, its "Unicode text" UTF-16 with tabs, and where the decimal
    mark is a comma its separator is ';'. A name with an accent, in row 1 or in the last row, is read as written;
    the run is judged as with a UTF-8 file."""
    few = clients[:6]
    rows = [[*COLUMNS, "Note"]] + [
        [c.given_name, c.family_name, c.address_lines()[0], c.suburb, "VIC", c.postcode, c.reference, "-"] for c in few
    ]
    rows[1][-1] = "Renée's reading"
    rows[-1][-1] = "Zoë's reading"
    data = tmp_path / "data.csv"
    data.write_bytes("".join(delimiter.join(r) + "\r\n" for r in rows).encode(encoding))
    shifted = [letter(c, account_body(few[i + 1] if i == 3 else c)) for i, c in enumerate(few)]
    report, results = run(config, registry_csv, data, write_letters(tmp_path / "letters", shifted))
    assert report.rows == 6
    assert [r.number for r, _ in results if r.decision != "allow"] == [4]


def test_a_data_file_that_is_not_text_is_refused_with_what_to_do(
    tmp_path: Path, config: Config, registry_csv: Path, clients
) -> None:
    letters = write_letters(tmp_path / "letters", [letter(c, account_body(c)) for c in clients[:2]])
    (tmp_path / "data.xlsx").write_bytes(b"PK\x03\x04\x00\x00" + bytes(range(256)) * 8)
    with pytest.raises(UsageError, match="not a text file: save the data source as CSV"):
        run(config, registry_csv, tmp_path / "data.xlsx", letters)
    with pytest.raises(UsageError, match="is a folder"):
        run(config, registry_csv, letters, letters)


def test_a_letter_greeting_the_next_rows_person_is_not_its_rows(
    tmp_path: Path, config: Config, registry_csv: Path, clients
) -> None:
    """Letter 4 is addressed to row 4's person but greets row 5's ("Dear Samira" on Fatima's letter) and prints no
    reference: the merge mixed two rows. A greeting of the row's own person, or of no row, is fine."""
    few = clients[:8]
    data = write_data(tmp_path / "data.csv", few)
    texts = [letter(c, account_body(c)) for c in few]
    texts[3] = (
        texts[3]
        .replace(account_body(few[3]), "Your hearing is on Monday.")
        .replace(texts[3].split("Dear ", 1)[1].split(",", 1)[0], few[4].given_name)
    )
    texts[5] = texts[5].replace(texts[5].split("Dear ", 1)[1].split(",", 1)[0], few[5].given_name)
    texts[6] = texts[6].replace(texts[6].split("Dear ", 1)[1].split(",", 1)[0], "Customer")
    report, results = run(config, registry_csv, data, write_letters(tmp_path / "letters", texts))
    blocked = {r.number: r for r, _ in results if r.decision != "allow"}
    assert list(blocked) == [4], [(r.number, r.violations) for r, _ in results]
    assert any("greets the person of data row 5" in v.explanation for v in blocked[4].violations)


def test_a_tab_separated_file_whose_column_names_hold_commas(
    tmp_path: Path, config: Config, registry_csv: Path, clients
) -> None:
    """ "Unicode text" from a spreadsheet whose header says "Notes, if any": split on its tabs, not its comma."""
    few = clients[:4]
    header = [*COLUMNS, "Notes, if any"]
    rows = [header] + [
        [c.given_name, c.family_name, c.address_lines()[0], c.suburb, "VIC", c.postcode, c.reference, "-"] for c in few
    ]
    data = tmp_path / "data.txt"
    data.write_bytes("".join("\t".join(r) + "\r\n" for r in rows).encode("utf-16"))
    texts = [letter(c, account_body(c)) for c in few]
    report, results = run(config, registry_csv, data, write_letters(tmp_path / "letters", texts))
    assert report.rows == 4 and all(r.decision == "allow" for r, _ in results)
