"""Estratega's web app: `python app.py` serves it on the host and port from the settings."""

from assistant.settings import QUIET_LIBRARIES, export_to_libraries, get_settings

settings = get_settings()
export_to_libraries(QUIET_LIBRARIES)  # before Gradio is imported, so it never phones home

from assistant.process import bound_allocator, private_cache  # noqa: E402

bound_allocator()  # before the model and the worker threads allocate: memory stays flat
# Before Gradio reads GRADIO_TEMP_DIR: left-over caches of dead processes go.
export_to_libraries({"GRADIO_TEMP_DIR": str(private_cache(settings.gradio_temp_dir))})

from assistant.errors import EstrategaError  # noqa: E402
from assistant.facade import Assistant  # noqa: E402
from assistant.messages import describe  # noqa: E402
from assistant.ui import build_app, launch_options, prepare  # noqa: E402

assistant = Assistant(settings)
demo = build_app(assistant)

if __name__ == "__main__":
    # uvicorn believes X-Forwarded-For from loopback unless told otherwise: only from the
    # proxies in ESTRATEGA_TRUSTED_PROXIES (none by default). Read when Gradio starts uvicorn.
    export_to_libraries({"FORWARDED_ALLOW_IPS": settings.forwarded_allow_ips})
    try:
        if assistant.runtime.database is not None:
            assistant.runtime.database.migrate()  # fail fast, before any indexing
        prepare(assistant)
    except EstrategaError as err:  # e.g. the database or the Chroma server cannot be reached
        raise SystemExit(f"Estratega: {describe(err, 'en', assistant.runtime.prompts)}") from None
    demo.queue(default_concurrency_limit=settings.concurrency_limit)
    demo.launch(**launch_options(settings, demo.upload_ledger), prevent_thread_lock=True)
    print(f"Estratega is running at {demo.local_url}", flush=True)
    demo.block_thread()
