"""The web interface: the JSON API under /api/v1 (FastAPI), built by `app.create_app`."""
