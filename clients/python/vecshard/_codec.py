"""Wire encoding: numpy arrays to packed bytes and back, field columns and filters.

Vectors travel as packed little-endian float32 rows, ids as packed
little-endian int64: outgoing arrays are made contiguous ``<f4`` / ``<i8`` (no
copy when they already are) and turned into bytes once; incoming ones are
``np.frombuffer`` views over the response's bytes (read-only, no copy).
"""

from __future__ import annotations

import json
import math
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np

from .errors import InvalidArgument, Internal
from .v1 import vecshard_pb2 as pb

FIELD_TYPES: Dict[str, Any] = {
    "int64": pb.FIELD_TYPE_INT64,
    "double": pb.FIELD_TYPE_DOUBLE,
    "keyword": pb.FIELD_TYPE_KEYWORD,
    "bool": pb.FIELD_TYPE_BOOL,
    "keywords": pb.FIELD_TYPE_KEYWORDS,
    "json": pb.FIELD_TYPE_JSON,
}
FIELD_TYPE_NAMES: Dict[Any, str] = {value: name for name, value in FIELD_TYPES.items()}

METRICS: Dict[str, Any] = {
    "l2": pb.METRIC_L2,
    "ip": pb.METRIC_INNER_PRODUCT,
    "inner_product": pb.METRIC_INNER_PRODUCT,
    "cosine": pb.METRIC_COSINE,
}
METRIC_NAMES: Dict[Any, str] = {pb.METRIC_L2: "l2", pb.METRIC_INNER_PRODUCT: "ip", pb.METRIC_COSINE: "cosine"}

# The list of FieldColumn that holds each type's values.
_LISTS: Dict[str, str] = {
    "int64": "int64_values",
    "double": "double_values",
    "keyword": "keyword_values",
    "bool": "bool_values",
    "keywords": "keywords_values",
    "json": "json_values",
}

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1

FilterLike = Union[str, Mapping[str, Any], "pb.Filter", None]


def describe(value: Any) -> str:
    """A short description of a value for an error message."""
    if value is None:
        return "None"
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:40] + "…"
        return repr(text)
    if isinstance(value, np.ndarray):
        return f"an array of dtype {value.dtype} and shape {value.shape}"
    if isinstance(value, (list, tuple)):
        return f"a {type(value).__name__} of {len(value)}"
    if isinstance(value, (bool, int, float, np.generic)):
        return f"{type(value).__name__} {value!r}"
    return f"a {type(value).__name__}"


# ----------------------------------------------------------------------------- arrays


def matrix(
    values: Any, dim: Optional[int], what: str, *, single: bool = False, collection: str = "", method: str = ""
) -> np.ndarray:
    """``values`` as a C-contiguous little-endian float32 (n, dim) array, checked.

    Numbers of any real dtype are taken (float64 is converted: one copy; an
    array that is already contiguous ``<f4`` is used as is). With ``single``,
    a 1-D vector is one row. Refuses another dimension than ``dim``, and
    NaN or infinity, with the row that holds it.
    """
    where = f' "{collection}"' if collection else ""
    array = values if isinstance(values, np.ndarray) else np.asarray(values)
    if array.dtype.kind not in "fiu":
        raise InvalidArgument(f"{what} must be real numbers (float32 is sent), got dtype {array.dtype}", method=method)
    if array.ndim == 1 and single:
        array = array.reshape(1, -1)
    if array.ndim != 2:
        shape = "(n, dim) or (dim,)" if single else "(n, dim)"
        raise InvalidArgument(f"{what} must be a 2-D array of shape {shape}, got shape {array.shape}", method=method)
    if dim is not None and array.shape[1] != dim:
        raise InvalidArgument(
            f"{what} have dimension {array.shape[1]}, but the collection{where} has dim {dim} (shape {array.shape})",
            method=method,
        )
    out = np.ascontiguousarray(array, dtype="<f4")
    if array.dtype.kind == "f" and out.size:
        finite = np.isfinite(out)
        if not finite.all():
            row = int(np.argwhere(~finite)[0][0])
            raise InvalidArgument(f"{what}: row {row} holds NaN or infinity; vectors must be finite", method=method)
    return out


