"""The R package rfm 0.2's rfm_table_order scoring and segment tables, in numpy, on the CDNOW sample.

Run by hand: /usr/bin/python3 clm-benchmarks/python/rfm_reference.py clm-segmentation/src/test/resources/cdnow/CDNOW_sample.txt
Prints the fitted bounds and the segment counts that RfmCdnowTest asserts. An independent
transcription of R/rfm-table-transaction.R and R/utils.R (R's quantile type 7 with R's own
floating-point steps, bounds + 1, bins [lower, upper), R from 5 down, F and M from 1 up) and of the
vignette's case_when and rfm_segment()'s first-match loop.
"""
import sys
from collections import Counter, defaultdict
from datetime import date

import numpy as np

rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
last = {}
count = defaultdict(int)
amount = defaultdict(float)
for _, cid, day, _, value in rows:
    d = date(int(day[:4]), int(day[4:6]), int(day[6:]))
    last[cid] = max(last.get(cid, d), d)
    count[cid] += 1
    amount[cid] += float(value)
analysis = date(1998, 7, 1)
ids = sorted(last)
recency = np.array([(analysis - last[c]).days for c in ids], dtype=float)
frequency = np.array([count[c] for c in ids], dtype=float)
monetary = np.array([amount[c] for c in ids], dtype=float)


def bounds(v):
    """R's quantile(v, seq(0, 1, length.out = 6))[2:5] + 1, step for step (type 7, R's doubles)."""
    x = np.sort(v)
    n = len(x)
    out = []
    for j in range(1, 5):
        p = 0 + j * (1 / 5)  # seq(): from + (1:4) * (del / n1); the third is 0.6000000000000001
        index = 1 + max(n - 1, 0) * p
        lo, hi = int(np.floor(index)), int(np.ceil(index))
        q = x[lo - 1]
        if index > lo and x[hi - 1] != q:
            h = index - lo
            q = (1 - h) * q + h * x[hi - 1]
        out.append(q + 1)
    return np.array(out)


def scores(v, b, reverse):
    lower = np.concatenate(([v.min()], b))
    upper = np.concatenate((b, [v.max() + 1]))
    out = np.zeros(len(v), dtype=int)
    for i in range(5):
        out[(v >= lower[i]) & (v < upper[i])] = (5 - i) if reverse else (i + 1)
    return out


rb, fb, mb = bounds(recency), bounds(frequency), bounds(monetary)
print("recency bounds", list(rb))
print("frequency bounds", list(fb))
print("monetary bounds", list(mb))
R, F, M = scores(recency, rb, True), scores(frequency, fb, False), scores(monetary, mb, False)
print("F counts", sorted(Counter(F).items()))

vignette = [
    ("champions", 4, 5, 4, 5, 4, 5), ("loyal-customers", 2, 5, 3, 5, 3, 5),
    ("potential-loyalist", 3, 5, 1, 3, 1, 3), ("new-customers", 4, 5, 1, 1, 1, 1),
    ("promising", 3, 4, 1, 1, 1, 1), ("need-attention", 2, 3, 2, 3, 2, 3),
    ("about-to-sleep", 2, 3, 1, 2, 1, 2), ("at-risk", 0, 2, 2, 5, 2, 5),
    ("cant-lose-them", 1, 1, 4, 5, 4, 5), ("hibernating", 1, 2, 1, 2, 1, 2), ("lost", 0, 2, 0, 2, 0, 2)]
example = [
    ("champions", 5, 5, 5, 5, 5, 5), ("potential-loyalist", 3, 5, 3, 5, 2, 5),
    ("loyal-customers", 2, 4, 2, 4, 2, 4), ("promising", 3, 4, 1, 3, 3, 5),
    ("new-customers", 4, 5, 1, 3, 1, 5), ("cant-lose-them", 1, 2, 3, 4, 4, 5),
    ("at-risk", 1, 2, 2, 5, 4, 5), ("need-attention", 1, 3, 3, 5, 3, 5),
    ("about-to-sleep", 2, 3, 1, 3, 1, 4), ("lost", 1, 1, 1, 5, 1, 5)]


def segment(table, r, f, m):
    for name, rl, rh, fl, fh, ml, mh in table:
        if rl <= r <= rh and fl <= f <= fh and ml <= m <= mh:
            return name
    return "others"


for label, table in (("vignette", vignette), ("rfm_segment example", example)):
    counts = Counter(segment(table, r, f, m) for r, f, m in zip(R, F, M))
    print(label, sorted(counts.items()))
