"""The spaCy side: the registered factories, the tokenizer and the ``claims`` spans.

Each component is thin: it calls the rules of :mod:`kursk_claims.reading` on the document.
``build_pipeline`` is the entry point for library users.
"""
from .components import (
    COMPONENTS,
    TOKENIZER,
    build_pipeline,
    claims_of,
    doc_text,
    load_model,
    pipeline_signature,
)

__all__ = ["COMPONENTS", "TOKENIZER", "build_pipeline", "claims_of", "doc_text", "load_model", "pipeline_signature"]
