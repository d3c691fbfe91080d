"""The dashboard: a FastAPI app over a store, opened read-only (``dragoman serve``)."""
