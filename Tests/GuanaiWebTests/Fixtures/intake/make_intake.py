#!/usr/bin/env python3
"""Writes the intake fixtures (synthetic people only) next to this script: a township ledger as Excel users leave
it (titles, merged cells, synonyms, IDs that lost digits, dates in every form, full-width digits, blank rows),
the same ledger re-saved by LibreOffice, and as a GB18030 CSV. Run with a Python that has openpyxl:
    python make_intake.py
then commit the outputs. The expected outcome of each row is in the comments and in IntakeTests.swift.
"""
import datetime
import os
import shutil
import subprocess
import tempfile

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"


def make_id(birth, seq, ends=None):
    for s in range(seq, 999):
        body = "421081" + birth + "%03d" % s
        full = body + CHECK[sum(int(c) * w for c, w in zip(body, WEIGHTS)) % 11]
        if ends is None or full.endswith(ends):
            if full.endswith("000") and ends is None:
                continue
            return full
    raise ValueError(birth)


def fullwidth(s):
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


BOY = 111   # odd sequence digit: male
GIRL = 112  # even: female
ID5 = make_id("20150302", BOY)
ID6 = make_id("20160415", GIRL)
ID7 = make_id("20170520", BOY)
ID8 = make_id("20140101", BOY)
ID12 = make_id("20160410", GIRL)
ID13 = make_id("20180606", BOY)
ID15 = make_id("20130708", 101, ends="X")
ID16 = make_id("20191111", GIRL)
GRANNY = make_id("19520101", 222)

HEADERS = ["序号", "儿童姓名", "性别", "公民身份号码", "出生年月", "所在村", "监护人", "与儿童关系", "父亲情况", "母亲情况", "关爱需求", "是否寄宿", "户口性质"]

# (row as the spreadsheet shows it, values); None = empty cell. Expected outcome at the end of each line.
ROWS = [
    (5, [1, "李小红", "男", ID5, "2015.3", "石华堰村", "张桂兰", "奶奶", "外出务工", "外出务工", "生活照顾、亲情抚慰", "√", "农业"]),     # accepted
    (6, [2, "王芳芳", "女", int(ID6), datetime.date(2016, 4, 15), "石华堰村委会", "刘秀英", "外婆", "务工", "外出", "学业帮助", "否", "农村"]),  # accepted
    (7, [3, "赵小强", "男", float(ID7), "2017.05", "石华堰村", "赵大妈", "奶奶", "外出务工", "外出务工", None, "否", None]),          # rejected: lost digits
    (8, [4, "　王小明 ", "男", fullwidth(ID8), "2014-01", "421081104200", "王奶奶", "奶奶", "外出务工", "去世", None, "否", None]),   # accepted
    (10, [6, "钱多多", "女", make_id("20150909", GIRL), "2015.09", "石戈垸村", "钱奶奶", "奶奶", "外出务工", "外出务工", None, None, None]),  # rejected: village outside
    (11, [7, "李小红", "男", ID5, "2015.3", "石华堰村", "张桂兰", "奶奶", "外出务工", "外出务工", None, None, None]),             # duplicate in file
    (12, [8, "孙丽丽", "女", ID12, "2016.05", "石华堰村", "孙奶奶", "奶奶", "外出务工", "外出务工", None, None, None]),           # rejected: birth month
    (13, [9, "周小军", "女", ID13, "2018.6", "石华堰村", "周奶奶", "奶奶", "外出务工", "外出务工", None, None, None]),            # rejected: sex
    (14, [10, "吴老式", "男", "421081150302111", "2015.3", "石华堰村", "吴奶奶", "奶奶", "外出务工", "外出务工", None, None, None]),  # rejected: 15 digits
    (15, [11, "郑小雨", "男" if int(ID15[16]) % 2 else "女", ID15.lower(), "2013年7月", "小石桥村", "郑奶奶", "奶奶", "外出务工", "外出务工", "安全维护", "是", None]),  # accepted
    (16, [12, "冯小星", "女", ID16, "2019.11", "石华堰村", "冯奶奶", "奶奶", "外出务工", "外出务工", "吃饭", None, None]),       # rejected: need
]


