"""cleaner.dask on a real LocalCluster of two worker processes: same output as one process."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cleaner.batch.records import Record
from cleaner.batch.worker import CleanSettings, clean_records
from cleaner.cli import main
from tests.conftest import FIXTURES

dask_bag = pytest.importorskip("dask.bag")
dask_dataframe = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

PAGES = sorted(FIXTURES.glob("10*.html"))
TEXTS = sorted(FIXTURES.glob("00*.txt"))


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    with distributed.Client(cluster) as dask_client:
        yield dask_client
    cluster.close()


def items() -> list[dict[str, str]]:
    pages = [
        {"id": p.stem, "url": f"https://news.example/{p.stem}", "html": p.read_text("utf-8")}
        for p in PAGES
    ]
    return pages + [{"id": p.stem, "text": p.read_text("utf-8")} for p in TEXTS]


def test_cli_on_the_cluster_matches_one_process(client: Any, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(o) + "\n" for o in items() * 3), encoding="utf-8")
    local, dask_out = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert main(["clean", str(corpus), "-o", str(local), "-j", "1"]) == 0
    address = client.scheduler.address
    assert main(["clean", str(corpus), "-o", str(dask_out), "--dask", address]) == 0
    assert dask_out.read_bytes() == local.read_bytes()
    workers = client.run(lambda: __import__("os").getpid())
    assert len(set(workers.values())) == 2  # two worker processes took part


def test_clean_bag_matches_one_process(client: Any) -> None:
    from cleaner.dask import clean_bag

    raw = [p.read_bytes() for p in PAGES] + [p.read_text("utf-8") for p in TEXTS]
    mixed = raw + items()
    bag = dask_bag.from_sequence(mixed, npartitions=4)
    got = clean_bag(bag).compute(scheduler=client.get)
    expected = clean_records(
        CleanSettings(),
        [Record(id=None, source=None, raw=r) for r in raw]
        + [
            Record(
                id=o["id"],
                source=None,
                raw=o.get("html") or o["text"],
                url=o.get("url"),
                format="html" if "html" in o else None,
            )
            for o in items()
        ],
    )
    assert got == expected
    assert got[len(raw)]["id"] == PAGES[0].stem


def test_clean_dataframe_adds_columns(client: Any) -> None:
    from cleaner.dask import clean_dataframe

    frame = pd.DataFrame(
        {
            "html": [p.read_text("utf-8") for p in PAGES],
            "url": [f"https://news.example/{p.stem}" for p in PAGES],
            "n": range(len(PAGES)),
        }
    )
    ddf = dask_dataframe.from_pandas(frame, npartitions=2)
    result = clean_dataframe(ddf, columns=("text", "title", "status"), prefix="clean_").compute(
        scheduler=client.get
    )
    assert list(result.columns) == ["html", "url", "n", "clean_text", "clean_title", "clean_status"]
    goldens = [json.loads(p.with_name(p.stem + ".expected.json").read_text()) for p in PAGES]
    assert list(result["clean_title"]) == [g["title"] for g in goldens]
    assert list(result["clean_status"]) == ["ok"] * len(PAGES)
    assert list(result["n"]) == list(range(len(PAGES)))


def test_clean_dataframe_refuses_to_overwrite_columns() -> None:
    from cleaner.dask import clean_dataframe

    ddf = dask_dataframe.from_pandas(pd.DataFrame({"html": ["<p>x</p>"], "text": ["t"]}), 1)
    with pytest.raises(ValueError, match="already exist"):
        clean_dataframe(ddf, url_column=None)
    with pytest.raises(ValueError, match="not result fields"):
        clean_dataframe(ddf, url_column=None, columns=("removed",), prefix="c_")


def test_cli_dask_local_starts_and_stops_its_own_cluster(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(o) + "\n" for o in items()), encoding="utf-8")
    local, dask_out = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert main(["clean", str(corpus), "-o", str(local), "-j", "1"]) == 0
    assert main(["clean", str(corpus), "-o", str(dask_out), "--dask", "local", "-j", "2"]) == 0
    assert dask_out.read_bytes() == local.read_bytes()
