"""Translations of notices: which are missing or behind the English, and their admin."""
