"""A real browser against the real app: `streamlit run app.py` on localhost, driven by headless Chromium.

Uploads the bundled sample session through the page's file input, confirms consent, waits
for the report and checks that the indicator cards and the timeline chart rendered.
Screenshots go to ``tests/artifacts/`` (git-ignored; CI keeps them as artifacts).
Needs the Debian packages ``chromium`` and ``chromium-driver`` (scripts/system-deps.sh).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
ARTIFACTS = ROOT / "tests" / "artifacts"
SAMPLE = ROOT / "sample_sessions" / "matched.flac"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run --disable-quic"
).split()

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (os.path.exists(CHROMEDRIVER) and os.path.exists(CHROMIUM)),
        reason="needs Debian chromium and chromium-driver (run scripts/system-deps.sh)",
    ),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(script: Path, port: int, env: dict) -> subprocess.Popen:
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
    ]  # fmt: skip
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = open(ARTIFACTS / "streamlit.log", "w")  # noqa: SIM115 - closed with the process
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def wait_healthy(port: int, proc: subprocess.Popen, timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}; see {ARTIFACTS / 'streamlit.log'}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"streamlit did not become healthy on port {port} within {timeout_s} s")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    port = free_port()
    data = tmp_path_factory.mktemp("browser-store")  # its own library: other tests' sessions are not in it
    env = {**os.environ, "RAPPORT_ASR_MODEL": "tiny.en", "PYTHONPATH": str(ROOT), "RAPPORT_DATA_DIR": str(data),
           "RAPPORT_DB": f"sqlite:///{data / 'library.db'}"}
    proc = start_app(APP, port, env)
    try:
        wait_healthy(port, proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in [*CHROME_FLAGS, "--window-size=1280,1000"]:
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    yield driver
    driver.quit()


def full_screenshot(driver, path: Path) -> None:
    """Grow the window to the report's height (Streamlit scrolls inside the page) and save a PNG."""
    height = driver.execute_script(
        "const m = document.querySelector('[data-testid=\"stMain\"]') || document.body;"
        "return Math.max(m.scrollHeight, document.body.scrollHeight);"
    )
    driver.set_window_size(1280, min(int(height) + 200, 16000))
    time.sleep(1.5)
    driver.save_screenshot(str(path))
    driver.set_window_size(1280, 1000)


