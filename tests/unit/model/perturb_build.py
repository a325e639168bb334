"""Make a changed copy of a built int4 model, for the tests of the behavioural check.

Runs in the model build's environment (it needs the `onnx` package, which the server never loads):
    BUILD_ENV/bin/python perturb_build.py SRC DST MODE [--seed N]

Modes, each a copy of SRC's folder with one change:
  nudge-blocks     every weight of 64 quantisation blocks in four matrices moved one step (4-bit code +-1)
  nudge-scattered  1% of all 4-bit codes moved one step, across every matrix: rounding flips
  kernels          MatMulNBits with float activations (accuracy_level 0) instead of int8 ones: other kernels
  zero-layer       every weight of one decoder layer zeroed (its quantisation scales set to 0)
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import numpy_helper

LAYER = 12  # the layer the block-level changes touch


def _matmuls(model: onnx.ModelProto) -> list[onnx.NodeProto]:
    return [node for node in model.graph.node if node.op_type == "MatMulNBits"]


def _step(codes: np.ndarray, mask: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Move the masked 4-bit codes (two per byte) one quantisation step up or down, inside 0..15."""
    low, high = codes & 0x0F, codes >> 4
    for nibbles, chosen in ((low, mask[..., 0]), (high, mask[..., 1])):
        direction = np.where(rng.random(nibbles.shape) < 0.5, 1, -1).astype(np.int16)
        moved = nibbles.astype(np.int16) + direction
        moved = np.where((moved < 0) | (moved > 15), nibbles.astype(np.int16) - direction, moved)
        nibbles[chosen] = moved[chosen].astype(np.uint8)
    return (low | (high << 4)).astype(np.uint8)


def perturb(model: onnx.ModelProto, mode: str, rng: np.random.Generator) -> str:
    inits = {init.name: init for init in model.graph.initializer}
    nodes = _matmuls(model)

    def replace(name: str, array: np.ndarray) -> None:
        inits[name].CopyFrom(numpy_helper.from_array(array, name))

    if mode == "kernels":
        for node in nodes:
            for attribute in node.attribute:
                if attribute.name == "accuracy_level":
                    attribute.i = 0
        return f"accuracy_level 0 on {len(nodes)} MatMulNBits nodes"
    if mode == "zero-layer":
        layer = [n for n in nodes if f"/layers.{LAYER}/" in n.name]
        for node in layer:
            scales = numpy_helper.to_array(inits[node.input[2]])
            replace(node.input[2], np.zeros_like(scales))
        return f"layer {LAYER}: {len(layer)} matrices zeroed"
    if mode == "nudge-blocks":
        touched = [n for n in nodes if f"/layers.{LAYER}/" in n.name][:4]
        for node in touched:
            codes = numpy_helper.to_array(inits[node.input[1]]).copy()  # [N, blocks, bytes]
            mask = np.zeros(codes.shape + (2,), dtype=bool)
            rows = rng.choice(codes.shape[0], 64, replace=False)
            blocks = rng.integers(0, codes.shape[1], 64)
            mask[rows, blocks] = True
            replace(node.input[1], _step(codes, mask, rng))
        return f"64 blocks moved one step in {len(touched)} matrices of layer {LAYER}"
    if mode == "nudge-scattered":
        moved = 0
        for node in nodes:
            codes = numpy_helper.to_array(inits[node.input[1]]).copy()
            mask = rng.random(codes.shape + (2,)) < 0.01
            moved += int(mask.sum())
            replace(node.input[1], _step(codes, mask, rng))
        return f"{moved:,} 4-bit codes moved one step across {len(nodes)} matrices"
    raise SystemExit(f"unknown mode {mode}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("src", type=Path)
    parser.add_argument("dst", type=Path)
    parser.add_argument("mode")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    args.dst.mkdir(parents=True, exist_ok=True)
    for path in args.src.iterdir():
        if path.is_file() and not path.name.startswith("model.onnx") and path.name != "manifest.json":
            shutil.copy2(path, args.dst / path.name)
    model = onnx.load(str(args.src / "model.onnx"), load_external_data=True)
    what = perturb(model, args.mode, np.random.default_rng(args.seed))
    onnx.save_model(model, str(args.dst / "model.onnx"), save_as_external_data=True, all_tensors_to_one_file=True,
                    location="model.onnx.data", size_threshold=1024)
    print(what)
    return 0


if __name__ == "__main__":
    sys.exit(main())
