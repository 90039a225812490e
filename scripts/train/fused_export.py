"""Writes a tiny α-UMi model as a lean ONNX graph built from onnxruntime's fused operators.

`torch.onnx.export` of tiny_model.py gives about 410 operators per decode step after
onnxruntime's own optimisation (Shape, Gather, Unsqueeze, Concat and Slice for every reshape,
rotary embedding from Sin and Cos at every step, the cache split and stacked again). Each
costs a fixed dispatch time, and onnxruntime's WebAssembly build pays about 2.4 µs per
operator where the native build pays 1 µs, so the page decoded at 69 % of native speed. This
graph computes the same function with 82 operators:

- `SimplifiedLayerNormalization` and `com.microsoft.SkipSimplifiedLayerNormalization` for
  RMSNorm (the latter adds the residual too);
- `com.microsoft.RotaryEmbedding` on the queries and keys, and
  `com.microsoft.GroupQueryAttention` (causal, the cache concatenated) for each block's
  attention;
- `com.microsoft.QuickGelu` with alpha 1 for SiLU;
- `ScatterElements(add)` for the copy head's sum over token ids.

Inputs and outputs (format 2 of manifest.json; app/llm/tiny/decoder.ts and kv-cache.ts):

    input_ids [1, new] int64
    past_key.{i}, past_value.{i} [1, heads, past, head_dim] float32, one pair per block
    past_copy_key [1, past, head_dim] float32, past_ids [1, 1, past] int64 (copy head only)
    → logits [1, 1, vocab] (log-probabilities with a copy head, raw logits without),
      new_key.{i}, new_value.{i} [1, new, heads * head_dim] (keys after rotary), and
      new_copy_key [1, new, head_dim]: the new positions only; the caller appends them (and
      the ids) to its cache.

Each cache tensor is its own input, so nothing is split or stacked per step, and only the new
positions come back: onnxruntime-web copies every output into a new JavaScript array, which
in Chromium costs about 1.5 µs per cached position and step when the whole cache comes back.

Run alone, it rebuilds the graph of a model exported before (from the weights stored in that file, in the
order torch.onnx.export wrote them), without the checkpoints:

    /usr/bin/python3 scripts/train/fused_export.py --from-onnx old.onnx --config public/tiny/manifest.json new.onnx
"""
import argparse
import json
import math

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 17
MS = "com.microsoft"


def _rope_tables(max_len, head_dim, theta):
    inv = 1.0 / (theta ** (np.arange(0, head_dim, 2, dtype=np.float32) / head_dim))
    freqs = np.arange(max_len, dtype=np.float32)[:, None] * inv[None, :]
    return np.cos(freqs).astype(np.float32), np.sin(freqs).astype(np.float32)


