"""爱心妈妈结对 in a real browser: township staff computes suggestions for the demo village and approves them; the
volunteer on a phone sees her child (given name only) and logs a contact in one screen."""
from conftest import BASE, PHONE, DESKTOP, login, shot

VILLAGE = "421081104200"  # 石华堰村, where the demo volunteer lives


def test_township_approves_suggestions_and_volunteer_logs_a_contact(browser, logins):
    ctx, page = login(browser, logins, "township_staff", DESKTOP)
    page.goto(BASE + "/volunteers")
    assert "周春梅" in page.locator("table").inner_text()
    shot(page, "volunteers-desktop")
    page.goto(BASE + "/pairing")
    page.select_option("#unit", VILLAGE)
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    assert "待结对儿童" in page.locator("main").inner_text()
    rows = page.locator("table tbody tr")
    assert rows.count() >= 1, "the demo village has unpaired children and screened volunteers with room"
    assert "周春梅" in page.locator("table").inner_text(), "the linked demo volunteer gets a child"
    shot(page, "pairing-suggestions-desktop")
    page.click("text=批准勾选的结对")
    page.wait_for_load_state()
    assert "已批准" in page.locator(".flash").inner_text()
    shot(page, "pairing-approved-desktop")
    page.goto(BASE + "/pairs?status=approved")
    assert page.locator("table tbody tr").count() >= 1
    page.locator("table tbody tr a").first.click()
    page.wait_for_load_state()
    assert "已批准，待首次联系" in page.locator("main").inner_text()
    shot(page, "pair-desktop")
    ctx.close()

    ctx, page = login(browser, logins, "volunteer", PHONE)
    assert page.url.endswith("/my")
    cards = page.locator("main section.panel")
    assert cards.count() >= 1, "her approved child is on her page"
    first = cards.first
    name = first.locator("h2").inner_text()
    # Given name only: the registry's full names are three characters, she sees two.
    assert len(name.split(" ")[0]) <= 2, name
    assert "身份证" not in page.locator("main").inner_text()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"] + 1, f"desk on a phone: {width}px"
    shot(page, "desk-phone")
    if not first.locator("details.action").get_attribute("open"):
        first.locator("details.action summary").click()
    # A mistake first: nothing typed is lost, the field is named in Chinese.
    first.locator("select[name=mode]").select_option("call")
    first.locator("input[name=date]").fill("2099-01-01")
    first.locator("textarea[name=notes]").fill("问了期中考试，孩子说数学进步了")
    first.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "联系日期" in page.locator(".alert").inner_text()
    assert page.locator("textarea[name=notes]").first.input_value() == "问了期中考试，孩子说数学进步了"
    shot(page, "desk-error-phone")
    page.locator("input[name=date]").first.fill("")
    page.locator("form[action*='/contacts'] button[type=submit]").first.click()
    page.wait_for_load_state()
    assert "已保存" in page.locator("main").inner_text()
    assert "问了期中考试" in page.locator("main").inner_text()
    shot(page, "desk-saved-phone")
    # Nothing else of the registry is in reach.
    r = page.goto(BASE + "/children")
    assert r.status == 403
    ctx.close()

    # The township sees the pair has started, with the contact.
    ctx, page = login(browser, logins, "township_staff", PHONE)
    page.goto(BASE + "/pairs?status=active")
    assert page.locator("table tbody tr").count() >= 1
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"] + 1, f"pairs on a phone: {width}px"
    shot(page, "pairs-phone")
    ctx.close()


def test_pilot_campaign_pages_at_both_widths(browser, logins):
    for name, viewport in [("phone", PHONE), ("desktop", DESKTOP)]:
        ctx, page = login(browser, logins, "township_staff", viewport)
        page.goto(BASE + "/campaigns")
        assert "王李场村" in page.locator("main").inner_text()
        shot(page, f"campaigns-{name}")
        page.locator("main a", has_text="王李场村爱心妈妈结对帮扶试点").first.click()
        page.wait_for_load_state()
        assert "周春梅" in page.locator("main").inner_text(), "the volunteers who signed up at the launch"
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"] + 1, f"campaign {name}: {width}px"
        shot(page, f"campaign-{name}")
        for path, label in [("/volunteers/new", "volunteer-new"), ("/pairing", "pairing")]:
            page.goto(BASE + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"] + 1, f"{path} {name}: {width}px"
            shot(page, f"{label}-{name}")
        ctx.close()
