"""The scipy/numpy side of the retention benchmarks, run by hand beside the JMH run.

    /usr/bin/python3 clm-benchmarks/python/btyd_compare.py [fit] [clm-retention/src/test/resources/cdnow/CDNOW_sample.txt]

("fit" measures the fit only.)

(Debian's python3-scipy and python3-numpy.) Two measurements, each the median of repeated runs
after a warm-up, in CPU time of this process (time.process_time) and wall time:

1. BG/NBD fit on the CDNOW sample: the same grouped data as clm (customers with equal (x, t_x, T)
   merged and weighted, 1,016 groups), the same log-likelihood (Fader, Hardie and Lee 2005,
   equation 6) over log-parameters, scipy.optimize.minimize(method="L-BFGS-B") with the analytic
   gradient, from r = a = b = 1 and alpha = mean T / 10, as clm starts. Timed three ways: the fit
   alone on grouped data; the fit plus standard errors (the observed information by central
   differences of the analytic gradient, 8 more gradient evaluations, inverted: L-BFGS-B's own
   inverse-Hessian estimate is a low-rank approximation, not fit for standard errors); and the
   grouping of the 2,357 histories, which clm's public fit also does.
2. Scoring 1,000,000 customers simulated from the published CDNOW parameters: P(alive), expected
   transactions over 52 weeks, Gamma-Gamma expected spend and a 12-period CLV (monthly periods at
   1 % a month), vectorised over all customers with scipy.special.hyp2f1, the same formulas as
   clm's LifetimeValue.
"""
import sys
import time
from collections import Counter
from datetime import date

import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln, digamma, hyp2f1


def cdnow_histories(path):
    first, days = {}, {}
    for line in open(path):
        f = line.split()
        if len(f) != 5:
            continue
        d = date(int(f[2][:4]), int(f[2][4:6]), int(f[2][6:]))
        days.setdefault(f[1], set()).add(d)
    end = date(1997, 9, 30)
    out = []
    for cid, ds in days.items():
        ds = sorted(ds)
        start = ds[0]
        cal = [d for d in ds[1:] if d <= end]
        x = len(cal)
        tx = (cal[-1] - start).days / 7 if x else 0.0
        T = (end - start).days / 7
        out.append((x, tx, T))
    return out


def grouped(histories):
    c = Counter(histories)
    keys = list(c)
    x = np.array([k[0] for k in keys], dtype=float)
    tx = np.array([k[1] for k in keys])
    T = np.array([k[2] for k in keys])
    w = np.array([c[k] for k in keys], dtype=float)
    return x, tx, T, w


def negative_ll_and_gradient(u, x, tx, T, w):
    r, alpha, a, b = np.exp(u)
    pos = x > 0
    la = np.log(alpha + T)
    lr = np.log(alpha + tx)
    a3 = -(r + x) * la
    bx1 = np.where(pos, b + x - 1, 1.0)
    a4 = np.where(pos, np.log(a) - np.log(bx1) - (r + x) * lr, -np.inf)
    m = np.maximum(a3, a4)
    term = m + np.log(np.exp(a3 - m) + np.exp(a4 - m))
    w4 = np.exp(a4 - term)
    w3 = 1 - w4
    base = gammaln(r + x) - gammaln(r) + r * np.log(alpha) + gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    ll = np.sum(w * (base + term))
    gr = np.sum(w * (digamma(r + x) - digamma(r) + np.log(alpha) - w3 * la - w4 * lr))
    galpha = np.sum(w * (r / alpha - (r + x) * (w3 / (alpha + T) + w4 / (alpha + tx))))
    ga = np.sum(w * (digamma(a + b) - digamma(a + b + x) + w4 / a))
    gb = np.sum(w * (digamma(a + b) + digamma(b + x) - digamma(b) - digamma(a + b + x) - w4 / bx1))
    grad = -np.array([gr, galpha, ga, gb]) * np.array([r, alpha, a, b])
    return -ll, grad


def fit(data, start):
    return minimize(negative_ll_and_gradient, start, args=data, jac=True, method="L-BFGS-B")


def standard_errors(data, u):
    """Standard errors of the natural parameters from the observed information in log-parameters."""
    n, h = len(u), 1e-5
    info = np.empty((n, n))
    for i in range(n):
        e = np.zeros(n)
        e[i] = h
        info[i] = (negative_ll_and_gradient(u + e, *data)[1] - negative_ll_and_gradient(u - e, *data)[1]) / (2 * h)
    info = (info + info.T) / 2
    return np.exp(u) * np.sqrt(np.diag(np.linalg.inv(info)))


