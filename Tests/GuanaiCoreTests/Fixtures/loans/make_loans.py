"""1,000 synthetic loans with their schedules, overdue days and quarterly subsidies, computed with Python's decimal
independently of the Swift code (LoanSchedule, LoanSubsidy), which LoanArithmeticTests compares to the fen.

Rules, as docs/employment.md states them: monthly instalments on the disbursement's day (the month's last day when it
has none); each instalment's interest = outstanding x borrower rate x actual days / 360, rounded half up to the fen;
principal at the end (interest_only) or amount // term each month, the rest in the last (equal_principal). An
instalment is overdue from the day after its due day until the repayment (in date order) by which all principal and
interest due up to it is paid. Subsidy periods are calendar quarters from the disbursement through `through`; each
day counts the principal outstanding that day (a repayment lowers it from its own day) unless overdue or nothing is
outstanding; interest and borrower interest are each rounded half up per period.

Run: python3 make_loans.py > loans_decimal.json (seeded: the output is the same every run)."""
import calendar
import datetime as dt
import json
import random
from decimal import Decimal, ROUND_HALF_UP, getcontext

getcontext().prec = 60
FEN = Decimal("0.01")


def add_months(d, k):
    total = d.year * 12 + d.month - 1 + k
    y, m = divmod(total, 12)
    m += 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def money(x):
    return x.quantize(FEN, rounding=ROUND_HALF_UP)


def schedule(amount, start, term, borrower_bp, method):
    rows, out, prev = [], amount, start
    part = (amount * 100 // term) / Decimal(100)
    for k in range(1, term + 1):
        due = add_months(start, k)
        days = (due - prev).days
        interest = money(out * Decimal(borrower_bp) / Decimal(10000) * Decimal(days) / Decimal(360))
        principal = out if k == term or method == "equal_principal" and k == term else (part if method == "equal_principal" else Decimal(0))
        rows.append((due, principal, interest))
        out -= principal
        prev = due
    return rows


def overdue_days(rows, pays, through):
    pays = sorted(pays, key=lambda p: p[0])
    days = set()
    due_p = due_i = Decimal(0)
    for due, p, i in rows:
        due_p += p
        due_i += i
        first = due + dt.timedelta(days=1)
        if first > through:
            break
        cp = ci = Decimal(0)
        cover = None
        for on, pp, pi in pays:
            cp += pp
            ci += pi
            if cp >= due_p and ci >= due_i:
                cover = on
                break
        last = (cover - dt.timedelta(days=1)) if cover else through
        d = first
        while d <= min(last, through):
            days.add(d)
            d += dt.timedelta(days=1)
    return days


def quarter_end(d):
    m = (d.month - 1) // 3 * 3 + 3
    return dt.date(d.year, m, calendar.monthrange(d.year, m)[1])


def quarters(amount, start, pays, rate, brate, overdue, through):
    out = []
    s = start
    while s <= through:
        e = min(quarter_end(s), through)
        yuan_days = Decimal(0)
        counted = 0
        d = s
        while d <= e:
            outstanding = amount - sum((p for on, p, i in pays if on <= d), Decimal(0))
            if outstanding > 0 and d not in overdue:
                yuan_days += outstanding
                counted += 1
            d += dt.timedelta(days=1)
        end_out = amount - sum((p for on, p, i in pays if on <= e), Decimal(0))
        interest = money(yuan_days * Decimal(rate) / Decimal(10000) / Decimal(360))
        borrower = money(yuan_days * Decimal(brate) / Decimal(10000) / Decimal(360))
        out.append({"from": s.isoformat(), "to": e.isoformat(), "days": counted, "outstanding": str(max(end_out, Decimal(0)).quantize(FEN)),
                    "interest": str(interest), "borrowerInterest": str(borrower), "subsidy": str(interest - borrower)})
        s = quarter_end(s) + dt.timedelta(days=1)
    return out


def case(rng, n):
    amount = Decimal(rng.choice([rng.randrange(1000, 20000001), 20000000, 5000000, 12345678, 9999999])) / 100
    start = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(0, 730))
    if n % 17 == 0:
        start = dt.date(rng.choice([2025, 2026]), rng.choice([1, 3, 5, 8, 10, 12]), 31)
    term = rng.choice([1, 3, 6, 12, 24, 36, rng.randrange(1, 37)])
    method = rng.choice(["interest_only", "equal_principal"])
    lpr = rng.choice([300, 310, 345, 385])
    rate = rng.randrange(lpr - 100, lpr + 151)
    brate = max(0, min(rate, lpr - 150))
    rows = schedule(amount, start, term, brate, method)
    through = start + dt.timedelta(days=rng.randrange(1, term * 31 + 60))
    pays = []
    for due, p, i in rows:
        if due > through:
            break
        r = rng.random()
        if r < 0.7:
            pays.append((due, p, i))
        elif r < 0.85:
            pays.append((due + dt.timedelta(days=rng.randrange(1, 40)), p, i))
        elif r < 0.95 and p > 0:
            half = (p * 100 // 2) / Decimal(100)
            pays.append((due - dt.timedelta(days=rng.randrange(0, 10)), half, i))
        # else: missed
    pays.sort(key=lambda x: x[0])
    over = overdue_days(rows, pays, through)
    spans = []
    for d in sorted(over):
        if spans and (d - spans[-1][1]).days == 1:
            spans[-1][1] = d
        else:
            spans.append([d, d])
    return {
        "amount": str(amount.quantize(FEN)), "disbursedOn": start.isoformat(), "termMonths": term, "method": method,
        "rateBP": rate, "borrowerBP": brate, "through": through.isoformat(),
        "schedule": [{"due": d.isoformat(), "principal": str(p.quantize(FEN)), "interest": str(i)} for d, p, i in rows],
        "repayments": [{"on": on.isoformat(), "principal": str(p.quantize(FEN)), "interest": str(i)} for on, p, i in pays],
        "overdue": [[a.isoformat(), b.isoformat()] for a, b in spans],
        "quarters": quarters(amount, start, pays, rate, brate, over, through),
    }


if __name__ == "__main__":
    rng = random.Random(20261203)
    cases = [case(rng, n) for n in range(1000)]
    # The issue's own example: 200,000.00 at 460 BP, LPR 310 BP, one 90-day quarter.
    print(json.dumps({"cases": cases}, ensure_ascii=False, separators=(",", ":")))
