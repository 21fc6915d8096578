"""Extract a corpus sharded across the workers of a Dask cluster (docs/dask.md).

    python docs/examples/dask_recipe.py REPORTS_FOLDER OUT_FOLDER [SCHEDULER_ADDRESS]

Without a scheduler address it starts a local cluster of two worker processes.
"""
import json
import pathlib
import sys

import dask.bag as db
import pandas as pd
from dask.distributed import Client, LocalCluster

import govextract


def extract_one(path):
    """One document -> its batch result (an error is recorded, never raised)."""
    (result,) = govextract.extract_many([pathlib.Path(path)])
    return result


def as_record(result):
    if result.report is None:
        return json.dumps({"source": result.source, "error": result.error}, ensure_ascii=False)
    return json.dumps({"source": result.source, "report": result.report.to_dict()}, ensure_ascii=False)


def run(folder, out, client):
    paths = sorted(str(p) for p in pathlib.Path(folder).glob("*.txt"))
    shards = max(1, 4 * len(client.scheduler_info()["workers"]))
    results = db.from_sequence(paths, npartitions=min(shards, len(paths))).map(extract_one)
    results = results.persist()                     # extract once, use twice
    # 1. every report as JSON lines, one file per shard
    results.map(as_record).to_textfiles(f"{out}/reports-*.jsonl", encoding="utf-8")
    # 2. the targets table, built on the workers one shard at a time
    frames = results.map_partitions(lambda part: [govextract.to_frame(list(part), "targets")]).compute()
    targets = pd.concat(frames, ignore_index=True)
    # 3. the panel of targets against outcomes needs every report of a region: gather the reports
    panel = govextract.panel([(r.source, r.report) for r in results.compute() if r.report is not None])
    return targets, panel


if __name__ == "__main__":
    folder, out = sys.argv[1], sys.argv[2]
    if len(sys.argv) > 3:
        client = Client(sys.argv[3])
    else:
        client = Client(LocalCluster(n_workers=2, threads_per_worker=1, processes=True))
    targets, panel = run(folder, out, client)
    targets.to_csv(f"{out}/targets.csv", index=False)
    panel.to_csv(f"{out}/panel.csv", index=False)
    print(f"{len(targets)} targets, {int(panel['outcome'].notna().sum())} with outcomes -> {out}")
