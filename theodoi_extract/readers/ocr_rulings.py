"""Ruled tables in a scanned page: the drawn cell borders found in the image, before OCR.

A scan keeps a table's rulings as ink. Tesseract reads them as noise (`|`, `_`, `@)`), and worse,
the borders break its lines and blocks, so a row's figures no longer line up with its indicator
and the word-alignment rules of `aligned.py` find no table. The rulings themselves are the most
reliable layout evidence a scan has, so they are read first, from the pixels alone (Pillow, no
other dependency):

1. **Skew**: a scanner tilts the page by a fraction of a degree. The angle is the one whose
   rotation makes the horizontal ink profile sharpest (rulings and text lines both peak), tried
   on a reduced copy from -MAX_SKEW to +MAX_SKEW degrees; the page is straightened before OCR.
2. **Rulings**: in the straightened, binarised page a horizontal ruling is a run of dark pixels
   in one row far longer than any glyph stroke (`width / 30`), a vertical one likewise in one
   column (`width / 45`); runs in adjacent rows/columns are one ruling. Small breaks (JPEG,
   speckle) are closed by a 2-pixel dilation along the run.
3. **Tables**: rulings that cross form a table when at least 2 horizontal and 2 vertical ones
   meet; the grid is the crossing positions, and two neighbouring grid slots are one (merged)
   cell where the border between them is missing (less than half of it inked).
4. The rulings are painted white, so OCR reads only the words, and each word box is put into the
   cell that holds its centre (`pdf_tables.grid_from_cells`, as for a text-layer PDF's ruled table).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_SKEW = 2.0  # degrees; a page tilted more than this was not fed through a scanner's guides
SKEW_STEP = 0.1
H_RUN = 30  # a horizontal ruling is longer than width / H_RUN
V_RUN = 45  # a vertical one longer than width / V_RUN (a table row can be short)
MIN_COVER = 0.5  # a border between two grid slots exists when at least this share of it is inked

Box = tuple[float, float, float, float]  # x0, top, x1, bottom (pixels)


@dataclass(frozen=True)
class Ruling:
    """One straight ruling: `pos` across it (y of a horizontal one, x of a vertical one), its
    extent `start`..`end` along it, and its thickness band `lo`..`hi`."""

    pos: float
    start: int
    end: int
    lo: int
    hi: int


@dataclass(frozen=True)
class RuledTable:
    """A table found from its rulings: its box and its cells (merged cells as one box each)."""

    box: Box
    cells: list[Box]

    @property
    def top(self) -> float:
        return self.box[1]

    @property
    def bottom(self) -> float:
        return self.box[3]


@dataclass(frozen=True)
class Prepared:
    """The page image to OCR (straightened, rulings erased) and the ruled tables found on it."""

    image: Path
    skew: float
    tables: list[RuledTable]


def prepare(image: Path, target: Path) -> Prepared:
    """Straighten the page, find its ruled tables and write the copy to OCR: grey, scanner speckle
    removed (3x3 median filter), the tables' rulings erased.

    The filter: measured on a scanned copy of a resolution (grey, tilted 0.4°, speckled, 200 dpi),
    Tesseract read 16 of its 21 target figures right from the raw page and 18 after it; thin
    strokes survive because pages are rendered at 300 dpi. The rulings are looked for before the
    median filter: a thin ruling tilted by the scanner
    steps from one pixel row to the next, and the filter would cut it at every step. Returns the
    original path (and no tables) when Pillow cannot read the image.
    """
    try:
        from PIL import Image, ImageFilter
    except ImportError:  # pragma: no cover - Pillow ships with pdfplumber
        return Prepared(image, 0.0, [])
    try:
        with Image.open(image) as raw:
            grey = raw.convert("L")
    except Exception:  # an image Pillow cannot read: OCR it as it is
        return Prepared(image, 0.0, [])
    threshold = otsu(grey.histogram())
    skew = estimate_skew(_dark(grey, threshold))
    if skew:
        grey = grey.rotate(skew, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    dark = _dark(grey, threshold)
    horizontal = find_rulings(dark, horizontal=True)
    vertical = find_rulings(dark, horizontal=False)
    tables = find_tables(horizontal, vertical)
    grey = grey.filter(ImageFilter.MedianFilter(3))
    if tables:
        grey = erase(grey, [r for r in horizontal if _in_any(r, tables, True)],
                     [r for r in vertical if _in_any(r, tables, False)])
    grey.save(target)
    return Prepared(target, skew, tables)


def otsu(histogram: list[int]) -> int:
    """Otsu's threshold of a grey histogram: the level that best separates ink from paper."""
    total = sum(histogram)
    if not total:
        return 128
    sum_all = sum(i * h for i, h in enumerate(histogram))
    weight = sum_below = 0.0
    best, best_level = -1.0, 128
    for level, count in enumerate(histogram):
        weight += count
        if weight == 0 or weight == total:
            continue
        sum_below += level * count
        mean_below = sum_below / weight
        mean_above = (sum_all - sum_below) / (total - weight)
        between = weight * (total - weight) * (mean_below - mean_above) ** 2
        if between > best:
            best, best_level = between, level
    return best_level


