"""Measure the pages: server time per page and what a phone downloads for /today.

Starts `runlift serve --demo` on SQLite in a temporary folder (the demo runner: a plan and
three weeks of log), signs in as the demo runner, then:

- per page, the median and p90 of the server's wall time per request (from the Server-Timing
  header the app adds to every page: time spent inside the app, without the network) over N
  requests, and the page's HTML size;
- for /today in Debian's Chromium at 390x844, the bytes transferred for a cold load (an empty
  profile) and a warm load (a reload: the service worker and HTTP cache in play), the number of
  requests, and every request to another host (there must be none).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx

PAGES = ("TODAY", "/plan", "/history", "/exercises", "/exercises/goblet-squat", "/coaches", "/")
TRAINING_DAY = "Log set"  # on /today only when the day has a session to log
MONDAY = dt.date.today() - dt.timedelta(days=dt.date.today().weekday())
REQUESTS = 60
WARM_UP = 5
STARTUP_SECONDS = 90
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
_TIMING = re.compile(r"app;dur=([0-9.]+)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@contextlib.contextmanager
def _server(folder: Path) -> Iterator[tuple[str, str, str]]:
    """`runlift serve --demo` on a free port: its base URL and the demo sign-in."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("RUNLIFT_")}
    env |= {"RUNLIFT_DATA_DIR": str(folder / "data"), "RUNLIFT_CACHE_DIR": str(folder / "cache")}
    env["RUNLIFT_DEV"] = "1"
    env["RUNLIFT_TODAY"] = MONDAY.isoformat()
    log = folder / "server.log"
    command = [str(Path(sys.executable).with_name("runlift")), "serve", "--demo"]
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*command, "--port", str(port)], env=env, stdout=out, stderr=subprocess.STDOUT
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the server did not start:\n{log.read_text()}")
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{base}/signin", timeout=2).status_code == 200:
                    break
            time.sleep(0.2)
        found = re.search(r"Demo sign-in: (\S+) / (\S+)", log.read_text())
        if found is None:
            raise SystemExit(f"no demo sign-in in the server's log:\n{log.read_text()}")
        yield base, found.group(1), found.group(2)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _signed_in(base: str, email: str, password: str) -> httpx.Client:
    """An HTTP client signed in through the sign-in form, as a browser would."""
    client = httpx.Client(base_url=base, timeout=30, follow_redirects=False)
    client.get("/signin")
    csrf = client.cookies.get("runlift_csrf", "")
    answer = client.post("/signin", data={"email": email, "password": password, "csrf": csrf})
    if answer.status_code != 303:
        raise SystemExit(f"sign-in failed: {answer.status_code} {answer.text[:200]}")
    return client


def _server_times(client: httpx.Client, path: str, count: int) -> tuple[int, list[float], int]:
    """The status, the app's own milliseconds per request, and the HTML size of a page."""
    for _ in range(WARM_UP):
        client.get(path)
    times: list[float] = []
    status = size = 0
    for _ in range(count):
        answer = client.get(path)
        status, size = answer.status_code, len(answer.content)
        found = _TIMING.search(answer.headers.get("server-timing", ""))
        if found:
            times.append(float(found.group(1)))
    return status, times, size


def _training_day(client: httpx.Client) -> str:
    """/today, or the latest day before it with a session to log: a rest day would measure an
    almost empty page. (The server's today is pinned to a Monday, a demo training day.)"""
    if TRAINING_DAY in client.get("/today").text:
        return "/today"
    for back in range(1, 7):
        path = f"/today?date={(MONDAY - dt.timedelta(days=back)).isoformat()}"
        if TRAINING_DAY in client.get(path).text:
            return path
    return "/today"


def _page_table(client: httpx.Client, count: int, today: str) -> None:
    print(f"server time per page ({count} requests each, after {WARM_UP} to warm up)")
    print(f"{'page':<26} {'status':>6} {'median ms':>10} {'p90 ms':>8} {'HTML bytes':>11}")
    for page in PAGES:
        path = today if page == "TODAY" else page
        status, times, size = _server_times(client, path, count)
        if not times:
            print(f"{path:<26} {status:>6} {'-':>10} {'-':>8} {size:>11}")
            continue
        ordered = sorted(times)
        p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
        print(f"{path:<26} {status:>6} {statistics.median(times):>10.2f} {p90:>8.2f} {size:>11}")


def _transfer(base: str, email: str, password: str, today: str) -> None:
    """Cold and warm loads of /today in Chromium: bytes on the wire, requests, other hosts.

    Cold: a fresh browser profile (empty cache, no service worker yet) with the session cookie.
    Warm: the same page loaded again, the service worker and HTTP cache in play. Every request
    the browser makes, the service worker's own included, is counted at the context; one the
    service worker answers from its cache costs no bytes on the wire.
    """
    from playwright.sync_api import Request, sync_playwright

    executable = shutil.which("chromium")
    if executable is None:
        print("chromium is not installed: no transfer figures (apt-get install chromium)")
        return
    signed = _signed_in(base, email, password)
    cookies = [
        {"name": name, "value": value, "url": base} for name, value in signed.cookies.items()
    ]
    signed.close()
    host = urlsplit(base).netloc
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=base)
        context.add_cookies(cookies)  # type: ignore[arg-type]
        page = context.new_page()
        for label in ("cold", "warm"):
            seen: list[Request] = []

            def finished(request: Request, found: list[Request] = seen) -> None:
                found.append(request)

            context.on("requestfinished", finished)
            page.goto(today, wait_until="networkidle")
            page.wait_for_timeout(500)  # let the service worker finish its own fetches
            context.remove_listener("requestfinished", finished)
            wire = 0
            for request in seen:
                response = request.response()
                if response is None or response.from_service_worker:
                    continue
                sizes = request.sizes()
                wire += sizes["responseBodySize"] + sizes["responseHeadersSize"]
            others = sorted({r.url for r in seen if urlsplit(r.url).netloc not in ("", host)})
            listed = f" ({', '.join(others)})" if others else ""
            print(
                f"{today} {label}: {wire / 1024:6.1f} KB over the network in {len(seen)} requests;"
                f" requests to other hosts: {len(others)}{listed}"
            )
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=REQUESTS, help="requests per page")
    parser.add_argument("--quick", action="store_true", help="fewer requests (for a smoke run)")
    args = parser.parse_args()
    count = 10 if args.quick else args.requests
    with tempfile.TemporaryDirectory() as folder, _server(Path(folder)) as (base, email, pw):
        print(f"runlift serve --demo (SQLite, 1 worker) at {base}; signed in as {email}")
        client = _signed_in(base, email, pw)
        try:
            today = _training_day(client)
            _page_table(client, count, today)
        finally:
            client.close()
        _transfer(base, email, pw, today)


if __name__ == "__main__":
    main()
