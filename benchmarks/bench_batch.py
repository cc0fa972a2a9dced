"""Batch throughput and memory: letters/s for a run of text letters and of one merged PDF, peak memory.

    python benchmarks/bench_batch.py [--letters 10000] [--pdf-letters 1000] [--workers 2]

Peak memory (max RSS of the main process and of the largest worker) is printed so a run of 10,000 and one
of 100,000 letters can be compared: rows and letters are streamed, so it should not grow with the run.
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dlp.batch import BatchRun  # noqa: E402
from dlp.config import Config, StoreConfig  # noqa: E402
from tests.synthetic import account_body, letter, make_registry  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--letters", type=int, default=10_000)
    parser.add_argument("--pdf-letters", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    n = max(args.letters, args.pdf_letters)
    # The registry stays the same size whatever the run's length, so memory figures show the run's own cost.
    reg = make_registry(10_010, seed=8)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        reg.write(tmp / "clients.csv")
        config = Config(store=StoreConfig(url=f"sqlite:///{tmp}/dlp.db"), base_dir=tmp)
        clients = [reg.clients[i % 10_000] for i in range(n)]
        with (tmp / "data.csv").open("w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["FirstName", "Surname", "Address1", "Suburb", "Postcode", "AccountNo"])
            for c in clients:
                writer.writerow([c.given_name, c.family_name, c.address_lines()[0], c.suburb, c.postcode, c.reference])
        folder = tmp / "letters"
        folder.mkdir()
        for i, c in enumerate(clients[: args.letters], 1):
            (folder / f"letter{i}.txt").write_text(letter(c, account_body(c)))
        start = time.perf_counter()
        report = BatchRun(config, str(tmp / "clients.csv"), tmp / "data.csv", folder, {}, args.workers).run(
            lambda r, i: None
        )
        elapsed = time.perf_counter() - start
        print(
            f"text letters: {report.letters} in {elapsed:.1f} s = {report.letters / elapsed:.0f} letters/s "
            f"({args.workers} workers; {report.decisions.get('allow', 0)} allowed)"
        )

        if args.pdf_letters:
            from tests.extract.conftest import pdf_of_pages

            pdf = tmp / "run.pdf"
            pdf.write_bytes(pdf_of_pages([letter(c, account_body(c)) for c in reg.clients[: args.pdf_letters]]))
            with (tmp / "pdfdata.csv").open("w", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(["FirstName", "Surname", "Address1", "Suburb", "Postcode", "AccountNo"])
                for c in reg.clients[: args.pdf_letters]:
                    writer.writerow(
                        [c.given_name, c.family_name, c.address_lines()[0], c.suburb, c.postcode, c.reference]
                    )
            start = time.perf_counter()
            report = BatchRun(config, str(tmp / "clients.csv"), tmp / "pdfdata.csv", pdf, {}, args.workers).run(
                lambda r, i: None
            )
            elapsed = time.perf_counter() - start
            print(f"merged PDF: {report.letters} letters in {elapsed:.1f} s = {report.letters / elapsed:.0f} letters/s")
    main_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: main process {main_rss:.0f} MiB, largest worker {child_rss:.0f} MiB")


if __name__ == "__main__":
    main()
