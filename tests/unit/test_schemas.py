"""The shared JSON shapes: strict, exact about numbers, and the API's error body."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from json_schema_check import errors
from runlift import schemas
from runlift.domain.vocab import Units


def test_a_wrong_document_fails_both_the_model_and_the_schema() -> None:
    good = {"id": "taper", "rule": "cut volume", "sources": ["Bosquet 2007"]}
    schema = schemas.Rule.model_json_schema()
    assert schemas.Rule.model_validate(good).model_dump(mode="json") == good
    assert errors(good, schema) == []
    for bad in (good | {"extra": 1}, {"id": "taper", "rule": 3, "sources": []}, {"id": "x"}):
        with pytest.raises(ValidationError):
            schemas.Rule.model_validate(bad)
        assert errors(bad, schema)


def test_numbers_keep_their_json_form() -> None:
    assert (
        schemas.dumps(schemas.Load(value=88, unit=Units.KG))
        == '{\n  "value": 88,\n  "unit": "kg"\n}'
    )
    assert json.loads(schemas.dumps([schemas.Load(value=22.5, unit=Units.LB)])) == [
        {"value": 22.5, "unit": "lb"}
    ]
    assert errors({"value": 88, "unit": "kg"}, schemas.Load.model_json_schema()) == []


def test_a_set_target_shows_tempo_only_when_set_and_counts_only_when_false() -> None:
    plain = {
        "exercise": "goblet-squat",
        "variant": "goblet-squat",
        "sets": 3,
        "reps": [8, 12],
        "seconds": None,
        "load": None,
        "rir": 2,
    }
    assert schemas.SetTarget.model_validate(plain).model_dump(mode="json") == plain
    marked = plain | {"tempo": "3-0-3", "counts": False}
    assert schemas.SetTarget.model_validate(marked).model_dump(mode="json") == marked


def test_shapes_are_frozen() -> None:
    rule = schemas.Rule(id="taper", rule="cut volume", sources=("Bosquet 2007",))
    with pytest.raises(ValidationError):
        rule.id = "other"


def test_the_error_shape_is_the_api_contract() -> None:
    body = {"error": {"code": "not_found", "message": "unknown exercise 'x'", "field": None}}
    assert schemas.Error.model_validate(body).model_dump(mode="json") == body
    assert errors(body, schemas.Error.model_json_schema()) == []
    with pytest.raises(ValidationError):
        schemas.Error.model_validate({"error": {"code": "x", "message": "y"}})
