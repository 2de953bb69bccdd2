"""The inputs digest of a stored status row: what lets a recompute skip a target whose inputs and
rules have not changed since its row was written (split from inputs.py, which picks the inputs)."""

from __future__ import annotations

import functools
import hashlib
from datetime import date

from theodoi.evaluation import engine


@functools.cache
def _rules_key() -> bytes:
    """A digest of the source of everything that turns an input into a stored row (the rules, the
    sentences, the number formats, the choice of the input): a deployment that changes any of
    them changes every inputs digest, so no row judged by the old rules is kept as unchanged."""
    from pathlib import Path

    from theodoi.core import vnformat
    from theodoi.evaluation import explain, levels, sentences, spec
    from theodoi.evaluation.services import inputs as inputs_module

    digest = hashlib.blake2b(digest_size=32)
    for module in (engine, spec, levels, sentences, explain, vnformat):
        digest.update(Path(str(module.__file__)).read_bytes())
    for path in (__file__, inputs_module.__file__):  # this file, and `_pick`, `_spec`, `_status_row`
        digest.update(Path(str(path)).read_bytes())
    return digest.digest()


@functools.lru_cache(maxsize=65536)
def _spec_digest(spec: engine.TargetSpec) -> int:
    """The spec and the rules as one integer, once per spec (specs are shared and hashable)."""
    raw = hashlib.blake2b(repr(spec).encode(), digest_size=8, key=_rules_key()).digest()
    return int.from_bytes(raw, "big", signed=True)


def inputs_digest(spec: engine.TargetSpec, picked: tuple[int, date, tuple[engine.Observation, ...]],
                  spec_digest: int | None = None, source: int | None = None) -> int:
    """The inputs digest of one row, a signed 64-bit integer (a bigint column): the spec's digest
    (BLAKE2b over the rules and the spec, once per spec) and the picked input, as a tuple of ints,
    floats and bools. The hash of such a tuple is the same in every 64-bit CPython process (only
    strings, bytes and dates are salted per process, hence the ordinals), and it costs a fraction
    of a cryptographic digest of the whole input: a national recompute takes millions.
    `spec_digest`: `_spec_digest(spec)` when the caller has it (once per target for both scopes;
    looking it up hashes the spec's every field). `source`: the form the value was read from, so
    that a row whose figure now comes from another form (the same figure) is written again with
    it: the refresh after a save trusts the stored form to be the one chosen (relevance.py)."""
    year, as_of, obs = picked
    return hash((
        _spec_digest(spec) if spec_digest is None else spec_digest, year, as_of.toordinal(), source or 0,
        *[(o.period_end.toordinal(), o.value, o.cumulative, o.final,
           o.reported_on.toordinal() if o.reported_on is not None else 0) for o in obs],
    ))
