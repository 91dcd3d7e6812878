import os
import re
import pathlib
import pytest
from playwright.sync_api import sync_playwright

BASE = os.environ.get("GUANAI_URL", "http://127.0.0.1:8080")
SHOTS = pathlib.Path(os.environ.get("GUANAI_SCREENSHOTS", "Tests/browser/screenshots"))
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}


def demo_logins():
    """role -> (username, password) for the first account `serve --demo` printed per role, and username -> the same
    for every account printed (a second account of a role, such as `renshe2`, is reached by its username)."""
    path = os.environ.get("GUANAI_DEMO_LOGINS")
    logins = {}
    if path and os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            m = re.match(r"^([a-z_]+) (\S+) (\S+)$", line.strip())
            if m:
                logins.setdefault(m.group(1), (m.group(2), m.group(3)))
                logins[m.group(2)] = (m.group(2), m.group(3))
    if not logins:
        for role, user in [("city_admin", "admin"), ("township_staff", "xiangzhen"), ("village_worker", "cun"), ("volunteer", "aixin"),
                           ("partner_health", "weijian"), ("partner_hr", "renshe"), ("partner_justice", "sifa"), ("inspector", "ducha"),
                           ("partner_hr", "renshe2")]:
            logins.setdefault(role, (user, f"demo-{user}-2026"))
            logins[user] = (user, f"demo-{user}-2026")
    return logins


@pytest.fixture(scope="session")
def browser():
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture(scope="session")
def logins():
    return demo_logins()


def login(browser, logins, role, viewport=DESKTOP):
    user, password = logins[role]
    ctx = browser.new_context(viewport=viewport, locale="zh-CN")
    page = ctx.new_page()
    page.goto(BASE + "/login")
    page.fill("#username", user)
    page.fill("#password", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    return ctx, page


def shot(page, name):
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