def run_upload_flow(driver, url: str, sample: Path, timeout_s: float = 600.0) -> None:
    """Open the app, upload ``sample`` through the real file input, confirm consent, wait for the report."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(url)
    wait = WebDriverWait(driver, 60)
    file_input = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "input[type=file]")))
    file_input.send_keys(str(sample))
    # The consent form appears; nothing is analysed before it is confirmed.
    wait.until(ec.presence_of_element_located((By.XPATH, "//*[contains(text(), 'Before the analysis: consent')]")))
    assert not driver.find_elements(By.XPATH, "//h2[contains(., 'Rapport indicators')]")
    driver.find_element(By.XPATH, "//label[.//*[contains(text(), 'agreed to it being analysed')]]").click()
    driver.find_element(By.CSS_SELECTOR, "input[aria-label=\"Mentor's name\"]").send_keys("Alex")
    driver.find_element(By.CSS_SELECTOR, "input[aria-label=\"Mentee's name\"]").send_keys("Sam")
    driver.find_element(By.XPATH, "//button[.//*[contains(text(), 'Confirm and analyse')]]").click()
    # Stop early on an error box rather than waiting out the timeout.
    WebDriverWait(driver, timeout_s).until(
        lambda d: d.find_elements(By.XPATH, "//h2[contains(., 'Rapport indicators')]")
        or d.find_elements(By.CSS_SELECTOR, "[data-testid='stException'], [data-testid='stAlertContentError']")
    )
    errors = driver.find_elements(By.CSS_SELECTOR, "[data-testid='stException'], [data-testid='stAlertContentError']")
    assert not errors, errors[0].text
    # Charts render asynchronously after the report's elements arrive.
    WebDriverWait(driver, 60).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, "[data-testid='stVegaLiteChart'] canvas, "
                                                      "[data-testid='stVegaLiteChart'] svg.marks")) >= 2
    )
    time.sleep(2)


@pytest.mark.skipif(not SAMPLE.exists(), reason="sample session not generated")
def test_upload_sample_renders_report(app_url, browser):
    from selenium.webdriver.common.by import By

    run_upload_flow(browser, app_url, SAMPLE)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    full_screenshot(browser, ARTIFACTS / "report.png")
    page = browser.find_element(By.TAG_NAME, "body").text

    # Indicator cards: headline section with at least one card value and its band/status line.
    assert "Rapport indicators" in page
    cards = browser.find_elements(By.CSS_SELECTOR, "[class*='st-key-card_']")
    assert len(cards) >= 3 and all(c.is_displayed() and c.text.strip() for c in cards)
    assert "good range" in page or "not available" in page
    # Timeline: the chart is drawn, with both people's names (from the consent step) on it.
    assert "Who spoke when" in page
    charts = browser.find_elements(By.CSS_SELECTOR, "[data-testid='stVegaLiteChart']")
    assert len(charts) >= 2
    assert "Alex" in page and "Sam" in page
    # No error boxes, tracebacks or raw Python objects on the page.
    assert not browser.find_elements(By.CSS_SELECTOR, "[data-testid='stException'], [data-testid='stAlertContentError']")
    for raw in ("Traceback", "object at 0x", "None`", "Report("):
        assert raw not in page

    # The transcript tab: a play button starts the sidebar's player there, and the transcript stays open.
    from selenium.webdriver.support.ui import WebDriverWait

    browser.find_element(By.XPATH, "//*[@role='tab'][normalize-space(.)='Transcript']").click()
    WebDriverWait(browser, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[class*='st-key-turn_3'] button"))
    browser.find_element(By.CSS_SELECTOR, "[class*='st-key-turn_3'] button").click()
    sidebar = "[data-testid='stSidebar']"
    WebDriverWait(browser, 30).until(
        lambda d: "Playing from" in d.find_element(By.CSS_SELECTOR, sidebar).text)
    assert browser.find_elements(By.CSS_SELECTOR, f"{sidebar} audio")
    selected = browser.find_element(By.XPATH, "//*[@role='tab'][@aria-selected='true']")
    assert selected.text.strip() == "Transcript"
    assert re.search(r"Turns 1–(\d+) of \1 turns · page 1 of 1", browser.find_element(By.TAG_NAME, "body").text)
    browser.save_screenshot(str(ARTIFACTS / "transcript.png"))

    # The sidebar names the pages; the Trainer page opens from it and lists the session just kept.
    nav = browser.find_element(By.CSS_SELECTOR, "[data-testid='stSidebarNav']").text.splitlines()
    assert nav == ["Session report", "Trainer", "My data"], nav
    browser.find_element(By.XPATH, "//*[@data-testid='stSidebarNav']//a[.//*[text()='Trainer']]").click()
    WebDriverWait(browser, 60).until(lambda d: "Trainer view" in d.find_element(By.TAG_NAME, "body").text)
    # The table is drawn on a canvas: its heading carries the count.
    WebDriverWait(browser, 60).until(lambda d: "Sessions (1)" in d.find_element(By.TAG_NAME, "body").text)
    browser.save_screenshot(str(ARTIFACTS / "trainer.png"))

    # My data: the mentee finds the session by the name given at consent and downloads their part as a zip.
    downloads = ARTIFACTS / "downloads"
    shutil.rmtree(downloads, ignore_errors=True)
    downloads.mkdir(parents=True)
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    browser.find_element(By.XPATH, "//*[@data-testid='stSidebarNav']//a[.//*[text()='My data']]").click()
    name_box = WebDriverWait(browser, 60).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "input[aria-label='Your name, as given when you agreed to the analysis']"))
    name_box[0].send_keys("Sam\n")
    WebDriverWait(browser, 60).until(
        lambda d: "1 session with your consent" in d.find_element(By.TAG_NAME, "body").text)
    WebDriverWait(browser, 60).until(
        lambda d: d.find_elements(By.XPATH, "//button[normalize-space(.)='Download what is kept about me']"))[0].click()
    WebDriverWait(browser, 60).until(lambda d: [p for p in downloads.glob("*.zip")])
    (zipped,) = downloads.glob("*.zip")
    assert zipped.name.startswith("rapport-") and zipped.name.endswith("-Sam.zip")
    import zipfile

    with zipfile.ZipFile(zipped) as z:
        assert "session.json" in z.namelist()
    browser.save_screenshot(str(ARTIFACTS / "my_data.png"))
    assert not browser.find_elements(By.CSS_SELECTOR, "[data-testid='stException']")


def test_html_report_renders_charts_offline(browser, truths, nlp, tmp_path):
    """The downloadable HTML report draws its charts with the network switched off (no CDN)."""
    from pipeline.report.edit import with_names
    from pipeline.report.htmlpage import html_report
    from pipeline.run.orchestrate import remeasure
    from tests.test_presentation import PACE, SHARE, report_from_truth

    measured = remeasure(report_from_truth(truths["matched"], (SHARE, PACE)), nlp=nlp)  # per-turn pace for the chart
    report = with_names(measured, {"mentor": "Alex", "mentee": "Sam"})
    page = tmp_path / "report.html"
    page.write_text(html_report(report), encoding="utf-8")
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd(
        "Network.emulateNetworkConditions", {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0}
    )
    try:
        browser.get(page.as_uri())
        deadline = time.monotonic() + 30
        drawn = []
        while time.monotonic() < deadline:
            drawn = browser.execute_script(
                "return Array.from(document.querySelectorAll('.chart')).map(c => c.querySelectorAll('svg .mark-rect path, svg .mark-line path, svg .mark-rect, svg .mark-line').length)"
            )
            if drawn and all(n > 0 for n in drawn):
                break
            time.sleep(0.5)
        assert len(drawn) == 3 and all(n > 0 for n in drawn), drawn  # timeline, talk share, pace
        assert "Chart failed" not in browser.find_element("tag name", "body").text
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        browser.save_screenshot(str(ARTIFACTS / "html_report.png"))
    finally:
        browser.execute_cdp_cmd(
            "Network.emulateNetworkConditions", {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}
        )
