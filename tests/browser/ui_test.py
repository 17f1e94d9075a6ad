"""The web UI of `warta serve` in a real browser (Debian's Chromium driven by
Playwright): load the page, type a query, click a province, check the hits,
snippets and counts against `warta search --json`, draw the timeline,
download the CSVs, open a hostile article, and keep screenshots.

Usage: ui_test.py BASE_URL EXPECTED.json OUT_DIR
EXPECTED.json holds {"query", "province", "search": <warta search --json>,
"hostile_id"}.
"""

import csv
import io
import json
import sys
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def ready(page):
    page.wait_for_selector("body[data-state=ready]", timeout=30_000)


def main():
    base, expected_path, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    out.mkdir(parents=True, exist_ok=True)
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    want = expected["search"]
    dialogs = []
    outside = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base) and not r.url.startswith("blob:") else None)
        page.on("pageerror", lambda e: (_ for _ in ()).throw(AssertionError(f"script error: {e}")))

        page.goto(f"{base}/?lang=en")
        ready(page)
        page.fill("#q", expected["query"])
        page.press("#q", "Enter")
        ready(page)
        page.click(f"section[data-facet=province] button[data-value=\"{expected['province']}\"]")
        ready(page)
        assert expected["province"] in page.inner_text("#chips"), page.inner_text("#chips")
        assert "province=" in page.url and "q=" in page.url, page.url

        total = int(page.get_attribute("#total", "data-total"))
        assert total == want["total"], (total, want["total"])
        ids = page.eval_on_selector_all("article.hit", "els => els.map(e => e.dataset.id)")
        assert ids == [h["id"] for h in want["hits"]], (ids, [h["id"] for h in want["hits"]])
        marks = page.eval_on_selector_all("article.hit:first-of-type mark", "els => els.map(e => e.textContent)")
        first = want["hits"][0]["snippets"][0]
        chars = list(first["text"])
        assert marks[: len(first["highlights"])] == ["".join(chars[a:b]) for a, b in first["highlights"]], marks
        counts = page.eval_on_selector_all(
            "section[data-facet=program] li button",
            "els => els.map(e => [e.dataset.value, e.querySelector('.count').textContent])")
        assert counts == [[v["value"], f"{v['count']:,}"] for v in want["facets"]["program"]], counts
        page.screenshot(path=str(out / "warta-ui.png"), full_page=False)

        # Every match as CSV.
        with page.expect_download() as d:
            page.click("a.export[data-format=csv]")
        exported = Path(d.value.path()).read_text(encoding="utf-8")
        assert exported.startswith("\ufeff"), "a byte order mark for Excel"
        rows = list(csv.reader(io.StringIO(exported[1:])))
        assert rows[0][0] == "id" and len(rows) == total + 1, (rows[:2], total)
        d.value.save_as(out / "export.csv")

        # Attention over time, and its CSV.
        page.click("#tab-timeline")
        ready(page)
        assert page.locator("svg.chart polyline").count() >= 1
        with page.expect_download() as d:
            page.click("#timeline-csv")
        timeline = list(csv.reader(io.StringIO(Path(d.value.path()).read_text(encoding="utf-8"))))
        assert timeline[0] == ["query", "period", "start", "count", "all", "share"], timeline[0]
        assert sum(int(r[3]) for r in timeline[1:]) >= 1
        page.screenshot(path=str(out / "warta-timeline.png"))

        # Back returns to the filtered search.
        page.go_back()
        ready(page)
        assert int(page.get_attribute("#total", "data-total")) == total

        # Every article by month: those no month holds (undated, dated only to the year) are
        # listed under the chart with the API's counts.
        page.goto(f"{base}/?view=timeline&lang=en&by=month")
        ready(page)
        with urllib.request.urlopen(f"{base}/api/timeline?by=month") as r:
            series = json.load(r)["series"][0]
        listed = page.inner_text("#timeline-outside")
        if series["undated"] + series["coarser"]:
            assert f"{series['undated']} undated, {series['coarser']} dated only" in listed, (listed, series)
        else:
            assert listed.strip() == "", listed

        # A hostile article: its markup is shown as text and never runs.
        page.goto(f"{base}/?view=article&id={expected['hostile_id']}")
        ready(page)
        title = page.text_content("#article-title")
        assert "<script>" in title, title
        assert page.locator(".article script, .article img").count() == 0
        assert dialogs == [], dialogs

        # Usable at 360 px: nothing wider than the screen.
        small = browser.new_context(viewport={"width": 360, "height": 740})
        phone = small.new_page()
        phone.goto(f"{base}/?q={expected['query']}")
        ready(phone)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, width
        phone.screenshot(path=str(out / "warta-360.png"))
        browser.close()
    assert not outside, f"requests to other hosts: {outside}"
    print(f"ok: {total} hits, {len(timeline) - 1} timeline rows, screenshots in {out}")


if __name__ == "__main__":
    main()
