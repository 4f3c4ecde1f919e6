"""High-precision reference values for the retention model tests (mpmath, 50 digits).

Run by hand: /usr/bin/python3 clm-benchmarks/python/reference_values.py
The tests hard-code the printed values; this script is the record of how they were computed.
It evaluates the published closed forms directly with arbitrary-precision arithmetic, so the
references share no code (and no floating-point cancellation) with the Java implementation.
"""
from mpmath import mp, mpf, hyp2f1, gamma, beta as B, diff, log, exp, nsum, inf

mp.dps = 50


def bgnbd_new(r, alpha, a, b, t):
    """Equation 9 of Fader, Hardie and Lee (2005); at a = 1 the limit, by differentiation in a."""
    r, alpha, a, b, t = map(mpf, (r, alpha, a, b, t))
    if a == 1:
        # (a+b-1)/(a-1) [1 - ...] -> b * d/da [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; z)] at a = 1
        z = t / (alpha + t)
        f = lambda aa: 1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, aa + b - 1, z)
        return b * diff(f, mpf(1))
    z = t / (alpha + t)
    return (a + b - 1) / (a - 1) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, z))


def bgnbd_conditional(r, alpha, a, b, x, tx, T, t):
    r, alpha, a, b, tx, T, t = map(mpf, (r, alpha, a, b, tx, T, t))
    z = t / (alpha + T + t)
    alive_part = (a + b + x - 1) / (a - 1) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z))
    palive = 1 / (1 + (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x)) if x > 0 else mpf(1)
    return alive_part * palive


def pnbd_a0(r, alpha, s, beta, x, tx, T):
    if alpha >= beta:
        f1 = hyp2f1(r + s + x, s + 1, r + s + x + 1, (alpha - beta) / (alpha + tx)) / (alpha + tx) ** (r + s + x)
        f2 = hyp2f1(r + s + x, s + 1, r + s + x + 1, (alpha - beta) / (alpha + T)) / (alpha + T) ** (r + s + x)
    else:
        f1 = hyp2f1(r + s + x, r + x, r + s + x + 1, (beta - alpha) / (beta + tx)) / (beta + tx) ** (r + s + x)
        f2 = hyp2f1(r + s + x, r + x, r + s + x + 1, (beta - alpha) / (beta + T)) / (beta + T) ** (r + s + x)
    return f1 - f2


def pnbd_palive(r, alpha, s, beta, x, tx, T):
    r, alpha, s, beta, tx, T = map(mpf, (r, alpha, s, beta, tx, T))
    return 1 / (1 + s / (r + s + x) * (alpha + T) ** (r + x) * (beta + T) ** s * pnbd_a0(r, alpha, s, beta, x, tx, T))


def pnbd_conditional(r, alpha, s, beta, x, tx, T, t):
    r, alpha, s, beta, tx, T, t = map(mpf, (r, alpha, s, beta, tx, T, t))
    return (r + x) * (beta + T) / ((alpha + T) * (s - 1)) * (1 - ((beta + T) / (beta + T + t)) ** (s - 1)) * pnbd_palive(r, alpha, s, beta, x, tx, T)


def bgbb_conditional(al, be, ga, de, x, tx, n, nstar):
    al, be, ga, de = map(mpf, (al, be, ga, de))
    L = B(al + x, be + n - x) / B(al, be) * B(ga, de + n) / B(ga, de)
    for i in range(0, n - tx):
        L += B(al + x, be + tx - x + i) / B(al, be) * B(ga + 1, de + tx + i) / B(ga, de)
    front = B(al + x + 1, be + n - x) / B(al, be) * de / (ga - 1) * gamma(ga + de) / gamma(1 + de)
    return front / L * (gamma(1 + de + n) / gamma(ga + de + n) - gamma(1 + de + n + nstar) / gamma(ga + de + n + nstar))


def bgbb_palive(al, be, ga, de, x, tx, n):
    al, be, ga, de = map(mpf, (al, be, ga, de))
    L = B(al + x, be + n - x) / B(al, be) * B(ga, de + n) / B(ga, de)
    for i in range(0, n - tx):
        L += B(al + x, be + tx - x + i) / B(al, be) * B(ga + 1, de + tx + i) / B(ga, de)
    return B(al + x, be + n - x) / B(al, be) * B(ga, de + n + 1) / B(ga, de) / L


def sbg_derl(al, be, d, renewals):
    """Direct sum of discounted survival ratios, sum_{t>=n} S(t)/S(n-1) / (1+d)^(t-n), n = renewals + 1."""
    al, be, d = map(mpf, (al, be, d))
    n = renewals + 1
    S = lambda t: B(al, be + t) / B(al, be)
    return nsum(lambda k: S(n + k) / S(n - 1) / (1 + d) ** k, [0, inf])


P = (0.243, 4.414, 0.793, 2.426)
print("bgnbd new a=1        ", mp.nstr(bgnbd_new(0.243, 4.414, 1, 2.426, 39), 20))
print("bgnbd new a=1+1e-9   ", mp.nstr(bgnbd_new(0.243, 4.414, mpf(1) + mpf("1e-9"), 2.426, 39), 20))
print("bgnbd new a=1-1e-6   ", mp.nstr(bgnbd_new(0.243, 4.414, mpf(1) - mpf("1e-6"), 2.426, 39), 20))
print("bgnbd new a=1.02     ", mp.nstr(bgnbd_new(0.243, 4.414, mpf("1.02"), 2.426, 39), 20))
print("bgnbd new pub t=1e-6 ", mp.nstr(bgnbd_new(*P, mpf("1e-6")), 20))
for x, tx, T, t in [(50, 38, 38.86, mpf("1e-4")), (50, 38, 38.86, mpf("0.01")), (2, 30.43, 38.86, mpf("1e-5")), (200, 38.5, 38.86, mpf("0.1"))]:
    print("bgnbd cond", x, tx, T, t, mp.nstr(bgnbd_conditional(*P, x, tx, T, t), 20))
PN = (0.553, 10.578, 0.606, 11.669)
for x, tx, T in [(0, 0, 39), (2, 30.43, 38.86), (26, 30.86, 31)]:
    print("pnbd palive", x, tx, T, mp.nstr(pnbd_palive(*PN, x, tx, T), 20))
    print("pnbd cond52", x, tx, T, mp.nstr(pnbd_conditional(*PN, x, tx, T, 52), 20))
BB = (1.204, 0.750, 0.657, 2.783)
for x, tx, n in [(0, 0, 6), (3, 4, 6), (6, 6, 6)]:
    print("bgbb palive", x, tx, n, mp.nstr(bgbb_palive(*BB, x, tx, n), 20))
    print("bgbb cond5", x, tx, n, mp.nstr(bgbb_conditional(*BB, x, tx, n, 5), 20))
print("sbg derl high 0.10 r0", mp.nstr(sbg_derl(0.668, 3.806, 0.10, 0), 20))
print("sbg derl high 0.10 r4", mp.nstr(sbg_derl(0.668, 3.806, 0.10, 4), 20))
print("sbg derl regular 0.10 r0", mp.nstr(sbg_derl(0.704, 1.182, 0.10, 0), 20))
