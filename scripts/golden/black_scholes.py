#!/usr/bin/python3
"""Golden Black–Scholes prices and Greeks (no dividend), with scipy's normal distribution.
Theta per calendar day (÷365), vega per vol point (÷100), T = calendar days / 365.
Writes tests/fixtures/golden/black-scholes.json.

Run: /usr/bin/python3 scripts/golden/black_scholes.py
"""
import math

from scipy.stats import norm

from common import write


def bs(right: str, s: float, k: float, t: float, vol: float, r: float) -> dict:
    if t <= 0:
        itm = s > k if right == "C" else s < k
        return {"price": max(s - k, 0.0) if right == "C" else max(k - s, 0.0),
                "delta": (1.0 if right == "C" else -1.0) if itm else 0.0, "gamma": 0.0, "theta": 0.0, "vega": 0.0}
    d1 = (math.log(s / k) + (r + vol * vol / 2) * t) / (vol * math.sqrt(t))
    d2 = d1 - vol * math.sqrt(t)
    disc = k * math.exp(-r * t)
    decay = -s * norm.pdf(d1) * vol / (2 * math.sqrt(t))
    common = {"gamma": norm.pdf(d1) / (s * vol * math.sqrt(t)), "vega": s * norm.pdf(d1) * math.sqrt(t) / 100}
    if right == "C":
        return {"price": s * norm.cdf(d1) - disc * norm.cdf(d2), "delta": norm.cdf(d1),
                "theta": (decay - r * disc * norm.cdf(d2)) / 365, **common}
    return {"price": disc * norm.cdf(-d2) - s * norm.cdf(-d1), "delta": norm.cdf(d1) - 1,
            "theta": (decay + r * disc * norm.cdf(-d2)) / 365, **common}


def main() -> None:
    cases = []
    for right in ["C", "P"]:
        for s, k in [(100, 100), (100, 80), (100, 130), (250.5, 200), (12.3, 15)]:
            for days in [0, 1, 7, 30, 91, 365, 730]:
                for vol in [0.12, 0.35, 0.9]:
                    for r in [0.0, 0.04]:
                        t = days / 365
                        cases.append({"right": right, "spot": s, "strike": k, "days": days, "years": t, "vol": vol, "rate": r,
                                      **bs(right, s, k, t, vol, r)})
    write("black-scholes.json", {"source": "scripts/golden/black_scholes.py (scipy.stats.norm)", "cases": cases})


if __name__ == "__main__":
    main()
