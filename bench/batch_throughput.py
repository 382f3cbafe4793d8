"""Batch throughput: records/s of `cleaner clean` on a WARC and a JSONL, by backend.

What it measures
----------------
The 181 pages of the public article-extraction benchmark (`--data DIR`, holding
`html/*.html.gz` and `ground-truth.json`, whose urls are used) are replicated
into a temporary WARC.gz (one gzipped response record per page) and a JSONL
({id, url, html} per line) of `--records` records each (default 5,000). Every
configuration then runs the real command in a fresh process,

    cleaner clean INPUT -o OUT.jsonl --jobs 1
    cleaner clean INPUT -o OUT.jsonl --jobs 2
    cleaner clean INPUT -o OUT.jsonl --dask local --jobs 2

and the table gives, per input and configuration: wall-clock seconds (process
start, rule compile, pool or cluster start included), records/s and MB/s of
HTML over that wall time, the records/s the run itself reports once its
workers are up, the CPU seconds of the whole process tree (on a busy machine
the fairer comparison: equal CPU seconds for 1 and 2 jobs mean the parallel
run wastes nothing), the peak resident memory of the whole process tree (the
command, its pool workers, the Dask scheduler, nanny and worker processes;
sampled every 50 ms with psutil) and the speed-up over `--jobs 1`. Outputs of
the configurations are compared byte for byte; any difference is reported.

Targets: `--jobs 2` at least 1.8x `--jobs 1` on a 2-core machine; peak memory
flat in the number of records (try `--records 20000`). CPU figures are only
meaningful on an otherwise idle machine.

How to run
----------
From the repository root, with the project installed with the `dask`, `warc`
and `bench` extras::

    python bench/batch_throughput.py --data ../shared/bench/scrapinghub
    python bench/batch_throughput.py --records 20000 --formats warc --configs j1 j2

Options: `--formats warc jsonl`, `--configs j1 j2 dask`, `--keep DIR` writes
the inputs and outputs to DIR instead of a temporary folder.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil

from cleaner.batch.warc_write import Page, write_warc

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "bench" / "scrapinghub"
CONFIGS = {
    "j1": ["--jobs", "1"],
    "j2": ["--jobs", "2"],
    "dask": ["--dask", "local", "--jobs", "2"],
}
_RATE = re.compile(r"\(([\d,.]+) records/s")


@dataclass(frozen=True)
class Run:
    """One timed run of the command."""

    seconds: float
    cpu_seconds: float
    peak_rss: int
    reported_rate: float | None
    output: Path


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    pages = load_pages(args.data)
    if args.keep:
        Path(args.keep).mkdir(parents=True, exist_ok=True)
        return measure(args, pages, Path(args.keep))
    with tempfile.TemporaryDirectory(prefix="cleaner-batch-bench-") as workdir:
        return measure(args, pages, Path(workdir))


def measure(args: argparse.Namespace, pages: list[Page], workdir: Path) -> int:
    """Build the inputs in `workdir`, run every configuration on each and print the table."""
    inputs = build_inputs(workdir, pages, args.records, args.formats)
    megabytes = sum(len(page.body) for page in replicate(pages, args.records)) / 1e6
    print(
        f"{args.records:,} records ({megabytes:,.1f} MB of HTML) from {len(pages)} pages; "
        f"inputs in {workdir}"
    )
    print(
        f"{'input':<6} {'config':<5} {'wall s':>7} {'rec/s':>7} {'MB/s':>6} "
        f"{'rec/s in run':>12} {'CPU s':>6} {'peak RSS MB':>11} {'speed-up':>8}"
    )
    for kind, path in inputs.items():
        runs = {}
        for config in args.configs:
            run = timed_run(path, workdir / f"out-{kind}-{config}.jsonl", CONFIGS[config])
            runs[config] = run
            base = runs.get("j1")
            speedup = f"{base.seconds / run.seconds:.2f}x" if base else "-"
            reported = f"{run.reported_rate:,.1f}" if run.reported_rate else "-"
            print(
                f"{kind:<6} {config:<5} {run.seconds:7.1f} {args.records / run.seconds:7.1f} "
                f"{megabytes / run.seconds:6.2f} {reported:>12} {run.cpu_seconds:6.1f} "
                f"{run.peak_rss / 2**20:11.0f} {speedup:>8}",
                flush=True,
            )
        report_differences(kind, runs)
    return 0


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="benchmark folder")
    parser.add_argument("--records", type=int, default=5000, help="records per input")
    kinds = ["warc", "jsonl"]
    parser.add_argument("--formats", nargs="+", choices=kinds, default=kinds)
    parser.add_argument("--configs", nargs="+", choices=list(CONFIGS), default=list(CONFIGS))
    parser.add_argument("--keep", metavar="DIR", help="write inputs and outputs here")
    return parser.parse_args(argv)


def load_pages(data: Path) -> list[Page]:
    """The benchmark pages with their urls from the ground truth, in file-name order."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for path in sorted((data / "html").glob("*.html.gz")):
        key = path.name.split(".", 1)[0]
        url = truth.get(key, {}).get("url") or f"https://bench.example/{key}"
        pages.append(Page(url=url, body=gzip.decompress(path.read_bytes())))
    if not pages:
        raise SystemExit(f"no html/*.html.gz under {data}")
    return pages


