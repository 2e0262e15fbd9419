"""Casebook: teach a business case with numbers."""

__version__ = "0.1.0"
