"""Peer for bench/speed_bench.py: llama.cpp (through llama-cpp-python) on the GGUF the ONNX model
was built from, greedy over given prompt token ids.

Runs in the peers' own environment (bench/setup_peers.sh), not the project's: it imports nothing
from the project. Reads a JSON request on stdin:
  {"gguf": path, "prompts": [[ids]], "new_tokens": N, "threads": T}
and prints one JSON list, one entry per prompt: first_s (prompt evaluated and the first token
chosen), decode_s (the other N-1 tokens), tokens. Greedy is the argmax of the last logits, so the
end-of-sequence token does not stop it (N tokens, as the other rows). The first prompt is run
once more first, as a warm-up, and not reported.
"""

import json
import sys
import time

import numpy as np
from llama_cpp import Llama


def greedy(llm: Llama, ids: list[int], new_tokens: int) -> dict:
    n_vocab = llm.n_vocab()

    def next_token() -> int:
        logits = np.ctypeslib.as_array(llm._ctx.get_logits(), shape=(n_vocab,))
        return int(np.argmax(logits))

    llm.reset()  # n_tokens = 0: eval() drops the whole cache before it appends
    t0 = time.perf_counter()
    llm.eval(ids)
    tokens = [next_token()]
    t1 = time.perf_counter()
    while len(tokens) < new_tokens:
        llm.eval([tokens[-1]])
        tokens.append(next_token())
    t2 = time.perf_counter()
    return {"first_s": t1 - t0, "decode_s": t2 - t1, "tokens": tokens}


def main() -> int:
    req = json.load(sys.stdin)
    llm = Llama(model_path=req["gguf"], n_ctx=2048, n_threads=req["threads"],
                n_threads_batch=req["threads"], verbose=False)
    out = [greedy(llm, ids, req["new_tokens"]) for ids in [req["prompts"][0]] + req["prompts"]]
    print(json.dumps(out[1:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
