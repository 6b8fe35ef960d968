#!/usr/bin/env python3
"""The HTML report (`attune batch --format html`) in headless Chromium: a marked span
explains itself on keyboard focus, not only on hover, through the tooltip it names
with aria-describedby.

Usage:
    /usr/bin/python3 Tests/e2e/report_focus_test.py --report PATH.html --screenshot PATH.png

Needs Debian's chromium, chromium-driver and python3-selenium (BrowserTests.swift runs it).
Exits 0 on success, 1 on failure.
"""

import argparse
import os
import sys

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys


class Failure(Exception):
    """A check that failed, saying what was expected and what was seen."""


def tip_of(driver, mark):
    tip_id = mark.get_attribute("aria-describedby")
    if not tip_id:
        raise Failure(f"mark {mark.text!r} names no tooltip (aria-describedby)")
    tips = driver.find_elements(By.ID, tip_id)
    if len(tips) != 1 or tips[0].get_attribute("role") != "tooltip":
        raise Failure(f"mark {mark.text!r}: aria-describedby={tip_id!r} is not one element with role=tooltip")
    return tips[0]


def check(driver, report, screenshot):
    driver.get("file://" + os.path.abspath(report))
    marks = driver.find_elements(By.CSS_SELECTOR, "mark[tabindex='0']")
    if len(marks) < 2:
        raise Failure(f"the report has {len(marks)} focusable marked spans, expected at least 2")
    hidden = [m.text for m in marks if tip_of(driver, m).is_displayed()]
    if hidden:
        raise Failure(f"tooltips shown before any hover or focus: {hidden}")

    # Keyboard only: Tab from the top of the page must reach the first mark and show its tip.
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = driver.switch_to.active_element
    if focused != marks[0]:
        raise Failure(f"the first Tab focused <{focused.tag_name}> {focused.text!r}, not the first marked span")
    tip = tip_of(driver, marks[0])
    if not tip.is_displayed():
        raise Failure(f"focusing {marks[0].text!r} did not show its explanation")
    category = marks[0].get_attribute("class").replace("cat-", "")
    explanation = tip.text
    if not explanation.startswith(category + ":"):
        raise Failure(f"the tooltip of a {category} span reads {explanation!r}")
    os.makedirs(os.path.dirname(os.path.abspath(screenshot)), exist_ok=True)
    driver.save_screenshot(screenshot)

    # Focus moves on: the first tip goes; hovering the second mark shows its own.
    ActionChains(driver).send_keys(Keys.TAB).perform()
    if driver.switch_to.active_element == marks[0] or tip.is_displayed():
        raise Failure("the first tooltip stayed after focus moved on")
    driver.execute_script("document.activeElement.blur()")
    ActionChains(driver).move_to_element(marks[1]).perform()
    if not tip_of(driver, marks[1]).is_displayed():
        raise Failure(f"hovering {marks[1].text!r} did not show its explanation")
    return f"{len(marks)} marked spans; focus and hover show the tooltip ({explanation[:50]!r}...)"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", required=True)
    parser.add_argument("--screenshot", required=True)
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    parser.add_argument("--chromedriver", default=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    args = parser.parse_args()
    options = webdriver.ChromeOptions()
    options.binary_location = args.chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1100,1300"):
        options.add_argument(flag)
    try:
        driver = webdriver.Chrome(service=Service(executable_path=args.chromedriver), options=options)
    except WebDriverException as error:
        print(f"FAIL: could not start headless Chromium: {error.msg or error}", file=sys.stderr)
        return 1
    try:
        print("PASS: " + check(driver, args.report, args.screenshot))
        return 0
    except (Failure, WebDriverException) as error:
        print(f"FAIL: {getattr(error, 'msg', None) or error}", file=sys.stderr)
        return 1
    finally:
        driver.quit()


if __name__ == "__main__":
    sys.exit(main())
