"""The template catalogue: which documents exist, their version and the fields they need.

The shipped catalogue is ``resources/templates/catalogue.json``. An administrator may copy
a template's .docx into a user templates folder and edit it; a file there with the same
name overrides the shipped template of that id (and a ``catalogue.json`` there may add
templates or override entries). The version of an overridden template is reported with
a ``+local`` suffix so a recorded document says it came from an edited template.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from legalaid.errors import FieldError, NotFoundError, ValidationError


def default_templates_dir() -> Path:
    """The templates shipped with the application (``resources/templates``)."""
    return Path(__file__).resolve().parents[2] / "resources" / "templates"


@dataclass(frozen=True)
class TemplateInfo:
    """One template of the catalogue.

    Attributes:
        id: stable identifier (``arbitration_application``).
        zh, en: the document's title.
        version: the template's version as recorded with each generated document.
        path: the .docx actually used (the user's copy when there is one).
        required: dotted context fields that must be filled (``applicant.id_number``).
        batch: part of the usual set generated for a new case.
        overridden: True when ``path`` is a user's copy.
    """

    id: str
    zh: str
    en: str
    version: str
    path: Path
    required: tuple[str, ...]
    batch: bool
    overridden: bool


class TemplateCatalogue:
    """Templates by id, with user overrides."""

    def __init__(
        self, shipped_dir: Path | None = None, user_dir: Path | None = None
    ) -> None:
        self.shipped_dir = shipped_dir or default_templates_dir()
        self.user_dir = user_dir
        data = self._load(self.shipped_dir / "catalogue.json")
        entries: dict[str, dict[str, Any]] = {e["id"]: dict(e) for e in data["templates"]}
        self.labels: dict[str, tuple[str, str]] = {
            k: (v[0], v[1]) for k, v in data.get("fields", {}).items()
        }
        user_cat = None if user_dir is None else user_dir / "catalogue.json"
        if user_cat is not None and user_cat.is_file():
            extra = self._load(user_cat)
            for e in extra.get("templates", []):
                entries[e["id"]] = {**entries.get(e["id"], {}), **e, "_user": True}
            self.labels.update({k: (v[0], v[1]) for k, v in extra.get("fields", {}).items()})
        self._templates: dict[str, TemplateInfo] = {}
        for tid, e in entries.items():
            shipped = self.shipped_dir / e["file"]
            user = None if user_dir is None else user_dir / e["file"]
            overridden = user is not None and user.is_file()
            path = user if overridden and user is not None else shipped
            version = str(e.get("version", "1"))
            if overridden and not e.get("_user"):
                version += "+local"
            self._templates[tid] = TemplateInfo(
                id=tid,
                zh=e["zh"],
                en=e.get("en", e["zh"]),
                version=version,
                path=path,
                required=tuple(e.get("required", ())),
                batch=bool(e.get("batch", False)),
                overridden=overridden,
            )

    @staticmethod
    def _load(path: Path) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return data

    def __iter__(self) -> Iterator[TemplateInfo]:
        return iter(self._templates.values())

    def __len__(self) -> int:
        return len(self._templates)

    def get(self, template_id: str) -> TemplateInfo:
        try:
            return self._templates[template_id]
        except KeyError:
            raise NotFoundError(
                f"没有编号为“{template_id}”的文书模板", f"No template with id '{template_id}'"
            ) from None

    def batch(self) -> list[TemplateInfo]:
        """The usual set of documents for a new case."""
        return [t for t in self if t.batch]

    def label(self, field: str) -> tuple[str, str]:
        return self.labels.get(field, (field, field))

    def check_required(self, info: TemplateInfo, context: Mapping[str, Any]) -> None:
        """Raise ValidationError listing, by name, every required field that is empty."""
        errors = []
        for field in info.required:
            if is_blank(lookup(context, field)):
                zh, en = self.label(field)
                errors.append(
                    FieldError(
                        field,
                        "required",
                        f"生成《{info.zh}》需要填写：{zh}",
                        f"{info.en} needs the {en}",
                    )
                )
        if errors:
            raise ValidationError(errors)


def lookup(context: Mapping[str, Any], dotted: str) -> Any:
    """``lookup(ctx, "applicant.name")``: walk dicts (and attributes) along a dotted path."""
    value: Any = context
    for part in dotted.split("."):
        is_map = isinstance(value, Mapping)
        value = value.get(part) if is_map else getattr(value, part, None)
        if value is None:
            return None
    return value


def is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | dict | set):
        return len(value) == 0
    return False