def workbook(path):
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "填表说明"
    notes["A1"] = "本表为测试数据"
    notes.sheet_state = "hidden"
    ws = wb.create_sheet("留守儿童")
    ws["A1"] = "测试镇农村留守儿童信息台账"
    ws.merge_cells("A1:M1")
    ws["A2"] = "填报单位：测试镇妇联"
    ws.merge_cells("A2:F2")
    for col, text in enumerate(HEADERS, start=1):
        ws.cell(row=4, column=col, value=text)
    for r, values in ROWS:
        for col, v in enumerate(values, start=1):
            if v is None:
                continue
            c = ws.cell(row=r, column=col, value=v)
            if isinstance(v, datetime.date):
                c.number_format = 'yyyy"年"m"月"d"日"'
            if isinstance(v, int) and col == 4:
                c.number_format = "0"
    wb.save(path)
    exact_integer(path, "D6", ID6)


def exact_integer(path, ref, digits):
    """openpyxl writes big integers as floats; WPS and others write the exact digits. Patch the cell to do so."""
    import zipfile
    tmp = path + ".tmp"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":
                text = data.decode("utf-8")
                start = text.index('<c r="%s"' % ref)
                v0 = text.index("<v>", start) + 3
                v1 = text.index("</v>", v0)
                data = (text[:v0] + digits + text[v1:]).encode("utf-8")
            dst.writestr(item, data)
    os.replace(tmp, path)


def gb_csv(path):
    lines = [",".join(HEADERS)]
    for r, values in ROWS:
        vals = []
        for v in values:
            if v is None:
                vals.append("")
            elif isinstance(v, float):
                vals.append("%.14E" % v)   # what Excel writes for a number that lost digits
            elif isinstance(v, datetime.date):
                vals.append("%d/%d/%d" % (v.year, v.month, v.day))
            else:
                vals.append(str(v))
        lines.append(",".join(vals))
    # Row numbers in the CSV are line numbers: header on line 1, so rows shift; the test maps them.
    with open(path, "w", encoding="gb18030", newline="") as f:
        f.write("\r\n".join(lines) + "\r\n")


WOMAN = make_id("19900606", GIRL)
MAN = make_id("19880808", BOY)
HUSBAND = make_id("19880303", BOY)
HEAD = make_id("19700101", BOY)
HEAD2 = make_id("19750505", GIRL)


def simple(path, title, headers, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = title
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    ws.append(headers)
    for r in rows:
        ws.append(r)
    wb.save(path)


def women(path):
    # Row 3 accepted (husband away since 2025-01); row 4 rejected (a man's ID number); row 5 rejected (phone).
    simple(path, "测试村留守妇女台账", ["姓名", "公民身份号码", "村", "联系电话", "丈夫姓名", "丈夫情况", "外出时间", "照料子女数", "需求", "就业意愿"], [
        ["陈秀梅", WOMAN, "石华堰村", "13912345678", "刘志强", "外出务工", "2025.1", 2, "发展能力、教育子女", "是"],
        ["赵国庆", MAN, "石华堰村", None, None, None, None, None, None, None],
        ["孙桂芝", make_id("19920202", GIRL), "石华堰村", "1380000", "孙大力", "外出务工", "2024-06-01", 1, None, "否"],
    ])


def households(path):
    # Row 3 accepted; row 4 accepted (低保); row 5 rejected (latitude without longitude); row 6 duplicate of row 3.
    simple(path, "测试村家庭户台账", ["户主姓名", "户主身份证号", "村", "村民小组", "家庭住址", "家庭类型", "经度", "纬度"], [
        ["黄建国", HEAD, "石华堰村", "三组", "石华堰村三组12号", "一般", 112.41, 29.72],
        ["林秀英", HEAD2, "石华堰村", "五组", "石华堰村五组3号", "低保户", None, None],
        ["何大海", make_id("19680808", BOY), "石华堰村", "一组", None, None, None, 29.7],
        ["黄建国", HEAD, "石华堰村", "三组", "石华堰村三组12号", "一般", None, None],
    ])


def main():
    xlsx = os.path.join(HERE, "children_openpyxl.xlsx")
    workbook(xlsx)
    women(os.path.join(HERE, "women_openpyxl.xlsx"))
    households(os.path.join(HERE, "households_openpyxl.xlsx"))
    gb_csv(os.path.join(HERE, "children_gb18030.csv"))
    soffice = shutil.which("soffice")
    if soffice:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([soffice, "--headless", "--convert-to", "xlsx", "--outdir", tmp, xlsx], check=True, capture_output=True)
            shutil.copy(os.path.join(tmp, "children_openpyxl.xlsx"), os.path.join(HERE, "children_libreoffice.xlsx"))


if __name__ == "__main__":
    main()
