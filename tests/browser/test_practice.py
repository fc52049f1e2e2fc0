"""Practice in a real browser: the finder, assignment links, progress, printing and interviewer kits."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from mkdocs_crosswalk.core import load_knowledge_base
from support import REPO

KB = load_knowledge_base(REPO / "kb")


def visible_cards(page):
    return page.locator("#finder-results + .cw-cards .cw-card:visible").evaluate_all("els => els.map(e => e.dataset.cwId)")


def test_finder_filters_and_its_url_reloads_to_the_same_state(browser_page, shipped_url):
    browser_page.goto(shipped_url + "cases/")
    everything = visible_cards(browser_page)
    assert len(everything) == len(KB.of_kind("case"))
    browser_page.locator("[data-cw-finder]").get_by_label("Level").select_option("intermediate")
    browser_page.locator("[data-cw-finder]").get_by_label("Role").select_option("ux-designer")
    shown = visible_cards(browser_page)
    expected = [c.id for c in KB.of_kind("case") if c.level == "intermediate" and "ux-designer" in c.roles]
    assert sorted(shown) == sorted(expected) and shown
    query = parse_qs(urlsplit(browser_page.url).query)
    assert query == {"level": ["intermediate"], "role": ["ux-designer"]}
    browser_page.reload()
    assert visible_cards(browser_page) == shown
    assert browser_page.locator("[data-cw-finder]").get_by_label("Level").input_value() == "intermediate"


def _make_assignment(page, url, case_ids, due, note):
    page.goto(url + "cases/")
    for case_id in case_ids:
        page.locator(f'#finder-results + .cw-cards input[data-cw-pick="{case_id}"]').check()
    page.get_by_label("Due date").fill(due)
    page.get_by_label("Note for the learner").fill(note)
    page.get_by_role("button", name="Create link").click()
    return page.locator("[data-cw-link]").get_attribute("href")


def test_an_assignment_link_round_trips(browser_page, chromium, shipped_url):
    cases = [c.id for c in KB.of_kind("case")][:3][::-1]
    link = _make_assignment(browser_page, shipped_url, cases, "2026-12-15", "Work through these before our 1:1.")
    other = chromium.new_context()  # a different browser profile: everything must come from the link
    page = other.new_page()
    page.goto(link)
    page.wait_for_selector("[data-cw-assignment-page][data-cw-ready]")
    assert page.locator(".cw-handout").evaluate_all("els => els.map(e => e.dataset.cwId)") == cases
    assert page.locator("[data-cw-due-text]").get_attribute("data-cw-due") == "2026-12-15"
    assert page.locator("[data-cw-note-text]").inner_text() == "Work through these before our 1:1."
    for case_id, summary in zip(cases, page.locator(".cw-handout__summary").all_inner_texts()):
        assert summary == KB[case_id].summary
    other.close()


def test_a_note_holding_markup_stays_text(browser_page, shipped_url):
    note = '<script>window.__owned = 1</script><img src=x onerror="window.__owned = 2"><b>bold</b>'
    case = KB.of_kind("case")[0].id
    browser_page.goto(shipped_url + f"cases/assignment/?cases={case}&note=" + __import__("urllib.parse").parse.quote(note))
    browser_page.wait_for_selector("[data-cw-assignment-page][data-cw-ready]")
    box = browser_page.locator("[data-cw-note-text]")
    assert box.inner_text() == note
    assert box.locator("b, img, script").count() == 0
    assert browser_page.evaluate("window.__owned") is None


def test_unknown_ids_in_a_link_get_a_clear_message(browser_page, shipped_url):
    case = KB.of_kind("case")[0].id
    browser_page.goto(shipped_url + f"cases/assignment/?cases=no-such-case,{case},gone-too&due=not-a-date")
    browser_page.wait_for_selector("[data-cw-assignment-page][data-cw-ready]")
    warning = browser_page.locator("[data-cw-unknown]")
    assert warning.is_visible() and "no-such-case, gone-too" in warning.inner_text()
    assert browser_page.locator(".cw-handout").count() == 1
    assert not browser_page.locator("[data-cw-due-text]").is_visible()


def done_key(path, step) -> str:
    """Where a path's step is kept: a case study under its own key, the same wherever it is ticked."""
    return f"case:{step.ref}" if KB[step.ref].kind == "case" else f"path:{path.id}/{step.ref}"


