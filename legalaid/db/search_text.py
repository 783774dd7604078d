"""Text preparation for the full-text index.

SQLite's tokenizers do not segment Chinese. The index therefore stores overlapping
character bigrams ("南昌建工" → "南昌 昌建 建工 工") and a query becomes a phrase of its
bigrams, so any substring of two or more characters matches, and a single character
matches as a prefix. Digits and Latin letters are treated the same way, so part of an
ID number, phone or case number finds the record too.
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


def ngrams(text: str | None) -> str:
    """The indexed form of ``text``: the bigrams of each run plus its last character."""
    if not text:
        return ""
    out: list[str] = []
    for run in normalise(text).split():
        out.extend(run[i : i + 2] for i in range(len(run) - 1))
        out.append(run[-1])
    return " ".join(out)


def match_query(query: str) -> str | None:
    """An FTS5 MATCH expression for a user's search text, or None if nothing is left.

    Each word becomes a quoted phrase of bigrams, so operators or quotes typed by the
    user are never interpreted by FTS5.
    """
    words = normalise(query[: MAX_QUERY_CHARS * 4]).split()
    parts: list[str] = []
    for word in words[:8]:
        word = word[:MAX_QUERY_CHARS]
        if len(word) == 1:
            parts.append(f'"{word}"*')
        else:
            grams = " ".join(word[i : i + 2] for i in range(len(word) - 1))
            parts.append(f'"{grams}"')
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


def rebuild_statements() -> list[str]:
    """SQL that refills every search table from its source table."""
    out = []
    for table, expr in INDEXED.items():
        out.append(f"DELETE FROM fts_{table}")
        out.append(
            f"INSERT INTO fts_{table}(rowid, body) SELECT rowid, "
            f"la_ngrams({expr.format(r=table)}) FROM {table}"
        )
    return out
