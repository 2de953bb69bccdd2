"""The GeoJSON check: what a map can draw passes, every other shape is refused with its place named."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from theodoi.geo.geojson import GeoJSONError, parse_features

SQUARE = [[[107.0, 14.0], [107.5, 14.0], [107.5, 14.5], [107.0, 14.5], [107.0, 14.0]]]


def _collection(*features: dict) -> str:
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


def _feature(code: str | None, geometry: object, **props: object) -> dict:
    properties = {"code": code, **props} if code is not None else dict(props)
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def test_polygons_and_multipolygons_are_read_with_their_codes_names_and_levels() -> None:
    features = parse_features(_collection(
        _feature("huyen-a", {"type": "Polygon", "coordinates": SQUARE}, name="huyện A"),
        _feature("xa-b", {"type": "MultiPolygon", "coordinates": [SQUARE, SQUARE]}, level="commune"),
    ))
    assert [(f.code, f.name, f.level) for f in features] == [("huyen-a", "huyện A", ""), ("xa-b", "", "commune")]


def test_another_code_property_can_be_named() -> None:
    features = parse_features(_collection(_feature(None, {"type": "Polygon", "coordinates": SQUARE}, ma_huyen="H01")),
                              code_property="ma_huyen")
    assert features[0].code == "H01"


@pytest.mark.parametrize(("text", "words"), [
    ("{not json", "không đọc được JSON"),
    (json.dumps({"type": "Feature"}), "FeatureCollection"),
    (json.dumps({"type": "FeatureCollection", "features": []}), "không có vùng nào"),
])
def test_a_file_that_is_not_a_collection_is_refused(text: str, words: str) -> None:
    with pytest.raises(GeoJSONError) as caught:
        parse_features(text)
    assert words in caught.value.message_vi


def test_every_problem_is_listed_with_the_feature_it_is_in() -> None:
    open_ring = [[[107.0, 14.0], [107.5, 14.0], [107.5, 14.5], [107.0, 14.5]]]
    with pytest.raises(GeoJSONError) as caught:
        parse_features(_collection(
            _feature(None, {"type": "Polygon", "coordinates": SQUARE}),
            _feature("b", {"type": "Point", "coordinates": [107, 14]}),
            _feature("c", {"type": "Polygon", "coordinates": open_ring}),
            _feature("d", {"type": "Polygon", "coordinates": [[[200, 14], [201, 14], [201, 15], [200, 14]]]}),
            _feature("e", {"type": "Polygon", "coordinates": SQUARE}),
            _feature("e", {"type": "Polygon", "coordinates": SQUARE}),
        ))
    problems = caught.value.problems
    assert problems[0].startswith("vùng thứ 1: thiếu thuộc tính mã đơn vị")
    assert "vùng thứ 2 (mã b): kiểu hình dạng 'Point'" in problems[1]
    assert "vùng thứ 3 (mã c): vòng ranh giới phải khép kín" in problems[2]
    assert "vùng thứ 4 (mã d): tọa độ [200, 14] nằm ngoài" in problems[3]
    assert problems[4] == "vùng thứ 6 (mã e): mã bị trùng"


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4),
                    max_leaves=20))
def test_any_json_geometry_is_either_accepted_as_an_area_or_refused_with_words(geometry: object) -> None:
    try:
        features = parse_features(_collection(_feature("x", geometry)))
    except GeoJSONError as exc:
        assert exc.problems and all(isinstance(p, str) and p for p in exc.problems)
    else:
        assert features[0].geometry == geometry
        assert isinstance(geometry, dict) and geometry["type"] in ("Polygon", "MultiPolygon")


@given(st.binary(max_size=64))
def test_arbitrary_bytes_never_raise_anything_but_a_refusal(data: bytes) -> None:
    with contextlib.suppress(GeoJSONError):
        parse_features(data)
