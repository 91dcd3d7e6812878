/// The fixed parts of a package written by `XLSXWriter`: one sheet, or a few.
enum XLSXParts {
    /// Indexes into `cellXfs` below.
    enum Style {
        static let header = 1
        static let text = 2
        static let date = 3
        static let month = 4
        static let title = 5
    }

    static func fixedParts(sheetNames: [String]) -> [(String, String)] {
        let names = sheetNames.map { n -> String in
            var escaped: [UInt8] = []
            XMLText.appendEscaped(n, to: &escaped)
            return String(decoding: escaped, as: UTF8.self)
        }
        return [
            ("[Content_Types].xml", contentTypes(sheets: names.count)),
            ("_rels/.rels", rootRels),
            ("xl/workbook.xml", workbook(sheetNames: names)),
            ("xl/_rels/workbook.xml.rels", workbookRels(sheets: names.count)),
            ("xl/styles.xml", styles),
        ]
    }

    private static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    private static func contentTypes(sheets: Int) -> String {
        header + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            """
            + (1...sheets).map {
                "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" "
                    + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            }.joined() + """
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                </Types>
                """
    }

    private static let rootRels =
        header + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """

    /// Sheet n is `rId<n>`; the styles come after the sheets.
    private static func workbook(sheetNames: [String]) -> String {
        let sheets = sheetNames.enumerated().map {
            "<sheet name=\"\($0.element)\" sheetId=\"\($0.offset + 1)\" r:id=\"rId\($0.offset + 1)\"/>"
        }.joined()
        return header + """
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <workbookPr/><bookViews><workbookView/></bookViews>\
            <sheets>\(sheets)</sheets>\
            </workbook>
            """
    }

    private static func workbookRels(sheets: Int) -> String {
        let rels = (1...sheets).map {
            "<Relationship Id=\"rId\($0)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                + "Target=\"worksheets/sheet\($0).xml\"/>"
        }.joined()
        return header + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            \(rels)\
            <Relationship Id="rId\(sheets + 1)" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            </Relationships>
            """
    }

    /// Fonts: 0 normal, 1 bold, 2 bold 14pt (title). cellXfs: 0 default, 1 header, 2 text `@`,
    /// 3 `yyyy-mm-dd`, 4 `yyyy-mm`, 5 title (centred).
    private static let styles =
        header + """
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>\
            <numFmt numFmtId="165" formatCode="yyyy\\-mm"/></numFmts>\
            <fonts count="3">\
            <font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
            <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
            <font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font>\
            </fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="6">\
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyAlignment="1">\
            <alignment horizontal="center" vertical="center" wrapText="1"/></xf>\
            <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">\
            <alignment horizontal="center" vertical="center"/></xf>\
            </cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>
            """
}
