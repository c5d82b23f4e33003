"""gabber-client's benchmarks: ``python -m benchmarks`` (or ``make bench``).

Every figure is a ratio against a floor measured in the same run, side by side:
candidate and baseline samples are interleaved and summarised by medians (see
``_timing.compare``). One module per figure, each with ``run(sizes) -> rows``:

1. :mod:`.import_time`: ``import gabber_client`` vs ``import httpx``.
2. :mod:`.parse`: models from a 1,000-session list page vs ``json.loads``.
3. :mod:`.inprocess`: ``client.realtime.get`` vs raw httpx, in-process transport.
4. :mod:`.loopback`: the same against a canned server on 127.0.0.1 (latency,
   and throughput of 1,000 concurrent async calls).
5. :mod:`.memory`: peak memory iterating 100,000 vs 1,000 sessions.
6. :mod:`.fake_server`: the fake's ``get`` throughput vs the canned server's.
"""
