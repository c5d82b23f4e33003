"""Without the ``fake`` extra (jsonschema, uvicorn), every entry point of the fake
says so in one line naming ``pip install "gabber-client[fake]"``, never with a raw
``ModuleNotFoundError`` from deep inside.

The extra is taken away in a fresh interpreter by ``sys.modules[name] = None``, the
documented way to make an import fail: ``import jsonschema`` then raises
``ModuleNotFoundError`` and ``importlib.util.find_spec`` answers ``None``, exactly
as when the distribution is not installed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

INSTALL = 'pip install "gabber-client[fake]"'
EXTRA = ("jsonschema", "referencing", "uvicorn")


def run(code: str, *, without: tuple[str, ...] = EXTRA) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter where the modules ``without`` cannot be imported."""
    prelude = "".join(f"sys.modules[{name!r}] = None\n" for name in without)
    script = f"import sys\n{prelude}{textwrap.dedent(code)}"
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )


def hint_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if INSTALL in line]


def test_the_simulation_really_removes_the_modules() -> None:
    result = run("import jsonschema")
    assert "ModuleNotFoundError" in result.stderr
    assert result.returncode == 1


@pytest.mark.parametrize("name", ["FakeGabber", "FakeTransport", "FakeASGIApp", "FakeServer"])
def test_first_use_of_the_fake_names_the_extra(name: str) -> None:
    result = run(
        f"""
        import gabber_client.testing  # importing the package itself needs nothing
        try:
            getattr(gabber_client.testing, {name!r})
        except ModuleNotFoundError as exc:  # also an ImportError
            print(type(exc).__name__, exc.name, exc, sep="|")
        """
    )
    assert result.returncode == 0, result.stderr
    kind, missing, message = result.stdout.strip().split("|")
    assert kind == "MissingFakeExtraError"
    assert missing == "jsonschema"
    assert message.endswith(f"from the 'fake' extra: {INSTALL}")
    assert "\n" not in message


def test_an_uncaught_missing_extra_is_one_line_without_a_traceback() -> None:
    result = run("from gabber_client.testing import FakeGabber\nFakeGabber()")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "MissingFakeExtraError: the local Gabber fake needs "
        f"jsonschema, from the 'fake' extra: {INSTALL}"
    ]


def test_other_uncaught_errors_keep_their_traceback() -> None:
    result = run(
        """
        try:
            from gabber_client.testing import FakeGabber
        except ImportError:
            pass
        raise KeyError("unrelated")
        """
    )
    assert result.returncode == 1
    assert result.stderr.startswith("Traceback (most recent call last):")
    assert result.stderr.strip().splitlines()[-1] == "KeyError: 'unrelated'"


def test_the_loopback_server_names_uvicorn_when_only_it_is_missing() -> None:
    result = run(
        """
        from gabber_client.testing import FakeGabber
        FakeGabber()  # in-process works with jsonschema alone
        try:
            from gabber_client.testing import FakeServer
        except ModuleNotFoundError as exc:
            print(exc)
        """,
        without=("uvicorn",),
    )
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout.strip()
        == f"the local Gabber fake needs uvicorn, from the 'fake' extra: {INSTALL}"
    )


def test_names_that_need_nothing_import_without_the_extra() -> None:
    result = run(
        """
        from gabber_client.testing import DEFAULT_API_KEY, Fault, RecordedRequest
        from gabber_client import Gabber
        print(DEFAULT_API_KEY, Fault(status=503).status)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["gabber-fake-key", "503"]


def test_gabber_fake_help_works_without_the_extra() -> None:
    result = run(
        """
        import runpy
        sys.argv = ["gabber-fake", "--help"]
        runpy.run_module("gabber_client.testing", run_name="__main__")
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: gabber-fake")
    assert INSTALL in " ".join(result.stdout.split())
    assert result.stderr == ""


def test_gabber_fake_without_the_extra_prints_one_line() -> None:
    result = run(
        """
        import runpy
        sys.argv = ["gabber-fake", "--port", "0"]
        runpy.run_module("gabber_client.testing", run_name="__main__")
        """
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "gabber-fake: the local Gabber fake needs jsonschema and uvicorn, from the 'fake' "
        f"extra: {INSTALL}\n"
    )


def test_the_pytest_fixtures_fail_with_the_hint(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(
        "import sys\n" + "".join(f"sys.modules[{name!r}] = None\n" for name in EXTRA)
    )
    pytester.makepyfile(
        """
        def test_with_fake(gabber_fake):
            pass

        def test_with_client(gabber):
            pass
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:randomly", "-p", "no:schemathesis")
    result.assert_outcomes(errors=2)
    assert len(hint_lines(result.stdout.str())) >= 2
    assert "During handling" not in result.stdout.str()
    # pytest.fail(pytrace=False): the hint, without a traceback into the plugin.
    assert "pytest_plugin.py" not in result.stdout.str()