def _dark(grey: Any, threshold: int) -> Any:
    """Ink as 255 on a black (0) background."""
    return grey.point([255 if v <= threshold else 0 for v in range(256)])


def estimate_skew(dark: Any) -> float:
    """The rotation (degrees, Pillow's counter-clockwise sign) that straightens the page; 0.0 when
    no angle sharpens the row profile by more than 1 % over leaving it as it is."""
    from PIL import Image

    small = dark.reduce(max(1, dark.size[0] // 600))  # about 600 pixels wide: 0.1° moves 1 pixel
    w, h = small.size

    def sharpness(angle: float) -> float:
        turned = small.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=0) if angle else small
        rows = turned.resize((1, h), Image.Resampling.BOX).tobytes()
        return float(sum(v * v for v in rows))

    steps = int(round(MAX_SKEW / SKEW_STEP))
    scores = {round(k * SKEW_STEP, 2): sharpness(k * SKEW_STEP) for k in range(-steps, steps + 1)}
    angle = max(scores, key=lambda a: scores[a])
    return angle if scores[angle] > 1.01 * scores[0.0] else 0.0


def find_rulings(dark: Any, *, horizontal: bool) -> list[Ruling]:
    """Straight rulings of the binarised page, along its rows (horizontal) or its columns."""
    from PIL import Image, ImageChops

    width = dark.size[0]
    image = dark if horizontal else dark.transpose(Image.Transpose.TRANSPOSE)
    closed = ImageChops.lighter(image, ImageChops.lighter(ImageChops.offset(image, 1, 0),
                                                          ImageChops.offset(image, 2, 0)))
    w, h = closed.size
    min_run = max(20, width // (H_RUN if horizontal else V_RUN))
    run = re.compile(rb"\xff{%d,}" % min_run)
    data = closed.tobytes()
    open_runs: list[list[int]] = []  # [start, end, first row, last row]
    done: list[list[int]] = []
    for y in range(h):
        row = data[y * w:(y + 1) * w]
        found = [(m.start(), m.end() - 2) for m in run.finditer(row)] if b"\xff" * min_run in row else []
        still: list[list[int]] = []
        for seg in open_runs:
            touching = [f for f in found if f[0] < seg[1] and f[1] > seg[0]]
            if touching and y - seg[3] <= 1:
                for f in touching:
                    seg[0], seg[1] = min(seg[0], f[0]), max(seg[1], f[1])
                    found.remove(f)
                seg[3] = y
                still.append(seg)
            else:
                done.append(seg)
        still.extend([s, e, y, y] for s, e in found)
        open_runs = still
    done.extend(open_runs)
    rulings = [Ruling((lo + hi) / 2, s, e, lo, hi) for s, e, lo, hi in done if hi - lo <= max(8, width // 200)]
    return merge_collinear(rulings, gap=max(10, width // 100))


def merge_collinear(rulings: list[Ruling], gap: int) -> list[Ruling]:
    """Pieces of one ruling joined: lying on the same line (thickness bands touching) and
    overlapping or broken by at most `gap` pixels (a faded stretch, a speck-free break)."""
    merged: list[Ruling] = []
    for r in sorted(rulings, key=lambda r: (r.start, r.pos)):
        for i, m in enumerate(merged):
            if r.lo <= m.hi + 1 and r.hi >= m.lo - 1 and r.start <= m.end + gap:
                lo, hi = min(m.lo, r.lo), max(m.hi, r.hi)
                merged[i] = Ruling((lo + hi) / 2, m.start, max(m.end, r.end), lo, hi)
                break
        else:
            merged.append(r)
    return sorted(merged, key=lambda r: (r.pos, r.start))


def _cluster(values: list[float], tolerance: float) -> list[float]:
    """Positions with near-equal ones merged (their mean)."""
    groups: list[list[float]] = []
    for v in sorted(values):
        if groups and v - groups[-1][-1] <= tolerance:
            groups[-1].append(v)
        else:
            groups.append([v])
    return [sum(g) / len(g) for g in groups]


def _cover(rulings: list[Ruling], pos: float, a: float, b: float, tolerance: float) -> float:
    """Share of the segment a..b (along the rulings) inked by rulings lying at `pos`."""
    if b <= a:
        return 0.0
    spans = sorted((max(a, r.start), min(b, r.end)) for r in rulings if abs(r.pos - pos) <= tolerance)
    inked, reach = 0.0, a
    for s, e in spans:
        s = max(s, reach)
        if e > s:
            inked += e - s
            reach = e
    return inked / (b - a)


def find_tables(horizontal: list[Ruling], vertical: list[Ruling]) -> list[RuledTable]:
    """Tables where at least 2 horizontal and 2 vertical rulings cross; cells from the missing borders."""
    tol = 6.0

    def crosses(h: Ruling, v: Ruling) -> bool:
        return h.start - tol <= v.pos <= h.end + tol and v.start - tol <= h.pos <= v.end + tol

    # connected groups of crossing rulings (union-find over the horizontal ones)
    parent = list(range(len(horizontal)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    members: dict[int, list[Ruling]] = {}
    for v in vertical:
        hit = [i for i, h in enumerate(horizontal) if crosses(h, v)]
        if len(hit) < 2:
            continue  # a vertical stroke that does not join two rulings is a glyph or a margin mark
        for i in hit[1:]:
            parent[root(i)] = root(hit[0])
        members.setdefault(hit[0], []).append(v)
    groups: dict[int, tuple[list[Ruling], list[Ruling]]] = {}
    for i, h in enumerate(horizontal):
        groups.setdefault(root(i), ([], []))[0].append(h)
    for first, vs in members.items():
        groups[root(first)][1].extend(vs)
    tables = []
    for hs, vs in groups.values():
        table = _table(hs, vs, tol)
        if table is not None:
            tables.append(table)
    return sorted(tables, key=lambda t: t.top)


def _table(hs: list[Ruling], vs: list[Ruling], tol: float) -> RuledTable | None:
    if len(hs) < 2 or len(vs) < 2:
        return None
    ys = _cluster([h.pos for h in hs], tol)
    xs = _cluster([v.pos for v in vs], tol)
    if len(ys) < 2 or len(xs) < 2 or (len(ys) - 1) * (len(xs) - 1) < 3:
        return None
    rows, cols = len(ys) - 1, len(xs) - 1
    parent = list(range(rows * cols))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(rows):
        a, b = ys[r] + tol, ys[r + 1] - tol
        for c in range(cols - 1):
            if _cover(vs, xs[c + 1], a, b, tol) < MIN_COVER:  # no border to the right: merged across
                parent[root(r * cols + c + 1)] = root(r * cols + c)
    for c in range(cols):
        a, b = xs[c] + tol, xs[c + 1] - tol
        for r in range(rows - 1):
            if _cover(hs, ys[r + 1], a, b, tol) < MIN_COVER:  # no border below: merged down
                parent[root((r + 1) * cols + c)] = root(r * cols + c)
    boxes: dict[int, list[float]] = {}
    for r in range(rows):
        for c in range(cols):
            box = boxes.setdefault(root(r * cols + c), [xs[c], ys[r], xs[c + 1], ys[r + 1]])
            box[0], box[1] = min(box[0], xs[c]), min(box[1], ys[r])
            box[2], box[3] = max(box[2], xs[c + 1]), max(box[3], ys[r + 1])
    if len(boxes) < 3:
        return None  # a framed box, not a table
    cells = [(b[0], b[1], b[2], b[3]) for b in boxes.values()]
    return RuledTable((xs[0], ys[0], xs[-1], ys[-1]), cells)


INK_PIXELS = 80  # dark pixels that make a cell not blank (a "1" at 300 dpi has about 150)


def inner(box: Box, margin: int = 5) -> tuple[int, int, int, int]:
    """A cell box shrunk by `margin` pixels, in whole pixels: its inside without the rulings."""
    x0, top, x1, bottom = box
    return int(x0) + margin, int(top) + margin, max(int(x0) + margin + 1, int(x1) - margin), \
        max(int(top) + margin + 1, int(bottom) - margin)


def has_ink(crop: Any) -> bool:
    """Whether a cut-out cell (grey, rulings erased) holds more than speckle."""
    histogram = crop.histogram()
    return sum(histogram[:128]) >= INK_PIXELS


def _in_any(ruling: Ruling, tables: list[RuledTable], horizontal: bool) -> bool:
    tol = 8.0
    for t in tables:
        x0, top, x1, bottom = t.box
        lo, hi, a, b = (top, bottom, x0, x1) if horizontal else (x0, x1, top, bottom)
        if lo - tol <= ruling.pos <= hi + tol and ruling.end >= a - tol and ruling.start <= b + tol:
            return True
    return False


def erase(grey: Any, horizontal: list[Ruling], vertical: list[Ruling]) -> Any:
    """The page with the given rulings painted white (one pixel of margin each side)."""
    from PIL import ImageDraw

    page = grey.copy()
    draw = ImageDraw.Draw(page)
    for r in horizontal:
        draw.rectangle((r.start - 1, r.lo - 1, r.end + 2, r.hi + 1), fill=255)
    for r in vertical:
        draw.rectangle((r.lo - 1, r.start - 1, r.hi + 1, r.end + 2), fill=255)
    return page
