"""The one typed settings object: environment variables (ESTRATEGA_*) and a `.env` file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping, MutableMapping
from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from .packs import pack_languages

PROJECT_ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = pack_languages()  # the packs present in prompts/packs/
# What the app tells libraries that read only the environment, before they are imported:
# Gradio and the Hugging Face Hub never phone home.
QUIET_LIBRARIES = {"GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_DISABLE_TELEMETRY": "1"}


class Settings(BaseSettings):
    """Everything configurable about Estratega, read in one place."""

    model_config = SettingsConfigDict(
        env_prefix="ESTRATEGA_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    # Where things live
    data_dir: Path = PROJECT_ROOT / "data"
    knowledge_dir: Path = PROJECT_ROOT / "knowledge"
    prompts_dir: Path = PROJECT_ROOT / "prompts"

    # Vector store: embedded by default, a Chroma server when chroma_host is set
    collection: str = "estratega"
    chroma_host: str | None = None
    chroma_port: int = 8000

    # Embeddings
    embedding_backend: str = "use"
    embedding_threads: int = Field(1, ge=1, le=64)
    embedding_model: str = "text-embedding-3-small"

    # Chat backend: "grounded" (built in, no model), "openai" (any OpenAI-compatible endpoint) or
    # "local" (a GGUF file in-process, see local_model_path)
    chat_backend: str = "grounded"
    openai_api_key: SecretStr | None = Field(
        None, validation_alias=AliasChoices("ESTRATEGA_OPENAI_API_KEY", "OPENAI_API_KEY")
    )
    openai_base_url: str | None = Field(
        None, validation_alias=AliasChoices("ESTRATEGA_OPENAI_BASE_URL", "OPENAI_BASE_URL")
    )
    chat_model: str = "gpt-4o-mini"
    temperature: float = 0.2
    max_tokens: int = Field(900, ge=16)
    request_timeout: float = Field(60.0, gt=0)
    max_retries: int = Field(3, ge=0, le=10)  # the openai client's, for 429/5xx
    # The embedded "local" backend: a GGUF file run in-process by llama.cpp (extra `local`)
    local_model_path: Path | None = None
    local_threads: int = Field(1, ge=1, le=64)  # 1: the other core stays free for embeddings
    local_context: int = Field(4096, ge=256)
    # Model-drafted plans: the whole draft's time limit, and repair rounds per section
    plan_draft_timeout: float = Field(180.0, gt=0)
    plan_repairs: int = Field(2, ge=0, le=5)

    # Retrieval and chat
    chunk_size: int = Field(1000, ge=200)
    chunk_overlap: int = Field(120, ge=0)
    top_k: int = Field(5, ge=1, le=50)
    # A question about the user's own document reads this many of its passages (all of a report).
    document_passages: int = Field(40, ge=1, le=400)
    lexical_weight: float = Field(0.5, ge=0)
    # Measured (benchmarks/answers.py): off-topic questions top out at 0.22, on-topic ones rarely
    # fall below 0.25.
    min_relevance: float = Field(0.25, ge=0, le=1)
    max_query_chars: int = Field(4000, ge=10)
    memory_turns: int = Field(6, ge=1)

    # Shared state (interviews, plans, the index change counter): the SQLite file in data_dir
    # by default; "postgresql://user:password@host:5432/db" lets several replicas share it
    database_url: SecretStr | None = None

    # Uploads, and the work one may cause (assistant/indexing/upload_limits.py). Embedding runs
    # at ~17 passages/s on one core of a 2-core machine: 400 passages is ~25 s.
    upload_max_mb: float = Field(20, gt=0)
    upload_max_chunks: int = Field(400, ge=1)  # passages per document
    upload_max_documents: int = Field(30, ge=1)  # documents per user
    upload_max_user_chunks: int = Field(2000, ge=1)  # passages per user, all documents
    upload_index_seconds: float = Field(120, gt=0)  # embedding time per document
    # Uploads indexed at once (each user one at a time): 2 keeps a 2-core machine answering.
    upload_concurrency: int = Field(2, ge=1)

    # Web app
    host: str = "127.0.0.1"
    port: int = 7860
    auth: SecretStr | None = None  # "user:password[,user2:password2]"
    concurrency_limit: int = Field(4, ge=1)
    # Largest request body outside file uploads (questions, answers, plan edits are a few KB).
    request_max_kb: int = Field(256, ge=16)
    # Login throttling: this many failed attempts for one user name, or 4x that from one
    # address, within `login_window_s` lock further attempts until the oldest failure ages out.
    login_max_failures: int = Field(5, ge=1)
    login_window_s: float = Field(300, gt=0)
    # Proxies whose X-Forwarded-For is believed ("127.0.0.1,10.0.0.5", or "*"): the client's
    # address (for the login throttle and the logs) is then the last one before them. Empty by
    # default: the address is the connection's, whatever headers a client sends.
    trusted_proxies: str = ""
    # Gradio's cache of uploads and served files; each process takes a folder of its own in it
    # (assistant/process.py). Gradio's own variable, read here like the OpenAI ones.
    gradio_temp_dir: Path = Field(
        default_factory=lambda: Path(tempfile.gettempdir()) / "gradio",
        validation_alias=AliasChoices("ESTRATEGA_GRADIO_TEMP_DIR", "GRADIO_TEMP_DIR"))

    @field_validator("embedding_backend", "chat_backend")
    @classmethod
    def _lower(cls, value: str) -> str:
        return value.strip().lower()

    @property
    def forwarded_allow_ips(self) -> str:
        """The trusted proxies as uvicorn's FORWARDED_ALLOW_IPS; "" trusts none.

        >>> Settings(trusted_proxies=" 10.0.0.5 ,127.0.0.1").forwarded_allow_ips
        '10.0.0.5,127.0.0.1'
        """
        return ",".join(p.strip() for p in self.trusted_proxies.split(",") if p.strip())

    @property
    def chroma_dir(self) -> Path:
        """Folder of the embedded Chroma store."""
        return self.data_dir / "chroma"

    @property
    def database_path(self) -> Path:
        """SQLite file for interviews, plans and per-session records."""
        return self.data_dir / "estratega.sqlite3"

    @property
    def uploads_dir(self) -> Path:
        """Folder of the users' uploaded documents."""
        return self.data_dir / "uploads"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()


def export_to_libraries(values: Mapping[str, str],
                        environ: MutableMapping[str, str] = os.environ) -> None:
    """Hand values to libraries that take them only from the environment (Gradio, the Hugging
    Face Hub, uvicorn): the one place, with `Settings`, where Estratega touches it."""
    environ.update(values)
