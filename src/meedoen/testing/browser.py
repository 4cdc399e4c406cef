"""Browser-test fixtures: Playwright driving Debian's Chromium, and axe for accessibility."""

import os
import shutil

import pytest
from django_otp.oath import totp

CHROMIUM = "/usr/bin/chromium"
# Without these flags Chromium tries to reach Google's hosts at start-up, which this network
# refuses; as root it needs --no-sandbox.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail("Chromium is missing: bin/test installs it (apt-get install chromium).")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls in the test
    # itself are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def pagina(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def geen_axe_overtredingen(page) -> None:
    """Run axe-core (WCAG 2.1 A and AA rules) on the page and fail with a readable list."""
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import Error as PlaywrightError

    opties = {
        "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
        "resultTypes": ["violations"],
    }
    # A click that navigates returns before the next page exists; axe started in that gap
    # finds no document or loses its context. Wait for the page and try again: the check
    # must judge the page the test is on, never a half-loaded one.
    for poging in range(5):
        page.wait_for_load_state("load")
        try:
            resultaat = Axe().run(page, options=opties)
            break
        except PlaywrightError as fout:
            if poging == 4 or not _is_navigatiefout(fout):
                raise
            page.wait_for_timeout(200)
    overtredingen = resultaat.response["violations"]
    assert not overtredingen, f"axe on {page.url}:\n" + "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(
            n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
            for n in v["nodes"][:5]
        )
        for v in overtredingen
    )


def _is_navigatiefout(fout: Exception) -> bool:
    tekst = str(fout)
    return any(
        teken in tekst
        for teken in ("documentElement", "Execution context was destroyed", "navigat")
    )


def totp_code(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def inloggen_in_browser(page, base_url: str, user, device, wachtwoord: str) -> None:
    """Log in through the real pages: password, then the TOTP code from the device."""
    page.goto(f"{base_url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(wachtwoord)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_label("Code uit uw authenticator-app").fill(totp_code(device))
    page.get_by_role("button", name="Bevestigen").click()
