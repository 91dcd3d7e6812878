#!/usr/bin/env python3
"""Writes the test fixtures (synthetic data only) next to this script.

Run with a Python that has openpyxl, then commit the outputs:
    python make_fixtures.py
Needs /usr/bin/soffice for the LibreOffice-written copies and the legacy .xls.
"""
import datetime
import os
import shutil
import subprocess
import tempfile
import zipfile

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

HERE = os.path.dirname(os.path.abspath(__file__))
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"


def make_id(birth: str, seq: int) -> str:
    """Valid-checksum synthetic ID with the 421081 address prefix."""
    body = "421081" + birth + "%03d" % seq
    return body + CHECK[sum(int(c) * w for c, w in zip(body, WEIGHTS)) % 11]


ID_TEXT = make_id("20150302", 101)      # stored as text
ID_EXACT = make_id("20160415", 102)     # stored as an exact 18-digit integer
ID_LOST = make_id("20170520", 103)      # stored as a float: digits lost
ID_FULLWIDTH = make_id("20140101", 104)  # typed in full-width digits
ID_LOWER_X = next(make_id("20130708", s) for s in range(100, 999) if make_id("20130708", s).endswith("X"))


def fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


def register_workbook(path: str) -> None:
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "填表说明"
    notes["A1"] = "本表为测试数据，请勿使用"
    notes.sheet_state = "hidden"

    ws = wb.create_sheet("儿童台账")
    ws["A1"] = "某镇2024年农村留守儿童信息台账"
    ws.merge_cells("A1:J1")
    ws["A2"] = "填报单位：测试镇（盖章）"
    ws.merge_cells("A2:E2")
    ws["F2"] = "填报日期："
    headers = ["序号", "儿童姓名", "性别", "身份证号码（18位）", "出生日期", "出生年月", "是否在校", "监护人姓名*", "联系电话", "备注"]
    for col, text in enumerate(headers, start=1):
        ws.cell(row=3, column=col, value=text)

    def row(r, values, formats=None):
        for col, value in enumerate(values, start=1):
            if value is None:
                continue
            cell = ws.cell(row=r, column=col, value=value)
            if formats and col in formats:
                cell.number_format = formats[col]

    # Row 4: ID as text, real date cell (built-in id 14), month-only date cell, √
    row(4, [1, "测试甲", "男", ID_TEXT, datetime.date(2015, 3, 2), datetime.date(2015, 3, 1), "√", "测试监护人甲", "13800000001", None],
        {5: "mm-dd-yy", 6: 'yyyy"年"m"月"', 9: "@"})
    # Row 5: ID as exact integer, custom Chinese date format, month as text with dot, 是
    row(5, [2, "测试乙", "女", int(ID_EXACT), datetime.date(2016, 4, 15), "2016.4", "是", "测试监护人乙", 13800000002, None],
        {5: 'yyyy"年"m"月"d"日"'})
    # Row 6: ID as float (lost digits), serial in General, month with dash, 否, datetime with time
    row(6, [3, "测试丙", "男", float(ID_LOST), 42875, "2017-05", "否", "测试监护人丙", None, datetime.datetime(2020, 1, 2, 23, 59, 59)],
        {10: "yyyy-mm-dd hh:mm"})
    # Row 7 left blank on purpose; row 8: full-width digits, stray spaces, text dates
    row(8, [4, "  测试丁 ", "女 ", fullwidth(ID_FULLWIDTH), "2014/1/1", "2014年1月", "×", "测试监护人丁", "１３８ ０００ ０００４", None])
    row(9, [5, "测试戊", "男", ID_LOWER_X.lower(), "2013.7.8", "201307", "Y", None, None, None])
    row(10, [6, "测试己", "女", "", "2013年7月8日", "2013年7月", "N", None, None, None])
    row(11, [7, "测试庚", "男", "", "20130708", "2013/07", "1", None, None, "2015-02-30"])
    rich = CellRichText([TextBlock(InlineFont(b=True), "重点"), "关注：", TextBlock(InlineFont(color="FF0000"), "独居")])
    ws.cell(row=12, column=2, value="测试辛")
    ws.cell(row=12, column=10, value=rich)
    ws.cell(row=13, column=2, value="A&B <C> \"D\"")
    ws.column_dimensions["D"].width = 22

    women = wb.create_sheet("妇女台账")
    women.append(["姓名", "身份证号", "婚姻状况"])
    women.append(["测试妇女甲", make_id("19900101", 201), "已婚"])
    women.append(["测试妇女乙", make_id("19851231", 202), "离异"])
    wb.save(path)


