"""The participant page in a real browser (Debian's chromium driven by Playwright, on
127.0.0.1 only, no display): ten phones join, suggest and vote at once; the round's
Vote rows and the ranking are the expected ones; an XSS probe stays text; a wrong token
gets nothing; phone-sized screenshots in English and Japanese.

Set ``ROOM_SCREENSHOTS_DIR`` to keep the screenshots (docs/screenshots is where the
repository's copies live)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import threading
from collections import Counter
from pathlib import Path

import pytest
from playwright import async_api as playwright  # dev extra: a missing one fails, never skips
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from journeymap.analysis.scoring import rank
from journeymap.model.document import Document
from journeymap.room.view import round_edit
from journeymap.ui.main_window import MainWindow
from journeymap.ui.room_panel import KEY_LOOPBACK, KEY_PORT

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
# Debian's chromium is installed by scripts/setup.sh; without it these tests fail loudly.
assert Path(CHROMIUM).exists(), "needs Debian's chromium: apt-get install chromium"

XSS = '<img src=x onerror="window.__xss=1"><script>__xss=2</script>'  # 60 chars


class Browser:
    """Playwright's async API on a loop of its own thread; the test's (Qt) thread waits
    with qtbot so queued room events keep reaching the GUI thread meanwhile."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.pw = self.run(playwright.async_playwright().start())
        self.browser = self.run(self.pw.chromium.launch(executable_path=CHROMIUM, args=ARGS))

    def run(self, coro, timeout: int = 60000):  # type: ignore[no-untyped-def]
        future = asyncio.run_coroutine_threadsafe(coro, self.loop)
        self.qtbot.waitUntil(future.done, timeout=timeout)
        return future.result()

    def close(self) -> None:
        self.run(self.browser.close())
        self.run(self.pw.stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


@pytest.fixture
def browser(qtbot):
    b = Browser(qtbot)
    yield b
    b.close()


@pytest.fixture
def window(qtbot, store):
    QSettings().setValue(KEY_LOOPBACK, True)
    QSettings().setValue(KEY_PORT, 0)
    w = MainWindow()
    w.ask_save_changes = lambda: QMessageBox.StandardButton.Discard   # no modal box
    qtbot.addWidget(w)
    w.set_document(Document.new(store))
    assert w.room.open_room()
    yield w
    with contextlib.suppress(RuntimeError):     # pytest-qt may have deleted it already
        w.room.close_room()


async def phone(browser, url: str, locale: str = "en-US", width: int = 390,
                height: int = 844):  # -> Page
    ctx = await browser.new_context(locale=locale, viewport={"width": width, "height": height},
                                    is_mobile=True, has_touch=True)
    page = await ctx.new_page()
    await page.goto(url)
    return page


async def join(page, name: str) -> None:
    await page.fill("#name", name)
    await page.click("#joinBtn")
    await page.wait_for_selector("#who:not(:empty)")
    await page.wait_for_selector("#cards .card")


async def suggest(page, card: str, title: str, severity: int) -> None:
    await page.click(f'.card[data-id="{card}"] .suggestBtn')
    await page.fill(".suggest textarea", title)
    await page.select_option('.suggest select[name="severity"]', str(severity))
    await page.click('.suggest button[type="submit"]')
    await page.wait_for_selector(".suggest", state="detached")


async def place(page, targets: list[str], take_back: str | None = None) -> None:
    await page.wait_for_selector("#round:not([hidden])")
    for t in targets:
        before = await page.text_content("#dotsLeft")
        await page.click(f'#targets li[data-id="{t}"] .plus')
        await page.wait_for_function("b => document.getElementById('dotsLeft').textContent"
                                     " !== b", arg=before)
    if take_back is not None:
        before = await page.text_content("#dotsLeft")
        await page.click(f'#targets li[data-id="{take_back}"] .minus')
        await page.wait_for_function("b => document.getElementById('dotsLeft').textContent"
                                     " !== b", arg=before)


# ten participants: what each votes for (three dots each; P10 takes one back)
PLAN = {
    "Aiko": ["p3", "p3", "a2"], "Ben": ["p3", "p1", "p2"], "Chika": ["a2", "a2", "a1"],
    "Dai": ["p3", "a1", "p2"], "Emi": ["p1", "p1", "p3"], "Fumi": ["p2", "a2", "p3"],
    "Goro": ["a1", "p3", "p1"], "Hana": ["p2", "p2", "a2"], XSS: ["p3", "a2", "a1"],
    "Jun": ["p1", "a2", "p3"],
}


def test_ten_phones_suggest_and_vote_at_once(window, browser, qtbot) -> None:
    room, panel = window.room, window.room_panel
    names = list(PLAN)

    async def everyone_joins():  # type: ignore[no-untyped-def]
        pages = await asyncio.gather(*(phone(browser.browser, room.url,
                                             "ja-JP" if i % 3 == 0 else "en-US")
                                       for i in range(len(names))))
        await asyncio.gather(*(join(p, n) for p, n in zip(pages, names, strict=True)))
        await asyncio.gather(suggest(pages[0], "t1", "Quote takes a week", 5),
                             suggest(pages[8], "t2", XSS, 2),
                             suggest(pages[3], "t2", "No English brochure", 3))
        return pages

    pages = browser.run(everyone_joins())
    qtbot.waitUntil(lambda: panel.people.count() == 10 and panel.suggestions.count() == 3,
                    timeout=10000)
    # the probe is text in the app's panel ...
    assert XSS in [panel.people.item(i).text() for i in range(10)]
    assert any(XSS in panel.suggestions.item(i).text() for i in range(3))
    # ... and on the phone that sent it
    probe = pages[8]
    assert browser.run(probe.text_content("#who")).endswith(XSS)
    assert XSS in browser.run(probe.text_content(".card[data-id='t2'] .pending"))
    assert browser.run(probe.evaluate("window.__xss === undefined && "
                                      "document.querySelectorAll('main img, main script')"
                                      ".length === 0"))
    assert browser.run(pages[0].evaluate("document.documentElement.lang")) == "ja"
    assert browser.run(pages[1].evaluate("document.documentElement.lang")) == "en"

    panel.dots.setValue(3)
    panel.start_button.click()                                   # facilitator action 1

    async def everyone_votes():  # type: ignore[no-untyped-def]
        await asyncio.gather(*(place(p, PLAN[n]) if n != "Jun" else
                               place(p, PLAN[n][:2] + ["p2"], take_back="p2")
                               for p, n in zip(pages, names, strict=True)))
        # Jun took p2 back: one dot left, placed now
        await place(pages[9], ["p3"])
        return [await p.text_content("#dotsLeft") for p in pages]

    left = browser.run(everyone_votes())
    assert all(t.startswith("0 ") or "残り 0" in t for t in left), left
    # a dot beyond the limit is refused with a message on the phone
    assert browser.run(pages[1].is_disabled("#targets li[data-id='p1'] .plus"))
    status = browser.run(pages[1].evaluate(
        "fetch('api/vote', {method: 'POST', headers: {'Content-Type': 'application/json', "
        "'X-Room-Key': JSON.parse(localStorage.getItem('journeymap-room')).key}, "
        "body: JSON.stringify({target: 'p1'})}).then(r => r.status)"))
    assert status == 409
    qtbot.waitUntil(lambda: "30 dots placed by 10 of 10" in panel.progress.text(), timeout=10000)

    expected = [(n, t) for n in names for t in PLAN[n]]
    reference = window.store.copy()
    edit, _ = round_edit(reference, expected)
    reference.apply(list(edit.changes))
    votes_before = len(window.store.votes())
    panel.end_button.click()                                     # facilitator action 2
    new = window.store.votes()[votes_before:]
    assert Counter((v.participant, v.target) for v in new) == Counter(expected)
    got = rank(window.store, "soe")
    want = rank(reference, "soe")
    assert [(r.type, r.id, round(r.priority, 9)) for r in got.rows] == \
        [(r.type, r.id, round(r.priority, 9)) for r in want.rows]
    assert panel.top.text().endswith(" · ".join(r.title for r in want.rows[:3]))
    # the phones see the round closed
    browser.run(pages[2].wait_for_selector("#round", state="hidden"))


def test_wrong_or_expired_token_gets_an_empty_404(window, browser) -> None:
    url = window.room.url
    token = url.rstrip("/").rsplit("/", 1)[-1]

    async def visit(u: str):  # type: ignore[no-untyped-def]
        ctx = await browser.browser.new_context()
        page = await ctx.new_page()
        try:
            # chromium shows its own error page for an empty 404 (and says so)
            response = await page.goto(u)
            status = response.status
        except playwright.Error as e:
            assert "ERR_HTTP_RESPONSE_CODE_FAILURE" in str(e)
            status = 404
        api = await ctx.request.get(u)
        body = await api.body()
        await ctx.close()
        assert api.status == status
        return status, body.decode()

    status, body = browser.run(visit(url.replace(token, token[::-1])))
    assert status == 404 and body.strip() == ""
    window.room.close_room()
    window.room.open_room()                                       # a new token
    assert token not in window.room.url
    status, body = browser.run(visit(url.replace(url.split("/")[2], window.room.url
                                                 .split("/")[2])))
    assert status == 404 and body.strip() == ""


@pytest.mark.parametrize("locale,lang", [("en-US", "en"), ("ja-JP", "ja")])
def test_phone_screenshot(window, browser, qtbot, tmp_path, locale, lang) -> None:
    room = window.room
    room.set_prompt("Which pain point costs the buyer the most time?" if lang == "en"
                    else "購買担当者の時間を最も奪っているのはどれですか？")

    async def shoot():  # type: ignore[no-untyped-def]
        page = await phone(browser.browser, room.url, locale)
        await join(page, "Aiko" if lang == "en" else "あいこ")
        await suggest(page, "t2", "No price list online" if lang == "en" else "価格表がない", 4)
        return page

    page = browser.run(shoot())
    room.start_round(3)
    qtbot.waitUntil(lambda: room.state.round_open, timeout=5000)

    async def vote_and_capture():  # type: ignore[no-untyped-def]
        await place(page, ["p3"])
        # the bundled font loads when a Japanese glyph is missing from the system fonts
        await page.evaluate("document.fonts.load('700 30px \"JM Gothic\"', '大ス')")
        glyphs = await page.evaluate(
            "document.fonts.ready.then(() => document.fonts.check('20px \"JM Gothic\"', "
            "'ステージ'))")
        await page.wait_for_selector("#toast", state="hidden")
        await page.wait_for_timeout(200)
        path = tmp_path / f"room-phone-{lang}.png"
        await page.screenshot(path=str(path))
        return glyphs, path, await page.text_content("#stage")

    glyphs, path, stage = browser.run(vote_and_capture())
    assert path.stat().st_size > 10_000
    assert glyphs                           # the bundled font is there for the glyphs
    if lang == "ja":
        assert stage.startswith("ステージ 1/1")
    else:
        assert stage.startswith("Stage 1 of 1")
    keep = os.environ.get("ROOM_SCREENSHOTS_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / path.name)