def id_array(values: Any, what: str = "ids", *, non_negative: bool = False) -> np.ndarray:
    """``values`` (an integer array-like, or one id) as a contiguous little-endian int64 vector, checked."""
    array = values if isinstance(values, np.ndarray) else np.asarray(values)
    if array.ndim == 0:
        array = array.reshape(1)
    if array.ndim != 1:
        raise InvalidArgument(f"{what} must be a 1-D array of int64 ids, got shape {array.shape}")
    if array.size == 0:
        return np.empty(0, dtype="<i8")
    if array.dtype.kind not in "iu":
        raise InvalidArgument(f"{what} must be integers (int64), got dtype {array.dtype}")
    if array.dtype.kind == "u" and array.dtype.itemsize >= 8 and int(array.max()) > INT64_MAX:
        raise InvalidArgument(f"{what}: {int(array.max())} is beyond the int64 range")
    out = np.ascontiguousarray(array, dtype="<i8")
    if non_negative and int(out.min()) < 0:
        raise InvalidArgument(f"{what} must be ≥ 0, got {int(out.min())}")
    return out


def ids_from_bytes(data: bytes) -> np.ndarray:
    """int64 ids viewed over response bytes (read-only; no copy)."""
    if len(data) % 8:
        raise Internal(f"the answer's ids are {len(data)} bytes, not a whole number of int64")
    return np.frombuffer(data, dtype="<i8")


def floats_from_bytes(data: bytes, what: str) -> np.ndarray:
    """float32 values viewed over response bytes (read-only; no copy)."""
    if len(data) % 4:
        raise Internal(f"the answer's {what} are {len(data)} bytes, not a whole number of float32")
    return np.frombuffer(data, dtype="<f4")


# ----------------------------------------------------------------------------- fields


def schema_fields(fields: Optional[Mapping[str, str]]) -> List["pb.FieldSchema"]:
    """create_collection's ``fields`` (name → type name) in wire form."""
    out = []
    for name, type_name in (fields or {}).items():
        if not isinstance(name, str) or not name:
            raise InvalidArgument(
                f"field names must be non-empty strings, got {describe(name)}", method="CreateCollection"
            )
        wire = FIELD_TYPES.get(str(type_name).lower()) if isinstance(type_name, str) else None
        if wire is None:
            raise InvalidArgument(
                f'field "{name}": unknown type {describe(type_name)} (one of {", ".join(FIELD_TYPES)})',
                method="CreateCollection",
            )
        out.append(pb.FieldSchema(name=name, type=wire))
    return out


def _missing_mask(values: Any, n: int) -> Tuple[Optional[np.ndarray], Any]:
    """(mask of rows without a value or None when all present, values as a sequence)."""
    if isinstance(values, np.ndarray):
        if values.dtype.kind == "f":
            mask = np.isnan(values)
            return (mask if mask.any() else None), values
        if values.dtype.kind != "O":
            return None, values
    mask = np.fromiter((v is None or (isinstance(v, float) and math.isnan(v)) for v in values), dtype=bool, count=n)
    return (mask if mask.any() else None), values


def _refuse(collection: str, name: str, type_name: str, row: int, reason: str) -> InvalidArgument:
    return InvalidArgument(f'upsert "{collection}": field "{name}" ({type_name}), row {row}: {reason}')


