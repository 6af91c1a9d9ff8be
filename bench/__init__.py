"""The benchmark: the app's pages under load beside a bare health check (`make bench`).

`python -m bench.run` builds a data set in a throwaway database, starts gunicorn as in
production, drives it with wrk and writes `bench-results.json`; `--small` is the smoke version
that `tests/cross/test_bench_smoke.py` runs. Pages to measure are listed in `bench/targets.py`.
"""
