"""Issue 17's loose ends in a real browser: the roster read in English on a phone (three marks in a row beside each
name, nothing wider than the screen), and a township worker on a phone picking an event's children by name."""
import re

from conftest import BASE, DESKTOP, PHONE, login, shot


def open_roster(page):
    page.goto(BASE + "/stations")
    hrefs = page.eval_on_selector_all("a", "els => els.map(e => e.getAttribute('href'))")
    station = next(h for h in hrefs if h and re.match(r"^/stations/[0-9A-Fa-f-]{36}$", h))
    page.goto(BASE + station + "/roster")
    page.wait_for_load_state()


def test_the_roster_reads_well_in_english_on_a_phone_and_a_desk(browser, logins):
    for viewport, tag in ((PHONE, "phone"), (DESKTOP, "desk")):
        ctx, page = login(browser, logins, "village_worker", viewport)
        page.goto(BASE + "/lang/en")
        open_roster(page)
        assert page.locator("h1").inner_text() == "Roster"
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"] + 1, f"roster in English: {width}px"
        rows = page.locator("fieldset.roster-row")
        assert rows.count() >= 3
        for i in range(rows.count()):
            tops = rows.nth(i).locator("label.choice").evaluate_all("ls => ls.map(l => Math.round(l.getBoundingClientRect().top))")
            assert len(tops) == 3 and len(set(tops)) == 1, f"row {i}: the three marks on one line, {tops}"
            legend = rows.nth(i).locator("legend").bounding_box()
            first = rows.nth(i).locator("label.choice").first.bounding_box()
            assert legend["x"] + legend["width"] <= first["x"] + 1, "the name beside its marks"
        shot(page, f"roster-en-{tag}")
        ctx.close()


def test_a_township_worker_picks_an_events_children_by_name(browser, logins):
    ctx, page = login(browser, logins, "township_staff", PHONE)
    page.goto(BASE + "/events/new")
    assert page.locator("textarea").count() == 0, "no ids to type"
    page.fill("#title", "冬季安全课（浏览器）")
    page.select_option("#kind", "safety_education")
    village = page.locator("fieldset.picker details").filter(has_text="石华堰村")
    village.locator("summary").click()
    boxes = village.locator("input[type=checkbox]")
    assert boxes.count() >= 2
    names = []
    for i in range(2):
        label = village.locator("ul.checks label").nth(i)
        names.append(label.inner_text().strip())
        label.click()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
    shot(page, "event-pick-phone")
    page.click("form.event-form > button[type=submit]")
    page.wait_for_load_state()
    main = page.locator("main").inner_text()
    assert "冬季安全课（浏览器）" in main
    for n in names:
        assert n in main, f"{n} taking part"
    ctx.close()
