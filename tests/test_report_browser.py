"""The report page in headless Chromium: it loads without script errors, its chart and
tables render, and a screenshot is saved.

Needs the Debian packages `chromium` and `chromium-driver` (CI installs them); the
test fails, rather than skips, when they are missing. The screenshot is saved under
pytest's tmp_path (`docs/report-screenshot.png` is a copy of one, made by hand).
"""

from __future__ import annotations

from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from cleaner.cli import main
from tests.conftest import FIXTURES

CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,2000",
)


def start_chromium(profile: Path) -> webdriver.Chrome:
    assert Path(CHROMEDRIVER).exists(), "install chromium and chromium-driver (apt-get)"
    options = webdriver.ChromeOptions()
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def test_report_renders_in_headless_chromium(tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    assert main(["report", str(FIXTURES), "-o", str(report)]) == 0
    driver = start_chromium(tmp_path / "profile")
    try:
        driver.get(report.as_uri())
        severe = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert severe == []
        chart = driver.find_element(By.ID, "share-chart")
        assert chart.size["width"] > 100 and chart.size["height"] > 100
        assert len(chart.find_elements(By.CSS_SELECTOR, "rect.bar")) == 10
        for table in ("status-table", "rule-table", "site-table", "document-table"):
            rows = driver.find_elements(By.CSS_SELECTOR, f"#{table} tbody tr")
            assert rows, table
        screenshot = tmp_path / "report.png"
        assert driver.save_screenshot(str(screenshot))
        assert screenshot.stat().st_size > 10_000
        removals = sorted_by_clicking(driver, "#rule-table", column=2)
        assert removals == sorted(removals, reverse=True) and len(set(removals)) > 1
        assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []
    finally:
        driver.quit()


def sorted_by_clicking(driver: webdriver.Chrome, table: str, column: int) -> list[float]:
    """Click a column header once (descending sort) and read that column's numbers."""
    driver.find_element(By.CSS_SELECTOR, f"{table} th:nth-child({column})").click()
    cells = driver.find_elements(By.CSS_SELECTOR, f"{table} tbody td:nth-child({column})")
    return [float(cell.text) for cell in cells]
