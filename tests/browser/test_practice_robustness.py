"""Practice controls hold up: impossible due dates are refused, and import works from the keyboard."""

from __future__ import annotations

import json

from mkdocs_crosswalk.core import load_knowledge_base
from support import REPO

KB = load_knowledge_base(REPO / "kb")


def _open_assignment(page, url, query):
    page.goto(url + "cases/assignment/?" + query)
    page.wait_for_selector("[data-cw-assignment-page][data-cw-ready]")
    return page.locator("[data-cw-due-text]")


def test_a_due_date_that_is_not_on_the_calendar_is_ignored(browser_page, shipped_url):
    case = KB.of_kind("case")[0].id
    due = _open_assignment(browser_page, shipped_url, f"cases={case}&due=2026-02-31")
    assert not due.is_visible()  # not "Due March 3", which is what Date() makes of it
    due = _open_assignment(browser_page, shipped_url, f"cases={case}&due=2028-02-29")
    assert due.is_visible() and due.get_attribute("data-cw-due") == "2028-02-29"  # a leap day is a real date


def test_progress_can_be_imported_with_the_keyboard_alone(browser_page, shipped_url, tmp_path):
    path = KB.of_kind("path")[0]
    step = path.steps[-1].ref
    saved = tmp_path / "progress.json"
    saved.write_text(json.dumps({"format": "crosswalk-progress", "version": 1, "progress": {f"path:{path.id}/{step}": {"done": True}}}))
    # Playwright turns on file-chooser interception without waiting for Chromium to confirm; listening
    # from the start makes sure it is on before Enter is pressed, or the dialog escapes the test.
    browser_page.on("filechooser", lambda chooser: None)
    browser_page.goto(shipped_url + f"paths/{path.id}/")
    button = browser_page.get_by_role("button", name="Import progress")
    for _ in range(300):  # tab to the control, as a keyboard user would
        browser_page.keyboard.press("Tab")
        if button.evaluate("el => el === document.activeElement"):
            break
    else:
        raise AssertionError("Import progress is not reachable with Tab")
    with browser_page.expect_file_chooser() as chooser:
        browser_page.keyboard.press("Enter")
    chooser.value.set_files(str(saved))
    status = browser_page.locator("[data-cw-progress-status]")
    browser_page.wait_for_function("el => el.textContent.startsWith('Imported')", arg=status.element_handle())
    assert browser_page.locator("[data-cw-progress-text]").inner_text() == f"1 of {len(path.steps)} done"
    assert browser_page.locator(f'input[data-cw-done="path:{path.id}/{step}"]').is_checked()
