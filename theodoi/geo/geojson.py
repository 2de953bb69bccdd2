"""Reading a GeoJSON FeatureCollection of boundaries: every problem found, named in Vietnamese.

Pure Python (no Django) so it is tested on its own, hypothesis included. The check is strict on
what a map needs (Polygon or MultiPolygon rings of [longitude, latitude] pairs, closed, four
positions or more) and says where each problem is ("vùng thứ 3 (mã huyen-x)") so that whoever
drew the file can fix it; a file with any problem is refused whole, never half-imported.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

MAX_ERRORS = 10
GEOMETRY_TYPES = ("Polygon", "MultiPolygon")


class GeoJSONError(ValueError):
    """The file cannot be imported; ``problems`` are Vietnamese sentences, one per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems

    @property
    def message_vi(self) -> str:
        shown = self.problems[:MAX_ERRORS]
        more = len(self.problems) - len(shown)
        tail = f" (và {more} lỗi khác)" if more > 0 else ""
        return "Tệp GeoJSON không hợp lệ: " + "; ".join(shown) + tail + "."


@dataclass(frozen=True)
class Feature:
    code: str
    name: str
    level: str
    geometry: dict[str, Any]


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _ring_problem(ring: Any) -> str:
    """Why a linear ring is unusable ("" when it is fine)."""
    if not isinstance(ring, list) or len(ring) < 4:
        return "mỗi vòng ranh giới cần ít nhất 4 điểm"
    for point in ring:
        if not isinstance(point, list) or len(point) < 2 or not all(_is_number(c) for c in point[:2]):
            return "tọa độ phải là cặp số [kinh độ, vĩ độ]"
        if not (-180 <= point[0] <= 180 and -90 <= point[1] <= 90):
            return f"tọa độ [{point[0]}, {point[1]}] nằm ngoài phạm vi kinh độ, vĩ độ"
    if ring[0][:2] != ring[-1][:2]:
        return "vòng ranh giới phải khép kín (điểm cuối trùng điểm đầu)"
    return ""


def geometry_problem(geometry: Any) -> str:
    """Why a geometry cannot be drawn as an area ("" when it can)."""
    if not isinstance(geometry, dict):
        return "thiếu hình dạng (geometry)"
    kind = geometry.get("type")
    if kind not in GEOMETRY_TYPES:
        return f"kiểu hình dạng {kind!r} không dùng được, cần Polygon hoặc MultiPolygon"
    coordinates = geometry.get("coordinates")
    polygons = [coordinates] if kind == "Polygon" else coordinates
    if not isinstance(polygons, list) or not polygons:
        return "thiếu tọa độ (coordinates)"
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon:
            return "thiếu tọa độ (coordinates)"
        for ring in polygon:
            problem = _ring_problem(ring)
            if problem:
                return problem
    return ""


def _where(index: int, code: str) -> str:
    return f"vùng thứ {index}" + (f" (mã {code})" if code else "")


def _load(data: bytes | str) -> Any:
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise GeoJSONError([f"không đọc được JSON ({exc})"]) from exc


def parse_features(data: bytes | str, *, code_property: str = "code") -> list[Feature]:
    """The features of a FeatureCollection, each with its unit code; raises GeoJSONError listing
    every problem (a missing code, a duplicate, a shape that is not an area)."""
    document = _load(data)
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise GeoJSONError(["tệp phải là một FeatureCollection"])
    features = document.get("features")
    if not isinstance(features, list) or not features:
        raise GeoJSONError(["tệp không có vùng nào (features trống)"])
    problems: list[str] = []
    out: list[Feature] = []
    seen: set[str] = set()
    for index, feature in enumerate(features, start=1):
        properties = feature.get("properties") if isinstance(feature, dict) else None
        properties = properties if isinstance(properties, dict) else {}
        code = str(properties.get(code_property) or "").strip()
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            problems.append(f"{_where(index, code)}: không phải một Feature")
            continue
        if not code:
            problems.append(f"{_where(index, code)}: thiếu thuộc tính mã đơn vị “{code_property}”")
        elif code in seen:
            problems.append(f"{_where(index, code)}: mã bị trùng")
        seen.add(code)
        problem = geometry_problem(feature.get("geometry"))
        if problem:
            problems.append(f"{_where(index, code)}: {problem}")
        if code and not problem:
            name = str(properties.get("name") or properties.get("ten") or "").strip()
            level = str(properties.get("level") or properties.get("cap") or "").strip()
            out.append(Feature(code=code, name=name, level=level, geometry=feature["geometry"]))
    if problems:
        raise GeoJSONError(problems)
    return out
