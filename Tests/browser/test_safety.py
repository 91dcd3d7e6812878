"""The safety net on a phone: a village worker registers a small child whose grandmother is her only carer, marks
the grandmother deceased, sees the critical alert first on her home page, acknowledges it and records a visit."""
from conftest import BASE, PHONE, DESKTOP, login, shot
from test_registry import synthetic_id


def test_alert_first_acknowledge_and_visit(browser, logins):
    ctx, page = login(browser, logins, "village_worker", PHONE)
    page.goto(BASE + "/children/new")
    page.fill("#name", "浏览器预警童")
    page.fill("#idNumber", synthetic_id("20240410", 902))
    page.fill("#father\\.name", "浏览器预警父")
    page.select_option("#father\\.situation", "working_away")
    page.fill("#mother\\.name", "浏览器预警母")
    page.select_option("#mother\\.situation", "working_away")
    page.fill("#guardian\\.name", "浏览器预警奶奶")
    page.fill("#guardian\\.idNumber", synthetic_id("19530303", 922))
    page.select_option("#guardian\\.relation", "grandmother")
    page.click("form[action='/children/new'] button[type=submit]")
    page.wait_for_load_state()
    assert "/children/" in page.url, page.inner_text("main")[:400]
    child_url = page.url.split("?")[0]
    assert "高" in page.inner_text(".safety h2")

    # The grandmother dies.
    page.click("text=监护人情况有变化（去世、住院、失联等）")
    page.locator("details[open] select[name=vitalStatus]").select_option("deceased")
    page.locator("details[open] button[type=submit]").click()
    page.wait_for_load_state()
    assert "紧急" in page.inner_text(".safety h2")

    # Home: the alert comes first, before anything else.
    page.goto(BASE + "/")
    first = page.locator("main > *").first
    assert "alerts-first" in (first.get_attribute("class") or "")
    card = page.locator(".alert-card.open.critical", has_text="浏览器预警童")
    assert card.count() == 1
    shot(page, "home-alert-phone")
    card.locator("button:has-text('确认收到')").click()
    page.wait_for_load_state()
    card = page.locator(".alert-card", has_text="浏览器预警童")
    assert "已确认" in card.inner_text()

    # One screen to record the visit.
    card.locator("text=记录走访").click()
    page.wait_for_load_state()
    shot(page, "visit-form-phone")
    page.check("input[name='check.warmth'][value=concern]")
    page.click("form.visit button[type=submit]")
    page.wait_for_load_state()
    assert "请写情况说明" in page.inner_text("main"), "a concern needs a note; nothing typed is lost"
    assert page.is_checked("input[name='check.warmth'][value=concern]")
    page.fill("#notes", "屋里没有取暖，已送去电热毯，姑姑今晚过来")
    page.click("form.visit button[type=submit]")
    page.wait_for_load_state()
    assert page.url.startswith(child_url)
    assert "有问题：保暖、取暖" in page.inner_text(".safety")
    shot(page, "child-safety-phone")
    ctx.close()

    # The township sees the same alert, acknowledged, at a desktop.
    ctx, page = login(browser, logins, "township_staff", DESKTOP)
    page.goto(BASE + "/inbox")
    assert page.locator(".alert-card", has_text="浏览器预警童").count() == 1
    shot(page, "inbox-township-desktop")
    page.goto(BASE + "/board")
    assert page.locator("#critical + p, #critical ~ .table-wrap").first.is_visible()
    assert "浏览器预警童" in page.inner_text("main")
    shot(page, "board-township-desktop")
    ctx.close()

    ctx, page = login(browser, logins, "city_admin", PHONE)
    page.goto(BASE + "/board")
    assert "桃花山镇" in page.inner_text("table.stats")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"] + 1, f"board on a phone is {width}px wide"
    shot(page, "board-city-phone")
    ctx.close()


def test_mandatory_report_and_rules(browser, logins):
    # A village worker files a mandatory report from a child's page and records the first step on a phone.
    ctx, page = login(browser, logins, "village_worker", PHONE)
    page.goto(BASE + "/children?q=浏览器预警童")
    page.locator("table tbody tr a").first.click()
    page.wait_for_load_state()
    page.click("text=强制报告")
    page.wait_for_load_state()
    page.check("input[name=policeCalled]")
    page.fill("#seen", "孩子夜里一个人在家，屋里没有生火")
    page.click("form[action$='/report'] button[type=submit]")
    page.wait_for_load_state()
    text = page.inner_text("main")
    assert "报告人" in text and "已报警时请填写报警回执号" in text, "named fields, typed text kept"
    assert page.input_value("#seen") == "孩子夜里一个人在家，屋里没有生火"
    page.fill("#reporter", "邻居")
    page.fill("#policeReportNo", "JJ20261129")
    page.click("form[action$='/report'] button[type=submit]")
    page.wait_for_load_state()
    assert "/reports/" in page.url
    page.click("text=添加记录 >> nth=0")
    page.locator("details[open] select[name=action]").select_option("relatives_care")
    page.locator("details[open] input[name=note]").fill("姑姑接回家照看")
    page.locator("details[open] button[type=submit]").click()
    page.wait_for_load_state()
    assert "姑姑接回家照看" in page.inner_text("main")
    page.click("form[action$='/close'] button[type=submit]")
    page.wait_for_load_state()
    assert "还没有评估记录" in page.inner_text("main"), "cannot close before every step"
    shot(page, "report-phone")
    ctx.close()

    ctx, page = login(browser, logins, "city_admin", DESKTOP)
    page.goto(BASE + "/settings/risk")
    assert page.input_value("#oldGuardianAge") == "70"
    shot(page, "settings-risk-desktop")
    ctx.close()
