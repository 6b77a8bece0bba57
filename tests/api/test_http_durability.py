"""Durability over HTTP with real processes: the same client ids posted from two processes at
once store one set each, and a worker killed during a burst of POSTs loses no acknowledged set."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from test_sets_idempotent import a_set

from api_server import BACKENDS, Server, User, new_address, running_server, sign_up, with_plan

pytestmark = pytest.mark.slow

EXERCISES = ("push-up", "glute-bridge", "forward-lunge", "step-up", "single-leg-calf-raise")
TWIN_SETS = 20
BURST_THREADS = 4
BURST_SETS_PER_THREAD = 50
KILL_AFTER_ANSWERS = 40
RETRY_SECONDS = 90

# One posting process: reads its sets as JSON from argv, says "ready", waits for "go" on stdin,
# posts them in order and prints one JSON line per set: [client_id, status, set id or null].
POSTER = """
import json, sys
import httpx
url, token, address, bodies = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
headers = {"Authorization": "Bearer " + token, "X-Forwarded-For": address}
with httpx.Client(base_url=url, headers=headers, timeout=60) as http:
    http.get("/me").raise_for_status()
    print("ready", flush=True)
    sys.stdin.readline()
    for body in bodies:
        answer = http.post("/athletes/me/sets", json=body)
        stored = answer.json().get("id") if answer.status_code < 300 else None
        print(json.dumps([body["client_id"], answer.status_code, stored]), flush=True)
"""


@pytest.fixture(scope="module", params=BACKENDS)
def two_workers(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """`runlift serve --workers 2` over a new store, for this module."""
    folder = tmp_path_factory.mktemp(f"durability-{request.param}")
    with running_server(folder, str(request.param), workers=2) as running:
        yield running


def _athlete_with_plan(server: Server) -> User:
    headers = {"X-Forwarded-For": new_address()}
    with httpx.Client(base_url=f"{server.base_url}/api/v1", headers=headers, timeout=30) as http:
        user = sign_up(http)
        with_plan(http, user)
    return user


def _stored_ids(server: Server, user: User) -> list[int]:
    """Every stored set id of the user's athlete, read page by page."""
    ids: list[int] = []
    cursor: int | None = None
    with httpx.Client(base_url=f"{server.base_url}/api/v1", timeout=30) as http:
        while True:
            params: dict[str, int] = {"limit": 500} | ({"cursor": cursor} if cursor else {})
            answer = http.get("/athletes/me/sets", params=params, headers=user.headers)
            assert answer.status_code == 200, answer.text
            page = answer.json()
            ids += [item["id"] for item in page["items"]]
            cursor = page["next"]
            if cursor is None:
                return ids


def _sets(count: int) -> list[dict[str, object]]:
    return [a_set(exercise=EXERCISES[n % len(EXERCISES)], reps=5 + n % 10) for n in range(count)]


