"""Guess an indicator's field, direction and measure from its name when a document first names it.

The planner can correct each guess in the review screen or the admin; these only save typing.
"""

from __future__ import annotations

from theodoi.core.text import fold

_FIELD_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("party", ("dang vien", "to chuc co so dang", "chi bo", "ket nap dang")),
    ("defence", ("quoc phong", "an ninh", "quan su", "dan quan", "toi pham", "tai nan giao thong", "tuyen quan")),
    ("society", (
        "dan so", "lao dong", "ho ngheo", "truong", "hoc sinh", "giuong benh", "bac si", "y te", "bao hiem",
        "suy dinh duong", "che phu rung", "moi truong", "nuoc sach", "van hoa", "the thao", "tre em", "chat thai",
        "dao tao", "viec lam", "tiem chung", "gia dinh", "nuoc hop ve sinh", "rac thai", "tuoi tho",
    )),
]
_LOWER_WORDS = ("ho ngheo", "suy dinh duong", "ty le sinh", "tai nan", "toi pham", "that nghiep", "tu vong", "ngheo")
_FLOW_WORDS = (
    "trong moi", "thanh lap moi", "thu ngan sach", "von dau tu", "xuat khau", "luot khach", "tao viec lam",
    "trong rung", "giai quyet viec lam", "dat chuan nong thon moi", "them", "tong thu", "nhap khau", "doanh thu",
)


def guess_field(name: str) -> str:
    folded = fold(name)
    for field, words in _FIELD_WORDS:
        if any(word in folded for word in words):
            return field
    return "economy"


def guess_direction(name: str, comparator: str) -> str:
    """Lower is better for poverty, malnutrition, accidents, or when the target says 'dưới'/'không quá'."""
    if comparator in ("<", "<="):
        return "lower"
    folded = fold(name)
    return "lower" if any(word in folded for word in _LOWER_WORDS) else "higher"


def guess_measure(name: str, unit: str) -> str:
    """Flows add up over the year (new forest, tourists, revenue); stocks and rates are read at a point."""
    if unit.strip() == "%":
        return "stock"
    folded = fold(name)
    return "flow" if any(word in folded for word in _FLOW_WORDS) else "stock"


def is_change_target(name: str) -> bool:
    """'Tỷ lệ hộ nghèo giảm ít nhất 4%' is a change against last year's baseline, not a level."""
    folded = fold(name)
    return folded.startswith(("giam", "tang")) or " giam " in f" {folded} " and "ty le" in folded
