"""The dashboard app: HTML pages and the JSON API behind each, over one store.

Every page has a JSON twin under ``/api`` (the OpenAPI schema is at ``/openapi.json``
and rendered, without any external script, at ``/docs``). The store is opened read-only
for each request; article-derived text is only ever rendered through autoescaping
templates; query parameters are bounded (page size, query length) and checked, with a
clear 4xx when they are wrong.
"""

import queue
import sqlite3
from collections.abc import Iterator
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from markupsafe import Markup

from .. import __version__, _evidence as evidence
from .._errors import StoreError
from . import queries as Q
from .highlight import highlight, spans_of
from .templating import environment

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
DATE = r"^\d{4}-\d{2}-\d{2}$"
CODE = r"^[A-Za-z]{2,12}$"

Limit = Annotated[int, Query(ge=1, le=Q.MAX_LIMIT, description="Page size (at most 200).")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Rows to skip.")]
Day = Annotated[str | None, Query(pattern=DATE, description="YYYY-MM-DD")]
Text = Annotated[str | None, Query(max_length=Q.MAX_QUERY)]
ActorCode = Annotated[str | None, Query(pattern=CODE, description="Actor, e.g. RUS or NATO")]


def _plotly_js() -> Path:
    return Path(str(resources.files("plotly") / "package_data" / "plotly.min.js"))


def _check_day(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(422, f"{name} is not a calendar date: {value!r}") from None


def _dyad(value: str) -> str:
    try:
        return Q.parse_dyad(value)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None


def create_app(db: str | Path) -> FastAPI:
    """The dashboard over the store at ``db`` (checked now; opened read-only per request).

    Raises:
        StoreError: ``db`` is not a readable dragoman store.
    """
    db = str(db)
    evidence.connect(db).close()  # fail at start, not at the first request
    app = FastAPI(title="dragoman dashboard", version=__version__, docs_url=None,
                  redoc_url=None, description="Trends, events, quotes and actors of a "
                  "dragoman store, each record linked to the sentence it came from.")
    env = environment()

    pool: queue.SimpleQueue[sqlite3.Connection] = queue.SimpleQueue()

    def conn() -> Iterator[sqlite3.Connection]:
        # one read-only connection per request at a time, reused across requests;
        # each statement reads the latest committed state (WAL), so ingests show up
        try:
            c = pool.get_nowait()
        except queue.Empty:
            c = evidence.connect(db)
        try:
            yield c
        finally:
            pool.put(c)

    Conn = Annotated[sqlite3.Connection, Depends(conn)]

    def page(request: Request, template: str, status: int = 200, **ctx) -> HTMLResponse:
        html = env.get_template(template).render(request_path=request.url.path, **ctx)
        return HTMLResponse(html, status_code=status)


    def _error(request: Request, status: int, detail: object) -> Response:
        if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
            return JSONResponse({"detail": detail}, status_code=status)
        if isinstance(detail, list):
            detail = "; ".join(f"{'.'.join(str(x) for x in d.get('loc', [])[1:])}: "
                               f"{d.get('msg')}" for d in detail)
        return page(request, "error.html", status=status, status_code=status, detail=str(detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        detail = [{k: v for k, v in e.items() if k in ("loc", "msg", "type")}
                  for e in exc.errors()]
        return _error(request, 422, detail)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error(request, exc.status_code, exc.detail)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return _error(request, 503, str(exc))

    # -- static -----------------------------------------------------------------------

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        return FileResponse(_plotly_js(), media_type="text/javascript",
                            headers={"Cache-Control": "max-age=86400"})

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: Literal["app.js", "style.css"]) -> FileResponse:
        path = Path(str(resources.files("dragoman") / "_web" / "static" / name))
        kind = "text/javascript" if name.endswith(".js") else "text/css"
        return FileResponse(path, media_type=kind)

    # -- overview ---------------------------------------------------------------------

    @app.get("/api/overview", tags=["trends"])
    def api_overview(c: Conn, top: Annotated[int, Query(ge=1, le=50)] = 10) -> dict:
        """Store totals and the busiest dyads with tension and their latest alert."""
        return Q.overview(c, db, top)

    @app.get("/api/series", tags=["trends"])
    def api_series(c: Conn, dyad: Annotated[list[str], Query(max_length=Q.MAX_DYADS)],
                   freq: Literal["D", "W"] = "D", start: Day = None,
                   end: Day = None) -> dict:
        """Daily (D) or weekly (W) tension of up to 10 dyads (``RUS-USA``), with alerts and
        the events and quotes behind each point; ``start``/``end`` bound the periods."""
        return Q.series(c, db, [_dyad(d) for d in dyad], freq,
                        _check_day(start, "start"), _check_day(end, "end"))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview_page(request: Request, c: Conn,
                      dyad: Annotated[list[str] | None, Query(max_length=Q.MAX_DYADS)] = None,
                      freq: Literal["D", "W"] = "D",
                      start: Annotated[str | None, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$")] = None,
                      end: Annotated[str | None, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$")] = None,
                      ) -> HTMLResponse:
        data = Q.overview(c, db, 10)
        names = [d["dyad"] for d in data["dyads"]]
        chosen = [_dyad(d) for d in dyad] if dyad else names[:4]
        start, end = _check_day(start or None, "start"), _check_day(end or None, "end")
        api = urlencode([("dyad", d) for d in chosen] + [("freq", freq)]
                        + [(k, v) for k, v in (("start", start), ("end", end)) if v])
        return page(request, "overview.html", data=data, chosen=chosen, freq=freq,
                    start=start, end=end, api=api,
                    names=sorted(set(names) | set(chosen), key=lambda n: (n not in names, n)))

    # -- events -----------------------------------------------------------------------

    @app.get("/api/events", tags=["events"])
    def api_events(c: Conn, actor: ActorCode = None, dyad: Text = None,
                   type: Annotated[str | None, Query(pattern=r"^[A-Z_]{2,20}$")] = None,
                   quad: Annotated[int | None, Query(ge=1, le=4)] = None,
                   start: Day = None, end: Day = None, factual: bool = True,
                   article: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict:
        """Events, newest first. ``factual`` (default) leaves out negated and hypothetical
        ones. Each has its sentence and ``evidence``, the path of its place in the article."""
        return Q.events(c, actor=actor and actor.upper(),
                        dyad=_dyad(dyad) if dyad is not None else None, type_=type, quad=quad, start=_check_day(start, "start"),
                        end=_check_day(end, "end"), factual=factual, article=article,
                        limit=limit, offset=offset)

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, c: Conn,
                    actor: Annotated[str | None, Query(pattern=r"^([A-Za-z]{2,12})?$")] = None,
                    dyad: Text = None,
                    type: Annotated[str | None, Query(pattern=r"^[A-Z_]{0,20}$")] = None,
                    quad: Annotated[str | None, Query(pattern=r"^[1-4]?$")] = None,
                    start: Annotated[str | None, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$")] = None,
                    end: Annotated[str | None, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$")] = None,
                    factual: bool = True, limit: Limit = 50,
                    offset: Offset = 0) -> HTMLResponse:
        # empty form fields mean "any"
        chosen_dyad = _dyad(dyad) if dyad else None
        quad_class = int(quad) if quad else None
        first, last = _check_day(start or None, "start"), _check_day(end or None, "end")
        f: dict[str, object] = {"actor": actor or None, "dyad": chosen_dyad,
                                "type": type or None, "quad": quad_class, "start": first,
                                "end": last, "factual": factual}
        data = Q.events(c, actor=actor.upper() if actor else None, dyad=chosen_dyad,
                        type_=type or None, quad=quad_class, start=first, end=last,
                        factual=factual, limit=limit, offset=offset)
        qs = urlencode({k: str(v).lower() if isinstance(v, bool) else v
                        for k, v in f.items() if v is not None})
        return page(request, "events.html", data=data, f=f, qs=qs)

    # -- network ----------------------------------------------------------------------

    @app.get("/api/network", tags=["trends"])
    def api_network(c: Conn, start: Day = None, end: Day = None,
                    min_events: Annotated[int, Query(ge=1, le=1000)] = 1) -> dict:
        """Actors and the dyads between them: event count, mean Goldstein, event types."""
        return Q.network(c, db, start=_check_day(start, "start"), end=_check_day(end, "end"),
                         min_events=min_events)

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(request: Request, c: Conn,
                     min_events: Annotated[int, Query(ge=1, le=1000)] = 1) -> HTMLResponse:
        return page(request, "network.html", data=Q.network(c, db, min_events=min_events),
                    min_events=min_events)

    # -- quotes -----------------------------------------------------------------------

    @app.get("/api/quotes", tags=["quotes"])
    def api_quotes(c: Conn, q: Text = None, speaker: Text = None, actor: ActorCode = None,
                   limit: Limit = 50, offset: Offset = 0) -> dict:
        """Full-text search over quotes (``q``, words of the quote) and speakers
        (``speaker``, words of the name); ``actor`` keeps one speaker actor."""
        return Q.quotes(c, q=q, speaker=speaker, actor=actor and actor.upper(),
                        limit=limit, offset=offset)

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(request: Request, c: Conn, q: Text = None, speaker: Text = None,
                    limit: Limit = 50, offset: Offset = 0) -> HTMLResponse:
        data = Q.quotes(c, q=q, speaker=speaker, limit=limit, offset=offset)
        return page(request, "quotes.html", data=data, q=q or "", speaker=speaker or "")

    # -- actors -----------------------------------------------------------------------

    @app.get("/api/actors", tags=["actors"])
    def api_actors(c: Conn) -> list[dict]:
        """Every actor (state or organisation code) with its names and mention count."""
        return Q.actors_index(c)

    @app.get("/api/actors/{key}", tags=["actors"])
    def api_actor(c: Conn, key: str, limit: Limit = 50) -> dict:
        """One actor: people and bodies stored under it with titles, quotes, events."""
        data = Q.actor(c, key.upper(), limit) if len(key) <= 12 else None
        if data is None:
            raise HTTPException(404, f"no actor {key!r} in this store")
        return data

    @app.get("/actors", response_class=HTMLResponse, include_in_schema=False)
    def actors_page(request: Request, c: Conn) -> HTMLResponse:
        return page(request, "actors.html", items=Q.actors_index(c))

    @app.get("/actors/{key}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, c: Conn, key: str) -> HTMLResponse:
        data = Q.actor(c, key.upper(), 50) if len(key) <= 12 else None
        if data is None:
            raise HTTPException(404, f"no actor {key!r} in this store")
        return page(request, "actor.html", a=data)

    # -- articles ---------------------------------------------------------------------

    @app.get("/api/articles", tags=["articles"])
    def api_articles(c: Conn, q: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict:
        """Stored articles, newest first; ``q`` searches titles and texts (FTS5)."""
        return Q.articles(c, q=q, limit=limit, offset=offset)

    @app.get("/api/articles/{article_id:path}", tags=["articles"])
    def api_article(c: Conn, article_id: str) -> dict:
        """One article: its text and its actors (with mentions), quotes and events."""
        data = Q.article(c, article_id) if len(article_id) <= 500 else None
        if data is None:
            raise HTTPException(404, "no such article in this store")
        return data

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_page(request: Request, c: Conn, q: Text = None, limit: Limit = 50,
                      offset: Offset = 0) -> HTMLResponse:
        return page(request, "articles.html", data=Q.articles(c, q=q, limit=limit,
                                                                 offset=offset), q=q or "")

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse,
             include_in_schema=False)
    def article_page(request: Request, c: Conn, article_id: str) -> HTMLResponse:
        data = Q.article(c, article_id) if len(article_id) <= 500 else None
        if data is None:
            raise HTTPException(404, "no such article in this store")
        body = highlight(data["text"], spans_of(data))
        return page(request, "article.html", a=data, body=body)

    # -- API docs without a CDN -----------------------------------------------------------

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        return page(request, "docs.html", spec=app.openapi(), Markup=Markup)

    app.add_middleware(SecurityHeaders)
    return app


class SecurityHeaders:
    """ASGI middleware adding the Content-Security-Policy and friends to every answer
    (plain ASGI: Starlette's BaseHTTPMiddleware costs much more per request)."""

    HEADERS = [(b"content-security-policy", CSP.encode()),
               (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                message = dict(message, headers=list(message.get("headers", [])) + self.HEADERS)
            await send(message)

        await self.app(scope, receive, send_with_headers)
