"""Samspil: a knowledge graph of Danish public-sector innovation."""

__version__ = "0.1.0"
