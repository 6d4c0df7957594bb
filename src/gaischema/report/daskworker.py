"""What a ``report --scheduler`` run installs on the Dask workers: the end of their kept limited subprocesses.

Why: each Dask worker thread runs its files in one limited subprocess kept from task to task
(``sandbox.kept``), as the local pool keeps its workers. Such a subprocess must not outlive what it serves: the
run registers :class:`KeptPools` under a name of its own and unregisters it when it ends (normally or not),
and Dask calls its ``teardown`` then — or when the worker closes, if the client went away first. The
subprocesses also end with their thread (PR_SET_PDEATHSIG, and their pool collected) and at the worker's exit.
Imported only where the optional ``dask`` extra is installed (the client, and the workers that unpickle it).
"""

from __future__ import annotations

from distributed import WorkerPlugin

from gaischema import sandbox

__all__ = ["KeptPools"]


class KeptPools(WorkerPlugin):
    """Ends the worker's kept limited subprocesses that are idle (one still busy ends with its task's
    thread, or at the next teardown)."""

    def setup(self, worker) -> None:  # nothing is made ahead: a thread's subprocess starts at its first file
        return None

    def teardown(self, worker) -> None:
        sandbox.close_kept()
