#!/usr/bin/python3
"""NIST StRD linear regression reference sets for the OLS tests: Norris (simple) and Longley (multiple),
with their certified values. Data: https://www.itl.nist.gov/div898/strd/lls/data/Norris.shtml and
.../Longley.shtml (Longley's data via statsmodels.datasets.longley, the same NIST table).
Writes tests/fixtures/golden/nist-strd.json.
"""
import statsmodels.api as sm

from common import write

NORRIS_X = [0.2, 337.4, 118.2, 884.6, 10.1, 226.5, 666.3, 996.3, 448.6, 777.0, 558.2, 0.4, 0.6, 775.5, 666.9, 338.0,
            447.5, 11.6, 556.0, 228.1, 995.8, 887.6, 120.2, 0.3, 0.3, 556.8, 339.1, 887.2, 999.0, 779.0, 11.1, 118.3,
            229.2, 669.1, 448.9, 0.5]
NORRIS_Y = [0.1, 338.8, 118.1, 888.0, 9.2, 228.1, 668.5, 998.5, 449.1, 778.9, 559.2, 0.3, 0.1, 778.1, 668.8, 339.3,
            448.9, 10.8, 557.7, 228.3, 998.0, 888.8, 119.6, 0.3, 0.6, 557.6, 339.3, 888.0, 998.5, 778.9, 10.2, 117.6,
            228.9, 668.4, 449.2, 0.2]


def main() -> None:
    longley = sm.datasets.longley.load_pandas()
    write("nist-strd.json", {
        "source": "NIST/ITL StRD linear least squares: Norris.dat and Longley.dat, certified values as published by NIST",
        "norris": {
            "x": NORRIS_X, "y": NORRIS_Y,
            "certified": {"intercept": -0.262323073774029, "slope": 1.00211681802045, "interceptStdError": 0.232818234301152,
                          "slopeStdError": 0.429796848199937e-03, "residualStdError": 0.884796396144373,
                          "rSquared": 0.999993745883712},
        },
        "longley": {
            "columns": [longley.exog[c].tolist() for c in longley.exog.columns], "columnNames": list(longley.exog.columns),
            "y": longley.endog.tolist(),
            "certified": {
                "intercept": -3482258.63459582,
                "coef": [15.0618722713733, -0.358191792925910e-01, -2.02022980381683, -1.03322686717359,
                         -0.511041056535807e-01, 1829.15146461355],
                "interceptStdError": 890420.383607373,
                "stdErrors": [84.9149257747669, 0.334910077722432e-01, 0.488399681651699, 0.214274163161675,
                              0.226073200069370, 455.478499142212],
                "residualStdError": 304.854073561965, "rSquared": 0.995479004577296,
            },
        },
    })


if __name__ == "__main__":
    main()
