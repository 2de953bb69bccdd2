"""Which unit an extracted agency name stands for, when a document is published into a plan."""

from __future__ import annotations

from theodoi.accounts.models import OrgUnit
from theodoi.accounts.services import unit_find, unit_resolve
from theodoi_extract.agencies import split_list


def responsible_unit_of(agency_text: str) -> OrgUnit:
    """The unit a target is assigned to. A block led by several agencies gives its targets all their
    names ("Sở Giao thông vận tải, Công an tỉnh, ..."); the first named is the one responsible (the
    others stay in the source's agency text), where one unit named by the whole list would be a unit
    nobody is. A name with commas of its own ("Sở Văn hóa, Thể thao và Du lịch") is one agency."""
    if unit_find(agency_text) is None:
        leads = split_list(agency_text)
        if len(leads) > 1:
            return unit_resolve(leads[0])
    return unit_resolve(agency_text)
