"""One validator for what people write by hand: the TOML configuration, the policy and recogniser YAML.

    read_yaml(path, where, error)      a YAML file, or one line naming the file (and the line) saying why not
    validate(fields, data, where, error)  typed keys checked by pydantic: unknown keys get "did you mean",
                                       wrong values name the key and what it must be
    dataclass_fields(cls)              the typed keys of a configuration section: its dataclass fields

Values are read strictly, as a person wrote them: "5" is not 5, 1 is not true, a whole number is at least 1.
The field declarations stay where they are (the frozen dataclasses of dlp.config, the rules' OPTIONS): a field
added there is validated with no change here. Every failure is one `error` (ConfigError, PolicyError), never
pydantic's own report.
"""

from __future__ import annotations

import dataclasses
import difflib
import types
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

import yaml

from dlp.errors import DlpError

# A field's declared type and its default (dataclasses.MISSING: none).
Fields = Mapping[str, tuple[Any, Any]]


def did_you_mean(word: str, known: Iterable[str]) -> str:
    known = sorted(known)
    close = difflib.get_close_matches(word, known, n=1)
    return f"did you mean {close[0]!r}?" if close else f"known: {', '.join(known)}"


def unknown_key(data: Mapping[str, Any], known: Iterable[str], where: str, error: type[DlpError]) -> None:
    """Refuse the first key of `data` that is not `known`, suggesting the nearest known one."""
    known = list(known)
    for key in data:
        if key not in known:
            raise error(f"{where}: unknown key {key!r}; {did_you_mean(str(key), known)}")


def read_yaml(path: Path, where: str, error: type[DlpError]) -> Any:
    """A YAML file's content. `where` names the file for the messages (it is never quoted from the file)."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise error(f"{where}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{where}: cannot be read ({exc.__class__.__name__})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark is not None else ""
        raise error(f"{where}: not valid YAML{at}") from None


def dataclass_fields(cls: type) -> dict[str, tuple[Any, Any]]:
    """A dataclass's fields as (type, default), for `validate`."""
    hints = get_type_hints(cls)
    out = {}
    for f in dataclasses.fields(cls):
        default = f.default if f.default is not dataclasses.MISSING else f.default_factory
        out[f.name] = (hints[f.name], default)
    return out


def validate(fields: Fields, data: Any, where: str, error: type[DlpError], table: str = "a mapping") -> dict[str, Any]:
    """The keys of `data` checked against `fields`; tuples come back as tuples, numbers as the declared kind."""
    if not isinstance(data, Mapping):
        raise error(f"{where} must be {table}")
    unknown_key(data, fields, where, error)
    # A model of the keys given only: building one costs about a millisecond per field, and a file sets few.
    model = _model(tuple((name, fields[name][0]) for name in sorted(data)))
    try:
        model.model_validate(dict(data))
    except _pydantic().ValidationError as exc:
        loc = exc.errors()[0]["loc"]
        key, value, at = str(loc[0]), data[str(loc[0])], ""
        if len(loc) > 1 and isinstance(loc[1], int) and isinstance(value, list):  # one bad item of a list
            value, at = value[loc[1]], f" (item {loc[1] + 1})"
        raise error(f"{where}: {key} must be {describe(fields[key][0])}, got {_shown(value)}{at}") from None
    return {key: _converted(fields[key][0], value) for key, value in data.items()}


def describe(annotation: Any) -> str:
    """What a value of this declared type is, in the words of the error messages."""
    origin, args = get_origin(annotation), get_args(annotation)
    if annotation is bool:
        return "true or false"
    if annotation is int:
        return "a whole number of at least 1"
    if annotation is float:
        return "a number"
    if annotation is str:
        return "a string"
    if origin in (tuple, list):
        return "a list of strings" if args and args[0] is str else "a list"
    if origin is dict:
        return "a mapping of names to words"
    if origin is Literal:
        return "one of " + ", ".join(str(a) for a in args)
    if origin in (Union, types.UnionType):
        return " or ".join(describe(a) for a in args if a is not type(None))
    return getattr(annotation, "__name__", str(annotation))


def _pydantic() -> Any:
    import pydantic  # with FastAPI; imported only when a file is validated

    return pydantic


def _strict(annotation: Any) -> Any:
    """The declared type as read from a file: no coercion, arrays for tuples, whole numbers at least 1."""
    p = _pydantic()
    origin, args = get_origin(annotation), get_args(annotation)
    if annotation is bool:
        return p.StrictBool
    if annotation is int:
        return Annotated[p.StrictInt, p.Field(ge=1)]
    if annotation is float:
        return p.StrictFloat | p.StrictInt
    if annotation is str:
        return p.StrictStr
    if origin in (tuple, list):
        return list[_strict(args[0]) if args else Any]  # type: ignore[misc]
    if origin is dict:
        return dict[p.StrictStr, _strict(args[1]) if len(args) == 2 else Any]  # type: ignore[misc, name-defined]
    if origin in (Union, types.UnionType):
        return Union[tuple(_strict(a) for a in args)]  # noqa: UP007 - built from a tuple
    return annotation


@cache
def _model(fields: tuple[tuple[str, Any], ...]) -> Any:
    p = _pydantic()
    definitions = {name: (Union[_strict(annotation), None], None) for name, annotation in fields}  # noqa: UP007
    return p.create_model("Checked", __config__=p.ConfigDict(extra="forbid", strict=True), **definitions)


def _converted(annotation: Any, value: Any) -> Any:
    origin, args = get_origin(annotation), get_args(annotation)
    if origin in (Union, types.UnionType):
        annotation = next(a for a in args if a is not type(None))
        origin = get_origin(annotation)
    if origin is tuple and isinstance(value, list):
        return tuple(value)
    if annotation is float and isinstance(value, int):
        return float(value)
    return value


def _shown(value: Any) -> str:
    """The wrong value, short: itself if it is a small scalar, else its kind."""
    if isinstance(value, bool | int | float) or (isinstance(value, str) and len(value) <= 40):
        return repr(value)
    kinds: dict[type, str] = {str: "a long string", list: "a list", dict: "a mapping"}
    return kinds.get(type(value), type(value).__name__)