def test_the_same_client_ids_from_two_processes_store_one_set_each(two_workers: Server) -> None:
    ana = _athlete_with_plan(two_workers)
    bodies = _sets(TWIN_SETS)
    token = ana.headers["Authorization"].removeprefix("Bearer ")
    command = [sys.executable, "-c", POSTER, f"{two_workers.base_url}/api/v1", token]
    posters = [
        subprocess.Popen(
            [*command, new_address(), json.dumps(bodies)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for poster in posters:
        assert poster.stdout is not None
        assert poster.stdout.readline().strip() == "ready"
    for poster in posters:  # both start at once
        assert poster.stdin is not None
        poster.stdin.write("go\n")
        poster.stdin.flush()
    outputs = [poster.communicate(timeout=120)[0] for poster in posters]
    assert [poster.returncode for poster in posters] == [0, 0]
    answers: dict[str, list[tuple[int, int]]] = {}
    for output in outputs:
        for line in output.splitlines():
            client_id, status, stored = json.loads(line)
            answers.setdefault(client_id, []).append((status, stored))
    assert set(answers) == {str(body["client_id"]) for body in bodies}
    for client_id, pair in answers.items():
        assert sorted(status for status, _ in pair) == [200, 201], (client_id, pair)
        assert pair[0][1] == pair[1][1], (client_id, pair)
    stored = _stored_ids(two_workers, ana)
    assert sorted(stored) == sorted(pair[0][1] for pair in answers.values())


def _worker_pids(server: Server) -> list[int]:
    """The uvicorn worker processes of the server (its spawned children, not the tracker)."""
    pid = server.process.pid
    children: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children += [int(child) for child in (task / "children").read_text().split()]
    workers = []
    for child in children:
        with open(f"/proc/{child}/cmdline", "rb") as cmdline:
            if b"spawn_main" in cmdline.read():
                workers.append(child)
    return workers


class Burst:
    """Threads posting distinct sets, each retried with its own client id until it gets a 2xx."""

    def __init__(self, server: Server, user: User) -> None:
        self.server = server
        self.user = user
        self.lock = threading.Lock()
        self.acknowledged: dict[str, list[tuple[int, int]]] = {}
        self.failures = 0
        self.refusals: list[str] = []

    def post_all(self, bodies: list[dict[str, object]]) -> None:
        """Post each body until a 2xx; transport errors and 5xx are retried, 4xx recorded."""
        headers = self.user.headers | {"X-Forwarded-For": new_address()}
        deadline = time.monotonic() + RETRY_SECONDS
        http = httpx.Client(base_url=f"{self.server.base_url}/api/v1", headers=headers, timeout=30)
        try:
            for body in bodies:
                while time.monotonic() < deadline:
                    try:
                        answer = http.post("/athletes/me/sets", json=body)
                    except httpx.TransportError:
                        http.close()  # the connection may be to the killed worker
                        http = httpx.Client(
                            base_url=f"{self.server.base_url}/api/v1", headers=headers, timeout=30
                        )
                        self._failed()
                        continue
                    if answer.is_success:
                        self._acknowledge(str(body["client_id"]), answer)
                        break
                    if answer.status_code < 500:
                        with self.lock:
                            self.refusals.append(f"{answer.status_code} {answer.text}")
                        break
                    self._failed()
        finally:
            http.close()

    def _failed(self) -> None:
        with self.lock:
            self.failures += 1
        time.sleep(0.05)

    def _acknowledge(self, client_id: str, answer: httpx.Response) -> None:
        with self.lock:
            self.acknowledged.setdefault(client_id, []).append(
                (answer.status_code, answer.json()["id"])
            )

    def answered(self) -> int:
        with self.lock:
            return len(self.acknowledged)


def test_a_worker_killed_during_a_burst_loses_no_acknowledged_set(two_workers: Server) -> None:
    ana = _athlete_with_plan(two_workers)
    workers = _worker_pids(two_workers)
    assert len(workers) == 2, workers
    burst = Burst(two_workers, ana)
    bodies = _sets(BURST_THREADS * BURST_SETS_PER_THREAD)
    threads = [
        threading.Thread(target=burst.post_all, args=(bodies[n::BURST_THREADS],))
        for n in range(BURST_THREADS)
    ]
    for thread in threads:
        thread.start()
    while burst.answered() < KILL_AFTER_ANSWERS and any(t.is_alive() for t in threads):
        time.sleep(0.01)
    answered_before_kill = burst.answered()
    os.kill(workers[0], signal.SIGKILL)
    for thread in threads:
        thread.join()
    assert workers[0] not in _worker_pids(two_workers)
    assert burst.refusals == []
    assert answered_before_kill < len(bodies), "the kill came after the burst"
    assert set(burst.acknowledged) == {str(body["client_id"]) for body in bodies}
    for client_id, answers in burst.acknowledged.items():
        assert len({stored for _, stored in answers}) == 1, (client_id, answers)
    acknowledged_ids = sorted(answers[0][1] for answers in burst.acknowledged.values())
    assert len(set(acknowledged_ids)) == len(burst.acknowledged)
    assert sorted(_stored_ids(two_workers, ana)) == acknowledged_ids