def replicate(pages: list[Page], count: int) -> Iterator[Page]:
    """`count` pages cycling through `pages`, each copy's url made unique."""
    for number in range(count):
        page = pages[number % len(pages)]
        yield Page(url=f"{page.url}#copy-{number}", body=page.body)


def build_inputs(workdir: Path, pages: list[Page], count: int, kinds: list[str]) -> dict[str, Path]:
    inputs: dict[str, Path] = {}
    if "warc" in kinds:
        inputs["warc"] = workdir / "pages.warc.gz"
        write_warc(str(inputs["warc"]), replicate(pages, count))
    if "jsonl" in kinds:
        inputs["jsonl"] = workdir / "pages.jsonl"
        with inputs["jsonl"].open("w", encoding="utf-8") as stream:
            for number, page in enumerate(replicate(pages, count)):
                html = page.body.decode("utf-8", "replace")
                record = {"id": f"page-{number}", "url": page.url, "html": html}
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return inputs


def timed_run(source: Path, output: Path, extra: list[str]) -> Run:
    """Run the command once, sampling the memory of its whole process tree."""
    command = [sys.executable, "-m", "cleaner", "clean", str(source), "-o", str(output)]
    command += [*extra, "--no-progress", "--summary"]
    cpu_before = children_cpu()
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = sample_peak_rss(process)
    stderr = process.stderr.read().decode() if process.stderr else ""
    code = process.wait()
    seconds = time.perf_counter() - started
    cpu_seconds = children_cpu() - cpu_before
    if code != 0:
        raise SystemExit(f"{' '.join(command)} exited {code}:\n{stderr}")
    match = _RATE.search(stderr)
    rate = float(match.group(1).replace(",", "")) if match else None
    return Run(seconds, cpu_seconds, peak, rate, output)


def children_cpu() -> float:
    """User + system CPU seconds of every finished descendant (workers roll up on wait)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def sample_peak_rss(process: subprocess.Popen[bytes]) -> int:
    """The largest summed RSS of the process and its descendants until it exits."""
    root = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            total = 0
            for member in tree:
                try:
                    total += member.memory_info().rss
                except psutil.Error:
                    continue
            peak = max(peak, total)
        except psutil.Error:
            break
        time.sleep(0.05)
    return peak


def report_differences(kind: str, runs: dict[str, Run]) -> None:
    outputs = {name: run.output.read_bytes() for name, run in runs.items()}
    first_name, first = next(iter(outputs.items()))
    for name, data in outputs.items():
        if data != first:
            print(f"  {kind}: output of {name} differs from {first_name}!")
    if len(outputs) > 1 and all(data == first for data in outputs.values()):
        print(f"  {kind}: outputs of {', '.join(outputs)} are identical")


if __name__ == "__main__":
    sys.exit(main())