def build(weights, cfg):
    """weights: numpy arrays keyed as in TinyLM's state dict (Linear weights [out, in]);
    cfg: the manifest's config (vocab, dim, layers, heads, ffn, max_len, rope_theta, copy)."""
    if cfg.get("smear"):
        raise ValueError("the fused export has no smeared keys (--smear was tried and dropped)")
    dim, heads, layers = cfg["dim"], cfg["heads"], cfg["layers"]
    hd = dim // heads
    copy = bool(cfg.get("copy"))
    # Positions 0 … max_len - 1: the page cuts prompts and outputs to the window.
    cos, sin = _rope_tables(cfg["max_len"], hd, cfg.get("rope_theta", 10000.0))
    inits, nodes = [], []

    def const(name, array):
        inits.append(numpy_helper.from_array(np.asarray(array), name))
        return name

    def node(op, ins, outs, domain="", **attrs):
        nodes.append(helper.make_node(op, ins, outs, name=f"n{len(nodes)}_{op}", domain=domain, **attrs))
        return outs[0] if len(outs) == 1 else outs

    def linear(key):  # x @ W.T, stored as [in, out]
        return const(key, np.ascontiguousarray(weights[key].T.astype(np.float32)))

    const("cos_cache", cos)
    const("sin_cache", sin)
    embed = const("embed", weights["embed.weight"].astype(np.float32))
    one = const("one", np.array([1], dtype=np.int64))
    thirds = const("qkv_thirds", np.array([dim, dim, dim], dtype=np.int64))
    halves = const("ffn_halves", np.array([cfg["ffn"], cfg["ffn"]], dtype=np.int64))

    # Lengths: past (from the first cache), new (from the ids), total; GQA wants int32.
    past_len = node("Shape", ["past_key.0"], ["past_len"], start=2, end=3)
    new_len = node("Shape", ["input_ids"], ["new_len"], start=1, end=2)
    total = node("Add", [past_len, new_len], ["total_len"])
    seqlens = node("Cast", [node("Sub", [total, one], ["last_pos"])], ["seqlens_k"], to=TensorProto.INT32)
    total_scalar = node("Cast", [node("Squeeze", [total], ["total_len0"])], ["total_len_i32"], to=TensorProto.INT32)

    h = node("Gather", [embed, "input_ids"], ["h0"], axis=0)
    n = node("SimplifiedLayerNormalization", [h, const("b0.attn_norm", weights["blocks.0.attn_norm.weight"])],
             ["n0"], axis=-1, epsilon=1e-5, stash_type=1)
    for i in range(layers):
        p = f"blocks.{i}."
        qkv = node("MatMul", [n, linear(p + "qkv.weight")], [f"qkv{i}"])
        q, k, v = node("Split", [qkv, thirds], [f"q{i}", f"k{i}", f"new_value.{i}"], axis=-1)
        q = node("RotaryEmbedding", [q, past_len, "cos_cache", "sin_cache"], [f"q_rot{i}"], domain=MS,
                 interleaved=0, num_heads=heads)
        k = node("RotaryEmbedding", [k, past_len, "cos_cache", "sin_cache"], [f"new_key.{i}"], domain=MS,
                 interleaved=0, num_heads=heads)
        # present_* (past + new) stay inside the graph: returning them would make onnxruntime-web
        # allocate the whole cache as new JavaScript arrays at every step (Chromium: 1.5 µs a
        # position). The page appends new_key/new_value to its own cache instead.
        attn, _, _ = node(
            "GroupQueryAttention",
            [q, k, v, f"past_key.{i}", f"past_value.{i}", seqlens, total_scalar],
            [f"attn{i}", f"present_key.{i}", f"present_value.{i}"],
            domain=MS, num_heads=heads, kv_num_heads=heads, do_rotary=0, scale=1.0 / math.sqrt(hd))
        o = node("MatMul", [attn, linear(p + "out.weight")], [f"o{i}"])
        n2, _, _, h = node("SkipSimplifiedLayerNormalization", [o, h, const(f"b{i}.ffn_norm", weights[p + "ffn_norm.weight"])],
                           [f"n2_{i}", "", "", f"h{i}a"], domain=MS, epsilon=1e-5)
        gu = node("MatMul", [n2, linear(p + "gate_up.weight")], [f"gu{i}"])
        g, u = node("Split", [gu, halves], [f"g{i}", f"u{i}"], axis=-1)
        act = node("Mul", [node("QuickGelu", [g], [f"silu{i}"], domain=MS, alpha=1.0), u], [f"act{i}"])
        d = node("MatMul", [act, linear(p + "down.weight")], [f"d{i}"])
        last = i == layers - 1
        gamma = const("final_norm", weights["norm.weight"]) if last else const(f"b{i + 1}.attn_norm", weights[f"blocks.{i + 1}.attn_norm.weight"])
        n, _, _, h = node("SkipSimplifiedLayerNormalization", [d, h, gamma],
                          ["xn" if last else f"n{i + 1}", "", "", f"h{i}b"], domain=MS, epsilon=1e-5)

    x_last = node("Slice", [n, const("minus_one", np.array([-1], dtype=np.int64)),
                            const("int_max", np.array([2**62], dtype=np.int64)), one], ["x_last"])
    head = const("head", np.ascontiguousarray((weights["embed.weight"] if cfg.get("tied", True) else weights["head.weight"]).T.astype(np.float32)))
    outputs = ["logits"] + [f"new_{kv}.{i}" for i in range(layers) for kv in ("key", "value")]
    if not copy:
        node("MatMul", [x_last, head], ["logits"])
    else:
        # Copy keys of the new positions (rotary at their positions), and the query of the last.
        ck = node("MatMul", [n, linear("copy_k.weight")], ["copy_k"])
        ck = node("RotaryEmbedding", [ck, past_len, "cos_cache", "sin_cache"], ["new_copy_key"], domain=MS,
                  interleaved=0, num_heads=1)
        keys = node("Concat", ["past_copy_key", ck], ["copy_keys"], axis=1)
        cq = node("MatMul", [x_last, linear("copy_q.weight")], ["copy_q"])
        cq = node("RotaryEmbedding", [cq, "last_pos", "cos_cache", "sin_cache"], ["copy_q_rot"], domain=MS,
                  interleaved=0, num_heads=1)
        scores = node("FusedMatMul", [cq, keys], ["copy_scores"], domain=MS, transA=0, transB=1, alpha=1.0 / math.sqrt(hd))
        attn = node("Softmax", [scores], ["copy_attn"], axis=-1)
        ids3 = node("Unsqueeze", ["input_ids", one], ["ids3"])
        ids_all = node("Concat", ["past_ids", ids3], ["ids_all"], axis=2)
        copy_p = node("ScatterElements", [const("zeros_vocab", np.zeros((1, 1, cfg["vocab"]), np.float32)), ids_all, attn],
                      ["copy_p"], axis=2, reduction="add")
        gate = node("Sigmoid", [node("Add", [node("MatMul", [x_last, linear("copy_gate.weight")], ["gate_raw"]),
                                           const("gate_bias", weights["copy_gate.bias"].astype(np.float32))], ["gate_b"])], ["gate"])
        vocab_p = node("Softmax", [node("MatMul", [x_last, head], ["vocab_logits"])], ["vocab_p"], axis=-1)
        # (1 - g) * vocab + g * copy = vocab + g * (copy - vocab)
        mix = node("Add", [vocab_p, node("Mul", [gate, node("Sub", [copy_p, vocab_p], ["copy_minus_vocab"])], ["gated"])], ["mix"])
        node("Log", [node("Add", [mix, const("eps", np.array([1e-9], np.float32))], ["mix_eps"])], ["logits"])
        outputs += ["new_copy_key"]

    f32, i64 = TensorProto.FLOAT, TensorProto.INT64
    inputs = [helper.make_tensor_value_info("input_ids", i64, [1, "new"])]
    for i in range(layers):
        for kv in ("key", "value"):
            inputs.append(helper.make_tensor_value_info(f"past_{kv}.{i}", f32, [1, heads, "past", hd]))
    if copy:
        inputs.append(helper.make_tensor_value_info("past_copy_key", f32, [1, "past", hd]))
        inputs.append(helper.make_tensor_value_info("past_ids", i64, [1, 1, "past"]))
    shapes = {"logits": [1, 1, cfg["vocab"]], "new_copy_key": [1, "new", hd]}
    outs = [helper.make_tensor_value_info(o, f32, shapes.get(o, [1, "new", dim]))
            for o in outputs]
    graph = helper.make_graph(nodes, "tiny_alpha_umi", inputs, outs, inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET), helper.make_opsetid(MS, 1)],
                              producer_name="umi-lab fused_export.py")
    model.ir_version = 8
    return model


