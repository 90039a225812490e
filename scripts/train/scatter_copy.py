"""Rewrites an exported tiny α-UMi model's copy head from a one-hot product to a scatter-add.

The copy head turns its attention over the positions into a distribution over token ids.
Exported at opset 14 that is `attention @ one_hot(ids)`: an Equal, a Cast and a MatMul over a
[positions, vocab] matrix at every step (600 × 1 024 floats at 600 positions). onnxruntime's
WebAssembly build runs that Cast and Equal slowly; it was a third of a decode step in the
page. `ScatterElements(zeros, ids, attention, reduction="add")` (opset 16) gives the same sums
without the matrix. It is done on the exported graph because Debian's torch 1.13 cannot export
it: `scatter_add` with the index expanded over the query axis fails ("`index` should have the
same dimensionality as `src`"). train.py runs this after every export; run alone, it rewrites
models exported before, in place, without the checkpoints:

    /usr/bin/python3 scripts/train/scatter_copy.py public/tiny/*/*.onnx
"""
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper


def prune(graph):
    """Removes nodes whose outputs nothing reads (the constants the product used)."""
    outputs = {o.name for o in graph.output}
    while True:
        used = {i for n in graph.node for i in n.input} | outputs
        dead = [n for n in graph.node if not any(o in used for o in n.output)]
        if not dead:
            return
        for n in dead:
            graph.node.remove(n)


def rewrite(path):
    model = onnx.load(path)
    graph = model.graph
    nodes = list(graph.node)
    producer = {o: n for n in nodes for o in n.output}
    consumers = {}
    for n in nodes:
        for i in n.input:
            consumers.setdefault(i, []).append(n)
    equal = [n for n in nodes if n.op_type == "Equal"]
    if not equal:
        before = len(graph.node)
        prune(graph)
        if len(graph.node) < before:
            onnx.save(model, path)
        print(path, "already has no one-hot copy")
        return False
    (equal,) = equal
    ids_col = producer[equal.input[0]]  # Unsqueeze: ids [1, total, 1]
    vocab_row = producer[equal.input[1]]  # Constant: arange(vocab) [1, 1, vocab]
    (cast,) = consumers[equal.output[0]]
    (matmul,) = consumers[cast.output[0]]
    assert ids_col.op_type == "Unsqueeze" and cast.op_type == "Cast" and matmul.op_type == "MatMul"
    vocab = numpy_helper.to_array(vocab_row.attribute[0].t).size
    attention = matmul.input[0]  # [1, 1, total]
    ids = ids_col.input[0]  # [1, total], int64
    axes = graph.name + "_scatter_axes"
    zeros = graph.name + "_scatter_zeros"
    unsq = helper.make_node("Unsqueeze", [ids, axes], [ids + "_rows"], name="/model/copy/ids_rows")
    scatter = helper.make_node(
        "ScatterElements", [zeros, ids + "_rows", attention], [matmul.output[0]],
        name="/model/copy/scatter_add", axis=2, reduction="add")
    graph.initializer.extend([
        numpy_helper.from_array(np.array([1], dtype=np.int64), axes),
        numpy_helper.from_array(np.zeros((1, 1, vocab), dtype=np.float32), zeros),
    ])
    drop = {id(n) for n in (equal, cast, matmul)}
    if len(consumers[ids_col.output[0]]) == 1:
        drop.add(id(ids_col))
    if len(consumers[vocab_row.output[0]]) == 1:
        drop.add(id(vocab_row))
    kept = []
    for n in nodes:
        if n is matmul:  # both inputs exist here: the product's place in the order
            kept.extend([unsq, scatter])
        if id(n) not in drop:
            kept.append(n)
    del graph.node[:]
    graph.node.extend(kept)
    prune(graph)
    for opset in model.opset_import:
        if opset.domain in ("", "ai.onnx"):
            opset.version = max(opset.version, 16)
    onnx.checker.check_model(model)
    onnx.save(model, path)
    print(path, "rewritten: one-hot copy → ScatterElements(add)")
    return True


if __name__ == "__main__":
    for p in sys.argv[1:]:
        rewrite(p)
