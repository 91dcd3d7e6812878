// 台账导入界面文字。每个键的中文和英文写在一起。
extension Catalogue {
    /// Spreadsheet import and export.
    static let intake: [String: Words] = [
        "intake.exportTitle": ("{0}（{1}）", "{0} ({1})"),
        "intake.nothingNew": (
            "没有新的行可以导入：表里的人都已登记，或每一行都有错误。请改好后重新上传。",
            "Nothing new to import: everyone in the file is registered already, or every row has an error. Fix it and upload again."
        ),
        "intake.error.januaryOrOctober": (
            "“{0}”：数字 2025.1 可能是1月也可能是10月，请写成“2025-01”或“2025-10”",
            "“{0}”: the number 2025.1 may mean January or October; write 2025-01 or 2025-10"
        ),
        "intake.title": ("导入台账", "Import a ledger"),
        "intake.intro": (
            "把乡镇、村里已有的 Excel 或 WPS 台账直接导入，不用重新录入。先看预览，确认后才写入。",
            """
            Bring in the Excel or WPS ledgers townships and villages already keep, without retyping. You see a preview first; nothing is \
            written until you confirm.
            """
        ),
        "intake.kind": ("台账类型", "Ledger"),
        "intake.unit": ("导入到", "Import into"),
        "intake.file": ("文件", "File"),
        "intake.fileHint": (
            "支持 .xlsx（Excel、WPS 保存的）和 .csv。旧的 .xls 请先另存为 .xlsx。",
            ".xlsx (as Excel or WPS saves it) or .csv. Save an old .xls as .xlsx first."
        ),
        "intake.sheet": ("工作表", "Sheet"),
        "intake.sheetHint": ("不填则读第一个显示的工作表", "Leave empty for the first visible sheet"),
        "intake.upload": ("上传并预览", "Upload and preview"),
        "intake.recent": ("最近的导入", "Recent imports"),
        "intake.kind.children": ("留守儿童台账", "Left-behind children"),
        "intake.kind.women": ("留守妇女台账", "Left-behind women"),
        "intake.kind.households": ("家庭户台账", "Households"),
        "intake.kind.volunteers": ("爱心妈妈名册", "Volunteers (caring mothers)"),
        "intake.summaryName": ("名称", "Name"),
        "intake.kind.stations": ("留守儿童服务站台账", "Service stations"),
        "intake.kind.enrolments": ("服务站入站名单", "Station enrolments"),
        "intake.kind.neighbour_groups": ("邻里互助组花名册", "Neighbour groups"),
        "intake.kind.sites": ("服务站备选场所", "Candidate sites for stations"),
        "intake.status.uploaded": ("待确认", "To confirm"),
        "intake.status.committing": ("正在导入", "Importing"),
        "intake.status.committed": ("已导入", "Imported"),
        "intake.willAccept": ("可以导入：{0} 行", "Rows to import: {0}"),
        "intake.accepted": ("已导入：{0} 行", "Rows imported: {0}"),
        "intake.duplicates": (
            "重复的行（已登记，或在表中前面已出现，不再导入）：{0} 行",
            "Duplicates (already registered, or earlier in the file; not imported again): {0}"
        ),
        "intake.rejected": ("有错误、不能导入：{0} 行", "Rows with errors, not imported: {0}"),
        "intake.warnings": ("已导入但请核对（有推断的内容或可能重复登记）：{0} 行", "Imported, to check (something assumed, or a possible duplicate): {0}"),
        "intake.preview": ("导入预览", "Import preview"),
        "intake.step2": ("第二步：核对。类型：{0}；表头在第 {1} 行。", "Step 2: check. Ledger: {0}; header on row {1}."),
        "intake.confirm": ("确认导入这 {0} 行", "Import these {0} rows"),
        "intake.confirmHint": (
            "有错误的行不会导入，导入后可下载这些行，改好再上传。",
            "Rows with errors are left out; afterwards you can download them, fix them and upload again."
        ),
        "intake.rows": ("逐行结果（前几行）", "Row by row (first rows)"),
        "intake.row": ("行号", "Row"),
        "intake.outcome": ("结果", "Result"),
        "intake.reason": ("原因", "Reason"),
        "intake.outcome.accepted": ("可导入", "OK"),
        "intake.outcome.duplicate": ("已存在", "Exists"),
        "intake.outcome.rejected": ("有错误", "Error"),
        "intake.mapping": ("列的对应关系", "Column mapping"),
        "intake.map.auto": ("自动识别", "Automatic"),
        "intake.map.autoAs": ("自动识别（{0}）", "Automatic ({0})"),
        "intake.map.skip": ("不导入", "Do not import"),
        "intake.column": ("列", "Column"),
        "intake.header": ("表头", "Header"),
        "intake.field": ("对应到", "Maps to"),
        "intake.remap": ("按上面的对应关系重新预览", "Preview again with this mapping"),
        "intake.again": ("重新上传文件", "Upload a file again"),
        "intake.done": ("导入完成", "Import finished"),
        "intake.downloadRejected": ("下载有错误的行（Excel）", "Download the rows with errors (Excel)"),
        "intake.rejectedHint": (
            "下载的表格最后一列“错误原因”写明了每行的问题，改好后删掉这一列再上传即可。",
            "The last column, 错误原因, says what is wrong with each row; fix the rows, delete that column and upload again."
        ),
        "intake.toList": ("查看名单", "See the list"),
        "intake.another": ("再导入一个文件", "Import another file"),
        "intake.rejectedSuffix": ("-有错误的行", "-rejected"),
        "intake.rejectedSheet": ("有错误的行", "Rejected rows"),
        "intake.reasonColumn": ("错误原因", "错误原因"),
        "intake.title.children": ("留守儿童台账", " left-behind children"),
        "intake.title.women": ("留守妇女台账", " left-behind women"),
        "intake.title.households": ("家庭户台账", " households"),
        "intake.title.volunteers": ("爱心妈妈名册", " volunteers"),
        "intake.title.stations": ("服务站台账", " service stations"),
        "intake.title.enrolments": ("服务站入站名单", " station enrolments"),
        "intake.title.neighbour_groups": ("邻里互助组花名册", " neighbour groups"),
        "intake.title.sites": ("服务站备选场所", " candidate sites"),
        "intake.error.noFile": ("请选择要上传的文件", "Please choose a file to upload"),
        "intake.error.noHeader": (
            "没有找到表头：请确认第一个工作表里有“姓名”“身份证号码”等列名",
            "No header row found: the first sheet needs column names such as 姓名 and 身份证号码"
        ),
        "intake.error.missingColumns": ("缺少必需的列：{0}", "Required columns missing: {0}"),
        "intake.error.needVillage": ("文件里没有“村（社区）”列时，请把“导入到”选为一个村", "The file has no village column: choose a village to import into"),
        "intake.error.noSheet": ("文件里没有名为“{0}”的工作表", "The file has no sheet named “{0}”"),
        "intake.error.xls": (
            "这是旧的 .xls 文件，请在 Excel 或 WPS 里另存为 .xlsx 后再上传",
            "This is an old .xls file: save it as .xlsx in Excel or WPS and upload again"
        ),
        "intake.error.limit.partSize": (
            "文件解压后超过 {0}，不能导入。请删去无关的工作表、图片，或分成几个文件上传",
            "The file expands to more than {0}; it cannot be imported. Remove unrelated sheets or pictures, or split it into several files"
        ),
        "intake.error.limit.packageSize": (
            "文件解压后总共超过 {0}，不能导入。请删去无关的工作表、图片，或分成几个文件上传",
            """
            The file expands to more than {0} in all; it cannot be imported. Remove unrelated sheets or pictures, or split it into \
            several files
            """
        ),
        "intake.error.limit.compressionRatio": (
            "文件的压缩比超过 {0} 倍，不像正常的表格，不能导入。请在 Excel 或 WPS 里另存一份再上传",
            """
            The file is compressed more than {0} times, unlike a real spreadsheet; it cannot be imported. Save a copy from Excel or WPS \
            and upload that
            """
        ),
        "intake.error.limit.cellLength": (
            "有单元格的文字超过 {0} 个字符（Excel 的上限），不能导入",
            "A cell has more than {0} characters (Excel's limit); the file cannot be imported"
        ),
        "intake.error.limit.markupLength": (
            "文件里有一段超过 {0} 的内容无法分开读取，不像正常的表格，不能导入",
            "The file has a stretch of more than {0} that cannot be read in parts, unlike a real spreadsheet; it cannot be imported"
        ),
        "intake.error.limit.columns": (
            "有一行超过 {0} 列（Excel 的上限），不能导入",
            "A row has more than {0} columns (Excel's limit); the file cannot be imported"
        ),
        "intake.error.limit.rows": (
            "工作表超过 {0} 行（Excel 的上限），不能导入",
            "The sheet has more than {0} rows (Excel's limit); the file cannot be imported"
        ),
        "intake.error.limit.rowLength": ("有一行的文字超过 {0}，不能导入", "A row has more than {0} of text; the file cannot be imported"),
        "intake.error.limit.sheetText": (
            "工作表的文字总共超过 {0}，不能导入。请分成几个文件上传",
            "The sheet has more than {0} of text; split it into several files"
        ),
        "intake.error.limit.sharedStringCount": (
            "文件里的不同文字超过 {0} 条，不能导入。请分成几个文件上传",
            "The file has more than {0} distinct texts; split it into several files"
        ),
        "intake.error.limit.sharedStringBytes": (
            "文件里的文字总共超过 {0}，不能导入。请分成几个文件上传",
            "The file's texts come to more than {0}; split it into several files"
        ),
        "intake.error.limit.entries": (
            "文件里的部件超过 {0} 个，不像正常的表格，不能导入",
            "The file has more than {0} parts, unlike a real spreadsheet; it cannot be imported"
        ),
        "intake.error.deadline": (
            "文件太大，读取超过了时间限制，已停止。请分成几个文件上传",
            "The file took too long to read and was stopped; split it into several files"
        ),
        "intake.error.busy": ("您有一个导入正在进行，请等它完成后再试", "You have an import running; try again when it has finished"),
        "intake.error.busyInstance": ("现在导入的人较多，请稍等一两分钟再试", "Many imports are running now; try again in a minute or two"),
        "intake.stillCommitting": (
            "正在写入这个文件的数据，请稍后刷新本页查看结果。",
            "This file is being written now; reload this page in a while to see the result."
        ),
        "intake.leaseExpired": (
            "上次确认导入时处理中断了，没有写入任何数据。可以再次确认导入。",
            "The last confirmation was interrupted while it ran and wrote nothing. You can confirm the import again."
        ),
        "intake.preview.checking": (
            "正在检查文件，请稍候。本页每 {0} 秒自动刷新，检查完就显示结果；离开本页，检查就会停止。",
            "Checking the file; please wait. This page reloads itself every {0} seconds and shows the result when the check is done; "
                + "if you leave it, the check stops."
        ),
        "intake.preview.refresh": ("刷新本页", "Reload this page"),
        "intake.preview.stopped": (
            "检查已经停止：检查进行时离开了本页，没有人等结果。",
            "The check was stopped: this page was left while it ran, so nobody was waiting for the result."
        ),
        "intake.preview.brokeOff": (
            "检查没有完成（服务重启或出错），没有写入任何数据。",
            "The check did not finish (the service restarted or failed); nothing was written."
        ),
        "intake.preview.restart": ("重新检查", "Check again"),
        "intake.error.unreadable": ("文件打不开，请确认是 .xlsx 或 .csv 文件", "The file cannot be read: is it .xlsx or .csv?"),
        "intake.error.formula": ("单元格是公式错误（{0}）", "The cell holds a formula error ({0})"),
        "intake.error.lostDigits": (
            "身份证号码丢失了位数（显示成了科学计数法）。请把这一列设为“文本”格式，重新填写身份证号码",
            "The ID number lost digits (it shows in scientific notation). Format the column as text and type the numbers again"
        ),
        "intake.error.date": ("“{0}”不是有效的日期", "“{0}” is not a valid date"),
        "intake.error.yesNo": ("“{0}”请填“是”或“否”", "“{0}”: please write yes or no"),
        "intake.error.number": ("“{0}”不是数字", "“{0}” is not a number"),
        "intake.error.birthMonth": ("出生年月 {0} 与身份证号码中的 {1} 不符", "Birth month {0} does not match {1} in the ID number"),
        "intake.error.unit": ("“{0}”不是本辖区的村（社区）或乡镇", "“{0}” is not a village or township in this jurisdiction"),
        "intake.error.needStation": (
            "文件里没有“服务站”列，而导入到的地方不是恰好一个开放的服务站：请加上“服务站”列，或选服务站所在的村",
            "No station column, and the unit chosen has not exactly one open station: add the column, or choose the station's village"
        ),
        "intake.error.station": ("“{0}”不是本辖区的服务站", "“{0}” is not a station in this jurisdiction"),
        "intake.error.stationAmbiguous": (
            "本辖区有几个服务站叫“{0}”：请选服务站所在的村再导入", "Several stations are called “{0}”: import into the station's village"
        ),
        "intake.error.childNotFound": (
            "这个身份证号的儿童不在本辖区的留守儿童台账里，请先登记", "No registered child in this jurisdiction has this ID number: register her first"
        ),
        "intake.error.nameMismatch": ("身份证号登记的儿童叫“{0}”，与本行姓名不符", "The ID number is registered to “{0}”, not the name in this row"),
        "intake.error.enrolledElsewhere": ("已在服务站“{0}”入站，请先在那里办离站", "Already holds a place at “{0}”: end it there first"),
        "intake.error.noHousehold": (
            "这个身份证号不是本辖区已登记家庭的户主，请先导入家庭户台账",
            "This ID number heads no registered household in this jurisdiction: import the households first"
        ),
        "intake.error.householdElsewhere": ("这一户不在本组所在的村", "This household is not in the group's village"),
        "intake.error.noLeader": (
            "本组没有标明组长户：在“是否组长”列给一户填“是”", "No household is marked as the leader's: put 是 in the leader column for one"
        ),
        "intake.error.twoLeaders": ("本组标了不止一户为组长户", "More than one household is marked as the leader's"),
        "intake.error.groupRejected": ("本组另有行有误，整组未导入", "Another row of this group is wrong: the group was not imported"),
        "intake.error.village": ("“{0}”不是本辖区的村（社区）", "“{0}” is not a village in this jurisdiction"),
        "intake.error.wordChoices": (
            "看不懂“{0}”，最接近的写法：{1}（全部写法见导入模板的“表格说明”）",
            "“{0}” is not understood; closest: {1} (every accepted word is in the template's 表格说明 sheet)"
        ),
        "intake.error.nameColumn": (
            "表中没有“{0}”一列：有身份证号码、电话或与儿童关系的人需要姓名，请在表中加上这一列",
            "The file has no “{0}” column: a person given by ID number, phone or relation needs a name; add that column"
        ),
        "intake.error.age": ("“{0}”不是年龄：请填数字，如“68”或“68岁”", "“{0}” is not an age: write a number such as “68” or “68岁”"),
        "intake.assumed.workingAway": (
            "按外出务工登记，务工地点“{0}”（表中没有情况一栏）",
            "Recorded as working away in “{0}” (the file has no situation column)"
        ),
        "intake.assumed.situationUnknown": ("表中没有情况一栏，也没有务工地点：情况未登记", "No situation column and no work place: situation not recorded"),
        "intake.assumed.divorced": ("“离异”没有说明本人情况：情况未登记", "“离异” does not say where this parent is: situation not recorded"),
        "intake.assumed.guardianIsMother": (
            "监护人是母亲：按与母亲同住登记，没有委托监护人",
            "The guardian named is the mother: recorded as living with her, no entrusted guardian"
        ),
        "intake.assumed.guardianIsFather": (
            "监护人是父亲：按与父亲同住登记，没有委托监护人",
            "The guardian named is the father: recorded as living with him, no entrusted guardian"
        ),
        "intake.assumed.disabilityGrade": (
            "“残疾”没有写等级：按轻度残疾登记，请核实等级",
            "“残疾” without a grade: recorded as a mild disability; check the grade"
        ),
        "intake.assumed.birthFromAge": ("没有身份证号码：按 {0} 岁登记出生日期为 {1}", "No ID number: age {0} recorded as born {1}"),
        "intake.assumed.livingWithParent": (
            "没有居住情况，也没有委托监护人或在家的父母：按与父或母同住登记，请核实",
            "No living arrangement, no guardian and no parent at home: recorded as living with a parent; check it"
        ),
        "intake.template.fileName": ("导入模板", " import template"),
        "intake.template.link": ("下载导入模板（含表格说明）", "Download the import template (with 表格说明)"),
        "intake.template.sheet": ("台账", "台账"),
        "intake.template.words": ("表格说明", "表格说明"),
        "intake.template.column": ("列名", "列名"),
        "intake.template.value": ("登记为", "登记为"),
        "intake.template.accepted": ("可以这样写", "可以这样写"),
        "intake.template.required": ("（必填）", "（必填）"),
        "intake.template.id": ("18位身份证号码", "18位身份证号码"),
        "intake.template.idNote": ("这一列已设为“文本”格式，请不要改成数字，否则后几位会丢失；末位 X 大小写均可", "这一列已设为“文本”格式，请不要改成数字，否则后几位会丢失；末位 X 大小写均可"),
        "intake.template.date": ("日期", "日期"),
        "intake.template.dateNote": (
            "2015-03-02、2015.3.2、2015年3月2日、2015/3/2；出生年月可只写到月（如 2015.3），日期按身份证号码",
            "2015-03-02、2015.3.2、2015年3月2日、2015/3/2；出生年月可只写到月（如 2015.3），日期按身份证号码"
        ),
        "intake.template.village": ("村（社区）名称", "村（社区）名称"),
        "intake.template.villageNote": ("本辖区内村（社区）的名称或12位区划代码；没有这一列时，导入到所选的村", "本辖区内村（社区）的名称或12位区划代码；没有这一列时，导入到所选的村"),
        "intake.template.phone": ("11位手机号码", "11位手机号码"),
        "intake.template.number": ("数字", "数字"),
        "intake.template.text": ("文字", "文字"),
        "intake.template.workPlaceNote": (
            "填了务工地点、没有情况一栏时，按外出务工登记；写“在家”“已故”等则按该情况；“无”“/”按未填",
            "填了务工地点、没有情况一栏时，按外出务工登记；写“在家”“已故”等则按该情况；“无”“/”按未填"
        ),
        "intake.template.situationUnknown": ("情况不明（不登记情况）", "情况不明（不登记情况）"),
        "intake.template.placeInBrackets": ("外出务工并写明地点", "外出务工并写明地点"),
        "intake.template.parentAsGuardian": ("是父亲或母亲（不算委托监护人，按与父或母同住登记）", "是父亲或母亲（不算委托监护人，按与父或母同住登记）"),
        "intake.template.disabilityNote": ("只写“残疾”不写等级：按轻度残疾登记并提示核实；一级、二级为重度残疾", "只写“残疾”不写等级：按轻度残疾登记并提示核实；一级、二级为重度残疾"),
        "intake.template.several": ("可以填多项，用顿号、逗号或空格隔开", "可以填多项，用顿号、逗号或空格隔开"),
        "intake.template.ageColumn": ("监护人年龄", "监护人年龄"),
        "intake.template.age": ("年龄", "年龄"),
        "intake.template.ageNote": ("68、68岁、68周岁；没有监护人身份证号码时，出生日期按当年减年龄的7月1日登记并提示", "68、68岁、68周岁；没有监护人身份证号码时，出生日期按当年减年龄的7月1日登记并提示"),
        "intake.template.parentsPlaceNote": ("父母只有一栏务工地点时用：父母中没有其他说明的一方，按在该地外出务工登记", "父母只有一栏务工地点时用：父母中没有其他说明的一方，按在该地外出务工登记"),
        "intake.warning.likelyDuplicate": (
            "同乡镇有同名（或同音）、同一天出生的儿童，请核实是否重复登记",
            "A child with the same (or same-sounding) name and birth date is registered in the township: check it is not the same child"
        ),
        "intake.msgSep": ("；", "; "),
        "intake.exportXlsx": ("导出 Excel", "Export Excel"),
        "intake.exportCsv": ("导出 CSV", "Export CSV"),
        "intake.exportFull": ("导出完整身份证号（Excel，将记录）", "Export with full ID numbers (Excel, recorded)"),
        "intake.import": ("从 Excel 导入", "Import from Excel"),
        "word.yes": ("是", "Yes"),
        "word.no": ("否", "No"),
        "ledger.status": ("状态", "Status"),
        "status.active": ("在册", "Registered"),
        "status.new": ("待认定", "Pending"),
        "status.voided": ("已作废", "Voided"),
        "household.error.exists": ("这位户主已经有家庭户登记", "This head of household already has a household registered"),
    ]
}
