"""A 维权调解 case in a real browser: `cun`, the women's director of 石华堰村, takes a walk-in case on her phone;
`xiangzhen`, township staff of 桃花山镇, sees only the summary, names herself mediator with a reason, takes both sides'
consent, records a meeting and a written agreement, and opens the printed 人民调解协议书."""
import re

from conftest import BASE, PHONE, DESKTOP, login, shot

VILLAGE = "421081104200"  # 石华堰村, the demo village
APPLICANT, RESPONDENT = "张桂兰（浏览器测试）", "刘建国（浏览器测试）"
TERMS = "刘建国每月五日前给付张桂兰生活费五百元（浏览器测试）"


def status_of(page):
    return page.locator("#status .tag").first.inner_text().strip()


def submit(page, section):
    page.locator(f"#{section} button[type=submit]").first.click()
    page.wait_for_load_state()


def fits_phone(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"] + 1, f"{width}px wide"


def test_a_walk_in_case_to_a_printed_agreement(browser, logins):
    ctx, page = login(browser, logins, "cun", PHONE)
    page.goto(f"{BASE}/rights")
    page.click("#new-case")
    page.wait_for_load_state()
    assert page.locator("#intake select[name=villageCode]").input_value() == VILLAGE
    page.select_option("#intake select[name=channel]", "walk_in")
    page.select_option("#intake select[name=category]", "family_conflict")
    page.fill("#intake input[name=name0]", APPLICANT)
    page.fill("#intake input[name=relation0]", "妻子")
    page.fill("#intake input[name=phone0]", "13912345678")
    page.fill("#intake input[name=name1]", RESPONDENT)
    page.fill("#intake input[name=relation1]", "丈夫")
    page.fill("#intake textarea[name=narrative]", "丈夫外出务工两年不寄钱，回家后常吵架，她想好好谈一次。")
    page.fill("#intake textarea[name=request]", "每月给家里生活费")
    assert page.locator("#womensHome").is_checked()
    fits_phone(page)
    shot(page, "rights-new-phone")
    submit(page, "intake")
    assert re.search(r"/rights/[0-9A-Fa-f-]{36}$", page.url), page.url
    case_url = page.url
    assert status_of(page) == "已登记"
    assert APPLICANT in page.locator("#parties").inner_text()
    fits_phone(page)
    shot(page, "rights-case-cun-phone")
    page.goto(f"{BASE}/rights")
    assert APPLICANT not in page.content()
    fits_phone(page)
    shot(page, "rights-list-phone")
    ctx.close()

    ctx, page = login(browser, logins, "xiangzhen", DESKTOP)
    page.goto(case_url)
    assert page.locator("#restricted").count() == 1
    assert APPLICANT not in page.content()
    shot(page, "rights-restricted-desktop")
    me = page.locator("#mediators option", has_text="我自己").first.get_attribute("value")
    page.select_option("#mediators select[name=userId]", me)
    page.fill("#mediators textarea[name=reason]", "村里请镇妇联出面调解（浏览器测试）")
    submit(page, "mediators")
    assert page.url.startswith(case_url), page.url
    assert APPLICANT in page.locator("#parties").inner_text()

    page.select_option("#accept select[name=applicant]", "yes")
    page.select_option("#accept select[name=respondent]", "yes")
    submit(page, "accept")
    assert status_of(page) == "已受理", page.locator("main").inner_text()[:600]

    page.fill("#meetings input[name=place]", "石华堰村妇女之家")
    page.fill("#meetings textarea[name=attendeeLines]", f"{APPLICANT}\n{RESPONDENT}\n村妇联主席")
    page.fill("#meetings textarea[name=minutes]", "双方讲了各自的难处，同意按月给付生活费。")
    submit(page, "meetings")
    assert status_of(page) == "调解中", page.locator("main").inner_text()[:600]

    page.click("#outcome-written_agreement summary")
    written = page.locator("#outcome-written_agreement form")
    written.locator("textarea[name=facts]").fill("夫妻因外出务工期间的家庭开支发生争执。")
    written.locator("textarea[name=terms]").fill(TERMS)
    written.locator("textarea[name=performance]").fill("微信转账，每月五日前，连续十二个月。")
    written.locator("textarea[name=signerLines]").fill(f"{APPLICANT}\n{RESPONDENT}")
    shot(page, "rights-outcome-desktop")
    written.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert status_of(page) == "已达成协议", page.locator("main").inner_text()[:600]
    shot(page, "rights-case-desktop")

    page.click("#print-agreement")
    page.wait_for_load_state()
    sheet = page.locator("#agreement").inner_text()
    assert "人民调解协议书" in sheet and TERMS in sheet and "人民调解员" in sheet
    shot(page, "rights-agreement-desktop")
    ctx.close()

    # The mediator's case page and the agreement on a phone.
    ctx, page = login(browser, logins, "xiangzhen", PHONE)
    page.goto(case_url)
    fits_phone(page)
    shot(page, "rights-case-xiangzhen-phone")
    page.goto(case_url + "/agreement/print")
    fits_phone(page)
    shot(page, "rights-agreement-phone")
    ctx.close()
