"""留守儿童服务站 in a real browser: the village's women's director on a phone opens her station's roster, ticks every
child present but one who is on leave, forgets the reason once, and saves."""
from conftest import BASE, PHONE, login, shot


def test_village_worker_ticks_a_roster_on_a_phone(browser, logins):
    ctx, page = login(browser, logins, "village_worker", PHONE)
    page.goto(BASE + "/stations")
    page.click("text=石华堰村留守儿童服务站")
    page.wait_for_load_state()
    assert "在站儿童" in page.locator("main").inner_text()
    page.locator("main a.btn", has_text="考勤").click()
    page.wait_for_load_state()
    # Today, or the latest day the station keeps (a closed day shows why and no form).
    for _ in range(7):
        if page.locator("button.wide").count():
            break
        page.click("text=‹ 前一天")
        page.wait_for_load_state()
    assert page.locator("button.wide").count() == 1, page.locator("main").inner_text()
    rows = page.locator("fieldset.roster-row")
    n = rows.count()
    assert n >= 3, "the demo station has a dozen children"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"] + 1, f"roster on a phone: {width}px"
    for i in range(n):
        rows.nth(i).locator("label.mark-present").click()
    leave = rows.nth(1)
    name = leave.locator("legend").inner_text()
    leave.locator("label.mark-leave").click()
    leave.locator("input[type=text]").fill("")
    shot(page, "roster-phone")
    page.click("button.wide")
    page.wait_for_load_state()
    # The reason is asked for, by child; the ticks stay.
    alert = page.locator(".alert").inner_text()
    assert "请假须写明原因" in alert and name in alert, alert
    assert page.locator("fieldset.roster-row").nth(0).locator("label.mark-present input").is_checked()
    assert page.locator("fieldset.roster-row").nth(1).locator("label.mark-leave input").is_checked()
    shot(page, "roster-error-phone")
    page.locator("fieldset.roster-row").nth(1).locator("input[type=text]").fill("发烧，奶奶来请假")
    page.click("button.wide")
    page.wait_for_load_state()
    assert "考勤已保存" in page.locator(".flash").inner_text()
    assert f"已到 {n - 1} 人" in page.locator("main").inner_text()
    saved = page.locator("fieldset.roster-row").nth(1)
    assert saved.locator("label.mark-leave input").is_checked()
    assert saved.locator("input[type=text]").input_value() == "发烧，奶奶来请假"
    shot(page, "roster-saved-phone")
    ctx.close()
