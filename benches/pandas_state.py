"""Who holds each place on a date, asked of pandas: the analyst's usual tool, given the same
question `sandline state --date D --data DIR` answers, on the same files. Used by
load_vs_pandas.py; prints one CSV row per place."""

import sys

import pandas as pd


def first_day(dates: pd.Series) -> pd.Series:
    """A claim counts from the first day its date may stand for (2017-06 is 1 June 2017)."""
    padded = dates.where(dates.str.len() != 7, dates + "-01")
    padded = padded.where(padded.str.len() != 4, padded + "-01-01")
    return pd.to_datetime(padded, format="%Y-%m-%d", errors="coerce")


STATUS = {"captured": "held", "holds": "held", "withdrew": "unknown", "contested": "contested",
          "besieged": "contested"}


def main() -> None:
    data, date = sys.argv[1], pd.Timestamp(sys.argv[2])
    places = pd.read_csv(f"{data}/places.csv", dtype=str, keep_default_na=False)
    claims = pd.read_csv(f"{data}/claims.csv", dtype=str, keep_default_na=False)
    claims["first"] = first_day(claims["date"])
    claims = claims[claims["first"] <= date].sort_values("first", kind="stable")
    last = claims.groupby("place").tail(1).set_index("place")
    last = last.assign(status=last["action"].map(STATUS))
    last.loc[last["status"] == "unknown", "faction"] = ""
    out = places[["id", "name", "lat", "lon"]].merge(
        last[["faction", "status", "first", "id"]].rename(columns={"id": "claim"}),
        left_on="id", right_index=True, how="left")
    out.to_csv(sys.stdout, index=False)


if __name__ == "__main__":
    main()
