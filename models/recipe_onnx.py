"""Build recipe: a GGUF checkpoint -> an ONNX Runtime model folder.

Runs inside the build environment (see build-requirements.txt), never in the server's.
transformers dequantises the GGUF into a Hugging Face checkpoint; onnxruntime-genai's model
builder then writes an ONNX decoder (int4 MatMulNBits + GroupQueryAttention) that plain
onnxruntime can run.

usage: python recipe_onnx.py GGUF OUT_DIR --precision int4 --execution-provider cpu [--extra k=v ...]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def to_hf(gguf: Path, hf_dir: Path) -> None:
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
    model = AutoModelForCausalLM.from_pretrained(str(gguf.parent), gguf_file=gguf.name, dtype="float32")
    # The loaded weights are already dequantised; without this the checkpoint cannot be saved.
    model.hf_quantizer = None
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    model.save_pretrained(str(hf_dir))
    tokenizer.save_pretrained(str(hf_dir))
    config_path = hf_dir / "config.json"
    config = json.loads(config_path.read_text())
    config["tie_word_embeddings"] = True  # Qwen2.5 small models share embeddings and output layer
    config_path.write_text(json.dumps(config, indent=2))


def to_onnx(hf_dir: Path, out_dir: Path, precision: str, provider: str, extra: list[str], cache: Path) -> None:
    cmd = [sys.executable, "-m", "onnxruntime_genai.models.builder", "-i", str(hf_dir), "-o", str(out_dir),
           "-p", precision, "-e", provider, "-c", str(cache)]
    if extra:
        cmd += ["--extra_options", *extra]
    with open(out_dir.parent / "builder.log", "w") as log:
        subprocess.run(cmd, check=True, stdout=log, stderr=subprocess.STDOUT)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("gguf", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--precision", default="int4")
    parser.add_argument("--execution-provider", default="cpu")
    parser.add_argument("--extra", action="append", default=[])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.out.parent, prefix=".hf-") as tmp:
        hf_dir = Path(tmp) / "hf"
        print("converting GGUF to a Hugging Face checkpoint", file=sys.stderr, flush=True)
        to_hf(args.gguf, hf_dir)
        print("exporting ONNX", file=sys.stderr, flush=True)
        to_onnx(hf_dir, args.out, args.precision, args.execution_provider, args.extra, Path(tmp) / "cache")
    shutil.rmtree(args.out / "cache", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
