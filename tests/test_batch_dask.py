"""The same batch on a Dask local cluster (the optional ``distributed`` extra)."""

from __future__ import annotations

import os

import pytest

from pipeline.library.store import Store
from pipeline.run.batch import run_batch
from pipeline.types import BatchOptions

from .conftest import SAMPLE_NAMES
from .storehelp import consent_pair, truth_analyze
from .test_batch import folder  # noqa: F401  (fixture)

pytest.importorskip("distributed", reason="the 'distributed' extra is not installed")


@pytest.mark.parametrize("shared_files", [True, False], ids=["paths", "bytes"])
def test_batch_on_a_local_dask_cluster(folder, tmp_path, truths, shared_files):  # noqa: F811
    opts = BatchOptions(workers=1, engine="dask", shared_files=shared_files)
    with Store(f"sqlite:///{tmp_path / 'lib.db'}", data_dir=tmp_path / "data") as store:
        items = run_batch(folder, store=store, consent=consent_pair(), analyze=truth_analyze, batch=opts)
        status = {os.path.basename(i.path): i for i in items}
        assert status["corrupt.wav"].status == "failed" and "corrupt.wav" in status["corrupt.wav"].reason
        for n in SAMPLE_NAMES:
            item = status[f"{n}.flac"]
            assert item.status == "stored", item
            report = store.load_report(item.session_id)
            assert report.source_name == f"{n}.flac"
            assert len(report.turns) == len(truths[n]["turns"])
            assert store.audio_bytes(item.session_id) == (folder / f"{n}.flac").read_bytes()
        again = run_batch(folder, store=store, consent=consent_pair(), analyze=truth_analyze, batch=opts)
        assert [i.status for i in again] == ["failed", "skipped", "skipped", "skipped"]
