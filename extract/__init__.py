"""Extraction: news articles in, coded strike events out (see ARCHITECTURE.md)."""
