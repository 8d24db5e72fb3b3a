"""Work shared with worker processes: results in submission order, and a long stream read lazily."""
from __future__ import annotations

import os

from policykb.parallel import IN_FLIGHT, MIN_JOBS, ordered, worker_count


def test_results_in_order_with_skipped_jobs():
    jobs = [(i, None if i % 3 == 0 else -i) for i in range(50)]  # None: nothing to do (e.g. a reused letter)
    assert list(ordered(abs, jobs)) == [(i, None if i % 3 == 0 else i) for i in range(50)]
    assert list(ordered(abs, jobs[:4])) == [(0, None), (1, 1), (2, 2), (3, None)]  # too few for workers
    assert list(ordered(abs, [])) == []


def test_a_long_stream_is_read_only_a_little_ahead():
    pulled = []

    def jobs():
        for i in range(2000):
            pulled.append(i)
            yield i, -i

    stream = ordered(abs, jobs())
    assert next(stream) == (0, 0)
    assert len(pulled) <= MIN_JOBS + IN_FLIGHT * worker_count()
    assert list(stream) == [(i, i) for i in range(1, 2000)]


def test_workers_start_with_the_environment_and_folder_the_parent_has_now(monkeypatch, tmp_path):
    """Workers forked from a server started earlier still see what the parent set since (a stage's
    FONTCONFIG_FILE, a test's POLICYKB_MAP_EXPORTER), as spawned ones would."""
    jobs = [(i, "POLICYKB_PARALLEL_TEST") for i in range(MIN_JOBS)]
    monkeypatch.setenv("POLICYKB_PARALLEL_TEST", "before")
    assert {value for _, value in ordered(os.getenv, jobs)} == {"before"}  # the server runs from here on
    monkeypatch.setenv("POLICYKB_PARALLEL_TEST", "after")
    monkeypatch.chdir(tmp_path)
    assert {value for _, value in ordered(os.getenv, jobs)} == {"after"}
    assert {path for _, path in ordered(os.path.abspath, [(i, ".") for i in range(MIN_JOBS)])} == {str(tmp_path)}
