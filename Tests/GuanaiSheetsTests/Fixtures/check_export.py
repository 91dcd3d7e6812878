#!/usr/bin/env python3
"""Checks an .xlsx written by XLSXWriter with two other programs: openpyxl and LibreOffice.

    python check_export.py FILE.xlsx EXPECTED.json

EXPECTED.json: {"sheet": name, "freeze": "A3" | null, "merged": ["A1:C1"],
                "rows": [[cell, ...], ...]}  (all rows from row 1, cells as display strings:
                dates "yyyy-mm-dd", integers without ".0", empty cells "")
Exits non-zero with a message on the first mismatch.
"""
import csv
import datetime
import json
import os
import subprocess
import sys
import tempfile

import openpyxl


def show_cell(cell):
    value = getattr(cell, "value", None)
    if isinstance(value, (datetime.date, datetime.datetime)) and "d" not in (cell.number_format or "").lower():
        return value.strftime("%Y-%m")  # a month-only format such as yyyy-mm
    return show(value)


def show(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def trim(rows):
    rows = [list(r) for r in rows]
    for r in rows:
        while r and r[-1] == "":
            r.pop()
    while rows and not rows[-1]:
        rows.pop()
    return rows


def fail(message):
    print("check_export: FAIL: " + message)
    sys.exit(1)


def compare(source, got, expected):
    if len(got) != len(expected):
        fail(f"{source}: {len(got)} rows, expected {len(expected)}")
    for i, (g, e) in enumerate(zip(got, expected), start=1):
        if g != e:
            fail(f"{source}: row {i}: {g!r} != {e!r}")


def main():
    path, expected_path = sys.argv[1], sys.argv[2]
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    want = trim(expected["rows"])

    wb = openpyxl.load_workbook(path)  # full mode: also validates styles, merges, views
    if wb.sheetnames != [expected["sheet"]]:
        fail(f"openpyxl: sheets {wb.sheetnames}")
    ws = wb[expected["sheet"]]
    if ws.freeze_panes != expected.get("freeze"):
        fail(f"openpyxl: freeze_panes {ws.freeze_panes!r}")
    merged = sorted(str(r) for r in ws.merged_cells.ranges)
    if merged != sorted(expected.get("merged", [])):
        fail(f"openpyxl: merged {merged!r}")
    compare("openpyxl", trim([[show_cell(c) for c in row] for row in ws.iter_rows()]), want)

    ro = openpyxl.load_workbook(path, read_only=True)
    compare("openpyxl read-only", trim([[show_cell(c) for c in row] for row in ro.active.iter_rows()]), want)

    with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as profile:
        # 76 = UTF-8; dates come out in the cell's own format (yyyy-mm-dd).
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                        "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", out, path],
                       check=True, capture_output=True, timeout=300)
        name = os.path.splitext(os.path.basename(path))[0] + ".csv"
        with open(os.path.join(out, name), encoding="utf-8", newline="") as f:
            compare("libreoffice", trim(list(csv.reader(f))), want)
    print(f"check_export: OK ({len(want)} rows via openpyxl, openpyxl read-only and LibreOffice)")


if __name__ == "__main__":
    main()
