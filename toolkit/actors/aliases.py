"""User alias tables: alias -> canonical name (and kind), which override the automatic merge."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ..errors import InvalidOptionError
from ..schema import KINDS
from .names import normalize_name


@dataclass(frozen=True)
class AliasTable:
    """A user alias table: ``names`` maps a normalised alias (and each canonical name) to
    (canonical name, kind or None); ``written`` keeps the aliases as written, to search texts for."""

    names: dict = field(default_factory=dict)
    written: dict = field(default_factory=dict)

    def get(self, key: str):
        return self.names.get(key)

    def __bool__(self) -> bool:
        return bool(self.names)


def read_aliases(aliases) -> AliasTable:
    """A user alias table (:class:`AliasTable`) from the forms users have.

    Accepts a dict (alias -> name, or alias -> {"name": ..., "kind": ...}), a DataFrame or a path
    to a CSV (columns alias, name, optional kind) or YAML file (the dict form).
    """
    if aliases is None:
        return AliasTable()
    if isinstance(aliases, AliasTable):
        return aliases
    if isinstance(aliases, (str, bytes)) or hasattr(aliases, "__fspath__"):
        from pathlib import Path

        from ..errors import LoadError

        p = Path(aliases)
        if not p.is_file():
            raise LoadError(p, "alias table not found")
        if p.suffix.lower() in (".yml", ".yaml"):
            import yaml

            try:
                aliases = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
            except yaml.YAMLError as exc:
                raise LoadError(p, f"alias table is not valid YAML: {exc}") from None
        elif p.suffix.lower() == ".csv":
            aliases = pd.read_csv(p, dtype=str, keep_default_na=False)
        else:
            raise LoadError(p, "alias table must be .csv, .yml or .yaml")
    out, written = {}, {}
    if isinstance(aliases, pd.DataFrame):
        for col in ("alias", "name"):
            if col not in aliases.columns:
                from ..errors import MissingColumnError

                raise MissingColumnError(col, "alias table", "give columns alias, name and optionally kind")
        rows = [(a, n, k) for a, n, k in zip(aliases["alias"], aliases["name"],
                                              aliases["kind"] if "kind" in aliases else [None] * len(aliases))]
    elif isinstance(aliases, dict):
        rows = []
        for a, v in aliases.items():
            if isinstance(v, dict):
                rows.append((a, v.get("name"), v.get("kind")))
            else:
                rows.append((a, v, None))
    else:
        raise InvalidOptionError("aliases", type(aliases).__name__, ("dict", "DataFrame", "path to .csv/.yaml"))
    for a, n, k in rows:
        if not a or not n:
            continue
        k = k or None
        if k is not None and k not in KINDS:
            raise InvalidOptionError(f"aliases[{a!r}].kind", k, KINDS)
        out[normalize_name(str(a))] = (str(n), k)
        out.setdefault(normalize_name(str(n)), (str(n), k))
        written[str(a).strip()] = (str(n), k)
    return AliasTable(out, written)


def _alias_phrases(aliases: AliasTable | None) -> dict[str, tuple[str, str | None]]:
    """Written forms of user aliases, to search the texts for."""
    return dict(aliases.written) if aliases else {}
