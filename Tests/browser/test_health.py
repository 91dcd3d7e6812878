"""两癌检查 in a real browser: `weijian`, the health department, calls up the cervical due list on her phone, records an
abnormal screen for the first woman on it, and follows it through colposcopy, histopathology and a CIN1 diagnosis,
which ends the follow-up. `cun`, the village's women's director, sees counts and the due list only: no result and no
follow-up."""
import re

from conftest import BASE, PHONE, DESKTOP, login, shot


def fits_phone(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"] + 1, f"{width}px wide"


def record_step(page, step, result=None):
    section = page.locator(f"#step-{step}")
    assert section.count() == 1, page.content()[:2000]
    if result:
        section.locator("select[name=result]").select_option(result)
    section.locator("button[type=submit]").click()
    page.wait_for_load_state()


def test_an_abnormal_screen_followed_to_its_diagnosis(browser, logins):
    ctx, page = login(browser, logins, "weijian", PHONE)
    page.goto(f"{BASE}/health")
    page.click("#due-cervical")
    page.wait_for_load_state()
    fits_phone(page)
    shot(page, "health-due-phone")
    first = page.locator("#due tbody tr").first
    name = first.locator("td").first.inner_text().strip()
    first.locator("a").first.click()
    page.wait_for_load_state()
    assert name in page.content()
    page.select_option("select[name=programme]", "cervical")
    page.fill("input[name=site]", "桃花山镇卫生院（浏览器测试）")
    page.select_option("select[name=gynaecExam]", "normal")
    page.select_option("select[name=method]", "cytology")
    # A result the method does not take is refused, naming the field; what was typed stays.
    page.select_option("select[name=hpv]", "negative")
    page.select_option("select[name=cytology]", "hsil")
    fits_phone(page)
    shot(page, "health-screening-phone")
    page.click("#save-screening")
    page.wait_for_load_state()
    assert page.locator(".field.invalid select[name=hpv]").count() == 1
    assert page.locator("select[name=cytology]").input_value() == "hsil"
    page.select_option("select[name=hpv]", "")
    page.click("#save-screening")
    page.wait_for_load_state()
    assert re.search(r"/health/followups/[0-9A-Fa-f-]{36}", page.url), page.url
    assert "随访中" in page.locator("#position").inner_text()
    assert "阴道镜检查" in page.locator("#position").inner_text()
    fits_phone(page)
    shot(page, "health-followup-phone")
    followup_url = page.url.split("?")[0]

    # A result left out is named; then the pathway step by step.
    record_step(page, "colposcopy")
    assert page.locator("#step-colposcopy .field.invalid").count() == 1
    record_step(page, "colposcopy", "abnormal")
    assert "组织病理检查" in page.locator("#position").inner_text()
    record_step(page, "histopathology")
    record_step(page, "diagnosis", "cin1")
    assert "已确诊" in page.locator("#position").inner_text()
    assert "随访已结束" in page.content()
    assert page.locator("form[action$='/steps']").count() == 0
    shot(page, "health-followup-ended-phone")
    ctx.close()

    ctx, page = login(browser, logins, "cun", DESKTOP)
    page.goto(f"{BASE}/health")
    assert page.locator("#counts").count() == 1
    assert page.locator("#followups").count() == 0 and page.locator("#new-screening").count() == 0
    body = page.content()
    assert "HSIL" not in body and "CIN1" not in body
    shot(page, "health-counts-cun-desktop")
    res = page.goto(followup_url)
    assert res.status == 403
    res = page.goto(f"{BASE}/health/followups")
    assert res.status == 403
    ctx.close()
