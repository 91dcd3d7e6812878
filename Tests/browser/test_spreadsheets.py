"""Spreadsheets in and out, as people use them: a township worker imports a ledger on a phone, a city admin takes
the children's 台账 away as .xlsx and .csv, and the .xlsx is checked with two other programs (openpyxl, and
LibreOffice converting it to CSV) to hold exactly what our CSV holds."""
import csv
import datetime
import io
import pathlib
import subprocess
import tempfile

import openpyxl

from conftest import BASE, DESKTOP, PHONE, login, shot

FIXTURE = pathlib.Path(__file__).resolve().parents[1] / "GuanaiWebTests" / "Fixtures" / "intake" / "children_openpyxl.xlsx"


def show(v):
    if v is None:
        return ""
    if isinstance(v, datetime.datetime):
        return v.strftime("%Y-%m-%d")
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def test_exports_open_in_openpyxl_and_libreoffice_with_the_same_values(browser, logins):
    ctx, page = login(browser, logins, "city_admin", DESKTOP)
    page.goto(BASE + "/children")
    shot(page, "intake-children-list-desktop")
    xlsx = ctx.request.get(BASE + "/children/export?format=xlsx&full=1")
    assert xlsx.ok and "spreadsheetml" in xlsx.headers["content-type"]
    ours = ctx.request.get(BASE + "/children/export?format=csv&full=1")
    assert ours.ok and ours.body()[:3] == b"\xef\xbb\xbf", "UTF-8 with BOM"
    expected = list(csv.reader(io.StringIO(ours.body().decode("utf-8-sig"))))
    assert len(expected) > 50, "the demo has children"
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "children.xlsx"
        path.write_bytes(xlsx.body())
        wb = openpyxl.load_workbook(path)
        ws = wb.active
        assert ws.freeze_panes == "A3", "header frozen under the title row"
        assert "台账" in str(ws["A1"].value) and ws.merged_cells.ranges, "a merged title naming the unit"
        rows = [[show(v) for v in r] for r in ws.iter_rows(min_row=2, values_only=True)]
        width = len(expected[0])
        assert [r[:width] for r in rows] == expected
        # Every ID number is text, as typed: nothing turned into 4.21E+17.
        id_col = expected[0].index("身份证号码")
        assert all(isinstance(c.value, str) for c in ws.iter_cols(min_col=id_col + 1, max_col=id_col + 1, min_row=3).__next__() if c.value)
        subprocess.run(["soffice", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", tmp, str(path)],
                       check=True, capture_output=True, timeout=180)
        lo = list(csv.reader(open(pathlib.Path(tmp) / "children.csv", encoding="utf-8-sig")))
        lo = [r for r in lo[1:] if any(r)]
        assert [r[:width] for r in lo] == expected, "LibreOffice reads the same values"
    ctx.close()


def test_a_township_worker_imports_a_ledger_on_a_phone(browser, logins):
    ctx, page = login(browser, logins, "township_staff", PHONE)
    page.goto(BASE + "/children")
    page.click("a[href^='/imports/new']")
    page.wait_for_load_state()
    shot(page, "intake-upload-phone")
    page.set_input_files("#file", str(FIXTURE))
    page.click("form.intake button[type=submit]")
    page.wait_for_load_state()
    # The check runs in the background; its page reloads itself until the preview is there.
    page.wait_for_selector("main div.counts", timeout=120_000)
    body = page.inner_text("main")
    assert "导入预览" in body and "有错误、不能导入：6 行" in body, body[:400]
    assert "丢失了位数" in body
    shot(page, "intake-preview-phone")
    page.click("form[action$='/commit'] button[type=submit]")
    page.wait_for_load_state()
    body = page.inner_text("main")
    assert "导入完成" in body
    shot(page, "intake-done-phone")
    with page.expect_download() as d:
        page.click("a[href$='/rejected']")
    with tempfile.TemporaryDirectory() as tmp:
        saved = pathlib.Path(tmp) / "rejected.xlsx"
        d.value.save_as(saved)
        rejected = openpyxl.load_workbook(saved)
        header = [c.value for c in next(rejected.active.iter_rows(max_row=1))]
        assert header[-1] == "错误原因"
        assert rejected.active.max_row == 7, "the header and the six rows with errors"
    ctx.close()
