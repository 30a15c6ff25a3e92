"""Headless Chromium for the viewer tests (a plain module: ``from browser import ...``).

The browser logs console messages and network events, and blocks every http(s)/ws URL, so a
test can assert that a page makes no request and logs no error.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1400,900")


def start_chromium(profile: Path):
    """A new headless Chromium with a fresh profile in ``profile``; network requests are blocked."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["http://*", "https://*", "ws://*", "wss://*"]})
    return driver


def open_page(driver, path: Path, timeout: float = 60) -> None:
    """Load ``path`` and wait until the viewer says it has drawn the network."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get_log("browser")  # forget messages of earlier pages
    driver.get_log("performance")
    driver.get(path.resolve().as_uri())
    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script("return !!(window.graphbuildViewer && window.graphbuildViewer.ready)"))


def console_errors(driver) -> list[str]:
    """Console messages at level SEVERE since the page was opened (errors, CSP violations)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def requests_made(driver, page: Path) -> list[str]:
    """URLs the page requested, other than the page itself."""
    own = page.resolve().as_uri()
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if url != own:
                urls.append(url)
    return urls


def wait_for(driver, script: str, timeout: float = 10):
    """Poll ``script`` (a JS expression) until it is truthy; return its value."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(lambda d: d.execute_script(f"return {script}"))


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    """One headless Chromium per test module."""
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip("headless Chromium and chromedriver are not installed (.ci/run installs them)")
    driver = start_chromium(tmp_path_factory.mktemp("chromium-profile"))
    yield driver
    driver.quit()
