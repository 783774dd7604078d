"""The indexed form and the query form of search text, checked against a real FTS5
table: whatever substring of an indexed text a user types finds it."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legalaid.db.search_text import match_query, ngrams, normalise


@pytest.fixture(scope="module")
def fts() -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61', prefix='1')")
    yield conn
    conn.close()


def matches(conn: sqlite3.Connection, text: str, query: str) -> bool:
    q = match_query(query)
    assert q is not None, query
    conn.execute("DELETE FROM t")
    conn.execute("INSERT INTO t(rowid, body) VALUES (1, ?)", (ngrams(text),))
    return conn.execute("SELECT count(*) FROM t WHERE t MATCH ?", (q,)).fetchone()[0] == 1


def test_indexed_form() -> None:
    assert ngrams("南昌建工") == "南昌 昌建 建工 工"
    assert ngrams("36012119") == "3601 6012 0121 1211 2119 119 19 9"
    assert ngrams("洪工援〔2025〕第07号") == "洪工 工援 援 2025 025 25 5 第 07 7 号"
    assert ngrams(None) == ngrams("") == ""


def test_query_form() -> None:
    assert match_query("建工") == '"建工"'
    assert match_query("王") == '"王"*'
    assert match_query("3601211985") == '"3601 6012 0121 1211 2119 1198 1985"'
    assert match_query("138") == '"138"*'
    assert match_query("〔2025〕第01") == '"2025" AND "第 01"*'
    assert match_query(" \t,;") is None


ID = "36012119850101123X"


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("3601211985", True),
        ("0101123x", True),  # the end of an ID number, any case
        ("19850101", True),
        ("1985 0101", True),  # two words: both somewhere
        ("119850", True),
        ("12", True),
        ("3602", False),
        ("1985010112345", False),
        ("张伟", True),
        ("伟 2119", True),
        ("洪工援〔2025〕第0007号", True),
        ("第0007", True),
        ("第0008", False),
        ("2026", False),
        ("工援", True),
    ],
)
def test_substrings_of_ids_names_and_numbers(
    fts: sqlite3.Connection, query: str, found: bool
) -> None:
    assert matches(fts, f"张伟 {ID} 洪工援〔2025〕第0007号", query) is found


# Text like the indexed fields: Chinese, digits, letters, punctuation, spaces.
_TEXT = st.text(
    alphabet=st.sampled_from("南昌建工王伟第号〔〕0123456789xaAB -、."), min_size=1, max_size=40
)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.data())
def test_every_substring_finds_its_text(
    fts: sqlite3.Connection, text: str, data: st.DataObject
) -> None:
    norm = normalise(text)
    words = norm.split()
    if not words:
        return
    word = data.draw(st.sampled_from(words))
    i = data.draw(st.integers(0, len(word) - 1))
    j = data.draw(st.integers(i + 1, len(word)))
    assert matches(fts, text, word[i:j]), (text, word[i:j], match_query(word[i:j]))


def _reference_ngrams(text: str) -> str:
    # The indexed form spelled out step by step: words, then ASCII / other segments.
    out: list[str] = []
    for run in normalise(text).split():
        for seg in re.findall(r"[0-9a-z]+|[^0-9a-z]+", run):
            k = 4 if seg.isascii() else 2
            out.extend(seg[i : i + k] for i in range(len(seg)))
    return " ".join(out)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=60))
def test_indexed_form_of_any_text(text: str) -> None:
    assert ngrams(text) == _reference_ngrams(text)
