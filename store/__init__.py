"""The strikemap event store: SQLite, one transaction per article, merged incidents (see ARCHITECTURE.md)."""
from extract.errors import StoreError
from store.query import EventFilter
from store.store import IngestResult, Store, content_hash, open_store

__all__ = ["open_store", "Store", "EventFilter", "IngestResult", "StoreError", "content_hash"]
