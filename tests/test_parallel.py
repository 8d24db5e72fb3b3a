"""Work shared with worker processes: results in submission order, and a long stream read lazily."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from policykb import parallel
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


def _pid_after(seconds: float) -> int:
    time.sleep(seconds)  # long enough that every worker of the pool takes a job
    return os.getpid()


def test_a_pool_started_beside_work_in_the_background_gets_the_other_cores(monkeypatch):
    """The letters written beside the maps: the two stages together have a worker a core, as one had
    (at a hundred documents, a worker more would be hundreds of megabytes more)."""
    monkeypatch.setattr(parallel, "worker_count", lambda: 2)
    jobs = [(i, 0.05) for i in range(4 * MIN_JOBS)]
    assert len({pid for _, pid in ordered(_pid_after, jobs)}) == 2
    with parallel.workers(MIN_JOBS, processes=1, held=True):  # the other stage's pool, in the background
        assert len({pid for _, pid in ordered(_pid_after, jobs)}) == 1
    assert len({pid for _, pid in ordered(_pid_after, jobs)}) == 2


def test_a_pool_started_beside_the_background_takes_every_core_once_it_is_done(monkeypatch):
    """The maps drawn beside the letters: once the letters are written, the rest of the maps are drawn
    by as many workers as there are cores, the first among them (it has the fonts loaded)."""
    monkeypatch.setattr(parallel, "worker_count", lambda: 2)
    jobs = [(i, 0.05) for i in range(6 * MIN_JOBS)]
    with parallel.workers(MIN_JOBS, processes=1, held=True):
        stream = ordered(_pid_after, jobs)
        beside = [pid for _, pid in (next(stream) for _ in range(MIN_JOBS))]
    after = [pid for _, pid in stream]
    assert len(set(beside)) == 1 and set(beside) < set(after) and len(set(after)) == 2
    assert len(beside + after) == len(jobs)


def test_work_in_the_background_keeps_the_workers_it_started_with(monkeypatch):
    """The maps' PDFs: one worker from start to end, the site's wait for them included (that worker
    then exports several at once, policykb.render.maps.draw: a second would load typst's fonts again)."""
    monkeypatch.setattr(parallel, "worker_count", lambda: 2)
    jobs = [(i, 0.05) for i in range(4 * MIN_JOBS)]
    assert len({pid for _, pid in ordered(_pid_after, jobs, started=threading.Event(), processes=1)}) == 1


def test_work_in_the_background_takes_its_cores_before_its_workers_start(monkeypatch, tmp_path):
    """The letters' core is theirs from the moment the stage hands them to the background: the maps'
    pool, started before the letters' own, still leaves it to them."""
    from policykb.background import BackgroundFiles

    monkeypatch.setattr(parallel, "worker_count", lambda: 2)
    go = threading.Event()

    def work(started, wanted):
        started.set()
        go.wait(30)  # its pool not started yet
        yield from ()

    jobs = [(i, 0.05) for i in range(4 * MIN_JOBS)]
    letters = BackgroundFiles(tmp_path, (), work, cores=1)
    assert len({pid for _, pid in ordered(_pid_after, jobs)}) == 1
    go.set()
    letters.finish()
    assert len({pid for _, pid in ordered(_pid_after, jobs)}) == 2


COMMAND_MODULE = '''
import os

with open(os.environ["IMPORTED_IN"], "a") as log:  # each process that imports this module
    log.write(f"{os.getpid()}\\n")


def main():
    from policykb import parallel
    from jobs import pid  # the jobs' own module, as each stage has its own
    if os.environ.get("PRELOAD"):
        parallel.preload(__name__)
    print(*{worker for _, worker in parallel.ordered(pid, [(i, i) for i in range(parallel.MIN_JOBS)])})
'''


def test_the_workers_of_a_console_script_do_not_import_the_command_line_again(tmp_path):
    """A console script imports the command line's module; multiprocessing runs the script again in
    every worker. Preloaded, the module is imported once in the forkserver instead (its CPU once)."""
    if worker_count() < 2:
        pytest.skip("one core: the jobs run in this process")
    (tmp_path / "command.py").write_text(COMMAND_MODULE, encoding="utf-8")
    (tmp_path / "jobs.py").write_text("import os\n\ndef pid(_):\n    return os.getpid()\n", encoding="utf-8")
    script = tmp_path / "console-script"  # as pip writes them: no .py, `main` from the package
    script.write_text("import sys\nfrom command import main\nif __name__ == '__main__':\n    sys.exit(main())\n",
                      encoding="utf-8")
    src = str(Path(parallel.__file__).parents[1])

    def importers(preload: bool) -> tuple[list[str], list[str]]:
        """The processes that imported the command's module; those that ran the jobs."""
        log = tmp_path / f"imported-{preload}"
        env = dict(os.environ, IMPORTED_IN=str(log), PRELOAD="1" if preload else "",
                   PYTHONPATH=os.pathsep.join([str(tmp_path), src]))
        done = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True, check=True)
        return log.read_text().split(), done.stdout.split()

    imported, workers = importers(preload=False)
    assert workers and set(workers) <= set(imported[1:])  # this process, then each worker again
    imported, workers = importers(preload=True)
    assert workers and len(imported) == 2 and not set(workers) & set(imported)  # this process, the forkserver


def test_the_command_line_preloads_itself_for_the_workers(monkeypatch):
    from policykb import cli
    monkeypatch.setattr(sys, "argv", ["policykb", "--version"])
    monkeypatch.setattr(parallel, "_PRELOAD", set())
    with pytest.raises(SystemExit):
        cli.main()
    assert "policykb.cli" in parallel._PRELOAD


def _imports_tabnanny(_) -> tuple[int, bool]:
    import tabnanny  # noqa: F401  (a module nothing else here imports)
    return os.getpid(), "tabnanny" in sys.modules


def test_work_apart_runs_in_a_process_that_keeps_its_imports():
    if worker_count() < 2:
        pytest.skip("one core: the work runs in this process")
    assert "tabnanny" not in sys.modules
    pid, imported_there = parallel.apart(_imports_tabnanny, None)
    assert pid != os.getpid() and imported_there and "tabnanny" not in sys.modules


def _frozen(_) -> int:
    import gc
    return gc.get_freeze_count()


@pytest.mark.skipif(worker_count() < 2, reason="workers need two cores")
def test_a_worker_freezes_what_it_has_from_the_server():
    """What a forked worker has from the forkserver (the preloaded modules) is never walked by its
    cycle collector, so those pages are not copied into each worker."""
    assert all(count > 0 for _, count in ordered(_frozen, [(i, i) for i in range(MIN_JOBS)]))


def test_the_heap_is_trimmed_after_a_big_job_or_many_small_ones(monkeypatch):
    """malloc_trim costs milliseconds: after each of a hundred small maps it was a quarter of a second of a
    build; a big job (a wall map) is still followed by one, and small ones once their bytes add up."""
    trims = []

    class Libc:
        def malloc_trim(self, pad):
            trims.append(pad)

    monkeypatch.setattr(parallel.sys, "platform", "linux")
    monkeypatch.setattr(parallel.ctypes, "CDLL", lambda name: Libc())
    monkeypatch.setattr(parallel, "_since_trim", 0)
    parallel.give_back_memory(parallel.TRIM_AFTER)
    assert len(trims) == 1
    for _ in range(7):
        parallel.give_back_memory(parallel.TRIM_AFTER // 8)
    assert len(trims) == 1
    parallel.give_back_memory(parallel.TRIM_AFTER // 8)
    assert len(trims) == 2