def fit_with_standard_errors(data, start):
    result = fit(data, start)
    return result, standard_errors(data, result.x)


def simulate(n, seed, r, alpha, a, b, p, q, g):
    rng = np.random.default_rng(seed)
    first = rng.integers(0, 84, n)
    T = (272 - first) / 7
    lam = rng.gamma(r, 1 / alpha, n)
    drop = rng.beta(a, b, n)
    x = np.minimum(rng.poisson(lam * T), rng.geometric(drop) - 1)
    tx = np.where(x > 0, T * rng.beta(np.maximum(x, 1), 1), 0.0)
    nu = rng.gamma(q, 1 / g, n)
    m = np.where(x > 0, rng.gamma(p * np.maximum(x, 1), 1, n) / (nu * np.maximum(x, 1)), 0.0)
    return x.astype(float), np.round(tx * 7) / 7, T, m


def score(x, tx, T, m, r, alpha, a, b, p, q, g, periods=12, length=52 / 12, rate=0.01):
    pos = x > 0
    log_odds = np.log(a) - np.log(np.where(pos, b + x - 1, 1.0)) + (r + x) * (np.log(alpha + T) - np.log(alpha + tx))
    alive = np.where(pos, 1 / (1 + np.exp(log_odds)), 1.0)
    previous = np.zeros_like(x)
    clv_transactions = np.zeros_like(x)
    for i in range(1, periods + 1):
        t = i * length
        z = t / (alpha + T + t)
        e = (a + b + x - 1) / (a - 1) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z)) * alive
        clv_transactions += np.maximum(0, e - previous) / (1 + rate) ** i
        previous = np.maximum(previous, e)
    spend = np.where(pos, p * (g + x * m) / (p * x + q - 1), p * g / (q - 1))
    return alive, previous, spend, spend * clv_transactions


def timed(fn, repeats):
    fn()
    cpu, wall = [], []
    for _ in range(repeats):
        c0, w0 = time.process_time(), time.perf_counter()
        fn()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return np.median(cpu) * 1e3, np.median(wall) * 1e3


arguments = [a for a in sys.argv[1:] if a != "fit"]
path = arguments[0] if arguments else "clm-retention/src/test/resources/cdnow/CDNOW_sample.txt"
histories = cdnow_histories(path)
data = grouped(histories)
start = np.log([1.0, np.mean([h[2] for h in histories]) / 10, 1.0, 1.0])
result, se = fit_with_standard_errors(data, start)
print("bg/nbd L-BFGS-B:", np.round(np.exp(result.x), 4), "LL", round(-result.fun, 4), "groups", len(data[0]),
      "evaluations", result.nfev, "max |gradient|", float(np.max(np.abs(result.jac))), "se", np.round(se, 4))
cpu, wall = timed(lambda: grouped(histories), 50)
print(f"grouping the histories: median {cpu:.3f} ms cpu, {wall:.3f} ms wall")
cpu, wall = timed(lambda: negative_ll_and_gradient(start, *data), 200)
print(f"one evaluation (value and gradient): median {cpu * 1e3:.1f} us cpu")
cpu, wall = timed(lambda: fit(data, start), 50)
print(f"bg/nbd fit alone, scipy L-BFGS-B analytic gradient: median {cpu:.3f} ms cpu, {wall:.3f} ms wall")
cpu, wall = timed(lambda: fit_with_standard_errors(data, start), 50)
print(f"bg/nbd fit + standard errors: median {cpu:.3f} ms cpu, {wall:.3f} ms wall")
if "fit" in sys.argv[1:]:
    sys.exit(0)

params = (0.243, 4.414, 0.793, 2.426, 6.25, 3.74, 15.44)
x, tx, T, m = simulate(1_000_000, 42, *params)
alive, expected, spend, clv = score(x, tx, T, m, *params)
print("scored", len(x), "customers; mean P(alive)", round(float(alive.mean()), 4), "total CLV", round(float(clv.sum())))
cpu, wall = timed(lambda: score(x, tx, T, m, *params), 3)
print(f"1,000,000 customers, numpy/scipy vectorised: median {cpu:.0f} ms cpu, {wall:.0f} ms wall")
