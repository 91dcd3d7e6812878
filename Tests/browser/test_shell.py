"""Each role in a real browser: navigation, the jurisdiction rule, forms that forgive, phone and desktop screenshots."""
import pytest
from conftest import BASE, PHONE, DESKTOP, login, shot

NAV = {
    "city_admin": ["首页", "我的提醒", "工作看板", "儿童档案", "留守妇女", "家庭", "爱心妈妈", "两癌检查", "行政区划", "账号管理", "操作日志"],
    "township_staff": ["首页", "我的提醒", "工作看板", "儿童档案", "留守妇女", "家庭", "爱心妈妈", "两癌检查", "行政区划", "账号管理", "操作日志"],
    "village_worker": ["首页", "我的提醒", "工作看板", "儿童档案", "留守妇女", "家庭", "爱心妈妈", "两癌检查", "行政区划"],
    "volunteer": ["我的结对", "行政区划"],
    # The health department: late follow-up steps are hers (我的提醒), and the screening pages.
    "partner_health": ["首页", "我的提醒", "留守妇女", "两癌检查", "行政区划"],
    # The labour department has no alerts, but late repayments are hers: 我的提醒 (ReminderSubject.reach).
    "partner_hr": ["首页", "我的提醒", "留守妇女", "行政区划"],
    # The justice bureau mediates rights cases: their deadlines reach it by name.
    "partner_justice": ["首页", "我的提醒", "留守妇女", "行政区划"],
    "inspector": ["首页", "我的提醒", "工作看板", "儿童档案", "留守妇女", "家庭", "爱心妈妈", "两癌检查", "行政区划", "账号管理", "操作日志"],
}
ALL = ["首页", "我的提醒", "工作看板", "儿童档案", "留守妇女", "家庭", "爱心妈妈", "两癌检查", "我的结对", "行政区划", "账号管理", "操作日志"]


@pytest.mark.parametrize("role", list(NAV))
def test_navigation_by_role(browser, logins, role):
    for name, viewport in [("phone", PHONE), ("desktop", DESKTOP)]:
        ctx, page = login(browser, logins, role, viewport)
        # A volunteer's home is her own children; everyone else lands on the home page.
        home = BASE + "/my" if role == "volunteer" else BASE
        assert page.url.rstrip("/") == home, f"{role} landed on {page.url}"
        links = page.locator("nav.menu a").all_inner_texts()
        for item in ALL:
            assert (item in links) == (item in NAV[role]), f"{role}: nav {item} in {links}"
        assert page.locator("h1").inner_text().endswith("我的结对儿童" if role == "volunteer" else "您好")
        # Nothing wider than the screen on a phone.
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"] + 1, f"{role} {name}: page is {width}px wide"
        shot(page, f"home-{role}-{name}")
        ctx.close()


def test_jurisdiction_in_the_browser(browser, logins):
    ctx, page = login(browser, logins, "village_worker", PHONE)
    own = page.goto(BASE + "/units/421081104200")
    assert own.status == 200 and "石华堰村" in page.inner_text("h1")
    other = page.goto(BASE + "/units/421081105000")
    assert other.status == 404
    assert "找不到" in page.inner_text("main")
    shot(page, "not-found-phone")
    denied = page.goto(BASE + "/accounts")
    assert denied.status == 403
    assert "没有这项权限" in page.inner_text("main")
    ctx.close()

    ctx, page = login(browser, logins, "township_staff", DESKTOP)
    assert page.goto(BASE + "/units/421081104000").status == 200
    assert "王李场村" in page.inner_text("main"), "the pilot village added by the demo is listed"
    assert page.goto(BASE + "/units/421081105000").status == 404
    shot(page, "township-units-desktop")
    ctx.close()


def test_admin_creates_an_account_after_a_mistake(browser, logins):
    ctx, page = login(browser, logins, "city_admin", PHONE)
    page.goto(BASE + "/accounts/new")
    page.fill("#username", "browser.cun")
    page.fill("#displayName", "")
    page.select_option("#role", "village_worker")
    page.select_option("#unitCode", "421081104202")
    page.fill("#phone", "2381234567")
    page.click("main button[type=submit]")
    assert "请改正以下内容" in page.inner_text("main")
    assert "请填写姓名" in page.inner_text("main")
    assert page.input_value("#username") == "browser.cun", "what was typed is kept"
    assert page.input_value("#phone") == "2381234567"
    shot(page, "account-new-error-phone")
    page.fill("#displayName", "测试主席")
    page.fill("#phone", "13812340000")
    page.click("main button[type=submit]")
    password = page.inner_text("#one-time-password")
    assert len(password) == 10 and password == password.lower() and not any(ch in password for ch in "0o1li"), password
    shot(page, "account-created-phone")
    ctx.close()

    # The new account must set its own password first, and sees only its village.
    c2 = browser.new_context(viewport=PHONE)
    p2 = c2.new_page()
    p2.goto(BASE + "/login")
    p2.fill("#username", "browser.cun")
    p2.fill("#password", password)
    p2.click("button[type=submit]")
    p2.wait_for_load_state()
    assert p2.url.endswith("/password")
    p2.fill("#current", password)
    p2.fill("#new", "xiaoshiqiao2026")
    p2.fill("#confirm", "xiaoshiqiao2026")
    p2.click("main button[type=submit]")
    p2.wait_for_load_state()
    assert p2.url.rstrip("/") == BASE
    assert p2.goto(BASE + "/units/421081104200").status == 404
    c2.close()


def test_pages_at_both_widths(browser, logins):
    for name, viewport in [("phone", PHONE), ("desktop", DESKTOP)]:
        ctx, page = login(browser, logins, "city_admin", viewport)
        for path, label in [("/units/421081000000", "county"), ("/accounts", "accounts"), ("/audit", "audit"), ("/password", "password")]:
            r = page.goto(BASE + path)
            assert r.status == 200, path
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"] + 1, f"{path} {name}: {width}px"
            shot(page, f"{label}-{name}")
        page.goto(BASE + "/lang/en?back=/units/421081104000")
        assert "Divisions" in page.locator("nav.menu").inner_text()
        shot(page, f"township-en-{name}")
        page.goto(BASE + "/lang/zh-Hans?back=/")
        ctx.close()
    c = browser.new_context(viewport=PHONE)
    p = c.new_page()
    p.goto(BASE + "/login")
    shot(p, "login-phone")
    c.close()
