"""Work shared with worker processes: results in submission order, and a long stream read lazily."""
from __future__ import annotations

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
