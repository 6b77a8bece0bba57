"""Presenters for the terminal: text, tables and markdown."""
