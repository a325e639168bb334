"""Write `model.rows.onnx` beside an exported `model.onnx`: the same graph with one more input,
`logits_from`, and the logits computed only for the positions from that index on (a Slice of the
last hidden states before the output projection). Both read the same `model.onnx.data`.

A prompt's prefill needs the logits of its last position only, yet the export projects every
position onto the 151,936-token vocabulary (about a quarter of the 0.5B's work per token). The
runtime loads `model.rows.onnx` where it exists and asks for the last rows of a prefill chunk and
for every row (`logits_from` 0) when it decodes, verifies drafts or scores; the rows it gets are
the same numbers either way. `model.onnx` stays as the export wrote it.

Runs in the build environment (it needs `onnx`): `python logit_rows.py MODEL_DIR`. Prints `added`,
or `present` when `model.rows.onnx` is already there.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import onnx
from onnx import TensorProto, helper

INPUT = "logits_from"
ROWS_GRAPH = "model.rows.onnx"


def add_rows_input(model: onnx.ModelProto) -> None:
    graph = model.graph
    if any(value.name == INPUT for value in graph.input):
        raise SystemExit(f"the graph already has an input named {INPUT}")
    heads = [node for node in graph.node if "logits" in node.output]
    if len(heads) != 1:
        raise SystemExit(f"expected one node writing `logits`, found {len(heads)}")
    head = heads[0]
    graph.input.append(helper.make_tensor_value_info(INPUT, TensorProto.INT64, [1]))
    graph.initializer.extend([helper.make_tensor(f"{INPUT}/end", TensorProto.INT64, [1], [2 ** 62]),
                              helper.make_tensor(f"{INPUT}/axis", TensorProto.INT64, [1], [1])])
    rows = helper.make_node("Slice", [head.input[0], INPUT, f"{INPUT}/end", f"{INPUT}/axis"],
                            [f"{INPUT}/hidden"], name=f"/{INPUT}/Slice")
    head.input[0] = rows.output[0]
    graph.node.insert(list(graph.node).index(head), rows)


def main() -> int:
    folder = Path(sys.argv[1])
    if (folder / ROWS_GRAPH).is_file():
        print("present")
        return 0
    model = onnx.load(str(folder / "model.onnx"), load_external_data=False)
    add_rows_input(model)
    tmp = folder / f".{ROWS_GRAPH}.tmp"
    onnx.save(model, str(tmp), save_as_external_data=False)
    os.replace(tmp, folder / ROWS_GRAPH)
    print("added")
    return 0


if __name__ == "__main__":
    sys.exit(main())
