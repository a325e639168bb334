"""Peer for bench/speed_bench.py: Hugging Face transformers, eager PyTorch on the CPU, on the same
GGUF (loaded dequantised to float32), greedy over given prompt token ids.

Runs in the model build environment (it has torch and transformers), not the project's: it
imports nothing from the project. Reads a JSON request on stdin:
  {"gguf": path, "prompts": [[ids]], "new_tokens": N, "threads": T}
and prints one JSON list, one entry per prompt: first_s (prompt processed and the first token
chosen), decode_s (the other N-1 tokens), tokens, plus load_s once. generate() runs greedy with
the KV cache and min_new_tokens = max_new_tokens, so no early stop. The first prompt is run once
more first, as a warm-up, and not reported.
"""

import json
import sys
import time
from pathlib import Path

import torch
from transformers import AutoModelForCausalLM
from transformers.generation.streamers import BaseStreamer


class Clock(BaseStreamer):
    """Times generate(): put() gets the prompt first, then each new token."""

    def __init__(self):
        self.times = []

    def put(self, value):
        self.times.append(time.perf_counter())

    def end(self):
        pass


def greedy(model, ids: list[int], new_tokens: int) -> dict:
    clock = Clock()
    t0 = time.perf_counter()
    with torch.inference_mode():
        out = model.generate(torch.tensor([ids]), attention_mask=torch.ones(1, len(ids), dtype=torch.long),
                             do_sample=False, use_cache=True, max_new_tokens=new_tokens,
                             min_new_tokens=new_tokens, streamer=clock, pad_token_id=0)
    t2 = time.perf_counter()
    t1 = clock.times[1]  # the first new token
    return {"first_s": t1 - t0, "decode_s": t2 - t1, "tokens": out[0, len(ids):].tolist()}


def main() -> int:
    req = json.load(sys.stdin)
    torch.set_num_threads(req["threads"])
    gguf = Path(req["gguf"])
    started = time.perf_counter()
    model = AutoModelForCausalLM.from_pretrained(str(gguf.parent), gguf_file=gguf.name, dtype=torch.float32)
    model.eval()
    load_s = time.perf_counter() - started
    out = [greedy(model, ids, req["new_tokens"]) for ids in [req["prompts"][0]] + req["prompts"]]
    for entry in out:
        entry["load_s"] = load_s
    print(json.dumps(out[1:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
