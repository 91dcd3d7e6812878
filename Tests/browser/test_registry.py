"""The register in a real browser: a village worker registers a child with parents and guardian, corrects a
mistyped ID number, then registers a brother who reuses the same parents and guardian."""
import re
from conftest import BASE, PHONE, DESKTOP, login, shot

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def synthetic_id(birth, order):
    """A valid GB 11643 number built from made-up parts (never a real person's)."""
    body = f"421081{birth}{order:03d}"
    return body + "10X98765432"[sum(int(a) * b for a, b in zip(body, WEIGHTS)) % 11]


def test_register_child_correct_mistake_then_sibling(browser, logins):
    ctx, page = login(browser, logins, "village_worker", PHONE)
    page.goto(BASE + "/children/new")
    shot(page, "child-new-phone")
    good = synthetic_id("20200305", 864)
    wrong = good[:-1] + ("1" if good[-1] != "1" else "2")
    page.fill("#name", "浏览器测试花")
    page.fill("#idNumber", wrong)
    page.fill("#father\\.name", "浏览器测试父")
    page.fill("#father\\.idNumber", synthetic_id("19900101", 871))
    page.select_option("#father\\.situation", "working_away")
    page.fill("#father\\.workPlace", "广东东莞")
    page.fill("#mother\\.name", "浏览器测试母")
    page.select_option("#mother\\.situation", "working_away")
    page.fill("#guardian\\.name", "浏览器测试奶奶")
    page.fill("#guardian\\.idNumber", synthetic_id("19520202", 882))
    page.select_option("#guardian\\.relation", "grandmother")
    page.check("input[name=needs][value=safety]")
    page.click("form[action='/children/new'] button[type=submit]")
    page.wait_for_load_state()
    assert "校验位" in page.inner_text("main")
    assert page.input_value("#father\\.workPlace") == "广东东莞", "typed values survive the error"
    assert page.input_value("#guardian\\.name") == "浏览器测试奶奶"
    assert page.is_checked("input[name=needs][value=safety]")
    shot(page, "child-new-error-phone")
    page.fill("#idNumber", good)
    page.click("form[action='/children/new'] button[type=submit]")
    page.wait_for_load_state()
    assert "/children/" in page.url
    main = page.inner_text("main")
    assert "留守儿童" in main and "父母双方均外出务工" in main
    assert good not in main, "the ID number is masked until revealed"
    shot(page, "child-detail-phone")

    page.click("text=登记这名儿童的兄弟姐妹")
    page.wait_for_load_state()
    assert page.input_value("#father\\.name") == "浏览器测试父"
    assert page.input_value("#guardian\\.name") == "浏览器测试奶奶"
    page.fill("#name", "浏览器测试军")
    page.fill("#idNumber", synthetic_id("20170909", 873))
    page.click("form[action='/children/new'] button[type=submit]")
    page.wait_for_load_state()
    assert "/children/" in page.url
    assert "浏览器测试父" in page.inner_text("main")
    page.goto(BASE + "/children?q=浏览器测试")
    assert page.locator("table tbody tr").count() == 2
    ctx.close()

    ctx, page = login(browser, logins, "township_staff", DESKTOP)
    page.goto(BASE + "/children?q=浏览器测试")
    assert page.locator("table tbody tr").count() == 2, "the township sees its villages' children"
    shot(page, "children-township-desktop")
    ctx.close()


def test_filter_print_and_correct(browser, logins):
    # A city admin filters by guardian age, prints the 台账, and sees the correction forms on a record.
    for name, viewport in [("phone", PHONE), ("desktop", DESKTOP)]:
        ctx, page = login(browser, logins, "city_admin", viewport)
        page.goto(BASE + "/children?guardianAge=70%2B&sort=oldest")
        rows = page.locator("table tbody tr")
        assert rows.count() > 0, "the demo data has children with a guardian aged 70 or over"
        assert page.locator("select[name=guardianAge]").input_value() == "70+"
        total = int(re.search(r"共 (\d+) 条", page.inner_text("main")).group(1))
        shot(page, f"children-filtered-{name}")
        page.click("text=打印台账")
        page.wait_for_load_state()
        assert "/children/print" in page.url
        assert "留守儿童台账" in page.inner_text("main")
        assert page.locator("table.ledger tbody tr").count() == min(total, 5000)
        shot(page, f"children-ledger-{name}")
        page.goto(BASE + "/children")
        page.locator("table tbody tr a").first.click()
        page.wait_for_load_state()
        assert "更正档案" in page.inner_text("main")
        page.click("text=作废这条档案（登记错误）")
        shot(page, f"child-correct-{name}")
        ctx.close()


def test_women_and_households_lists(browser, logins):
    for name, viewport in [("phone", PHONE), ("desktop", DESKTOP)]:
        ctx, page = login(browser, logins, "township_staff", viewport)
        page.goto(BASE + "/women?need=child_education")
        total = int(re.search(r"共 (\d+) 条", page.inner_text("main")).group(1))
        assert total > 0, "the demo women include some worried about their children's education"
        shot(page, f"women-filtered-{name}")
        page.click("text=打印台账")
        page.wait_for_load_state()
        assert page.locator("table.ledger tbody tr").count() == total
        shot(page, f"women-ledger-{name}")
        page.goto(BASE + "/households?poverty=any")
        shot(page, f"households-{name}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"] + 1, f"households {name}: page is {width}px wide"
        ctx.close()
