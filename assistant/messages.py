"""Turns domain errors into one readable message in the user's language (used at the edges)."""

from __future__ import annotations

from .errors import BackendError, EstrategaError, UploadRejected
from .prompts import PromptError, PromptLibrary
from .settings import LANGUAGES

# Errors whose parameters name a server, a user, a port or a database: the web app's users get
# one sentence without them (the operator reads them in the log); the CLI shows them whole.
PUBLIC_CODES = {"database_unavailable": "public.database_unavailable",
                "database_url_invalid": "public.database_unavailable",
                "store_unavailable": "public.store_unavailable",
                "store_corrupt": "public.store_unavailable"}


def describe(error: BaseException, lang: str, prompts: PromptLibrary,
             public: bool = False) -> str:
    """One line for a user: what failed and what to do. Never a traceback. `public`: for
    anyone on the web, without the server details some errors carry."""
    lang = lang if lang in LANGUAGES else "en"
    if not isinstance(error, EstrategaError):
        return prompts.phrase("errors", lang, "internal")
    if public and error.code in PUBLIC_CODES:
        return prompts.phrase("errors", lang, PUBLIC_CODES[error.code])
    params = {k: _flat(v) for k, v in error.params.items()}
    try:
        if isinstance(error, BackendError):
            params.setdefault("where", "?")
            params.setdefault("status", "?")
            params.setdefault("timeout", "?")
            params.setdefault("model", "?")
            kind = params.get("kind", "server")
            return prompts.phrase("errors", lang, f"backend.{kind}", **params)
        if isinstance(error, UploadRejected):
            reason = prompts.phrase(
                "errors", lang, f"upload_reasons.{params.get('reason', 'corrupt')}", **params
            )
            return prompts.phrase("errors", lang, "upload_rejected", name=params.get("name", ""),
                                  reason=reason)
        message = prompts.phrase("errors", lang, error.code, **params)
        suggestions = error.params.get("suggestion_names") or error.params.get("suggestions")
        if suggestions:
            message += " " + prompts.phrase(
                "errors", lang, "concept_suggestions", suggestions=", ".join(suggestions)
            )
        return message
    except PromptError:
        return prompts.phrase("errors", lang, "internal")


def _flat(value: object) -> str:
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return str(value)
