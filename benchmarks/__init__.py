"""gabber-client's benchmarks: ``python -m benchmarks`` (or ``make bench``).

Every figure is a ratio against a baseline measured in the same run, side by side:
candidate and baseline samples are interleaved and summarised by medians (see
``_timing``). One module per figure, each with ``run(sizes) -> rows``:

1. :mod:`.import_time`: ``import gabber_client`` vs ``import httpx``.
2. :mod:`.cold_start`: a fresh process's first ``get`` vs raw httpx, same steps.
3. :mod:`.parse`: a 1,000-session page (earlier pages kept alive) and one session
   vs ``json.loads``.
4. :mod:`.inprocess`: ``get`` and ``start`` vs raw httpx over ``httpx.MockTransport``;
   ``with_options()``/``for_human()`` per request.
5. :mod:`.loopback`: ``get`` p50/p99 (sync, async) and async throughput at 10, 50
   and 100 concurrent calls against a canned server on 127.0.0.1.
6. :mod:`.memory`: peak memory iterating 100,000 vs 1,000 sessions.
7. :mod:`.fake_server`: the fake's ``get`` throughput vs the canned server's.

See ``benchmarks/README.md`` for the method and the figures of a full run.
"""
