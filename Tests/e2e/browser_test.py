#!/usr/bin/env python3
"""End-to-end check of the `attune serve` web page in headless Chromium.

Usage:
    /usr/bin/python3 Tests/e2e/browser_test.py --url http://127.0.0.1:PORT --screenshot PATH [--after-screenshot PATH]

Needs Debian's packages: apt-get install -y chromium chromium-driver python3-selenium
(bookworm's selenium 4.8 or later; `swift test` runs it through BrowserTests.swift).
Exits 0 on success, 1 on failure. --screenshot is the page with the misattuned reply
checked (or the page as it was when a check failed); --after-screenshot, if given, the
page once a suggestion has been applied.
"""

import argparse
import os
import sys
import traceback

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

CONTEXT = "I'm so stressed about my exam tomorrow"
# Two sentences: a suggestion replaces the whole first one and leaves the second as it was.
# Emoji outside the Basic Multilingual Plane and a curly apostrophe: the API's offsets
# count code points and JavaScript's strings count UTF-16 units, so the highlights are
# only right if the page converts between them.
FLAGGED = "\U0001F629 Just study harder, it\u2019s not a big deal."
KEPT = " See you at dinner \U0001F35D."
REPLY = FLAGGED + KEPT
EXPECTED_CATEGORIES = {"fixing", "minimizing"}
# A reply in another language: the page must say it was not read, not show a bare "neutral".
SPANISH_REPLY = "Lo siento mucho, no sé qué decirte. Estoy aquí para lo que necesites."
TIMEOUT = 10


class Failure(Exception):
    """A check that failed, with a message saying what was expected and what was seen."""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="base URL of a running `attune serve`")
    parser.add_argument("--screenshot", required=True, help="where to save the PNG of the checked reply")
    parser.add_argument("--after-screenshot", help="where to save the PNG after a suggestion was applied")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    parser.add_argument("--chromedriver", default=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    return parser.parse_args()


def start_browser(args):
    options = webdriver.ChromeOptions()
    options.binary_location = args.chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1100,1300"):
        options.add_argument(flag)
    # Keep the page's console output so a failure can show JavaScript errors.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # An explicit driver path also stops Selenium Manager from trying to download one.
    driver = webdriver.Chrome(service=Service(executable_path=args.chromedriver), options=options)
    driver.set_window_size(1100, 1300)
    return driver


def texts(driver, selector):
    """The trimmed text of every element matching selector, read in one script call so a
    re-render between reads cannot leave a stale element behind."""
    return driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0]), e => e.textContent.trim());", selector)


def findings_signature(driver):
    """What the findings list shows now, to tell when a re-check has replaced it."""
    return tuple(texts(driver, "#findings > li"))


def settled_on(driver, reply):
    """True once the results shown are those of `reply`: the marked-up copy is that very
    text and no check is in flight or waiting out its debounce."""
    return driver.execute_script(
        "const r = document.getElementById('results');"
        "return r.getAttribute('aria-busy') !== 'true' && !r.classList.contains('is-empty')"
        " && document.getElementById('highlighted').textContent === arguments[0]"
        " && document.getElementById('reply').value === arguments[0];", reply)


def wait_for(driver, condition, what):
    try:
        return WebDriverWait(driver, TIMEOUT, poll_frequency=0.1,
                             ignored_exceptions=(StaleElementReferenceException,)).until(lambda d: condition(d))
    except TimeoutException:
        raise Failure(f"timed out after {TIMEOUT} s waiting for {what}{page_error(driver)}") from None


def page_error(driver):
    """The text of the page's alert region, if it shows one."""
    alerts = [text for text in texts(driver, "[role=alert]") if text]
    return f" (page alert: {alerts[0]!r})" if alerts else ""


