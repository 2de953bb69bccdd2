"""The unit a published target is assigned to, when the extractor names several leads."""

from __future__ import annotations

import pytest

from theodoi.accounts.models import OrgUnit, UnitKind
from theodoi.documents.units import responsible_unit_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def province() -> OrgUnit:
    return OrgUnit.objects.create(name="UBND tỉnh Bình Sơn", code="ubnd-tinh", kind=UnitKind.PROVINCE)


def test_a_block_of_several_leads_gives_the_first_named_not_a_unit_named_by_the_list(province: OrgUnit) -> None:
    transport = OrgUnit.objects.create(name="Sở Giao thông vận tải", code="so-gtvt", kind=UnitKind.DEPARTMENT, parent=province)
    before = OrgUnit.objects.count()
    unit = responsible_unit_of("Sở Giao thông vận tải, Công an tỉnh, Ủy ban nhân dân các huyện, thành phố")
    assert unit == transport and OrgUnit.objects.count() == before


def test_a_name_with_commas_of_its_own_is_one_agency(province: OrgUnit) -> None:
    unit = responsible_unit_of("Sở Văn hóa, Thể thao và Du lịch")
    assert unit.name == "Sở Văn hóa, Thể thao và Du lịch"


def test_a_unit_known_by_the_whole_text_is_that_unit(province: OrgUnit) -> None:
    known = OrgUnit.objects.create(name="Ban Dân tộc, Tôn giáo", code="ban-dt", kind=UnitKind.DEPARTMENT, parent=province)
    assert responsible_unit_of("Ban Dân tộc, Tôn giáo") == known
