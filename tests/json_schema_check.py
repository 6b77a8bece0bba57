"""A small JSON Schema checker for the keywords Pydantic emits (the `jsonschema` package is not a
dependency): enough to prove a printed document obeys the schema `runlift schema` prints."""

from __future__ import annotations

import datetime as dt
from typing import Any

KNOWN = {
    "$defs",
    "$ref",
    "additionalProperties",
    "anyOf",
    "default",
    "description",
    "enum",
    "format",
    "items",
    "maxItems",
    "minItems",
    "prefixItems",
    "properties",
    "propertyNames",
    "required",
    "title",
    "type",
}
TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}


def errors(document: object, schema: dict[str, Any]) -> list[str]:
    """Every place where `document` breaks `schema` (empty when it conforms)."""
    return errors_in(document, schema, schema, "$")


def _is_type(value: object, name: str) -> bool:
    if isinstance(value, bool) and name in ("integer", "number"):
        return False
    return isinstance(value, TYPES[name])


def _check(
    value: object, schema: dict[str, Any], root: dict[str, Any], at: str, out: list[str]
) -> None:
    unknown = set(schema) - KNOWN
    if unknown:
        out.append(f"{at}: the checker does not know {sorted(unknown)}")
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        _check(value, root["$defs"][name], root, at, out)
    options = schema.get("anyOf", [])
    if options and all(errors_in(value, option, root, at) for option in options):
        out.append(f"{at}: {value!r} matches none of anyOf")
    if "type" in schema and not _is_type(value, schema["type"]):
        out.append(f"{at}: {value!r} is not of type {schema['type']}")
        return
    if "enum" in schema and value not in schema["enum"]:
        out.append(f"{at}: {value!r} not in {schema['enum']}")
    if schema.get("format") == "date":
        try:
            dt.date.fromisoformat(str(value))
        except ValueError:
            out.append(f"{at}: {value!r} is not a date")
    if isinstance(value, dict):
        _check_object(value, schema, root, at, out)
    if isinstance(value, list):
        _check_array(value, schema, root, at, out)


def errors_in(value: object, schema: dict[str, Any], root: dict[str, Any], at: str) -> list[str]:
    """The breaks of `value` against a part of `root`, found at path `at`."""
    found: list[str] = []
    _check(value, schema, root, at, found)
    return found


def _check_object(
    value: dict[str, Any], schema: dict[str, Any], root: dict[str, Any], at: str, out: list[str]
) -> None:
    properties: dict[str, Any] = schema.get("properties", {})
    for key in schema.get("required", []):
        if key not in value:
            out.append(f"{at}: missing {key!r}")
    for key, item in value.items():
        if "propertyNames" in schema:
            _check(key, schema["propertyNames"], root, f"{at} key {key!r}", out)
        if key in properties:
            _check(item, properties[key], root, f"{at}.{key}", out)
        elif schema.get("additionalProperties") is False:
            out.append(f"{at}: unexpected key {key!r}")
        elif isinstance(schema.get("additionalProperties"), dict):
            _check(item, schema["additionalProperties"], root, f"{at}.{key}", out)


def _check_array(
    value: list[Any], schema: dict[str, Any], root: dict[str, Any], at: str, out: list[str]
) -> None:
    if "minItems" in schema and len(value) < schema["minItems"]:
        out.append(f"{at}: fewer than {schema['minItems']} items")
    if "maxItems" in schema and len(value) > schema["maxItems"]:
        out.append(f"{at}: more than {schema['maxItems']} items")
    prefix: list[dict[str, Any]] = schema.get("prefixItems", [])
    for index, item in enumerate(value):
        if index < len(prefix):
            _check(item, prefix[index], root, f"{at}[{index}]", out)
        elif "items" in schema:
            _check(item, schema["items"], root, f"{at}[{index}]", out)
