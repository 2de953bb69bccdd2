"""The words on a map's outlines: the place's own name, without the administrative word that opens
it (ten "huyện ..." labels on a small province covered one another)."""

from __future__ import annotations

import pytest

from theodoi.accounts.models import OrgUnit, UnitKind
from theodoi.geo.selectors import map_label


@pytest.mark.parametrize(
    ("name", "short_name", "label"),
    [
        ("UBND huyện Đắk Hà", "huyện Đắk Hà", "Đắk Hà"),
        ("UBND thành phố Kon Tum", "thành phố Kon Tum", "TP. Kon Tum"),
        ("UBND thị xã Ayun Pa", "thị xã Ayun Pa", "Ayun Pa"),
        ("UBND xã Hà Mòn", "xã Hà Mòn", "Hà Mòn"),
        ("UBND thị trấn Đắk Hà", "thị trấn Đắk Hà", "Đắk Hà"),
        ("Xã Ngọc Wang", "", "Ngọc Wang"),  # no short name: the name, capitalised or not
        ("Huyện", "", "Huyện"),  # nothing after the word: kept as it is
        ("Xuân Trường", "", "Xuân Trường"),  # a name that merely starts like "xã" is not cut
    ],
)
def test_the_label_drops_the_administrative_word(name: str, short_name: str, label: str) -> None:
    unit = OrgUnit(name=name, short_name=short_name, code="x", kind=UnitKind.DISTRICT)
    assert map_label(unit) == label
