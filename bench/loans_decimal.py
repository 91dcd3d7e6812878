"""A quarter's interest subsidy for the loans `guanai bench-loans --export` wrote, worked out again with Python's
decimal, independently of the Swift code: each loan's schedule (for its overdue days), its overdue spans, and the
quarter's interest at the loan's rate and at the borrower's, each rounded half up to the fen, the subsidy their
difference. The rules are those of docs/employment.md (and Tests/GuanaiCoreTests/Fixtures/loans/make_loans.py, which
this follows with day runs instead of single days so 100,000 loans take seconds).

Prints `python_ms`, the loans counted, the total and whether every loan and the total agree with Swift's to the fen.
Usage: python3 bench/loans_decimal.py rows.json"""
import calendar
import datetime as dt
import json
import sys
import time
from decimal import Decimal, ROUND_HALF_UP

FEN = Decimal("0.01")
D360 = Decimal(360) * Decimal(10000)


def add_months(d, k):
    total = d.year * 12 + d.month - 1 + k
    y, m = divmod(total, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def money(x):
    return x.quantize(FEN, rounding=ROUND_HALF_UP)


def schedule(amount, start, term, brate, method):
    rows, out, prev = [], amount, start
    part = (amount * 100 // term) / Decimal(100)
    for k in range(1, term + 1):
        due = add_months(start, k)
        interest = money(out * brate * Decimal((due - prev).days) / D360)
        principal = out if k == term else (part if method == "equal_principal" else Decimal(0))
        rows.append((due, principal, interest))
        out -= principal
        prev = due
    return rows


def overdue_spans(rows, pays, through):
    """Instalment i is overdue from the day after its due day until the day before the repayment by which all
    principal and interest due up to it is paid (through `through` when none)."""
    cum, p, i = [], Decimal(0), Decimal(0)
    for on, pp, pi in pays:
        p += pp
        i += pi
        cum.append((on, p, i))
    spans, due_p, due_i = [], Decimal(0), Decimal(0)
    for due, pp, pi in rows:
        due_p += pp
        due_i += pi
        first = due + dt.timedelta(days=1)
        if first > through:
            break
        cover = next((on for on, cp, ci in cum if cp >= due_p and ci >= due_i), None)
        last = min(cover - dt.timedelta(days=1) if cover else through, through)
        if last >= first:
            spans.append((first, last))
    # Merged, so a day late for two instalments counts once.
    merged = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1] + dt.timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def quarter_subsidy(loan, q_from, q_to):
    amount = Decimal(loan["amount"]) / 100
    start = dt.date.fromisoformat(loan["disbursedOn"])
    through = dt.date.fromisoformat(loan["through"])
    pays = [(dt.date.fromisoformat(on), Decimal(p) / 100, Decimal(i) / 100) for on, p, i in loan["repayments"]]
    pays.sort(key=lambda x: x[0])
    brate = Decimal(loan["borrowerBP"])
    rows = schedule(amount, start, loan["term"], brate, loan["method"])
    spans = overdue_spans(rows, pays, through)
    s, e = max(start, q_from), min(q_to, through)
    # Outstanding on a day: the amount less every principal repaid on or before it. Runs of days between repayments.
    outstanding = amount - sum((p for on, p, _ in pays if on < s), Decimal(0))
    cuts = sorted({on for on, _, _ in pays if s <= on <= e})
    yuan_days = Decimal(0)
    day = s
    for c in cuts + [e + dt.timedelta(days=1)]:
        if c > day:
            run_end = c - dt.timedelta(days=1)
            n = (run_end - day).days + 1
            for a, b in spans:
                lo, hi = max(a, day), min(b, run_end)
                if hi >= lo:
                    n -= (hi - lo).days + 1
            if outstanding > 0:
                yuan_days += outstanding * n
            day = c
        if c <= e:
            outstanding -= sum((p for on, p, _ in pays if on == c), Decimal(0))
    interest = money(yuan_days * Decimal(loan["rateBP"]) / D360)
    borrower = money(yuan_days * brate / D360)
    return interest - borrower


def main(path):
    data = json.load(open(path))
    q_from, q_to = (dt.date.fromisoformat(x) for x in data["quarter"])
    loans = data["loans"]
    t0 = time.perf_counter()
    results = [quarter_subsidy(l, q_from, q_to) for l in loans]
    ms = (time.perf_counter() - t0) * 1000
    total = sum(results, Decimal(0))
    swift_total = Decimal(sum(l["subsidy"] for l in loans)) / 100
    differ = sum(1 for l, r in zip(loans, results) if int(r * 100) != l["subsidy"])
    print(f"python_loans {len(loans)} python_subsidy {total} swift_subsidy {swift_total} differing_loans {differ} "
          f"agree_to_the_fen {str(differ == 0 and total == swift_total).lower()}")
    print(f"python_ms {ms:.1f}")
    return 0 if differ == 0 and total == swift_total else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
