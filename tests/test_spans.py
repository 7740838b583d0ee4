"""Claims as spaCy spans, displaCy, the config system, and a saved pipeline loaded again with
spacy.load() in a fresh process."""
import json
import re
import subprocess
import sys

import spacy
from spacy.pipeline import EntityRuler  # noqa: F401  (registers the entity_ruler factory)
from spacy.tokens import Span

from kursk_claims.pipeline import build_pipeline
from kursk_claims.pipeline.spans import ATTRIBUTES, ClaimSpans, claims_doc, render_claims_html

from .conftest import SEEDS

TEXT = ("Officials in Kyiv said on Monday that at least 7,400 troops had been sent to the border. "
        "The ministry put its losses at about 1,200 soldiers. Prices rose 5 percent.")


def test_spans_one_per_claim_with_label_and_reading(nlp):
    doc = nlp(TEXT)
    group = doc.spans["claims"]
    assert len(group) == len(doc._.claims) == 3
    for span, claim in zip(group, doc._.claims):
        assert (span.start_char, span.end_char) == (claim["start"], claim["end"])
        assert span.text == claim["text"]
        assert span.label_ == (claim["measure"] or "claim")
        assert span._.claim is claim
        for name in ATTRIBUTES:
            assert getattr(span._, name) == claim.get(name), name
    first = group[0]
    assert (first._.value, first._.bound, first._.counted, first._.unit) == (7400, "at_least", "troops", None)
    assert group[2]._.unit == "percent"


def test_spans_of_a_claim_inside_a_token_cover_the_tokens_around_it():
    nlp = spacy.blank("en")
    doc = nlp("The brigade lost 12k-strong units near 40 villages.")
    # a claim whose offsets cut through tokens ("12" of "12k-strong", "0 vil" across two)
    i = doc.text.index("12k")
    j = doc.text.index("40 villages") + 1
    doc._.claims = [{"start": i, "end": i + 2, "text": "12", "measure": None},
                    {"start": j, "end": j + 5, "text": "0 vil", "measure": "settlements", "value": 0}]
    ClaimSpans()(doc)
    spans = list(doc.spans["claims"])
    assert [s.text for s in spans] == [doc[3].text, "40 villages"]
    assert [s.label_ for s in spans] == ["claim", "settlements"]
    assert spans[1]._.value == 0 and spans[0]._.claim["text"] == "12"


def test_spans_survive_docs_crossing_processes(nlp):
    docs = list(nlp.pipe([TEXT, "Up to 40 percent of the land was lost."] * 2, n_process=2, batch_size=1))
    assert [[(s.text, s._.value) for s in d.spans["claims"]] for d in docs][1] == [("Up to 40 percent", 40)]
    assert [s.text for s in docs[2].spans["claims"]] == ["at least 7,400", "about 1,200", "5 percent"]


def test_displacy_html_shows_every_claim(nlp):
    doc = nlp(TEXT)
    html = render_claims_html(doc)
    spans = doc.spans["claims"]
    # displaCy draws each token of a span in bold, and a label where each span starts
    marked = re.findall(r'<span style="font-weight: bold;[^>]*>\s*(\S+)', html)
    assert marked == [t.text for s in spans for t in s]
    labels = re.findall(r'border-top-left-radius[^>]*>\s*<span[^>]*>\s*(\S+)', html)
    assert labels == [s.label_ for s in spans]
    page = render_claims_html(doc, page=True)
    assert page.lstrip().lower().startswith("<!doctype html>") or "<html" in page[:200].lower()


def test_stored_claims_drawn_without_the_pipeline(nlp):
    from kursk_claims.io.articles import Article
    from kursk_claims.run.extract import extract_article

    article = Article("a.txt", TEXT)
    claims = extract_article(nlp, article)
    doc = claims_doc(article.text, claims)
    assert [(s.text, s.label_, s._.value) for s in doc.spans["claims"]] == [(c.text, c.measure or "claim", c.value) for c in claims]
    html = render_claims_html(doc, page=True)
    assert re.findall(r'border-top-left-radius[^>]*>\s*<span[^>]*>\s*(\S+)', html) == [c.measure or "claim" for c in claims]


def test_displacy_html_of_a_doc_without_claims():
    doc = spacy.blank("en")("Nothing to count here.")
    assert "Nothing" in render_claims_html(doc)


def test_components_take_settings_from_the_config(tmp_path):
    nlp = build_pipeline()
    cfg = nlp.config
    assert cfg["components"]["kursk_attribution"]["use_entities"] is False
    assert cfg["components"]["kursk_context"]["use_parser"] is False
    assert cfg["components"]["kursk_spans"]["spans_key"] == "claims"
    other = spacy.blank("en")
    other.add_pipe("kursk_quantities")
    other.add_pipe("kursk_spans", config={"spans_key": "figures"})
    doc = other("About 300 people fled.")
    assert [s.text for s in doc.spans["figures"]] == ["About 300"]