def edge_workbook(path: str) -> None:
    """Hand-written XML exercising what openpyxl never writes: inline strings, formula strings,
    booleans, errors, phonetic runs, entities, _xHHHH_ escapes, namespace prefixes, cells without
    `r`, the 1904 date system and a date number format defined with [Red] and a locale tag."""
    ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    r_ns = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/wb.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/s1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/st.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/strings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/wb.xml"/></Relationships>',
        "xl/_rels/wb.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/s1.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="st.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/></Relationships>',
        "xl/wb.xml": f'<?xml version="1.0" encoding="UTF-8"?><x:workbook {ns} {r_ns}><x:workbookPr date1904="1"/><x:sheets><x:sheet name="边界 &amp; 情况" sheetId="3" r:id="rId7"/></x:sheets></x:workbook>',
        "xl/st.xml": f'<?xml version="1.0" encoding="UTF-8"?><x:styleSheet {ns}><x:numFmts count="2"><x:numFmt numFmtId="200" formatCode="[Red][$-804]yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><x:numFmt numFmtId="201" formatCode="0.00&quot;d&quot;"/></x:numFmts><x:cellStyleXfs count="1"><x:xf numFmtId="14"/></x:cellStyleXfs><x:cellXfs count="4"><x:xf numFmtId="0"/><x:xf numFmtId="200"/><x:xf numFmtId="201"/><x:xf numFmtId="20"/></x:cellXfs></x:styleSheet>',
        "xl/strings.xml": f'<?xml version="1.0" encoding="UTF-8"?><x:sst {ns} count="3" uniqueCount="3"><x:si><x:t xml:space="preserve">  前后空格  </x:t></x:si><x:si><x:r><x:t>漢字</x:t></x:r><x:rPh sb="0" eb="2"><x:t>かんじ</x:t></x:rPh><x:r><x:rPr><x:b/></x:rPr><x:t>&#x4E2D;&#25991;</x:t></x:r></x:si><x:si><x:t>line1_x000D_&#10;line2</x:t></x:si></x:sst>',
        "xl/worksheets/s1.xml": f'<?xml version="1.0" encoding="UTF-8"?><x:worksheet {ns}><x:sheetData>'
        '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>内联</x:t></x:is></x:c><x:c r="B2" t="s"><x:v>0</x:v></x:c><x:c r="C2" t="s"><x:v>1</x:v></x:c><x:c r="D2" t="s"><x:v>2</x:v></x:c></x:row>'
        '<x:row r="3"><x:c r="A3" t="str"><x:f>CONCAT("a","b")</x:f><x:v>ab</x:v></x:c><x:c r="B3" t="b"><x:v>1</x:v></x:c><x:c r="C3" t="e"><x:v>#N/A</x:v></x:c><x:c r="E3" s="1"><x:v>0</x:v></x:c><x:c r="F3" s="2"><x:v>12.5</x:v></x:c><x:c r="G3" s="3"><x:v>0.5</x:v></x:c></x:row>'
        '<x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c><x:c r="E4" s="1"><x:v>4107</x:v></x:c></x:row>'
        '<x:row r="6"><x:c r="B6" t="inlineStr"><x:is><x:r><x:t>富</x:t></x:r><x:r><x:t xml:space="preserve"> 文本</x:t></x:r></x:is></x:c><x:c r="C6" t="inlineStr"><x:is><x:t><![CDATA[a<b&c]]></x:t></x:is></x:c></x:row>'
        '<x:row r="7"><x:c r="A7" s="2"/><x:c r="B7" t="s"/></x:row>'
        f'<x:row r="8"><x:c r="A8"><x:v>{ID_EXACT}</x:v></x:c><x:c r="B8"><x:v>{ID_EXACT[:15]}000</x:v></x:c></x:row>'
        '</x:sheetData></x:worksheet>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            z.writestr(name, content.encode("utf-8"))


CSV_ROWS = [
    ["姓名", "身份证号", "出生日期", "备注"],
    ["测试甲", ID_TEXT, "2015-03-02", "地址：某村,3组"],
    [],
    ["测试乙", ID_EXACT, "2016/4/15", "第一行\n第二行"],
    ["测试\"丙\"", ID_LOST, "2017年5月20日", ""],
]


def csv_text(newline: str) -> str:
    lines = []
    for row in CSV_ROWS:
        fields = []
        for f in row:
            if any(ch in f for ch in ',"\n'):
                f = '"' + f.replace('"', '""') + '"'
            fields.append(f)
        lines.append(",".join(fields))
    return newline.join(lines) + newline


def soffice_convert(src: str, fmt: str, outdir: str) -> str:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
                        "--outdir", outdir, src], check=True, capture_output=True, timeout=180)
    return os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + "." + fmt.split(":")[0])


def main() -> None:
    register_workbook(os.path.join(HERE, "register_openpyxl.xlsx"))
    edge_workbook(os.path.join(HERE, "edge_handwritten.xlsx"))

    with open(os.path.join(HERE, "utf8_bom.csv"), "w", encoding="utf-8-sig", newline="") as f:
        f.write(csv_text("\r\n"))
    with open(os.path.join(HERE, "utf8.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(csv_text("\n"))
    with open(os.path.join(HERE, "gb18030.csv"), "w", encoding="gb18030", newline="") as f:
        f.write(csv_text("\r\n"))
    with open(os.path.join(HERE, "tabs.txt"), "w", encoding="utf-8", newline="") as f:
        f.write("姓名\t电话\n测试甲\t13800000001\n")

    with tempfile.TemporaryDirectory() as out:
        converted = soffice_convert(os.path.join(HERE, "register_openpyxl.xlsx"), "xlsx", out)
        shutil.copy(converted, os.path.join(HERE, "register_libreoffice.xlsx"))
        legacy = soffice_convert(os.path.join(HERE, "register_openpyxl.xlsx"), "xls", out)
        # Renamed to .xlsx: the reader must go by content, not by name.
        shutil.copy(legacy, os.path.join(HERE, "legacy_renamed.xlsx"))

    with open(os.path.join(HERE, "ids.txt"), "w") as f:
        f.write("\n".join([ID_TEXT, ID_EXACT, ID_LOST, ID_FULLWIDTH, ID_LOWER_X]) + "\n")


if __name__ == "__main__":
    main()