def test_a_case_study_done_on_its_page_is_done_in_the_path_and_the_other_way(browser_page, shipped_url):
    path = next(p for p in KB.of_kind("path") if sum(KB[s.ref].kind == "case" for s in p.steps) >= 2)
    first, second = [s.ref for s in path.steps if KB[s.ref].kind == "case"][:2]
    # progress kept by an older version under the path's key is not lost
    browser_page.goto(shipped_url + f"paths/{path.id}/")
    browser_page.evaluate(f"localStorage.setItem('crosswalk:progress:v1', JSON.stringify({{'path:{path.id}/{second}': {{done: true}}}}))")
    browser_page.goto(shipped_url + f"cases/{first}/")
    browser_page.get_by_label(f"Mark as done: {KB[first].title}").check()
    browser_page.goto(shipped_url + f"paths/{path.id}/")
    step = lambda ref: browser_page.locator(f'.cw-path-step[data-cw-step="{ref}"] input[data-cw-done]')
    assert step(first).is_checked() and step(second).is_checked()
    assert browser_page.locator("[data-cw-progress-text]").inner_text() == f"2 of {len(path.steps)} done"
    step(first).uncheck()
    browser_page.goto(shipped_url + f"cases/{first}/")
    assert not browser_page.get_by_label(f"Mark as done: {KB[first].title}").is_checked()
    browser_page.goto(shipped_url + f"cases/{second}/")
    assert browser_page.get_by_label(f"Mark as done: {KB[second].title}").is_checked()


def test_progress_survives_a_reload_and_an_export_import(browser_page, chromium, shipped_url, tmp_path):
    path = KB.of_kind("path")[0]
    browser_page.goto(shipped_url + f"paths/{path.id}/")
    boxes = browser_page.locator("input[data-cw-done]")
    boxes.nth(0).check()
    boxes.nth(2).check()
    total = len(path.steps)
    assert browser_page.locator("[data-cw-progress-text]").inner_text() == f"2 of {total} done"
    browser_page.reload()
    assert browser_page.locator("[data-cw-progress-text]").inner_text() == f"2 of {total} done"
    assert boxes.nth(0).is_checked() and boxes.nth(2).is_checked() and not boxes.nth(1).is_checked()
    with browser_page.expect_download() as download:
        browser_page.get_by_role("button", name="Export progress").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    data = json.loads(exported.read_text())
    assert set(data["progress"]) == {done_key(path, path.steps[0]), done_key(path, path.steps[2])}
    other = chromium.new_context()
    page = other.new_page()
    page.goto(shipped_url + f"paths/{path.id}/")
    assert page.locator("[data-cw-progress-text]").inner_text() == f"0 of {total} done"
    page.locator("input[data-cw-import]").set_input_files(str(exported))
    page.wait_for_function("document.querySelector('[data-cw-progress-text]').textContent.startsWith('2 of')")
    assert page.locator("input[data-cw-done]").nth(2).is_checked()
    other.close()


def test_done_on_a_case_page_shows_on_the_assignment(browser_page, shipped_url):
    case = KB.of_kind("case")[0].id
    browser_page.goto(shipped_url + f"cases/{case}/")
    browser_page.get_by_label("Mark as done").check()
    browser_page.goto(shipped_url + f"cases/assignment/?cases={case}")
    browser_page.wait_for_selector("[data-cw-assignment-page][data-cw-ready]")
    assert browser_page.locator("[data-cw-progress-text]").inner_text() == "1 of 1 done"


def test_print_hides_navigation_and_shows_the_handout(browser_page, shipped_url):
    cases = ",".join(c.id for c in KB.of_kind("case")[:2])
    browser_page.goto(shipped_url + f"cases/assignment/?cases={cases}")
    browser_page.wait_for_selector("[data-cw-assignment-page][data-cw-ready]")
    assert not browser_page.locator(".cw-handout__print").first.is_visible()  # on screen: summaries only
    browser_page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", "[data-cw-print]"):
        assert not browser_page.locator(chrome).first.is_visible(), chrome
    assert browser_page.locator(".cw-handout__print ol li").first.is_visible()  # steps
    assert browser_page.locator(".cw-handout__lines").first.is_visible()  # room for notes
    # How the printed pages fill, break and carry their header and numbers is tested on the PDF (test_printing.py).


def test_kit_practice_mode_hides_the_scale_until_revealed(browser_page, shipped_url):
    skill = next(s for s in KB.of_kind("skill") if any(r.skill == s.id for r in KB.of_kind("rubric")))
    browser_page.goto(shipped_url + f"skills/{skill.id}/")
    browser_page.get_by_role("link", name="Open the interviewer kit").click()
    sheet = browser_page.locator(".cw-kit__sheet").first
    expect(sheet.locator(".cw-kit__scale")).to_be_visible()
    browser_page.get_by_label("Practice mode for candidates", exact=False).check()
    expect(sheet.locator(".cw-kit__scale")).to_be_hidden()
    expect(sheet.locator(".cw-sample-answer")).to_be_hidden()
    sheet.get_by_role("button", name="Reveal the scale and sample answer").click()
    expect(sheet.locator(".cw-kit__scale")).to_be_visible()
    expect(sheet.locator(".cw-sample-answer")).to_be_visible()


