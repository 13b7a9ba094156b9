"""The web studio in a real headless Chromium (Debian's chromium + chromedriver, driven by Selenium; no
browser is downloaded): upload bikes.mp4, ask for jazz, watch the scored video play, edit, undo, download
the MIDI and parse it back; a text file and an oversized file show their error in the page and change
nothing. Screenshots of each step are kept in the test's tmp folder (`screens/`), and also in
$V2M_SCREENSHOTS when set."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

pytest.importorskip("selenium")
CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="apt-get install chromium chromium-driver")]

from studio_server import running_studio  # noqa: E402

LIMIT = 1_000_000   # the studio's upload limit in this test; bikes.mp4 is 0.51 MB
TURN_S = 120        # longest wait for one turn on a busy 2-core machine


@pytest.fixture
def browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--autoplay-policy=no-user-gesture-required", "--window-size=1400,1000", "--mute-audio"):
        opts.add_argument(arg)
    (tmp_path / "downloads").mkdir()
    opts.add_experimental_option("prefs", {"download.default_directory": str(tmp_path / "downloads"),
                                           "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


class Page:
    """The studio page and the steps a person takes in it."""

    def __init__(self, driver, base: str, screens: Path):
        self.d, self.base, self.screens, self.shots = driver, base, screens, 0
        screens.mkdir(exist_ok=True)
        driver.get(base)
        self.wait(lambda: len(self.by_css("#style option")) > 5, 30)

    def by_css(self, css):
        from selenium.webdriver.common.by import By

        return self.d.find_elements(By.CSS_SELECTOR, css)

    def el(self, css):
        return self.by_css(css)[0]

    def wait(self, cond, timeout=TURN_S):
        from selenium.webdriver.support.ui import WebDriverWait

        return WebDriverWait(self.d, timeout, poll_frequency=0.2).until(lambda d: cond())

    def idle(self):
        self.wait(lambda: self.el("#progress").get_attribute("hidden") is not None)

    def shot(self, name: str) -> Path:
        self.shots += 1
        path = self.screens / f"{self.shots:02d}-{name}.png"
        self.d.save_screenshot(str(path))
        if os.environ.get("V2M_SCREENSHOTS"):
            Path(os.environ["V2M_SCREENSHOTS"]).mkdir(parents=True, exist_ok=True)
            shutil.copy(path, Path(os.environ["V2M_SCREENSHOTS"]) / path.name)
        return path

    def upload(self, path: Path, request: str = "", style: str = ""):
        from selenium.webdriver.support.ui import Select

        self.el("#file").send_keys(str(path))
        self.el("#request").clear()
        self.el("#request").send_keys(request)
        Select(self.el("#style")).select_by_value(style)
        self.el("#start").click()
        self.wait(lambda: self.el("#progress").get_attribute("hidden") is None or self.error(), 10)
        self.idle()

    def error(self) -> str:
        e = self.el("#error")
        return "" if e.get_attribute("hidden") is not None else e.text

    def say(self, text: str):
        self.el("#say").send_keys(text)
        self.el("#send").click()
        self.wait(lambda: self.el("#progress").get_attribute("hidden") is None or self.error(), 10)
        self.idle()

    def video(self) -> dict:
        return self.d.execute_script("const v = document.getElementById('video');"
                                     "return {src: v.currentSrc, ready: v.readyState, t: v.currentTime,"
                                     " d: v.duration, err: v.error && v.error.code};")


def _store_files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and "sessions.db" not in p.name}


def test_upload_score_play_edit_undo_download_and_refusals_in_headless_chromium(browser, bikes, tmp_path):
    import mido

    root = tmp_path / "sessions"
    with running_studio(root, max_upload_bytes=LIMIT) as (base, app):
        page = Page(browser, base, tmp_path / "screens")
        page.shot("empty")

        # refusals: shown in the page, nothing stored, no session made
        text = tmp_path / "notes.mp4"
        text.write_text("these are words, not a video\n" * 40)
        page.upload(text, "jazz")
        assert "notes.mp4: not a video or image" in page.error()
        page.shot("text-file-refused")
        big = tmp_path / "big.mp4"
        big.write_bytes(bikes.read_bytes() + bytes(LIMIT))
        page.upload(big, "jazz")
        assert "limit is 1 MB" in page.error()
        page.shot("oversized-refused")
        assert page.by_css("#sessions li[data-sid]") == [] and _store_files(root) == set()
        assert page.el("#video").get_attribute("src") in (None, "")

        # a real clip, in jazz: the scored video plays
        page.upload(bikes, "score this", "jazz")
        assert page.error() == ""
        page.wait(lambda: "jazz" in page.el("#summary").text)
        sid = page.el("#sessions li.current").get_attribute("data-sid")
        assert page.video()["src"].endswith(f"/files/{sid}/v0001/bikes.scored.mp4")
        page.wait(lambda: page.video()["ready"] >= 2, 30)
        browser.execute_script("const v = document.getElementById('video'); v.muted = true; v.play();")
        page.wait(lambda: page.video()["t"] > 1.0, 30)
        v = page.video()
        assert v["err"] is None and v["d"] == pytest.approx(10.0, abs=0.3)
        page.wait(lambda: browser.execute_script("const i = document.getElementById('timeline');"
                                                 "return i.complete && i.naturalWidth > 600;"), 60)
        assert "5 cuts" in page.el("#summary").text
        page.shot("scored-jazz-playing")

        # an edit, then undo: the page follows the session's head, the files come back
        page.say("slower in the second half")
        assert page.error() == ""
        page.wait(lambda: len(page.by_css("#versions li")) == 2)
        assert "BPM in the second half" in page.by_css("#chat-log li.v2m")[-1].text
        assert page.video()["src"].endswith("/v0002/bikes.scored.mp4")
        page.wait(lambda: page.video()["ready"] >= 1, 30)
        page.shot("after-edit")
        page.el("#undo").click()
        page.idle()
        page.wait(lambda: page.video()["src"].endswith("/v0001/bikes.scored.mp4"))
        assert page.by_css("#chat-log li.v2m")[-1].text == "Back to version 1."
        assert page.el("#versions li.current").text == "v1 (current)"
        page.shot("after-undo")

        # download the MIDI of the current version (v1) and read it back
        browser.execute_script("document.getElementById('downloads').scrollIntoView();")
        page.shot("downloads")
        page.el("#download-midi").click()
        midi = tmp_path / "downloads" / "score.mid"
        page.wait(lambda: midi.exists() and midi.stat().st_size > 0, 30)
        assert midi.read_bytes() == (root / sid / "v0001" / "score.mid").read_bytes()
        song = mido.MidiFile(str(midi))
        assert song.length == pytest.approx(10.0, abs=1.0)
        assert sum(m.type == "note_on" and m.velocity > 0 for t in song.tracks for m in t) > 50
        assert len(list((tmp_path / "screens").glob("*.png"))) == 7
