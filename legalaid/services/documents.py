"""Documents on a case: generated documents (recorded with template, version and hash)
and attached evidence files (kept in the desk's attachment container, encrypted on an
encrypted desk, content-addressed by SHA-256 so the same file is stored once and a
changed file is detected)."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from legalaid import dto
from legalaid.errors import NotFoundError, ValidationError
from legalaid.models import Case, Document
from legalaid.security.attachments import AttachmentStore
from legalaid.services import convert
from legalaid.services.audit import snapshot
from legalaid.services.checks import Checker
from legalaid.services.common import get_row

if TYPE_CHECKING:
    from legalaid.collection import Collection

STORE_PREFIX = "attachments:"  # storage_path of a file kept in the attachment container


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class DocumentService:
    def __init__(self, col: Collection) -> None:
        self.col = col
        self._store: AttachmentStore | None = None

    @property
    def store(self) -> AttachmentStore:
        """The attachment container beside the desk (encrypted when the desk is)."""
        if self._store is None:
            self._store = AttachmentStore.for_collection(self.col)
        return self._store

    @property
    def viewing_dir(self) -> Path:
        """Where attachments are decrypted for the system viewer; emptied on close."""
        return self.col.path.with_name(self.col.path.stem + "-viewing")

    def clear_viewing(self) -> None:
        shutil.rmtree(self.viewing_dir, ignore_errors=True)

    def record_generated(
        self,
        case_id: str,
        template_id: str,
        template_version: str,
        file_format: str,
        title: str,
        filename: str,
        sha256: str,
        size: int,
        storage_path: str,
    ) -> dto.Op[dto.DocumentInfo]:
        """Record a document generated from a template (file already written)."""
        with self.col.write() as s:
            case = get_row(s, Case, case_id, "案件", "case")
            doc = Document(
                office_id=case.office_id,
                case_id=case.id,
                kind="generated",
                title=title,
                filename=filename,
                template_id=template_id,
                template_version=template_version,
                file_format=file_format,
                sha256=sha256,
                size=size,
                storage_path=storage_path,
                author_id=self.col.actor_id,
            )
            s.add(doc)
            s.flush()
            self.col.audit(
                s,
                "generate",
                "document",
                doc.id,
                office_id=case.office_id,
                case_id=case.id,
                after=snapshot(doc),
            )
            return dto.Op(convert.document(doc), dto.OpChanges.of("document", case_id=case.id))

    def attach(
        self, case_id: str, source: str | os.PathLike[str], title: str | None = None
    ) -> dto.Op[dto.DocumentInfo]:
        """Store an evidence file in the attachment container and record it on the case."""
        src = Path(source)
        chk = Checker()
        title_v = chk.text(title or src.name, "title", 300, required=True)
        chk.done()
        self.col.require("case.write", case_id=case_id)
        stored = self.store.put(src)  # checks existence and size; same content stored once
        with self.col.write() as s:
            case = get_row(s, Case, case_id, "案件", "case")
            doc = Document(
                office_id=case.office_id,
                case_id=case.id,
                kind="attachment",
                title=title_v or src.name,
                filename=src.name,
                sha256=stored.sha256,
                size=stored.size,
                storage_path=f"{STORE_PREFIX}{stored.sha256}",
                author_id=self.col.actor_id,
                file_format=src.suffix.lstrip(".").lower()[:10] or None,
            )
            s.add(doc)
            s.flush()
            self.col.audit(
                s,
                "create",
                "document",
                doc.id,
                office_id=case.office_id,
                case_id=case.id,
                after=snapshot(doc),
            )
            return dto.Op(convert.document(doc), dto.OpChanges.of("document", case_id=case.id))

    def open_path(self, document_id: str) -> Path:
        """A file to show the document with, after checking it matches its hash.

        Attachments are copied (decrypted) into the desk's viewing folder; generated
        documents are the files written when they were generated.
        """
        with self.col.read() as s:
            doc = convert.document(get_row(s, Document, document_id, "文书", "document"))
        self.col.require("case.read", case_id=doc.case_id)
        where = doc.storage_path or ""
        if where.startswith(STORE_PREFIX):
            self.viewing_dir.mkdir(parents=True, exist_ok=True)
            return self.store.export_to(doc.sha256, self.viewing_dir, Path(doc.filename).suffix)
        path = Path(where)
        if not path.is_file():
            raise NotFoundError(f"文件已丢失：{doc.filename}", f"File missing: {doc.filename}")
        if sha256_file(path) != doc.sha256:
            raise ValidationError.single(
                "file",
                "tampered",
                "文件内容与登记的哈希值不符",
                "The file no longer matches its recorded hash",
            )
        return path

    def for_case(self, case_id: str) -> list[dto.DocumentInfo]:
        with self.col.read() as s:
            rows = s.scalars(
                select(Document)
                .where(Document.case_id == case_id, Document.archived_at.is_(None))
                .order_by(Document.created_at)
            )
            return [convert.document(d) for d in rows]

    def archive(self, document_id: str, reason: str) -> dto.Op[None]:
        chk = Checker()
        reason_v = chk.text(reason, "reason", 500, required=True)
        chk.done()
        with self.col.write() as s:
            doc = get_row(s, Document, document_id, "文书", "document")
            doc.archived_at = self.col.now()
            self.col.audit(
                s,
                "archive",
                "document",
                doc.id,
                office_id=doc.office_id,
                case_id=doc.case_id,
                after={"reason": reason_v},
            )
            return dto.Op(None, dto.OpChanges.of("document", case_id=doc.case_id))
