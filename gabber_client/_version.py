"""The version of gabber-client."""

__version__ = "0.1.0"