def encode_column(collection: str, name: str, type_name: str, values: Any, n: int) -> "pb.FieldColumn":
    """One field's values for n rows in wire form: a placeholder where a row has none, marked in ``missing``.

    None (or NaN in a float array or list) is a missing value.
    """
    if isinstance(values, (str, bytes)) or not hasattr(values, "__len__"):
        raise InvalidArgument(
            f'upsert "{collection}": field "{name}" must be a list or array of values (one per id), got {describe(values)}'
        )
    if len(values) != n:
        raise InvalidArgument(
            f'upsert "{collection}": field "{name}" has {len(values)} values, but the upsert has {n} ids: '
            "give one value per id (None for none)"
        )
    if isinstance(values, np.ndarray) and values.ndim != 1:
        raise InvalidArgument(f'upsert "{collection}": field "{name}" must be 1-D, got shape {values.shape}')
    column = pb.FieldColumn(name=name)
    mask, seq = _missing_mask(values, n)
    absent = np.zeros(n, dtype=bool) if mask is None else mask

    def present(row: int) -> bool:
        return not absent[row]

    if type_name == "int64":
        if isinstance(seq, np.ndarray) and seq.dtype.kind in "iu" and mask is None:
            if seq.dtype.kind == "u" and seq.size and int(seq.max()) > INT64_MAX:
                raise _refuse(collection, name, type_name, int(np.argmax(seq)), "beyond the int64 range")
            column.int64_values.extend(seq.astype(np.int64, copy=False).tolist())
        else:
            out: List[int] = []
            for row in range(n):
                if not present(row):
                    out.append(0)
                    continue
                value = seq[row]
                if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
                    raise _refuse(collection, name, type_name, row, f"expected an integer, got {describe(value)}")
                value = int(value)
                if not INT64_MIN <= value <= INT64_MAX:
                    raise _refuse(collection, name, type_name, row, f"{value} is outside the int64 range")
                out.append(value)
            column.int64_values.extend(out)
    elif type_name == "double":
        if isinstance(seq, np.ndarray) and seq.dtype.kind in "fiu":
            array = seq.astype(np.float64, copy=False)
            if mask is not None:
                array = np.where(mask, 0.0, array)
            column.double_values.extend(array.tolist())
        else:
            out_f: List[float] = []
            for row in range(n):
                if not present(row):
                    out_f.append(0.0)
                    continue
                value = seq[row]
                if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
                    raise _refuse(collection, name, type_name, row, f"expected a number, got {describe(value)}")
                out_f.append(float(value))
            column.double_values.extend(out_f)
    elif type_name == "keyword":
        out_s: List[str] = []
        for row in range(n):
            if not present(row):
                out_s.append("")
                continue
            value = seq[row]
            if not isinstance(value, str):
                raise _refuse(collection, name, type_name, row, f"expected a string, got {describe(value)}")
            out_s.append(value)
        column.keyword_values.extend(out_s)
    elif type_name == "bool":
        if isinstance(seq, np.ndarray) and seq.dtype.kind == "b":
            column.bool_values.extend(seq.tolist())
        else:
            out_b: List[bool] = []
            for row in range(n):
                if not present(row):
                    out_b.append(False)
                    continue
                value = seq[row]
                if not isinstance(value, (bool, np.bool_)):
                    raise _refuse(collection, name, type_name, row, f"expected a bool, got {describe(value)}")
                out_b.append(bool(value))
            column.bool_values.extend(out_b)
    elif type_name == "keywords":
        for row in range(n):
            if not present(row):
                column.keywords_values.add()
                continue
            value = seq[row]
            if isinstance(value, str) or not isinstance(value, (list, tuple, set, frozenset, np.ndarray)):
                raise _refuse(collection, name, type_name, row, f"expected a list of strings, got {describe(value)}")
            items = list(value)
            bad = next((item for item in items if not isinstance(item, str)), None)
            if bad is not None:
                raise _refuse(collection, name, type_name, row, f"expected strings, got {describe(bad)}")
            column.keywords_values.add(values=items)
    elif type_name == "json":
        out_j: List[str] = []
        for row in range(n):
            if not present(row):
                out_j.append("")
                continue
            value = seq[row]
            try:
                out_j.append(json.dumps(value, default=_json_default, allow_nan=False, ensure_ascii=False))
            except (TypeError, ValueError) as error:
                raise _refuse(collection, name, type_name, row, f"not JSON-serialisable: {error}") from None
        column.json_values.extend(out_j)
    else:  # pragma: no cover - the schema only holds known types
        raise InvalidArgument(f'field "{name}" has a type this client does not know: {type_name}')
    if mask is not None:
        column.missing = np.packbits(mask, bitorder="little").tobytes()
    return column


def _json_default(value: Any) -> Any:
    """numpy scalars and arrays as plain Python values, for json.dumps."""
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def column_bytes(type_name: str, values: Any) -> float:
    """A rough size per row of a field column on the wire, from its first values (for batching)."""
    if type_name in ("int64", "double", "bool"):
        return 10.0
    sample = [values[i] for i in range(min(len(values), 64))]
    if not sample:
        return 4.0
    total = 0
    for value in sample:
        if value is None:
            total += 2
        elif type_name == "keyword":
            total += len(str(value)) + 3
        elif type_name == "keywords":
            total += sum(len(str(item)) + 3 for item in value) + 3
        else:
            try:
                total += len(json.dumps(value, default=_json_default)) + 3
            except (TypeError, ValueError):
                total += 16
    return 2.0 * total / len(sample)  # margin: the first rows need not be typical


def decode_columns(columns: Sequence["pb.FieldColumn"], n: int, shape: Tuple[int, ...]) -> Dict[str, np.ndarray]:
    """Field columns of n rows (or hit slots) from the wire, by name: object arrays of ``shape``, None where missing."""
    fields: Dict[str, np.ndarray] = {}
    for column in columns:
        fields[column.name] = _decode_column(column, n).reshape(shape)
    return fields


