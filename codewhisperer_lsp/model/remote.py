"""A remote engine: the prompt goes to an inference server the user runs (vLLM, TGI, Triton's OpenAI
frontend, llama.cpp's server) over the OpenAI-compatible completions API, streamed, so that the
kind's stop rule and a cancelled request end it as early as the local engine would.

It is chosen with the settings `codewhisperer.remote.url` (the API root, e.g.
`http://gpu-box:8000/v1`), `remote.model`, `remote.apiKey` (or CODEWHISPERER_REMOTE_API_KEY) and
`remote.timeoutSeconds`. Nothing else leaves the machine, and nothing at all unless a URL is set.

The server must serve a model of the family named by `codewhisperer.model` (the prompt uses its
fill-in-the-middle tokens). Prompts are budgeted with the local model's tokenizer when it is built,
else with a close estimate. The prompt still ends at a token boundary (token healing), but without
logit access the first tokens cannot be constrained: an answer that does not start with the text
taken off is dropped.
"""

from __future__ import annotations

import http.client
import json
import logging
import os
import re
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from codewhisperer_lsp.model.generator import REMOTE, ModelUnavailable
from codewhisperer_lsp.model.runtime import Cancelled, Generation, Sampling

log = logging.getLogger(__name__)

API_KEY_ENV = "CODEWHISPERER_REMOTE_API_KEY"
_PIECES = re.compile(r"\s+|\w{1,4}|[^\w\s]")  # about one piece per token of a code BPE vocabulary


class RemoteError(ModelUnavailable):
    """The remote engine could not answer; the message says what to fix."""


@dataclass(frozen=True)
class Endpoint:
    url: str
    model: str = ""
    api_key: str = ""
    timeout_s: float = 15.0

    @property
    def completions_path(self) -> str:
        return urlsplit(self.url).path.rstrip("/") + "/completions"

    @property
    def models_path(self) -> str:
        return urlsplit(self.url).path.rstrip("/") + "/models"


class EstimateTokenizer:
    """Counts for the prompt budget when no local tokenizer is there; never sent anywhere."""

    def encode(self, text: str) -> list[int]:
        return [0] * len(_PIECES.findall(text))

    def decode(self, ids: list[int]) -> str:
        raise NotImplementedError("the estimate cannot decode")


def _local_tokenizer(folder: Path | None):
    if folder is None or not (folder / "tokenizer.json").is_file():
        return None
    try:
        from tokenizers import Tokenizer
        return Tokenizer.from_file(str(folder / "tokenizer.json"))
    except Exception as exc:  # a damaged file: budget with the estimate instead
        log.warning("could not read %s/tokenizer.json (%s); estimating prompt sizes", folder, exc)
        return None


