#!/usr/bin/env python3
"""Independent computation of RFM for UCI Online Retail, from the raw CSV,
following the rules documented in engine/segment/rfm.h and the feature
definitions in model/features/feature_sql.cpp. Prints JSON: the count of
customers per RFM group and a few customers' values.

    /usr/bin/python3 tests/reference/rfm_online_retail.py ../shared/data/online_retail/online_retail.csv.gz
"""
import json
import math
import sys

import numpy as np
import pandas as pd

path = sys.argv[1]
d = pd.read_csv(path, dtype={"InvoiceNo": str, "StockCode": str, "CustomerID": str})
d["InvoiceDate"] = pd.to_datetime(d["InvoiceDate"], format="%m/%d/%Y %H:%M")
# The preset's rejects: "A" invoices and negative quantities outside cancellations.
cancel = d["InvoiceNo"].str.startswith("C")
keep = ~d["InvoiceNo"].str.startswith("A") & ~((d["Quantity"] < 0) & ~cancel)
d = d[keep]
# Reference time: midnight after the last invoice.
as_of_day = d["InvoiceDate"].max().normalize() + pd.Timedelta(days=1)
d = d[d["CustomerID"].notna()]
d["line"] = d["Quantity"] * d["UnitPrice"]
inv = d.groupby("InvoiceNo").agg(customer=("CustomerID", "first"), ts=("InvoiceDate", "min"), amount=("line", "sum"))
inv["amount"] = inv["amount"].round(2)
inv["paid"] = ~inv.index.str.startswith("C")
cust = pd.DataFrame({
    "orders": inv[inv["paid"]].groupby("customer").size(),
    "monetary": inv.groupby("customer")["amount"].sum(),
    "last_paid": inv[inv["paid"]].groupby("customer")["ts"].max(),
})
cust["orders"] = cust["orders"].fillna(0).astype(int)
cust["recency"] = (as_of_day - cust["last_paid"].dt.normalize()).dt.days

buyers = cust[cust["orders"] > 0].copy()

def scores(values):
    # 1 + floor(5 * share of customers with a strictly lower value)
    v = values.to_numpy()
    n = len(v)
    lower = np.searchsorted(np.sort(v), v, side="left")
    return np.minimum(5, 1 + np.floor(5.0 * lower / n)).astype(int)

buyers["r"] = scores(-buyers["recency"])
buyers["f"] = scores(buyers["orders"])
buyers["m"] = scores(buyers["monetary"])

def group(r, f, m):
    fm = (f + m + 1) // 2
    if r == 5: return "New" if fm == 1 else "Potential Loyalists" if fm <= 3 else "Champions"
    if r == 4: return "Promising" if fm == 1 else "Potential Loyalists" if fm <= 3 else "Loyal"
    if r == 3: return "Hibernating" if fm <= 2 else "Need Attention" if fm == 3 else "Loyal"
    if r == 2: return "Hibernating" if fm <= 2 else "At Risk" if fm <= 4 else "Can't Lose Them"
    return "Lost" if fm <= 2 else "At Risk" if fm <= 4 else "Can't Lose Them"

buyers["group"] = [group(r, f, m) for r, f, m in zip(buyers["r"], buyers["f"], buyers["m"])]
counts = buyers["group"].value_counts().to_dict()
counts["Prospects"] = int((cust["orders"] == 0).sum())
sample = {}
for c in ["12347", "12346", "17850", "14646", "18102"]:
    if c in cust.index:
        row = cust.loc[c]
        sample[c] = {
            "orders": int(row["orders"]),
            "monetary": round(float(row["monetary"]), 2),
            "recency": None if math.isnan(row["recency"]) else int(row["recency"]),
            "group": buyers.loc[c, "group"] if c in buyers.index else "Prospects",
            "rfm": [int(buyers.loc[c, k]) for k in "rfm"] if c in buyers.index else None,
        }
print(json.dumps({"customers": int(len(cust)), "groups": {k: int(v) for k, v in counts.items()}, "sample": sample}, sort_keys=True))