def _saved_model(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "PERSON", "pattern": "John Kirby"},
                                                {"label": "ORG", "pattern": "National Security Council"}])
    path = tmp_path / "tiny_model"
    nlp.to_disk(path)
    return path


_LOAD_AND_READ = """
import json, sys
from pathlib import Path
import spacy
nlp = spacy.load(sys.argv[1])
out = {"pipe_names": nlp.pipe_names, "tokenizer": type(nlp.tokenizer).__name__, "docs": []}
for p in sys.argv[2:]:
    doc = nlp(Path(p).read_text(encoding="utf-8"))
    out["docs"].append({"claims": doc._.claims,
                        "spans": [[s.start_char, s.end_char, s.label_, s._.value, s._.attribution] for s in doc.spans["claims"]]})
print(json.dumps(out))
"""


def _load_in_fresh_process(path, files):
    proc = subprocess.run([sys.executable, "-c", _LOAD_AND_READ, str(path), *map(str, files)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout)


def _normal(claims):
    return json.loads(json.dumps(claims))


def test_saved_pipeline_loads_with_spacy_load_in_a_fresh_process(tmp_path):
    nlp = build_pipeline()
    nlp.to_disk(tmp_path / "pipeline")
    files = sorted(SEEDS.glob("*.txt"))
    loaded = _load_in_fresh_process(tmp_path / "pipeline", files)
    assert loaded["pipe_names"] == nlp.pipe_names
    assert loaded["tokenizer"] == "TextKeepingTokenizer"
    total = 0
    for f, got in zip(files, loaded["docs"]):
        doc = nlp(f.read_text(encoding="utf-8"))
        assert got["claims"] == _normal(doc._.claims), f.name
        assert got["spans"] == _normal([[s.start_char, s.end_char, s.label_, s._.value, s._.attribution]
                                        for s in doc.spans["claims"]])
        total += len(doc._.claims)
    assert total > 30


def test_saved_pipeline_on_a_trained_model_keeps_its_entities(tmp_path):
    nlp = build_pipeline(str(_saved_model(tmp_path)))
    assert nlp.config["components"]["kursk_attribution"]["use_entities"] is True
    nlp.to_disk(tmp_path / "with_rules")
    article = tmp_path / "a.txt"
    article.write_text("The spokesman for the National Security Council John Kirby said that 300 soldiers were killed.",
                       encoding="utf-8")
    loaded = _load_in_fresh_process(tmp_path / "with_rules", [article])
    assert loaded["pipe_names"][:2] == ["kursk_sentences", "entity_ruler"]
    (span,) = loaded["docs"][0]["spans"]
    assert span[2:] == ["killed", 300, "John Kirby"]  # the entity, not the whole source phrase
    assert loaded["docs"][0]["claims"] == _normal(nlp(article.read_text(encoding="utf-8"))._.claims)


def test_span_extensions_registered_once_and_not_overridden():
    before = Span.get_extension("value")
    ClaimSpans()
    assert Span.get_extension("value") == before


def test_displacy_html_escapes_the_article_text(nlp):
    html = render_claims_html(nlp('<script>alert(1)</script> About 300 people fled "<b>home</b>".'))
    assert "<script" not in html and "<b>" not in html
    assert "&lt;" in html and "About" in html


def test_spans_show_html_draws_every_stored_claim(runner, in_tmp):
    from kursk_claims.cli import app

    (in_tmp / "a.txt").write_text("The ministry said 1,200 soldiers were killed and 40 tanks lost.\n", encoding="utf-8")
    assert runner.invoke(app, ["extract", "a.txt", "-f", "jsonl"]).exit_code == 0
    r = runner.invoke(app, ["show", "a.txt", "--html", "a.html"])
    assert r.exit_code == 0, r.output
    page = (in_tmp / "a.html").read_text(encoding="utf-8")
    assert page.count('class="spans"') == 1 and "1,200" in page and "40" in page
    assert page.count("KILLED") + page.count("killed") >= 1 and "EQUIPMENT" in page.upper()


def test_records_are_made_without_building_spans(nlp, monkeypatch):
    """extract writes records, which never read doc.spans: the spans component is left out
    there (and only there), with the same claims."""
    from kursk_claims.io.articles import Article
    from kursk_claims.run.extract import extract_article, extract_articles

    text = "On Tuesday the ministry said 1,200 soldiers had been killed and 40 tanks lost."
    assert len(nlp(text).spans["claims"]) == 2  # the pipeline itself still makes them

    def refuse(self, doc):
        raise AssertionError("spans built for records")

    monkeypatch.setattr(ClaimSpans, "__call__", refuse)
    one = extract_article(nlp, Article("a.txt", text))
    streamed = [c for _, claims, _ in extract_articles(nlp, iter([Article("a.txt", text)])) for c in claims]
    assert [c.text for c in one] == [c.text for c in streamed] == ["1,200", "40"]
