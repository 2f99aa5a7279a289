#!/usr/bin/python3
"""The issue's example scenario (examples/example-ai-api.yaml) as a vectorized numpy Monte Carlo, for comparison with
`burnrate plan`. Same formulas as docs/plan.md: growth from month 1, smooth price/cost change (1+c)^(m/12), capex in cash and
straight-line depreciation in P&L, runway = cash / mean net burn of m-2..m, triggers fire once, raises land closeMonths later.
Prints median cash at the horizon, cash-out probability and path-months per second.

    /usr/bin/python3 benchmarks/plan-numpy/example_numpy.py [paths] [seed]   # Debian python3-numpy
"""
import math
import sys
import time

import numpy as np

# Standard normal CDF (numpy has no erf; evaluated once per path, not per month).
ndtr = np.frompyfunc(lambda z: 0.5 * math.erfc(-z / math.sqrt(2)), 1, 1)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 42
    months = 60
    t0 = time.perf_counter()
    rng = np.random.default_rng(seed)

    # Gaussian copula: api growth normal(0.08, 0.03), subscriptions growth triangular(0, 0.05, 0.10), rho 0.6.
    rho = 0.6
    e1, e2 = rng.standard_normal(n), rng.standard_normal(n)
    z1, z2 = e1, rho * e1 + np.sqrt(1 - rho * rho) * e2
    g_api = 0.08 + 0.03 * z1
    u = ndtr(z2).astype(float)
    a, c, b = 0.0, 0.05, 0.10
    split = (c - a) / (b - a)
    g_sub = np.where(u < split, a + np.sqrt(u * (b - a) * (c - a)), b - np.sqrt((1 - u) * (b - a) * (b - c)))
    series_c = rng.random(n) < 0.7

    tokens = np.full(n, 2e12)
    customers = np.full(n, 200_000.0)
    cash = np.full(n, 500e6)
    burn1 = np.zeros(n)
    burn2 = np.zeros(n)
    opex = np.ones(n)
    raise_fired = np.zeros(n, dtype=bool)
    cut_fired = np.zeros(n, dtype=bool)
    raises = np.zeros((months + 1, n))
    cash_out = np.full(n, -1)
    cash_m = np.empty((months, n))
    rev_m = np.empty((months, n))
    burn_m = np.empty((months, n))
    price_step = 0.7 ** (1 / 12)
    cost_step = 0.65 ** (1 / 12)
    for m in range(months):
        if m > 0:
            tokens *= 1 + g_api
            customers *= 1 + g_sub - 0.03
        price = 2.0 * price_step ** m
        revenue = tokens / 1e6 * price + customers * 20
        served = tokens + customers * 2e6
        serving = served / 1e6 * 0.8 * cost_step ** m
        training = 150e6 if m == 6 else 0.0
        capex = 300e6 if m == 3 else 0.0
        staff = (400 + 10 * m) * 400_000 / 12 * opex
        other = 15e6 * opex
        financing = raises[m] + (np.where(series_c, 1e9, 0.0) if m == 12 else 0.0)
        net_burn = serving + training + staff + other + capex - revenue
        cash = cash + financing - net_burn
        window = min(m + 1, 3)
        mean_burn = (net_burn + (burn1 if m >= 1 else 0) + (burn2 if m >= 2 else 0)) / window
        with np.errstate(divide="ignore", invalid="ignore"):
            runway = np.where(mean_burn <= 0, np.inf, np.maximum(cash, 0) / mean_burn)
        cash_out = np.where((cash < 0) & (cash_out < 0), m, cash_out)
        fire = (runway < 12) & ~raise_fired
        raise_fired |= fire
        if m + 4 < months:
            raises[m + 4] += np.where(fire, 1e9, 0.0)
        cut = (cash < 100e6) & ~cut_fired
        cut_fired |= cut
        opex = np.where(cut, opex * 0.8, opex)
        cash_m[m], rev_m[m], burn_m[m] = cash, revenue, net_burn
        burn2, burn1 = burn1, net_burn
    levels = [5, 10, 50, 90, 95]
    bands = [np.percentile(x, levels, axis=1) for x in (cash_m, rev_m, burn_m)]
    elapsed = time.perf_counter() - t0
    print(f"numpy: {n} paths x {months} months in {elapsed:.3f} s = {n * months / elapsed:,.0f} path-months/s")
    print(f"  cash P50 at horizon {bands[0][2][-1]:.4g} USD, P(cash out) {np.mean(cash_out >= 0):.4f}")


if __name__ == "__main__":
    main()