def weights_from_torch_onnx(path, cfg):
    """The weights of a file written by torch.onnx.export (train.py before the fused export):
    named initializers for the embedding, norms and gate bias; the MatMul weights in the order
    the export traced them (per block qkv, out, gate_up, down; then the copy head's key and
    query projections, the output head, the gate), stored as [in, out]."""
    m = onnx.load(path)
    named = {i.name: numpy_helper.to_array(i) for i in m.graph.initializer}
    w = {k[len("model."):]: v for k, v in named.items() if k.startswith("model.")}
    mats = [numpy_helper.to_array(i) for i in m.graph.initializer if i.name.startswith("onnx::MatMul")]
    order = []
    for b in range(cfg["layers"]):
        order += [f"blocks.{b}.qkv.weight", f"blocks.{b}.out.weight", f"blocks.{b}.gate_up.weight", f"blocks.{b}.down.weight"]
    if cfg.get("copy"):
        order += ["copy_k.weight", "copy_q.weight", "head.tied", "copy_gate.weight"]
    else:
        order += ["head.tied"]
    if len(mats) != len(order):
        raise ValueError(f"{path}: {len(mats)} MatMul weights, expected {len(order)}")
    for key, mat in zip(order, mats):
        if key == "head.tied":
            if cfg.get("tied", True) and not np.array_equal(mat.T, w["embed.weight"]):
                raise ValueError(f"{path}: the output head is not the tied embedding")
            w["head.weight"] = mat.T
        else:
            w[key] = mat.T
    return w


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--from-onnx", required=True, help="a model written by torch.onnx.export")
    ap.add_argument("--config", required=True, help="manifest.json (its config)")
    ap.add_argument("out")
    args = ap.parse_args()
    cfg = json.load(open(args.config))["config"]
    model = build(weights_from_torch_onnx(args.from_onnx, cfg), cfg)
    # No onnx.checker: it does not know onnxruntime's SimplifiedLayerNormalization (an
    # onnxruntime operator in the default domain). Loading it in onnxruntime is the check.
    onnx.save(model, args.out)
    print(args.out, len(model.graph.node), "operators")


if __name__ == "__main__":
    main()
