"""The web page and HTTP API (`exporter serve`): the same pipeline as the CLI, behind an ASGI app.

`app.py` holds the routes, `jobs.py` the work done in worker processes, `page.py` the report page.
"""
