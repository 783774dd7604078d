"""Text preparation for the full-text index.

SQLite's tokenizers do not segment Chinese. The index therefore stores one short
n-gram per character position: each run of Chinese (or other non-ASCII) text gives
its character bigrams plus its last character ("南昌建工" → "南昌 昌建 建工 工"), each
run of ASCII letters and digits gives 4-grams, the last ones shortened at the run's
end ("36012119" → "3601 6012 0121 1211 2119 119 19 9"). A query becomes a phrase of
the same pieces, so any substring matches: two Chinese characters or four digits are
one exact token, fewer are a prefix. Digits get longer pieces because they have only
ten symbols: a digit bigram is in almost every ID number and phone, and a query made
of them would read most of the index.
"""

from __future__ import annotations

import re
import unicodedata

MAX_QUERY_CHARS = 64
# A search reads at most this many of the newest matches per index: a query matching
# more is too broad to browse anyway, and the cap keeps every keystroke quick.
SEARCH_CAP = 2000
_NON_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Lower-case letters and digits only; anything else (punctuation, quotes, FTS5
    operators, control characters) becomes a word break."""
    return _NON_WORD.sub(" ", unicodedata.normalize("NFKC", text).lower())


def fts_rowids(table: str) -> str:
    """SQL selecting the rowids of ``table`` whose text matches ``:q``, newest first."""
    fts = f"fts_{table}"
    return f"SELECT rowid FROM {fts} WHERE {fts} MATCH :q ORDER BY rowid DESC LIMIT {SEARCH_CAP}"


# ASCII letters and digits are n-grammed apart from the rest (Chinese, other scripts).
_SEGMENTS = re.compile(r"[0-9a-z]+|[^0-9a-z]+")
_ASCII_GRAM = 4
_OTHER_GRAM = 2


def _gram(segment: str) -> int:
    return _ASCII_GRAM if segment[0] < "\x80" else _OTHER_GRAM


def _segments(run: str) -> list[str]:
    return _SEGMENTS.findall(run)


# One pass over the lower-cased text finds the segments (``normalise`` + split +
# ``_segments`` in one): the triggers call this for every row written.
_WORD_SEGMENTS = re.compile(r"[0-9a-z]+|[^\W0-9a-z_]+")


def ngrams(text: str | None) -> str:
    """The indexed form of ``text``: one n-gram per character position of each
    segment, shortened at the segment's end (see the module docstring)."""
    if not text:
        return ""
    out: list[str] = []
    for seg in _WORD_SEGMENTS.findall(unicodedata.normalize("NFKC", text).lower()):
        k = _gram(seg)
        out += [seg[i : i + k] for i in range(len(seg))]
    return " ".join(out)


def _phrase(word: str) -> str:
    """One FTS5 phrase matching ``word`` anywhere inside an indexed run.

    A segment followed by another must end where its indexed segment ends, so every
    position is an exact (possibly shortened) n-gram. The last segment may go on in
    the index: its full n-grams suffice, or, when it is shorter than one n-gram, a
    prefix token (FTS5 allows a prefix only on a phrase's last token).
    """
    segs = _segments(word)
    tokens: list[str] = []
    for n, seg in enumerate(segs):
        k = _gram(seg)
        if n < len(segs) - 1:
            tokens.extend(seg[i : i + k] for i in range(len(seg)))
        elif len(seg) >= k:
            tokens.extend(seg[i : i + k] for i in range(len(seg) - k + 1))
        else:
            tokens.append(seg)
            return f'"{" ".join(tokens)}"*'
    return f'"{" ".join(tokens)}"'


def match_query(query: str) -> str | None:
    """An FTS5 MATCH expression for a user's search text, or None if nothing is left.

    Each word becomes a quoted phrase of n-grams, so operators or quotes typed by the
    user are never interpreted by FTS5.
    """
    words = normalise(query[: MAX_QUERY_CHARS * 4]).split()
    parts = [_phrase(word[:MAX_QUERY_CHARS]) for word in words[:8]]
    return " AND ".join(parts) if parts else None


# Table -> SQL text expression indexed for it (``{r}`` is the row alias). Migration 0002
# created the tables and triggers from a copy of this as it stood then.
INDEXED: dict[str, str] = {
    "people": "{r}.name || ' ' || coalesce({r}.id_number, '') || ' ' || coalesce({r}.phone, '')",
    "employers": "{r}.name || ' ' || coalesce({r}.credit_code, '')",
    "cases": "{r}.number || ' ' || {r}.title",
    "note_revisions": "{r}.body",
    "consultations": "{r}.caller_name || ' ' || coalesce({r}.caller_phone, '') || ' ' || "
    "coalesce({r}.employer_name, '') || ' ' || coalesce({r}.question, '')",
}


def fill_statement(table: str, where: str = "") -> str:
    """SQL that indexes the rows of ``table`` (alias ``r``) matching ``where``."""
    expr = INDEXED[table].format(r="r")
    return (
        f"INSERT INTO fts_{table}(rowid, body) SELECT r.rowid, la_ngrams({expr}) "
        f'FROM "{table}" r{f" WHERE {where}" if where else ""}'
    )


def rebuild_statements() -> list[str]:
    """SQL that refills every search table from its source table."""
    out = []
    for table in INDEXED:
        out += [f"DELETE FROM fts_{table}", fill_statement(table)]
    return out