def test_a_new_hire_reaches_their_path_in_one_click_and_sees_progress(browser_page, shipped_url):
    browser_page.goto(shipped_url)
    browser_page.get_by_role("link", name="Designer Onboarding").first.click()
    assert browser_page.locator("[data-cw-progress-text]").inner_text().endswith("done")


def test_filtering_narrows_the_lists_by_level_and_role_too(browser_page, shipped_url):
    browser_page.goto(shipped_url + "cases/?level=advanced")
    advanced = {c.id for c in KB.of_kind("case") if c.level == "advanced"}
    assert set(visible_cards(browser_page)) == advanced
    listed = browser_page.locator("[data-cw-finder-groups] li[data-cw-id]:visible").evaluate_all("els => els.map(e => e.dataset.cwId)")
    assert listed and set(listed) == advanced
    for level in ("beginner", "intermediate"):
        expect(browser_page.locator(f"#level-{level}")).to_be_hidden()
        # the table of contents: the sidebar's and the copy in the phone's navigation drawer
        entries = browser_page.locator(f'.md-nav--secondary a[href="#level-{level}"]').all()
        assert len(entries) == 2
        for entry in entries:
            expect(entry).to_be_hidden()
    expect(browser_page.locator("#level-advanced")).to_be_visible()


def test_a_filter_that_matches_nothing_offers_to_clear_the_filters(browser_page, shipped_url):
    shortest = min(c.duration_minutes for c in KB.of_kind("case"))
    hard = [c for c in KB.of_kind("case") if c.level == "advanced"]
    assert all(c.duration_minutes > shortest for c in hard), "the fixture needs no short advanced case"
    browser_page.goto(shipped_url + f"cases/?level=advanced&max={shortest}")
    assert visible_cards(browser_page) == []
    expect(browser_page.locator("[data-cw-finder-groups] h2:visible")).to_have_count(0)
    browser_page.get_by_role("button", name="Clear the filters").click()
    assert len(visible_cards(browser_page)) == len(KB.of_kind("case"))
    expect(browser_page.get_by_role("button", name="Clear the filters")).to_be_hidden()
    assert "?" not in browser_page.url


def test_picked_cases_and_assign_stay_in_view_while_picking(browser_page, shipped_url):
    browser_page.set_viewport_size({"width": 390, "height": 800})
    browser_page.goto(shipped_url + "cases/")
    tray = browser_page.locator("[data-cw-tray]")
    expect(tray).to_be_hidden()  # nothing picked: nothing to assign
    cards = browser_page.locator("#finder-results + .cw-cards input[data-cw-pick]")
    cards.nth(0).check()
    cards.nth(5).check()  # far down the page
    expect(tray).to_contain_text("2 case studies picked")
    box = tray.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 800, "the tray should be in the window"
    tray.get_by_role("link", name="Assign…").click()
    expect(browser_page.get_by_label("Title")).to_be_focused()
    expect(browser_page.locator("[data-cw-picked-list] li")).to_have_count(2)


def test_the_assign_panel_counts_in_words_and_shows_which_field_has_the_focus(browser_page, shipped_url):
    """One case picked reads "1 case study picked" (it said "1 case studies"); Tab through the form's fields shows
    an outline on each (Material takes the outline off form fields, so a keyboard user saw none)."""
    browser_page.goto(shipped_url + "cases/")
    browser_page.locator("#finder-results + .cw-cards input[data-cw-pick]").nth(0).check()
    builder = browser_page.locator("[data-cw-builder]")
    expect(builder.locator("[data-cw-picked-summary]")).to_contain_text("1 case study picked.")
    title = builder.get_by_label("Title")
    title.focus()
    for _ in range(3):
        style = browser_page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement); return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth]; }"
        )
        assert style[0] in ("INPUT", "TEXTAREA") and style[1] != "none" and style[2] != "0px", style
        browser_page.keyboard.press("Tab")


def test_the_builder_offers_no_link_when_nothing_is_picked(browser_page, shipped_url):
    browser_page.goto(shipped_url + "cases/")
    builder = browser_page.locator("[data-cw-builder]")
    expect(builder.get_by_role("button", name="Create link")).to_be_hidden()
    expect(builder).to_contain_text("Tick “Add to assignment”")