def _decode_column(column: "pb.FieldColumn", n: int) -> np.ndarray:
    out = np.empty(n, dtype=object)
    missing = np.zeros(n, dtype=bool)
    if column.missing:
        bits = np.unpackbits(np.frombuffer(column.missing, dtype=np.uint8), bitorder="little").astype(bool)
        missing[: min(n, bits.size)] = bits[:n]
    filled = [type_name for type_name, attr in _LISTS.items() if len(getattr(column, attr)) > 0]
    if not filled:
        if not missing.all():
            raise Internal(f'field "{column.name}": no values, but not every row is marked missing')
        return out
    if len(filled) > 1 or len(getattr(column, _LISTS[filled[0]])) != n:
        lengths = ", ".join(f"{len(getattr(column, _LISTS[t]))} {t}" for t in filled)
        raise Internal(f'field "{column.name}": {lengths} values for {n} rows')
    type_name = filled[0]
    values = getattr(column, _LISTS[type_name])
    if type_name == "keywords":
        items: List[Any] = [list(entry.values) for entry in values]
    elif type_name == "json":
        items = []
        for row, text in enumerate(values):
            if missing[row]:
                items.append(None)
                continue
            try:
                items.append(json.loads(text))
            except ValueError as error:
                raise Internal(f'field "{column.name}", row {row}: {error}') from None
    else:
        items = list(values)
    for row in range(n):
        out[row] = None if missing[row] else items[row]
    return out


# ----------------------------------------------------------------------------- filters

_FILTER_KEYS = {"must": "must", "should": "should", "must_not": "must_not", "mustNot": "must_not"}
_CONDITION_KEYS = {
    "match": "match",
    "range": "range",
    "nested": "nested",
    "has_id": "has_id",
    "hasId": "has_id",
    "is_missing": "is_missing",
    "isMissing": "is_missing",
}
_MATCH_LISTS = ("keywords", "int64s", "bools")
_RANGE_BOUNDS = ("gt", "gte", "lt", "lte")
_MAX_DEPTH = 64


def filter_fields(filter: FilterLike, method: str) -> Dict[str, Any]:
    """The request fields a filter sets: ``filter_expression`` for a string, ``filter`` for a dict or Filter.

    A filter without any condition (None, a blank string, an empty dict) sets
    neither: it means every row.
    """
    if filter is None:
        return {}
    if isinstance(filter, str):
        return {"filter_expression": filter} if filter.strip() else {}
    if isinstance(filter, pb.Filter):
        wire = filter
    else:
        wire = to_wire_filter(filter, method)
    if len(wire.must) or len(wire.should) or len(wire.must_not):
        return {"filter": wire}
    return {}


def to_wire_filter(filter: Any, method: str = "filter", path: str = "filter", depth: int = 1) -> "pb.Filter":
    """A filter dict in the proto's shape, checked, as a ``Filter`` message.

    ``{"must": [{"match": {"field": "color", "keywords": ["red"]}},
    {"range": {"field": "price", "lt": 100}}], "must_not": [{"is_missing": "brand"}]}``;
    ``mustNot``, ``hasId`` and ``isMissing`` (the JSON names) are taken too.
    """
    if not isinstance(filter, Mapping):
        raise _bad(method, path, f"expected a dict with must / should / must_not, got {describe(filter)}")
    if depth > _MAX_DEPTH:
        raise _bad(method, path, f"nested more than {_MAX_DEPTH} levels deep (a cycle?)")
    wire = pb.Filter()
    for key, conditions in filter.items():
        target = _FILTER_KEYS.get(key)
        if target is None:
            raise _bad(method, path, f'unknown key "{key}" (a filter has must, should and must_not)')
        if conditions is None:
            continue
        if isinstance(conditions, Mapping):
            conditions = [conditions]
        if not isinstance(conditions, (list, tuple)):
            raise _bad(method, f"{path}.{key}", f"expected a list of conditions, got {describe(conditions)}")
        for i, condition in enumerate(conditions):
            getattr(wire, target).append(_to_wire_condition(condition, method, f"{path}.{key}[{i}]", depth))
    return wire