def check_url(url: str) -> str | None:
    """Why `url` cannot be an API root, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"codewhisperer.remote.url must be an http(s) URL such as http://127.0.0.1:8080/v1, got {url!r}"
    return None


class RemoteGenerator:
    """The model.generator.Generator protocol over HTTP: text in, text out."""

    abilities = REMOTE
    provider = "remote"
    load_s = 0.0

    def __init__(self, endpoint: Endpoint, stop_texts: tuple[str, ...], tokenizer_folder: Path | None = None):
        problem = check_url(endpoint.url)
        if problem:
            raise RemoteError(problem)
        self.endpoint = endpoint
        self.stop_texts = tuple(s for s in stop_texts if s)[:4]  # the API takes at most four
        self._tokenizer = _local_tokenizer(tokenizer_folder)
        self._estimate = EstimateTokenizer()
        self.stats = {"requests": 0, "prompt_tokens": 0, "reused_tokens": 0, "drafted": 0, "accepted": 0}
        self._lock = threading.Lock()
        started = time.monotonic()
        self.model = endpoint.model or self._served_model()
        self.load_s = time.monotonic() - started

    @property
    def description(self) -> str:
        return f"{self.model} served by {self.endpoint.url}"

    # --- tokens (budget only) ---
    def encode(self, text: str) -> list[int]:
        if self._tokenizer is not None:
            return self._tokenizer.encode(text, add_special_tokens=False).ids
        return self._estimate.encode(text)

    def decode(self, ids: list[int]) -> str:
        if self._tokenizer is None:
            raise NotImplementedError("no local tokenizer")
        return self._tokenizer.decode(ids, skip_special_tokens=False)

    @property
    def can_heal(self) -> bool:
        return self._tokenizer is not None

    @property
    def token_texts(self) -> list[str]:
        return []

    def reusable(self, ids: list[int]) -> int:
        return 0  # the server's cache is its own business

    def warm(self, ids: list[int], stop: Callable[[], bool]) -> int:
        return 0

    def continuation_logprob(self, context_ids: list[int], continuation_ids: list[int],
                             cancelled: Callable[[], bool] = lambda: False, floor: float | None = None) -> float:
        raise NotImplementedError("a remote engine returns no log-probabilities")

    # --- HTTP ---
    def _connection(self) -> http.client.HTTPConnection:
        parts = urlsplit(self.endpoint.url)
        cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        return cls(parts.hostname, parts.port, timeout=self.endpoint.timeout_s)

    def _headers(self) -> dict:
        headers = {"Content-Type": "application/json", "Accept": "text/event-stream"}
        key = self.endpoint.api_key or os.environ.get(API_KEY_ENV, "")
        if key:
            headers["Authorization"] = f"Bearer {key}"
        return headers

    def _request(self, method: str, path: str, body: dict | None = None):
        connection = self._connection()
        try:
            connection.request(method, path, body=json.dumps(body) if body is not None else None,
                               headers=self._headers())
            response = connection.getresponse()
        except (OSError, http.client.HTTPException) as exc:
            connection.close()
            raise RemoteError(self._unreachable(exc)) from exc
        if response.status != 200:
            detail = response.read(2000).decode("utf-8", "replace").strip()
            connection.close()
            hint = " (check codewhisperer.remote.apiKey)" if response.status in (401, 403) else ""
            raise RemoteError(f"the remote engine at {self.endpoint.url} answered HTTP {response.status}"
                              f"{hint}: {detail[:300]}")
        return connection, response

    def _unreachable(self, exc: BaseException) -> str:
        if isinstance(exc, (socket.timeout, TimeoutError)):
            return (f"the remote engine at {self.endpoint.url} did not answer within "
                    f"{self.endpoint.timeout_s:g} s (codewhisperer.remote.timeoutSeconds)")
        reason = str(exc) or type(exc).__name__
        return (f"the remote engine at {self.endpoint.url} is not reachable ({reason}); start it, or "
                f"change or clear codewhisperer.remote.url to use the local model")

    def _served_model(self) -> str:
        connection, response = self._request("GET", self.endpoint.models_path)
        try:
            data = json.loads(response.read())
            return str(data["data"][0]["id"])
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise RemoteError(f"the remote engine at {self.endpoint.url} lists no model; set "
                              f"codewhisperer.remote.model") from exc
        finally:
            connection.close()

    # --- generation ---
    def generate(self, prompt_ids: list[int], sampling: Sampling, stop_ids: set[int],
                 stop_text: Callable[[str], bool] | None = None,
                 cancelled: Callable[[], bool] = lambda: False, constrain=None,
                 prompt_text: str | None = None) -> Generation:
        if prompt_text is None:
            prompt_text = self.decode(prompt_ids)
        body = {"model": self.model, "prompt": prompt_text, "max_tokens": sampling.max_new_tokens,
                "temperature": sampling.temperature, "top_p": sampling.top_p, "stream": True}
        if self.stop_texts:
            body["stop"] = list(self.stop_texts)
        if sampling.seed is not None:
            body["seed"] = sampling.seed
        with self._lock:
            self.stats["requests"] += 1
            self.stats["prompt_tokens"] += len(prompt_ids)
        started = time.monotonic()
        connection, response = self._request("POST", self.endpoint.completions_path, body)
        text, pieces, first_s, reason = "", 0, None, "length"
        deadline = started + self.endpoint.timeout_s
        try:
            for data in _events(response):
                if cancelled():
                    raise Cancelled()
                if time.monotonic() > deadline:
                    raise RemoteError(f"the remote engine at {self.endpoint.url} took longer than "
                                      f"{self.endpoint.timeout_s:g} s (codewhisperer.remote.timeoutSeconds)")
                choice = (data.get("choices") or [{}])[0]
                piece = choice.get("text") or ""
                if piece:
                    first_s = first_s if first_s is not None else time.monotonic() - started
                    text += piece
                    pieces += 1
                if stop_text is not None and piece and stop_text(text):
                    reason = "stop_text"
                    break
                if choice.get("finish_reason"):
                    reason = "stop_token" if choice["finish_reason"] == "stop" else "length"
                    break
        except (OSError, http.client.HTTPException) as exc:
            raise RemoteError(self._unreachable(exc)) from exc
        finally:
            connection.close()  # also tells the server to stop generating
        total = time.monotonic() - started
        first_s = total if first_s is None else first_s
        return Generation(token_ids=[0] * pieces, text=text, stop_reason=reason, prompt_tokens=len(prompt_ids),
                          reused_tokens=0, prefill_s=first_s, decode_s=total - first_s,
                          timings={"remote": self.endpoint.url})


def _events(response):
    """The JSON objects of a server-sent event stream (or of one plain JSON answer)."""
    if "text/event-stream" not in (response.getheader("Content-Type") or ""):
        yield json.loads(response.read())
        return
    for raw in response:
        line = raw.decode("utf-8", "replace").strip()
        if not line.startswith("data:"):
            continue
        payload = line[5:].strip()
        if payload == "[DONE]":
            return
        try:
            yield json.loads(payload)
        except ValueError:
            log.debug("remote engine: skipped an unreadable event %r", payload[:200])
