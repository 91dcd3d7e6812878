"""What a village worker met in real use (issue 14): a guardian's illness must survive a later change of 是否健在, and
an account created today sees her village's open alerts at once."""
from conftest import BASE, PHONE, DESKTOP, login, shot
from test_registry import synthetic_id


def test_an_illness_survives_a_vital_status_change(browser, logins):
    ctx, page = login(browser, logins, "village_worker", PHONE)
    page.goto(BASE + "/children/new")
    page.fill("#name", "浏览器慢病童")
    page.fill("#idNumber", synthetic_id("20180612", 912))
    page.fill("#father\\.name", "浏览器慢病父")
    page.select_option("#father\\.situation", "working_away")
    page.fill("#mother\\.name", "浏览器慢病母")
    page.select_option("#mother\\.situation", "working_away")
    page.fill("#guardian\\.name", "浏览器慢病奶奶")
    page.fill("#guardian\\.idNumber", synthetic_id("19580808", 924))
    page.select_option("#guardian\\.relation", "grandmother")
    page.select_option("#guardian\\.health", "chronic_illness")
    page.click("form[action='/children/new'] button[type=submit]")
    page.wait_for_load_state()
    assert "/children/" in page.url, page.inner_text("main")[:400]

    # The form shows what is stored; only 是否健在 is changed.
    page.click("text=监护人情况有变化（去世、住院、失联等）")
    assert page.input_value("#guardian-health") == "chronic_illness"
    assert page.locator("label[for=guardian-health]").count() == 1
    shot(page, "guardian-change-phone")
    page.select_option("#guardian-vitalStatus", "missing")
    page.locator("details[open] button[type=submit]").click()
    page.wait_for_load_state()
    guardian = page.locator("div.panel", has_text="浏览器慢病奶奶 (").last.inner_text()
    assert "慢性病" in guardian, guardian
    assert "失踪" in guardian or "失联" in guardian, guardian
    # No two elements of the page share an id.
    dupes = page.evaluate("(() => { const seen = {}; const d = []; document.querySelectorAll('[id]').forEach(e => { if (seen[e.id]) d.push(e.id); seen[e.id] = 1; }); return d; })()")
    assert dupes == [], dupes
    ctx.close()


def test_a_new_account_sees_her_villages_open_alerts(browser, logins):
    # The demo village already has critical children with open alerts.
    ctx, page = login(browser, logins, "city_admin", DESKTOP)
    page.goto(BASE + "/accounts/new")
    page.fill("#username", "browser.newcun")
    page.fill("#displayName", "新任主席")
    page.select_option("#role", "village_worker")
    page.select_option("#unitCode", "421081104200")
    page.fill("#phone", "13812340001")
    page.click("main button[type=submit]")
    password = page.inner_text("#one-time-password")
    ctx.close()

    c2 = browser.new_context(viewport=PHONE, locale="zh-CN")
    p2 = c2.new_page()
    p2.goto(BASE + "/login")
    p2.fill("#username", "browser.newcun")
    p2.fill("#password", password)
    p2.click("button[type=submit]")
    p2.wait_for_load_state()
    p2.fill("#current", password)
    p2.fill("#new", "xinren2026cun")
    p2.fill("#confirm", "xinren2026cun")
    p2.click("main button[type=submit]")
    p2.wait_for_load_state()
    assert p2.locator(".alerts-first .alert-card.open").count() >= 1, p2.inner_text("main")[:400]
    assert "本村本月工作" in p2.inner_text("main")
    assert "陆续上线" not in p2.inner_text("main")
    shot(p2, "home-new-village-worker-phone")
    p2.goto(BASE + "/inbox")
    assert p2.locator(".alert-card.open").count() >= 1
    shot(p2, "inbox-new-village-worker-phone")
    c2.close()


def test_a_township_ledger_with_work_places_and_relation_words(browser, logins, tmp_path):
    """The columns townships keep: 父亲务工地点 / 母亲务工地点 (no 情况 column), 监护人 with 奶奶/外婆/母亲, ages and
    health words. Every row goes in, with what was assumed said per row, not rejected."""
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["桃花山镇农村留守儿童台账"])
    ws.append(["序号", "姓名", "身份证号", "村（社区）", "父亲务工地点", "母亲务工地点", "监护人姓名", "与儿童关系", "监护人年龄", "监护人身体状况"])
    rows = [
        ("浏览器台账甲", synthetic_id("20160315", 932), "广东深圳", "浙江宁波", "浏览器台账奶奶", "奶奶", "68岁", "多病"),
        ("浏览器台账乙", synthetic_id("20170420", 942), "外出务工（江苏苏州）", "", "浏览器台账外婆", "外婆", "71", "良好"),
        ("浏览器台账丙", synthetic_id("20180525", 952), "在外务工-湖南长沙", "在家", "浏览器台账妈妈", "母亲", "", "健康"),
    ]
    for i, (name, idn, f, m, g, rel, age, health) in enumerate(rows, 1):
        ws.append([i, name, idn, "石华堰村", f, m, g, rel, age, health])
    for row in ws.iter_rows(min_row=3, min_col=3, max_col=3):
        for c in row:
            c.number_format = "@"
    path = tmp_path / "桃花山镇台账.xlsx"
    wb.save(path)

    ctx, page = login(browser, logins, "township_staff", PHONE)
    page.goto(BASE + "/imports/new?kind=children")
    page.set_input_files("#file", str(path))
    page.click("form.intake button[type=submit]")
    page.wait_for_load_state()
    # The check runs in the background; its page reloads itself until the preview is there.
    page.wait_for_selector("main div.counts", timeout=120_000)
    body = page.inner_text("main")
    assert "导入预览" in body, body[:400]
    assert "有错误、不能导入" not in body or "有错误、不能导入：0 行" in body, body[:800]
    assert "此项必须填写" not in body, body[:800]
    assert "请核对" in body, body[:800]
    shot(page, "intake-ledger-words-preview-phone")
    page.click("form[action$='/commit'] button[type=submit]")
    page.wait_for_load_state()
    assert "导入完成" in page.inner_text("main")
    ctx.close()
