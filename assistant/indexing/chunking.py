"""Split a source into passages along headings and paragraphs (no tokenizer download)."""

from __future__ import annotations

from langchain_text_splitters import RecursiveCharacterTextSplitter

from ..documents import Chunk, Source
from ..text import sentences


def split_source(source: Source, size: int = 1000, overlap: int = 120) -> list[Chunk]:
    """Chunks of about `size` characters that follow headings (`## `), then paragraphs.

    Each section starts a new chunk and keeps its heading in front, so a passage knows what it
    is about. Long sections are split on paragraphs, then sentences.
    """
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=size,
        chunk_overlap=overlap,
        separators=["\n\n", "\n", ". ", "? ", "! ", "; ", ", ", " "],
        length_function=len,
        keep_separator="end",
    )
    chunks: list[Chunk] = []
    for heading, body in _sections(source.text):
        prefix = f"{heading}\n" if heading else ""
        for piece in splitter.split_text(body) if body.strip() else [""]:
            text = (prefix + piece.strip()).strip()
            if not text:
                continue
            chunks.append(
                Chunk(
                    source_id=source.source_id,
                    title=source.title,
                    kind=source.kind,
                    language=source.language,
                    position=len(chunks),
                    text=text,
                    revision=source.content_hash,
                    owner=source.owner,
                )
            )
    return chunks


def sentence_windows(text: str, size: int = 300) -> list[str]:
    """Runs of whole consecutive sentences of about `size` characters, one starting at each
    sentence until the text is covered (for the sentence-window ranker experiment,
    benchmarks/retrieval.py --windows).

    >>> sentence_windows("Uno dos. Tres cuatro. Cinco.", size=12)
    ['Uno dos. Tres cuatro.', 'Tres cuatro.', 'Cinco.']
    """
    parts = sentences(text)
    out: list[str] = []
    for i in range(len(parts)):
        window, j = parts[i], i + 1
        while len(window) < size and j < len(parts):
            window, j = f"{window} {parts[j]}", j + 1
        out.append(window)
        if j >= len(parts):
            break
    return out


def _sections(text: str) -> list[tuple[str, str]]:
    """(heading, body) pairs; the text before the first heading has an empty heading."""
    sections: list[tuple[str, str]] = []
    heading, lines = "", []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            if heading or any(x.strip() for x in lines):
                sections.append((heading, "\n".join(lines).strip()))
            heading, lines = stripped.lstrip("#").strip(), []
        else:
            lines.append(line)
    if heading or any(x.strip() for x in lines):
        sections.append((heading, "\n".join(lines).strip()))
    return _merge_small(sections)


def _merge_small(sections: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Fold a heading with no body into the next section's heading, so no chunk is a bare title."""
    merged: list[tuple[str, str]] = []
    pending = ""
    for heading, body in sections:
        if pending:
            heading = f"{pending} — {heading}" if heading else pending
            pending = ""
        if heading and not body:
            pending = heading
            continue
        merged.append((heading, body))
    if pending:
        merged.append((pending, ""))
    return merged