def _to_wire_condition(condition: Any, method: str, path: str, depth: int) -> "pb.Condition":
    if not isinstance(condition, Mapping):
        raise _bad(method, path, f"expected a condition dict, got {describe(condition)}")
    keys = [key for key, value in condition.items() if value is not None]
    unknown = [key for key in keys if key not in _CONDITION_KEYS]
    if unknown:
        raise _bad(method, path, f'unknown condition "{unknown[0]}" (one of match, range, nested, has_id, is_missing)')
    if len(keys) != 1:
        raise _bad(
            method,
            path,
            "an empty condition (give one of match, range, nested, has_id, is_missing)"
            if not keys
            else f"a condition has exactly one of match, range, nested, has_id, is_missing, got {' and '.join(keys)}",
        )
    key = keys[0]
    kind = _CONDITION_KEYS[key]
    value = condition[key]
    out = pb.Condition()
    if kind == "match":
        out.match.CopyFrom(_to_wire_match(value, method, f"{path}.match"))
    elif kind == "range":
        out.range.CopyFrom(_to_wire_range(value, method, f"{path}.range"))
    elif kind == "nested":
        out.nested.CopyFrom(to_wire_filter(value, method, f"{path}.nested", depth + 1))
    elif kind == "has_id":
        try:
            out.has_id = id_array(value, f"{path}.{key}").tobytes()
        except InvalidArgument as error:
            raise _bad(method, f"{path}.{key}", error.message) from None
    else:
        if not isinstance(value, str) or not value:
            raise _bad(method, f"{path}.{key}", f"expected a field name, got {describe(value)}")
        out.is_missing = value
    return out


def _field_of(condition: Any, method: str, path: str) -> str:
    if not isinstance(condition, Mapping):
        raise _bad(method, path, f"expected a dict, got {describe(condition)}")
    field = condition.get("field")
    if not isinstance(field, str) or not field:
        raise _bad(method, f"{path}.field", f"expected a field name, got {describe(field)}")
    return field


def _to_wire_match(match: Any, method: str, path: str) -> "pb.Match":
    field = _field_of(match, method, path)
    for key in match:
        if key != "field" and key not in _MATCH_LISTS:
            raise _bad(method, path, f'unknown key "{key}" (a match has field and one of keywords, int64s, bools)')
    lists = [key for key in _MATCH_LISTS if match.get(key) is not None]
    if len(lists) != 1:
        raise _bad(method, path, f"give exactly one of keywords, int64s, bools (got {', '.join(lists) or 'none'})")
    key = lists[0]
    values = match[key]
    if isinstance(values, (str, bool, int, np.generic)):
        values = [values]
    if isinstance(values, np.ndarray):
        values = values.tolist()
    if not isinstance(values, (list, tuple, set, frozenset)):
        raise _bad(method, f"{path}.{key}", f"expected a list, got {describe(values)}")
    values = list(values)
    out = pb.Match(field=field)
    for i, value in enumerate(values):
        if key == "keywords":
            if not isinstance(value, str):
                raise _bad(method, f"{path}.keywords[{i}]", f"expected a string, got {describe(value)}")
            out.keywords.append(value)
        elif key == "bools":
            if not isinstance(value, (bool, np.bool_)):
                raise _bad(method, f"{path}.bools[{i}]", f"expected a bool, got {describe(value)}")
            out.bools.append(bool(value))
        else:
            if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
                raise _bad(method, f"{path}.int64s[{i}]", f"expected an integer, got {describe(value)}")
            if not INT64_MIN <= int(value) <= INT64_MAX:
                raise _bad(method, f"{path}.int64s[{i}]", f"{int(value)} is outside the int64 range")
            out.int64s.append(int(value))
    return out


def _to_wire_range(range_: Any, method: str, path: str) -> "pb.Range":
    field = _field_of(range_, method, path)
    out = pb.Range(field=field)
    for key, value in range_.items():
        if key == "field" or value is None:
            continue
        if key not in _RANGE_BOUNDS:
            raise _bad(method, path, f'unknown key "{key}" (a range has field, gt, gte, lt, lte)')
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
            raise _bad(method, f"{path}.{key}", f"expected a number, got {describe(value)}")
        if math.isnan(float(value)):
            raise _bad(method, f"{path}.{key}", "expected a number, got NaN")
        setattr(out, key, float(value))
    if not any(out.HasField(bound) for bound in _RANGE_BOUNDS):
        raise _bad(method, path, "give at least one of gt, gte, lt, lte")
    return out


def _bad(method: str, path: str, message: str) -> InvalidArgument:
    return InvalidArgument(f"{path}: {message}", method=method)
