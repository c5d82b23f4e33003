"""gabber-client: the typed Python client for the Gabber realtime API."""

from ._version import __version__

__all__ = ["__version__"]
