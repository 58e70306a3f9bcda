"""The room's HTTP server: aiohttp in a background thread with its own event loop. No Qt.

Every route lives under ``/<token>/``; a request without the session token (compared in
constant time) gets a bare 404, the same as a path that does not exist, so a guess
learns nothing. Served: the participant page and its two static files, an optional CJK
font, a JSON API and a server-sent-event stream. Nothing else of the file system is
reachable (the static files are read from a fixed list, never from a request path).

API (JSON bodies of at most :data:`MAX_BODY` bytes; the participant key from ``join``
goes in the ``X-Room-Key`` header, or ``?k=`` for the event stream, which a browser's
EventSource cannot give headers):

    POST api/join      {"name": "Aiko"} or {"number": true} [+ "key" to rejoin] -> {"name","key"}
    GET  api/state                                           -> what this participant sees
    POST api/suggest   {"card","kind":"pain"|"comment","title","severity"}
    POST api/vote      {"target"}        POST api/unvote {"target"}
    GET  api/events?k=KEY                                    -> text/event-stream of states

Refusals answer ``{"error": code, "message": english}`` with a 4xx status.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import secrets
import threading
from importlib import resources
from pathlib import Path
from typing import Any

from aiohttp import web

from journeymap.room.state import RoomRefused, RoomState

MAX_BODY = 8 * 1024
KEEPALIVE_SECONDS = 15.0
PAGE_FILES = {"": ("index.html", "text/html"), "app.js": ("app.js", "text/javascript"),
              "app.css": ("app.css", "text/css")}
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
                               "connect-src 'self'; font-src 'self'; img-src 'self'; "
                               "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",       # the token is in the URL
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}


def preferred_language(accept_language: str | None) -> str:
    """``ja`` or ``en`` from an Accept-Language header (by q-value; default ``en``)."""
    best, best_q = "en", -1.0
    for part in (accept_language or "").split(","):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        lang = tag.strip().lower().split("-")[0]
        if lang in ("ja", "en") and q > best_q:
            best, best_q = lang, q
    return best


def cjk_font_path() -> Path | None:
    """IPAexGothic as shipped by matplotlib-fontja (a dependency), so Japanese shows real
    glyphs on a browser without a CJK font; None when it is not installed."""
    try:
        path = Path(str(resources.files("matplotlib_fontja") / "fonts" / "ipaexg.ttf"))
    except (ModuleNotFoundError, TypeError):
        return None
    return path if path.is_file() else None


def _read_page(name: str) -> bytes:
    return (resources.files("journeymap.room") / "page" / name).read_bytes()


class RoomServer:
    """Serve ``state`` on ``host:port`` (port 0: a free one) from a background thread.

    :meth:`start` returns once the socket is bound (or raises OSError); :meth:`stop`
    closes every connection and waits for the thread; the token dies with it. Both are
    called from the app's thread."""

    def __init__(self, state: RoomState, host: str = "127.0.0.1", port: int = 0) -> None:
        self.state = state
        self.host = host
        self.port = port
        self.token = secrets.token_urlsafe(16)
        self.closed = True
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._wake: asyncio.Event | None = None
        self._streams: dict[str, int] = {}
        self._pages = {k: (_read_page(f), ct) for k, (f, ct) in PAGE_FILES.items()}
        self._font = cjk_font_path()

    # -- life cycle ------------------------------------------------------------------------------
    def start(self) -> None:
        ready = threading.Event()
        error: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self._serve())
            except BaseException as e:  # noqa: BLE001 - handed to the starting thread
                error.append(e)
                ready.set()
                loop.close()
                return
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self._shutdown())
            loop.close()

        self._thread = threading.Thread(target=run, name="journeymap-room", daemon=True)
        self._thread.start()
        ready.wait(30)
        if error:
            self._thread.join()
            raise error[0] if isinstance(error[0], OSError) else OSError(str(error[0]))
        self.closed = False
        self.state.on_change = self._changed_threadsafe

    async def _serve(self) -> None:
        self._wake = asyncio.Event()
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self._guard])
        t = "/{token}"
        app.router.add_get(t + "/", self._page)
        app.router.add_get(t + "/app.js", self._page)
        app.router.add_get(t + "/app.css", self._page)
        app.router.add_get(t + "/font/ipaexg.ttf", self._font_file)
        app.router.add_post(t + "/api/join", self._join)
        app.router.add_get(t + "/api/state", self._get_state)
        app.router.add_post(t + "/api/suggest", self._suggest)
        app.router.add_post(t + "/api/vote", self._vote)
        app.router.add_post(t + "/api/unvote", self._unvote)
        app.router.add_get(t + "/api/events", self._events)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False,
                                     shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port, reuse_address=True)
        await site.start()
        sockets = getattr(site._server, "sockets", None) or []  # noqa: SLF001
        if sockets:
            self.port = sockets[0].getsockname()[1]

    async def _shutdown(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def stop(self) -> None:
        """Close the room: refuse everything at once, end the streams, free the port."""
        self.closed = True
        self.token = ""   # nothing can match any more, even before the socket closes
        self.state.on_change = None
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(self._changed)
            loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        self._loop = self._thread = None

    def url(self, host: str | None = None) -> str:
        """The participants' address (``host`` for the QR code: the machine's address on
        the room's network)."""
        h = host or self.host
        if ":" in h and not h.startswith("["):
            h = f"[{h}]"
        return f"http://{h}:{self.port}/{self.token}/"

    # -- change notices ---------------------------------------------------------------------------
    def _changed_threadsafe(self) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self._changed)

    def _changed(self) -> None:
        wake = self._wake
        self._wake = asyncio.Event()
        if wake is not None:
            wake.set()

    # -- guard ---------------------------------------------------------------------------------
    @web.middleware
    async def _guard(self, request: web.Request, handler: Any) -> web.StreamResponse:
        given = request.match_info.get("token", "")
        token = self.token
        if self.closed or not token or not hmac.compare_digest(given.encode(),
                                                               token.encode()):
            return web.Response(status=404)
        try:
            response = await handler(request)
        except RoomRefused as e:
            response = web.json_response({"error": e.code, "message": e.message},
                                         status=e.status)
        except web.HTTPRequestEntityTooLarge:
            response = web.json_response({"error": "too_large",
                                          "message": "the request is too large"}, status=413)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    # -- files ---------------------------------------------------------------------------------
    async def _page(self, request: web.Request) -> web.Response:
        name = request.path.rsplit("/", 1)[-1]
        body, ctype = self._pages[name]
        if name == "":
            lang = preferred_language(request.headers.get("Accept-Language"))
            body = body.replace(b"{{lang}}", lang.encode())
        return web.Response(body=body, content_type=ctype, charset="utf-8")

    async def _font_file(self, request: web.Request) -> web.StreamResponse:
        if self._font is None:
            return web.Response(status=404)
        response = web.FileResponse(self._font)
        response.headers["Cache-Control"] = "private, max-age=86400"
        response.content_type = "font/ttf"
        return response

    # -- API -----------------------------------------------------------------------------------
    @staticmethod
    async def _body(request: web.Request) -> dict[str, Any]:
        if request.content_length is not None and request.content_length > MAX_BODY:
            raise RoomRefused("too_large", "the request is too large", 413)
        if request.content_type != "application/json":
            raise RoomRefused("bad_request", "send JSON", 415)
        try:
            data = json.loads(await request.read())
        except (ValueError, UnicodeDecodeError):
            raise RoomRefused("bad_request", "the request is not valid JSON") from None
        if not isinstance(data, dict):
            raise RoomRefused("bad_request", "the request must be a JSON object")
        return data

    def _who(self, request: web.Request) -> str:
        return self.state.who(request.headers.get("X-Room-Key") or request.query.get("k"))

    async def _join(self, request: web.Request) -> web.Response:
        data = await self._body(request)
        name = None if data.get("number") is True and not data.get("name") else \
            data.get("name")
        if name is None and data.get("number") is not True:
            raise RoomRefused("bad_name", "type a name or take a number")
        name, key = self.state.join(name, data.get("key"), request.remote or "")
        return web.json_response({"name": name, "key": key})

    async def _get_state(self, request: web.Request) -> web.Response:
        return web.json_response(self.state.state_for(self._who(request)))

    async def _suggest(self, request: web.Request) -> web.Response:
        who = self._who(request)
        data = await self._body(request)
        s = self.state.suggest(who, data.get("card"), data.get("kind"), data.get("title"),
                               data.get("severity"))
        return web.json_response({"id": s.id})

    async def _vote(self, request: web.Request) -> web.Response:
        who = self._who(request)
        data = await self._body(request)
        return web.json_response({"left": self.state.vote(who, data.get("target"))})

    async def _unvote(self, request: web.Request) -> web.Response:
        who = self._who(request)
        data = await self._body(request)
        return web.json_response({"left": self.state.unvote(who, data.get("target"))})

    async def _events(self, request: web.Request) -> web.StreamResponse:
        who = self._who(request)
        self.state.allow_stream(who, self._streams.get(who, 0))
        self._streams[who] = self._streams.get(who, 0) + 1
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream",
                                               **SECURITY_HEADERS})
        try:
            await response.prepare(request)
            last = None
            while not self.closed:
                wake = self._wake
                text = json.dumps(self.state.state_for(who), ensure_ascii=False)
                if text != last:
                    await response.write(f"data: {text}\n\n".encode())
                    last = text
                if wake is None:
                    break
                try:
                    await asyncio.wait_for(wake.wait(), KEEPALIVE_SECONDS)
                except TimeoutError:
                    await response.write(b": keep-alive\n\n")
        except ConnectionResetError:
            pass
        finally:
            self._streams[who] -= 1
        return response


__all__ = ["MAX_BODY", "RoomServer", "cjk_font_path", "preferred_language"]
