"""Neighbour groups (邻里互助组) in a real browser, on a phone and a desktop: the demo's two groups in 石华堰村."""
from conftest import BASE, PHONE, DESKTOP, login, shot

VILLAGE = "421081104200"  # 石华堰村, where `serve --demo` forms two groups


def fits(page, viewport, path):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"] + 1, f"{path}: {width}px wide"


def test_neighbour_pages_at_both_widths(browser, logins):
    for name, viewport in [("phone", PHONE), ("desktop", DESKTOP)]:
        ctx, page = login(browser, logins, "village_worker", viewport)
        r = page.goto(BASE + "/neighbour-groups")
        assert r.status == 200
        assert "互助组" in page.locator("nav.menu").inner_text()
        assert "东头互助组" in page.content() and "西头互助组" in page.content()
        fits(page, viewport, "/neighbour-groups")
        shot(page, f"neighbours-list-{name}")
        page.click("text=东头互助组（演示）")
        page.wait_for_load_state()
        group = page.url
        fits(page, viewport, group)
        shot(page, f"neighbours-group-{name}")
        for path, label in [(group + "/edit", "edit"), (f"/neighbour-groups/new?villageCode={VILLAGE}", "new"),
                            (f"/neighbour-groups/suggestions?villageCode={VILLAGE}", "suggestions")]:
            r = page.goto(path if path.startswith("http") else BASE + path)
            assert r.status == 200, path
            fits(page, viewport, path)
            shot(page, f"neighbours-{label}-{name}")
        ctx.close()


def test_an_activity_recorded_on_a_phone(browser, logins):
    ctx, page = login(browser, logins, "village_worker", PHONE)
    page.goto(BASE + "/neighbour-groups")
    page.click("text=西头互助组（演示）")
    page.wait_for_load_state()
    page.select_option("select[name=kind]", "dispute_resolution")
    page.fill("input[name=note]", "邻里为地界争执，联户长调解")
    page.click("text=保存活动")
    page.wait_for_load_state()
    assert "活动已记录" in page.content() and "邻里为地界争执" in page.content()
    page.goto(BASE + "/lang/en?back=/neighbour-groups")
    assert "Neighbour groups" in page.locator("h1").inner_text()
    fits(page, PHONE, "/neighbour-groups (en)")
    shot(page, "neighbours-list-en-phone")
    page.goto(BASE + "/lang/zh-Hans?back=/")
    ctx.close()
