"""Domain errors. The core raises them; the CLI and UI turn them into messages."""

from __future__ import annotations

from typing import Any


class EstrategaError(Exception):
    """Base of every error a user can be told about.

    `code` names a message in prompts/packs/<lang>/i18n/errors.json; `params` fill it.
    """

    code = "internal"

    def __init__(self, detail: str = "", **params: Any) -> None:
        self.params = params
        super().__init__(detail or self.code)


class EmptyQuery(EstrategaError):
    code = "empty_query"


class QueryTooLong(EstrategaError):
    code = "query_too_long"  # params: limit


class UnknownLanguage(EstrategaError):
    code = "unknown_language"  # params: language


class UnknownBackend(EstrategaError):
    code = "unknown_backend"  # params: kind, name, choices


class StoreMissing(EstrategaError):
    code = "store_missing"


class StoreUnavailable(EstrategaError):
    code = "store_unavailable"  # params: where


class StoreCorrupt(EstrategaError):
    code = "store_corrupt"  # params: where


class DataDirNotWritable(EstrategaError):
    code = "data_not_writable"  # params: where


class DatabaseUnavailable(EstrategaError):
    code = "database_unavailable"  # params: where (the URL without its password), reason


class DatabaseUrlInvalid(EstrategaError):
    code = "database_url_invalid"  # params: where (the URL without its password)


class KnowledgeFileError(EstrategaError):
    code = "knowledge_file"  # params: path, reason


class ConceptNotFound(EstrategaError):
    code = "concept_not_found"  # params: term, suggestions (list of names)


class BackendError(EstrategaError):
    """The chat backend failed. `params['kind']` is one of: unreachable, timeout, auth,
    not_found, rate_limited, server, malformed, empty, bad_request."""

    code = "backend"


class UploadRejected(EstrategaError):
    code = "upload_rejected"  # params: name, reason (an i18n key under upload_reasons)


class RequestTooLarge(EstrategaError):
    code = "request_too_large"  # params: limit_mb


class LoginThrottled(EstrategaError):
    code = "login_throttled"  # params: minutes


class DocumentNotFound(EstrategaError):
    code = "document_not_found"  # params: source_id


class ProtectedDocument(EstrategaError):
    code = "protected_document"  # params: source_id


class InvalidAnswer(EstrategaError):
    code = "invalid_answer"  # params: slot, reason


class InterviewNotFound(EstrategaError):
    code = "interview_not_found"  # params: interview_id


class PlanInputError(EstrategaError):
    code = "plan_input"  # params: problems (list of str)


class InterviewIncomplete(EstrategaError):
    code = "interview_incomplete"  # params: missing (list of slot labels)


class PlanNotFound(EstrategaError):
    code = "plan_not_found"  # params: plan_id


class UnknownSection(EstrategaError):
    code = "unknown_section"  # params: section, choices


class LocalRuntimeMissing(EstrategaError):
    code = "local_runtime_missing"  # the `local` extra (xllamacpp) is not installed


class LocalModelMissing(EstrategaError):
    code = "local_model_missing"  # params: path (empty when the setting is unset)


class LocalModelUnloadable(EstrategaError):
    code = "local_model_unloadable"  # params: path
