"""Errors the sync service answers with: an HTTP status, a stable code, zh and en text."""

from __future__ import annotations

from typing import Any

from legalaid.errors import LegalAidError


class ServiceError(LegalAidError):
    """A refusal with a clear reason; the app turns it into a 4xx JSON answer."""

    status = 400
    code = "bad_request"

    def __init__(
        self,
        zh: str,
        en: str,
        *,
        status: int | None = None,
        code: str | None = None,
        details: Any = None,
    ) -> None:
        super().__init__(zh, en)
        if status is not None:
            self.status = status
        if code is not None:
            self.code = code
        self.details = details

    def body(self) -> dict[str, Any]:
        err: dict[str, Any] = {"code": self.code, "zh": self.zh, "en": self.en}
        if self.details is not None:
            err["details"] = self.details
        return {"error": err}


class Unauthorized(ServiceError):
    status = 401
    code = "unauthorized"


class Forbidden(ServiceError):
    status = 403
    code = "forbidden"


class NotFound(ServiceError):
    status = 404
    code = "not_found"


class Malformed(ServiceError):
    status = 422
    code = "malformed"


class ClockAhead(ServiceError):
    status = 422
    code = "clock_ahead"


class UpgradeRequired(ServiceError):
    status = 426
    code = "upgrade_required"


class ServerOutdated(ServiceError):
    status = 409
    code = "server_outdated"
