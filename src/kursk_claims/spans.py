"""Kept so that ``from kursk_claims.spans import render_claims_html, claims_doc`` goes on working;
the code lives in :mod:`kursk_claims.pipeline.spans`."""
from .pipeline.spans import ATTRIBUTES, SPANS_KEY, ClaimSpans, claim_of, claims_doc, render_claims_html

__all__ = ["ATTRIBUTES", "SPANS_KEY", "ClaimSpans", "claim_of", "claims_doc", "render_claims_html"]
