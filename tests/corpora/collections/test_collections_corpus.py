"""The collections corpus generator: deterministic, well-formed, every label consistent."""

from __future__ import annotations

import email
import filecmp
import json
import os
from email import policy

import pytest

from tests.corpora.collections.generate import generate

pypdf = pytest.importorskip("pypdf")


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    d = tmp_path_factory.mktemp("collections")
    generate(str(d / "a"), seed=3, scale=0.5)
    generate(str(d / "b"), seed=3, scale=0.5)
    return d


def _labels(d):
    with open(os.path.join(d, "labels.jsonl"), encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def _same_tree(a, b):
    cmp = filecmp.dircmp(a, b)
    assert not cmp.left_only and not cmp.right_only and not cmp.funny_files
    _, mismatch, errors = filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)
    assert not mismatch and not errors, mismatch
    for sub in cmp.common_dirs:
        _same_tree(os.path.join(a, sub), os.path.join(b, sub))


def test_deterministic(out):
    _same_tree(str(out / "a"), str(out / "b"))


def test_labels_paths_and_twins(out):
    d = str(out / "a")
    labels = _labels(d)
    ids = {lab["id"]: lab for lab in labels}
    assert len(ids) == len(labels)
    for lab in labels:
        for key in ("path", "data", "letters"):
            if isinstance(lab.get(key), str):
                assert os.path.exists(os.path.join(d, lab[key])), lab
        if lab.get("expect") == "block":
            assert lab["rules"] and "twin" in lab
        if "twin" in lab:
            assert ids[lab["twin"]].get("twin") == lab["id"]
    assert os.path.exists(os.path.join(d, "clients.csv")) and os.path.exists(os.path.join(d, "dlp.toml"))


def test_files_open(out):
    d = str(out / "a")
    for lab in _labels(d):
        p = os.path.join(d, lab.get("path", ""))
        if p.endswith(".pdf"):
            assert len(pypdf.PdfReader(p).pages) >= 1
        elif p.endswith(".eml"):
            with open(p, "rb") as fh:
                msg = email.message_from_bytes(fh.read(), policy=policy.default)
            assert msg["From"] and msg["To"]
    for root, _, files in os.walk(os.path.join(d, "runs")):
        for f in files:
            if f.endswith(".pdf"):
                assert len(pypdf.PdfReader(os.path.join(root, f)).pages) >= 1
