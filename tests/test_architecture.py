"""The house rules of the package: layers that import only downward, no import cycle (imports inside
functions included), one schema, word lists as documented data, and cache keys that follow code,
not comments. See ARCHITECTURE.md."""
from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

import toolkit as tk
from toolkit import schema, wordlists
from toolkit.version import code_hash, normalized_source

PKG = Path(tk.__file__).parent

# Lower layers first; a module may import from its own layer or any layer below it.
LAYERS = [
    ("errors", "version", "schema", "units", "wordlists", "nlp"),
    ("clean", "boilerplate", "load", "dedupe"),
    ("actors",),
    ("quotes",),
    ("topics",),
    ("pipeline",),
    ("engines",),
    ("store",),
    ("corpus",),
    ("analysis",),
    ("tables", "exports"),
    ("charts",),
    ("widgets",),
    ("cli", ""),  # "" is the package itself (toolkit/__init__.py): the flat API on top
]
LAYER = {name: i for i, names in enumerate(LAYERS) for name in names}


def _module_name(path: Path) -> str:
    rel = path.relative_to(PKG).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """toolkit modules imported anywhere in ``path`` (function bodies too), as dotted names under toolkit."""
    me = _module_name(path)
    package = me.split(".") if path.name == "__init__.py" else me.split(".")[:-1]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name == "toolkit" or a.name.startswith("toolkit."):
                    out.add(a.name.removeprefix("toolkit").lstrip("."))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
            elif node.module and (node.module == "toolkit" or node.module.startswith("toolkit.")):
                mod = node.module.removeprefix("toolkit").lstrip(".")
            else:
                continue
            for a in node.names:  # "from . import store" imports the module toolkit.store
                sub = f"{mod}.{a.name}" if mod else a.name
                out.add(sub if _exists(sub) else mod)
    out.discard(me)
    return out


def _exists(dotted: str) -> bool:
    p = PKG.joinpath(*dotted.split("."))
    return p.with_suffix(".py").is_file() or (p / "__init__.py").is_file()


def _graph() -> dict[str, set[str]]:
    return {_module_name(p): _imports(p) for p in sorted(PKG.rglob("*.py"))}


def _room(module: str) -> str:
    return module.split(".")[0]


def test_every_module_belongs_to_a_layer():
    rooms = {_room(m) for m in _graph()}
    assert rooms <= set(LAYER), f"modules outside ARCHITECTURE.md's layers: {sorted(rooms - set(LAYER))}"


def test_every_import_names_a_module_that_exists():
    # an import inside a function is only run when the function is: check them all here
    missing = [f"{mod} imports {dep}" for mod, deps in _graph().items() for dep in deps if not _exists(dep)]
    assert not missing, "\n".join(sorted(missing))


def test_layers_import_only_downward():
    upward = []
    for mod, deps in _graph().items():
        for dep in deps:
            if LAYER[_room(dep)] > LAYER[_room(mod)]:
                upward.append(f"{mod} imports {dep}")
    assert not upward, "imports that go up a layer:\n" + "\n".join(sorted(upward))


def test_no_import_cycle_function_level_imports_included():
    graph = _graph()
    state: dict[str, int] = {}
    cycles = []

    def visit(node, path):
        state[node] = 1
        for dep in sorted(graph.get(node, ())):
            if dep not in graph:
                continue
            if state.get(dep) == 1:
                cycles.append(" -> ".join(path[path.index(dep):] + [dep]))
            elif dep not in state:
                visit(dep, path + [dep])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_the_reference_graph_is_not_empty():
    # the checks above would pass on a parser that found no imports at all
    graph = _graph()
    assert "pipeline" in graph["engines.local"] and "store" in graph["corpus"] and "schema" in graph["store"]


@pytest.mark.parametrize("name", sorted(schema.TABLES))
def test_every_table_has_one_string_dtype(name):
    df = schema.empty(name)
    text = [c for c, t in schema.TABLES[name].items() if t == schema.STRING]
    assert all(str(df[c].dtype) == "string" for c in text)
    assert list(df.columns) == schema.columns(name)


def test_word_lists_say_what_they_are_and_hold_no_duplicates():
    assert len(wordlists.names()) >= 20
    for name in wordlists.names():
        head = " ".join(wordlists.header(name))
        assert "Source:" in head and len(head) > 60, f"{name}.csv needs a header saying what it is and its source"
        rows = wordlists.rows(name)
        assert rows, name
        first = next(iter(rows[0]))
        keys = [r[first] for r in rows]
        assert len(keys) == len(set(keys)), f"{name}.csv repeats {sorted({k for k in keys if keys.count(k) > 1})}"


def _copy_toolkit(tmp_path: Path) -> Path:
    root = tmp_path / "toolkit"
    shutil.copytree(PKG, root, ignore=shutil.ignore_patterns("__pycache__", "sample"))
    return root


def test_comments_and_docstrings_do_not_change_the_cache_key(tmp_path):
    root = _copy_toolkit(tmp_path)
    before = code_hash(root)
    f = root / "actors" / "merge.py"
    src = f.read_text(encoding="utf-8")
    edited = src.replace('"""The corpus-wide merge', '"""(Reworded.) The corpus-wide merge', 1)
    edited = edited.replace("\n\ndef merge_actors", "\n\n# a new comment\n\n\ndef merge_actors", 1)
    assert edited != src
    f.write_text(edited, encoding="utf-8")
    assert code_hash(root) == before


def test_code_and_word_list_changes_change_the_cache_key(tmp_path):
    root = _copy_toolkit(tmp_path)
    before = code_hash(root)
    f = root / "actors" / "merge.py"
    f.write_text(f.read_text(encoding="utf-8").replace('"n_articles"', '"n_articles_"', 1), encoding="utf-8")
    after_code = code_hash(root)
    assert after_code != before
    words = root / "data" / "wordlists" / "cue_verbs.csv"
    words.write_text(words.read_text(encoding="utf-8") + "mumble\n", encoding="utf-8")
    assert code_hash(root) != after_code


def test_normalized_source_ignores_layout_but_not_logic():
    a = normalized_source('def f(x):\n    """Doc."""\n    return x + 1  # why\n')
    b = normalized_source("def f(x):\n\n    return (x +\n            1)\n")
    assert a == b
    assert normalized_source("def f(x):\n    return x + 2\n") != a


def test_extractors_run_on_their_own_doc():
    nlp = tk.load_model()
    doc = nlp("Foreign Minister Ana Lima said on Monday that the talks would resume.")
    mentions = tk.extract_mentions(doc)
    quotes = tk.extract_quotes(doc, mentions=mentions)
    assert [m["name"] for m in mentions if m["kind"] == "person"] == ["Ana Lima"]
    assert mentions[0]["title"] == "Foreign Minister"
    assert [(q["kind"], q["text"], q["speaker_name"]) for q in quotes] == [
        ("indirect", "the talks would resume", "Ana Lima")]


def test_importing_the_toolkit_and_opening_the_explorers_leave_spacy_sklearn_and_scipy_unloaded():
    # A dashboard's first paint imports the toolkit, opens a store and builds the first tab; spaCy
    # scikit-learn and SciPy (seconds of imports) load only with the model, topics and counts.
    import subprocess
    import sys
    code = ("import sys, toolkit, toolkit.widgets, toolkit.charts, toolkit.corpus, toolkit.tables; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'spacy', 'sklearn', 'thinc', 'scipy'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=PKG.parent)
    assert out.stdout.strip() == "[]", out.stdout
    assert callable(tk.topics) and "the" in __import__("toolkit.topics", fromlist=["x"]).STOP_WORDS
