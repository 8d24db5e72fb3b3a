"""Files a build stage is still writing while the next stages run.

The maps' PDFs are most of the maps stage (typst, in worker processes) and the site is built in
this process: on two cores the site is built while the workers export, and it links the PDFs last,
once they are written. The stage knows every file's name from its plan before any is written.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Iterable, Iterator


class BackgroundFiles:
    """`names` (relative to `folder`), written by `work` in a thread of this process: it writes them
    one at a time and yields each name once its file is complete.

    `started`, which the work sets once its worker processes have taken this process's environment
    (parallel.ordered), is waited for before this returns: what the next stages set in the environment
    (mkdocs' SOURCE_DATE_EPOCH) never reaches the workers."""

    def __init__(self, folder: Path, names: Iterable[str], work: Iterator[str], started: threading.Event):
        self.folder, self.names = Path(folder), frozenset(names)
        self._work, self._started = work, started
        self._error: BaseException | None = None
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name=f"policykb-{self.folder.name}", daemon=True)
        self._thread.start()
        started.wait()

    def _run(self) -> None:
        try:
            for _ in self._work:
                if self._stopping:
                    break
        except BaseException as err:  # handed to whoever waits for the files
            self._error = err
        finally:
            self._work.close()  # a generator's own cleanup (its worker pool) runs here, in this thread
            self._started.set()  # failed before its workers started: nobody waits for that

    def finish(self) -> None:
        """Wait until every file is written; the work's error, if it failed."""
        self._thread.join()
        if self._error is not None:
            raise self._error

    def stop(self) -> None:
        """Stop writing (a later stage failed): what is being made is finished first, nothing more
        started, so that the staging folder can go."""
        self._stopping = True
        self._thread.join()