def run(driver, url, checked_screenshot, after_screenshot):
    try:
        driver.get(url.rstrip("/") + "/")
    except WebDriverException as error:
        raise Failure(f"could not load {url}: {error.msg or error}".strip()) from None
    wait_for(driver, lambda d: d.find_elements(By.ID, "reply"), "the page to load (#reply)")
    for element_id in ("context", "check", "highlighted", "findings", "score", "verdict", "bid", "language-note",
                       "rewrite", "copy-rewrite"):
        if not driver.find_elements(By.ID, element_id):
            raise Failure(f"page has no element #{element_id}")

    driver.find_element(By.ID, "context").send_keys(CONTEXT)
    driver.find_element(By.ID, "reply").send_keys(REPLY)

    # Typing alone must trigger the (debounced) check; answers for half-typed text may
    # show first, so wait for the one that marks up the whole reply.
    wait_for(driver, lambda d: settled_on(d, REPLY) and d.find_elements(By.CSS_SELECTOR, "#highlighted mark"),
             "highlighted spans (#highlighted mark) over the whole reply")
    categories = sorted(set(texts(driver, ".finding-category")))
    if not EXPECTED_CATEGORIES <= set(categories):
        raise Failure(f"categories shown {categories}, expected to include {sorted(EXPECTED_CATEGORIES)}"
                      f"{page_error(driver)}")
    check_marks(driver, REPLY)
    marked = texts(driver, "#highlighted mark")

    verdict = driver.find_element(By.ID, "verdict").text.strip()
    if "misattuned" not in verdict.lower():
        raise Failure(f"verdict is {verdict!r}, expected it to mention 'misattuned'")
    score = driver.find_element(By.ID, "score").text.strip()
    marks = len(marked)
    if not driver.find_element(By.ID, "rewrite").text.strip():
        raise Failure("no rewrite shown")
    save_screenshot(driver, checked_screenshot)

    before = findings_signature(driver)
    suggestions = driver.find_elements(By.CSS_SELECTOR, ".suggestion")
    if not suggestions:
        raise Failure("no .suggestion buttons in the findings list")
    suggestion = suggestions[0].text.strip()
    if suggestions[0].tag_name.lower() != "button":
        raise Failure(f"the first suggestion is a <{suggestions[0].tag_name}>, expected a <button>")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", suggestions[0])
    suggestions[0].click()

    wait_for(driver, lambda d: suggestion in d.find_element(By.ID, "reply").get_property("value"),
             f"the reply box to contain the suggestion {suggestion!r}")
    reply = driver.find_element(By.ID, "reply").get_property("value")
    # The whole flagged sentence gives way, not only the flagged words.
    if reply != suggestion + KEPT:
        raise Failure(f"after clicking {suggestion!r} the reply is {reply!r}, expected {suggestion + KEPT!r}")
    wait_for(driver, lambda d: settled_on(d, reply) and findings_signature(d) != before,
             "the findings to update after applying the suggestion")

    after = sorted(set(texts(driver, ".finding-category")))
    new_verdict = driver.find_element(By.ID, "verdict").text.strip()
    # The suggestion is the attuned way to say it: what it left must not misattune.
    still = set(after) & {"fixing", "minimizing", "defensiveness", "withdrawal"}
    if still:
        raise Failure(f"after applying {suggestion!r} the reply still shows {sorted(still)}")
    if "misattuned" in new_verdict.lower():
        raise Failure(f"after applying {suggestion!r} the verdict is {new_verdict!r}")
    check_marks(driver, reply)
    if after_screenshot:
        save_screenshot(driver, after_screenshot)
    if driver.find_element(By.ID, "language-note").is_displayed():
        raise Failure("the not-English note shows for an English reply")

    box = driver.find_element(By.ID, "reply")
    box.clear()
    box.send_keys(SPANISH_REPLY)
    wait_for(driver, lambda d: settled_on(d, SPANISH_REPLY), "the results of a Spanish reply")
    note = driver.find_element(By.ID, "language-note")
    if not note.is_displayed() or "does not read as English" not in note.text:
        raise Failure(f"a Spanish reply shows no not-English note (#language-note: {note.text!r})")
    return (f"categories {','.join(categories)}, verdict {verdict}, score {score.replace(chr(10), '')}, "
            f"{marks} marks; applied suggestion -> reply {reply!r}, now {','.join(after) or 'no findings'}, "
            f"verdict {new_verdict}; a Spanish reply shows the not-English note")


def check_marks(driver, reply):
    """The marks are exactly the findings' spans as the API gives them (code points),
    each code point marked for the first finding, by start, that covers it."""
    findings = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch('/api/check', {method: 'POST', headers: {'Content-Type': 'application/json'},"
        " body: JSON.stringify({text: arguments[0], context: arguments[1]})})"
        ".then(r => r.json()).then(j => done(j.findings), () => done(null));", reply, CONTEXT)
    if findings is None:
        raise Failure("the page's own /api/check call failed")
    owner = [-1] * len(reply)
    for index in sorted(range(len(findings)), key=lambda i: findings[i]["start"]):
        for k in range(max(0, findings[index]["start"]), min(findings[index]["end"], len(reply))):
            if owner[k] < 0:
                owner[k] = index
    expected = []
    k = 0
    while k < len(reply):
        j = k
        while j < len(reply) and owner[j] == owner[k]:
            j += 1
        if owner[k] >= 0:
            expected.append([reply[k:j], str(owner[k])])
        k = j
    shown = driver.execute_script(
        "return Array.from(document.querySelectorAll('#highlighted mark'), m => [m.textContent, m.dataset.finding]);")
    if shown != expected:
        raise Failure(f"highlights {shown}, expected {expected} from the findings' code-point spans")


def save_screenshot(driver, path):
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    driver.execute_script("window.scrollTo(0, 0);")
    if not driver.save_screenshot(path):
        raise Failure(f"could not save a screenshot to {path}")


def print_console(driver):
    """Print the page's console errors and warnings, which usually explain a failure."""
    try:
        for entry in driver.get_log("browser"):
            if entry.get("level") in ("SEVERE", "WARNING"):
                print(f"  browser console {entry['level']}: {entry['message']}", file=sys.stderr)
    except WebDriverException:
        pass


def main():
    args = parse_args()
    try:
        driver = start_browser(args)
    except WebDriverException as error:
        print(f"FAIL: could not start headless Chromium ({args.chromium}, driver {args.chromedriver}): "
              f"{error.msg or error}", file=sys.stderr)
        return 1
    try:
        return check_page(driver, args)
    finally:
        driver.quit()


def check_page(driver, args):
    try:
        summary = run(driver, args.url, args.screenshot, args.after_screenshot)
        print(f"PASS: {summary}; screenshot {args.screenshot}")
        return 0
    except Failure as failure:
        print(f"FAIL: {failure}", file=sys.stderr)
    except WebDriverException as error:
        print(f"FAIL: browser error: {error.msg or error}", file=sys.stderr)
    except Exception:  # an unexpected bug in this script: show where
        print("FAIL: unexpected error", file=sys.stderr)
        traceback.print_exc()
    print_console(driver)
    try:
        save_screenshot(driver, args.screenshot)
        print(f"  screenshot of the failure: {args.screenshot}", file=sys.stderr)
    except Exception as error:  # the browser may be gone; the failure above matters more
        print(f"  could not save a screenshot: {error}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
