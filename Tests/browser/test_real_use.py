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