def test_an_impossible_due_date_is_said_not_dropped(browser_page, shipped_url):
    case = KB.of_kind("case")[0].id
    browser_page.goto(shipped_url + f"cases/assignment/?cases={case}&due=2027-02-30")
    browser_page.wait_for_selector("[data-cw-assignment-page][data-cw-ready]")
    message = browser_page.locator("[data-cw-bad-due]")
    expect(message).to_be_visible()
    expect(message).to_contain_text("2027-02-30")
    expect(message).to_contain_text("not a date on the calendar")
    expect(browser_page.locator("[data-cw-due-text]")).to_be_hidden()
    expect(browser_page.get_by_role("button", name="Print handout")).to_be_visible()  # the cases are still there


@pytest.mark.parametrize("query", ["", "?cases=", "?cases=no-such-case,gone-too"])
def test_an_assignment_with_no_case_offers_nothing_to_print_or_tick(browser_page, shipped_url, query):
    browser_page.goto(shipped_url + "cases/assignment/" + query)
    browser_page.wait_for_selector("[data-cw-assignment-page][data-cw-ready]")
    expect(browser_page.locator("[data-cw-empty]")).to_be_visible()
    expect(browser_page.get_by_role("link", name="case-study finder")).to_be_visible()
    expect(browser_page.get_by_role("button", name="Print handout")).to_be_hidden()
    expect(browser_page.locator("[data-cw-progress]")).to_be_hidden()
    if "no-such-case" in query:
        expect(browser_page.locator("[data-cw-unknown]")).to_contain_text("no-such-case, gone-too")


def test_the_assignment_shows_its_title_and_durations_as_the_catalogue_does(browser_page, shipped_url):
    case = max(KB.of_kind("case"), key=lambda c: c.duration_minutes % 60)  # one with hours and minutes
    browser_page.goto(shipped_url + "cases/")
    on_card = browser_page.locator(f'#finder-results + .cw-cards .cw-card[data-cw-id="{case.id}"] .cw-card__meta span').nth(1).inner_text()
    browser_page.goto(shipped_url + f"cases/assignment/?cases={case.id}&title=Before+Friday")
    browser_page.wait_for_selector("[data-cw-assignment-page][data-cw-ready]")
    assert browser_page.locator('.cw-handout [data-field="duration"]').inner_text() == on_card
    assert on_card.endswith((" h", " min"))
    expect(browser_page.get_by_role("heading", level=1)).to_have_text("Before Friday")
    assert browser_page.title().startswith("Before Friday - ")


def test_the_list_of_paths_says_how_far_along_each_one_is(browser_page, shipped_url):
    path = next(p for p in KB.of_kind("path") if any(KB[s.ref].kind == "case" for s in p.steps))
    case = next(s.ref for s in path.steps if KB[s.ref].kind == "case")
    other = next(s.ref for s in path.steps if KB[s.ref].kind != "case")
    note = browser_page.locator(f'li[data-cw-id="{path.id}"] [data-cw-path-progress]')
    browser_page.goto(shipped_url + "paths/")
    assert not note.is_visible()  # nothing done yet: nothing said
    browser_page.goto(shipped_url + f"cases/{case}/")
    browser_page.get_by_label(f"Mark as done: {KB[case].title}").check()  # done on the case's own page...
    browser_page.goto(shipped_url + f"paths/{path.id}/")
    browser_page.locator(f'.cw-path-step[data-cw-step="{other}"] input[data-cw-done]').check()  # ... and one on the path
    browser_page.goto(shipped_url + "paths/")
    assert note.inner_text() == f"2 of {len(path.steps)} steps done"
    # the home page's "New here?" list says it too, where a returning new hire starts
    browser_page.goto(shipped_url)
    home_note = browser_page.locator(f'#new-hires ~ .cw-start li:has(a[data-cw-id="{path.id}"]) [data-cw-path-progress]')
    assert home_note.inner_text() == f"2 of {len(path.steps)} steps done"
    link_box = browser_page.locator(f'#new-hires ~ .cw-start a[data-cw-id="{path.id}"]').bounding_box()
    assert home_note.bounding_box()["y"] >= link_box["y"] + link_box["height"] - 1  # a line of its own
    other_path = next(p for p in KB.of_kind("path") if p.id != path.id and case not in {s.ref for s in p.steps})
    untouched = browser_page.locator(f'#new-hires ~ .cw-start li:has(a[data-cw-id="{other_path.id}"]) [data-cw-path-progress]')
    assert untouched.count() == 1 and not untouched.is_visible()  # nothing done there: nothing said
