"""llama.cpp's OpenAI-compatible server, embedded: a GGUF file served in this process on a free
loopback port through `xllamacpp` (the optional `local` extra). The app then talks to it with the
same OpenAI client as to any other endpoint, so streaming, JSON-schema output, timeouts and
error handling are shared."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from .errors import LocalModelMissing, LocalModelUnloadable, LocalRuntimeMissing


class LocalLlamaServer:
    """One GGUF model behind llama.cpp's HTTP server on 127.0.0.1 (port chosen by the OS)."""

    def __init__(self, model_path: Path | str | None, threads: int = 1,
                 context: int = 4096) -> None:
        self.model_path = Path(model_path) if model_path else None
        self.threads = threads
        self.context = context
        self._server: Any = None
        self._lock = threading.Lock()

    @property
    def base_url(self) -> str:
        """The OpenAI-compatible base URL (…/v1); starts the server on first use."""
        return self.start().rstrip("/") + "/v1"

    def start(self) -> str:
        """Load the model and listen; returns http://127.0.0.1:PORT. Idempotent."""
        with self._lock:
            if self._server is None:
                self._server = self._launch()
            return str(self._server.listening_address)

    def stop(self) -> None:
        """Stop listening and free the model (the server's destructor joins its threads)."""
        with self._lock:
            server, self._server = self._server, None
        del server

    def _launch(self) -> Any:
        path = self.model_path
        if path is None or not path.is_file():
            raise LocalModelMissing(path=str(path or ""))
        try:
            import xllamacpp as xlc  # lazy: the `local` extra
        except ImportError:
            raise LocalRuntimeMissing() from None
        params = xlc.CommonParams()
        params.model.path = str(path)
        params.n_ctx = self.context
        params.n_parallel = 1  # one slot: requests queue instead of splitting a small context
        params.cpuparams.n_threads = self.threads
        params.cpuparams_batch.n_threads = self.threads
        params.n_threads_http = 2
        params.hostnames = ["127.0.0.1"]
        params.port = 0  # a free port
        params.warmup = False
        params.verbosity = -1  # llama.cpp logs nothing; failures reach us as HTTP errors
        try:
            return xlc.Server(params)
        except Exception as exc:  # noqa: BLE001 - llama.cpp reports a bad file as RuntimeError
            raise LocalModelUnloadable(str(exc), path=str(path)) from None

    def __enter__(self) -> LocalLlamaServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
