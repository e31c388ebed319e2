"""Shared loading and definitions for the golden-value scripts of the calculation engine (docs/METHODOLOGY.md).

Independent of the TypeScript code: pandas for windows, statsmodels for OLS, scikit-learn for ridge.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import statsmodels.api as sm
from sklearn.linear_model import Ridge

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "fixtures" / "golden"

BETA_CAP = 5.0
RIDGE_ALPHA = 1.0

# key: (method, proxy, window, min obs); a spread proxy is (long, short).
FACTORS = {
    "MARKET": ("ols", "SPY", 90, 30),
    "IR": ("ols", "TLT", 90, 30),
    "VALUE": ("ridge", "VTV", 90, 30),
    "GROWTH": ("ridge", "VUG", 90, 30),
    "MOMENTUM": ("ridge", "MTUM", 90, 30),
    "QUALITY": ("ridge", "QUAL", 90, 30),
    "SIZE": ("ridge", "IWM", 90, 30),
    "LOW_VOL": ("ridge", "USMV", 90, 30),
    "GROWTH_VALUE": ("ols", ("VUG", "VTV"), 180, 60),
    "MOMENTUM_SPREAD": ("ols", ("MTUM", "SPY"), 180, 60),
    "SIZE_SPREAD": ("ols", ("IWM", "SPY"), 180, 60),
    "QUALITY_SPREAD": ("ols", ("QUAL", "SPY"), 180, 60),
}
STYLE_KEYS = [k for k, v in FACTORS.items() if v[0] == "ridge"]
STRESS_PROXIES = ["SPY", "VTV", "VUG", "MTUM", "QUAL", "IWM", "USMV", "TLT"]


def load_returns() -> pd.DataFrame:
    """Simple returns P_t / P_{t-1} - 1 on the union date axis; NaN where either close is missing."""
    prices = pd.read_csv(ROOT / "data" / "market" / "prices.csv.gz")
    closes = prices.pivot(index="date", columns="symbol", values="close").sort_index()
    return closes / closes.shift(1) - 1


def load_closes() -> pd.DataFrame:
    prices = pd.read_csv(ROOT / "data" / "market" / "prices.csv.gz")
    return prices.pivot(index="date", columns="symbol", values="close").sort_index()


def factor_series(rets: pd.DataFrame, key: str) -> pd.Series:
    proxy = FACTORS[key][1]
    return rets[proxy[0]] - rets[proxy[1]] if isinstance(proxy, tuple) else rets[proxy]


def window(frame: pd.DataFrame, date: str, size: int) -> pd.DataFrame:
    """The last `size` rows dated <= date where every column has a value."""
    f = frame.dropna()
    return f[f.index <= date].tail(size)


def cap(raw: float) -> dict:
    beta = float(min(BETA_CAP, max(-BETA_CAP, raw)))
    return {"beta": beta, "rawBeta": float(raw), "capped": bool(beta != raw)}


def ols_beta(y: pd.Series, x: pd.Series) -> dict:
    res = sm.OLS(y.to_numpy(), sm.add_constant(x.to_numpy())).fit()
    return {
        **cap(res.params[1]),
        "alpha": float(res.params[0]),
        "rSquared": float(res.rsquared),
        "stdError": float(res.bse[1]),
        "tStat": float(res.tvalues[1]),
        "pValue": float(res.pvalues[1]),
        "n": int(res.nobs),
    }


def ridge_betas(y: pd.Series, x: pd.DataFrame) -> tuple[np.ndarray, float]:
    """sklearn Ridge(alpha=1) on regressors standardised by mean and population sd; raw-unit betas."""
    sd = x.std(ddof=0).to_numpy()
    xs = (x - x.mean()) / sd
    model = Ridge(alpha=RIDGE_ALPHA, fit_intercept=True).fit(xs.to_numpy(), y.to_numpy())
    return model.coef_ / sd, float(model.score(xs.to_numpy(), y.to_numpy()))


def symbol_betas(rets: pd.DataFrame, symbol: str, date: str) -> dict:
    out = {}
    for key, (method, _, size, min_obs) in FACTORS.items():
        if method == "ridge":
            continue
        w = window(pd.concat({"y": rets[symbol], "x": factor_series(rets, key)}, axis=1), date, size)
        out[key] = {"ok": False, "reason": "INSUFFICIENT_HISTORY", "n": len(w)} if len(w) < min_obs else {"ok": True, **ols_beta(w["y"], w["x"])}
    _, _, size, min_obs = FACTORS[STYLE_KEYS[0]]
    w = window(pd.concat({"y": rets[symbol], **{k: factor_series(rets, k) for k in STYLE_KEYS}}, axis=1), date, size)
    if len(w) < min_obs:
        for k in STYLE_KEYS:
            out[k] = {"ok": False, "reason": "INSUFFICIENT_HISTORY", "n": len(w)}
    else:
        betas, r2 = ridge_betas(w["y"], w[STYLE_KEYS])
        for k, b in zip(STYLE_KEYS, betas):
            out[k] = {"ok": True, **cap(b), "rSquared": r2, "n": len(w)}
    return {k: out[k] for k in FACTORS}


def write(name: str, payload: dict) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    path.write_text(json.dumps(payload, separators=(",", ":"), allow_nan=False) + "\n")
    print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size:,} bytes)")
