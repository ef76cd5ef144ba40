#!/usr/bin/env python3
"""Executes a notebook top to bottom with nbclient, the way Jupyter's "Run All" does, headless.

    .venv-notebook/bin/python scripts/run-notebook.py notebooks/explore.ipynb OUT.ipynb [--timeout 120]

Run it with the python of the notebook's virtualenv (scripts/notebook-env.sh prints it): the kernel
is that environment's own `python3` kernel (installed there by `ipykernel install --sys-prefix`),
never one from the user's or the system's Jupyter folders, so the packages the notebook sees are the
pinned ones. Cells run with the notebook's folder as working directory and this process's
environment (ACTORGRAPH_URL included).

Writes the executed notebook, outputs included, to OUT in every case (up to the failing cell when one
fails). Exit codes: 0 every cell ran; 1 a cell raised or timed out (stderr names the cell, shows its
source and its error without colour codes); 2 usage error or no kernel could be started.
"""

import argparse
import os
import re
import sys
import tempfile

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

KERNEL_NAME = "python3"
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebook", help="notebook to execute")
    parser.add_argument("output", help="where to write the executed notebook")
    parser.add_argument("--timeout", type=int, default=120, help="seconds one cell may run (default 120)")
    parser.add_argument("--startup-timeout", type=int, default=120, help="seconds the kernel may take to start (default 120)")
    args = parser.parse_args()

    nb = nbformat.read(args.notebook, as_version=4)
    declared = nb.metadata.get("kernelspec", {}).get("name")
    if declared != KERNEL_NAME:
        print(f"run-notebook: {args.notebook} declares kernel {declared!r}; it must be {KERNEL_NAME!r}", file=sys.stderr)
        return 2

    # Only this environment's kernels: a python3 kernel in ~/.local/share/jupyter would otherwise win
    # and run the notebook with another interpreter's packages.
    spec_manager = KernelSpecManager(kernel_dirs=[os.path.join(sys.prefix, "share", "jupyter", "kernels")])
    spec = spec_manager.get_kernel_spec(KERNEL_NAME)
    print(f"run-notebook: kernel {KERNEL_NAME}: {' '.join(spec.argv)}", file=sys.stderr)
    km = AsyncKernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=spec_manager)
    if os.name == "posix":
        # Talk to the kernel over Unix sockets in a private folder rather than TCP ports on 127.0.0.1.
        sockets = tempfile.TemporaryDirectory(prefix="run-notebook-")
        km.transport, km.ip = "ipc", os.path.join(sockets.name, "kernel")

    client = NotebookClient(
        nb,
        km=km,
        kernel_name=KERNEL_NAME,
        timeout=args.timeout,
        startup_timeout=args.startup_timeout,
        allow_errors=False,
        record_timing=True,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(args.notebook))}},
    )
    status = 0
    try:
        client.execute(cleanup_kc=True)  # shut the kernel down at the end, even though we made its manager
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as err:
        status = 1
        print(describe_failure(nb, err, args.timeout), file=sys.stderr)
    except RuntimeError as err:  # the kernel did not start
        status = 2
        print(f"run-notebook: could not run {args.notebook}: {err}", file=sys.stderr)
    finally:
        nbformat.write(nb, args.output)
    if status == 0:
        ran = sum(1 for c in nb.cells if c.cell_type == "code")
        print(f"run-notebook: {ran} code cells ran without error; executed notebook in {args.output}", file=sys.stderr)
    return status


def describe_failure(nb, err, timeout: int) -> str:
    """Which cell failed, its source and its error, readable in a terminal or a test report."""
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    failed = next((c for c in code_cells if any(o.get("output_type") == "error" for o in c.get("outputs", []))), None)
    if isinstance(err, CellTimeoutError):
        # The timed-out cell is the first one without an execution count.
        failed = next((c for c in code_cells if c.get("execution_count") is None), failed)
        error = f"CellTimeoutError: the cell ran longer than {timeout} s"
    elif isinstance(err, DeadKernelError):
        error = f"DeadKernelError: {err}"
    else:
        error_output = next((o for o in failed.get("outputs", []) if o.get("output_type") == "error"), None) if failed else None
        if error_output:
            error = "\n".join(ANSI.sub("", line) for line in error_output.get("traceback", []))
            error = error or f"{error_output.get('ename')}: {error_output.get('evalue')}"
        else:
            error = ANSI.sub("", str(err))
    if failed is None:
        return f"run-notebook: execution failed: {error}"
    index = code_cells.index(failed) + 1
    return (
        f"run-notebook: code cell {index} of {len(code_cells)} (id {failed.get('id')!r}) failed\n"
        f"--- cell source ---\n{failed.source}\n--- error ---\n{error}"
    )


if __name__ == "__main__":
    sys.exit(main())
