"""Files a build stage is still writing while the next stages run.

The maps' PDFs are most of the maps stage (typst, in worker processes) and the site is built in
this process: on two cores the site is built while the workers export, and it links the PDFs last,
once they are written. The stage knows every file's name from its plan before any is written.
The letters are rendered while the maps are drawn, each stage with a worker; the site, which
previews and links every letter, waits for all of them first.
"""
from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import parallel


class BackgroundFiles:
    """Files of `folder`, written in a thread of this process by `work(started, wanted)`: it writes them
    one at a time and yields each name once its file is complete. `names` are those that later stages
    may link before they are written (the maps' PDFs); a stage that needs the others waits (`finish`).

    The work sets `started` once its worker processes have taken this process's environment
    (parallel.ordered): that is waited for before this returns, so that what the next stages set in the
    environment (mkdocs' SOURCE_DATE_EPOCH) never reaches the workers. `wanted` is set once someone
    waits for the files: this process has nothing else to do then, the work may use every core.
    `cores`: those its workers take, from now until it is done (parallel.hold): pools that later stages
    start meanwhile get the others, even if they start before the work's own."""

    def __init__(self, folder: Path, names: Iterable[str],
                 work: Callable[[threading.Event, threading.Event], Iterator[str]], cores: int = 0):
        self.folder, self.names = Path(folder), frozenset(names)
        self._started, self._wanted = threading.Event(), threading.Event()
        self._work = work(self._started, self._wanted)
        self._cores = cores
        parallel.hold(cores)  # given back when the work is done (_run)
        self._error: BaseException | None = None
        self._stopping = False
        self.ended: float | None = None  # time.perf_counter() when the last file was written
        self._thread = threading.Thread(target=self._run, name=f"policykb-{self.folder.name}", daemon=True)
        self._thread.start()
        self._started.wait()

    def _run(self) -> None:
        try:
            for _ in self._work:
                if self._stopping:
                    break
        except BaseException as err:  # handed to whoever waits for the files
            self._error = err
        finally:
            self._work.close()  # a generator's own cleanup (its worker pool) runs here, in this thread
            parallel.release(self._cores)
            self.ended = time.perf_counter()
            self._started.set()  # failed before its workers started: nobody waits for that

    def finish(self) -> None:
        """Wait until every file is written; the work's error, if it failed."""
        self._wanted.set()
        self._thread.join()
        if self._error is not None:
            raise self._error

    def stop(self) -> None:
        """Stop writing (a later stage failed): what is being made is finished first, nothing more
        started, so that the staging folder can go."""
        self._stopping = True
        self._thread.join()
