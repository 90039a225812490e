"""Trains the built-in tiny α-UMi models with GLPFT and the paper's three other systems at
equal compute, then exports each model to ONNX for the page.

    npm run train:tiny            (data generation, then this script)
    /usr/bin/python3 scripts/train/train.py --data scripts/train/data --out public/tiny

Needs Debian's python3-torch, python3-sentencepiece, python3-numpy, python3-onnx and
libopenblas0-openmp (see scripts/train/README.md). Seeds are fixed; the script prints the data
hash, the parameters, the wall time and the held-out scores, and writes them to
<out>/manifest.json, which the page's model cards read."""
import argparse
import json
import math
import os
import random
import re
import sys
import time

import numpy as np
import sentencepiece as spm
import torch

sys.path.insert(0, os.path.dirname(__file__))
import fused_export  # noqa: E402
import onnx  # noqa: E402
from tiny_model import Config, TinyLM  # noqa: E402

ROLES = ("planner", "caller", "summarizer")
EOT = "</s>"


def log(*args):
    print(time.strftime("%H:%M:%S"), *args, flush=True)


# ---------------------------------------------------------------------------------------------
# data and tokenizer


def read_pairs(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def train_tokenizer(data, out_dir, vocab):
    """SentencePiece BPE: digits split one per token, bytes as fallback, text kept as is
    (identity normalisation, no dummy prefix, whitespace not collapsed). `</s>` in the text
    is the end-of-turn token: encode() splits on it (see encode below and tokenizer.ts)."""
    corpus = os.path.join(out_dir, "tokenizer-corpus.txt")
    with open(corpus, "w") as f:
        for role in ("planner", "caller", "summarizer", "backbone"):
            for pair in read_pairs(os.path.join(data, f"train-{role}.jsonl"))[:6000]:
                for part in (pair["input"] + pair["target"]).split(EOT):
                    for line in part.split("\n"):
                        if line:
                            f.write(line + "\n")
    prefix = os.path.join(out_dir, "tokenizer")
    spm.SentencePieceTrainer.train(
        input=corpus,
        model_prefix=prefix,
        model_type="bpe",
        vocab_size=vocab,
        split_digits=True,
        byte_fallback=True,
        normalization_rule_name="identity",
        add_dummy_prefix=False,
        remove_extra_whitespaces=False,
        allow_whitespace_only_pieces=True,
        user_defined_symbols=["\n"],
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
        character_coverage=1.0,
        input_sentence_size=400000,
        shuffle_input_sentence=True,
        num_threads=2,
        seed_sentencepiece_size=200000,
        minloglevel=2,
    )
    os.remove(corpus)
    return prefix + ".model"


class Tok:
    def __init__(self, path):
        self.sp = spm.SentencePieceProcessor(model_file=path)
        self.bos, self.eos = self.sp.bos_id(), self.sp.eos_id()

    def encode(self, text):
        ids = []
        for k, part in enumerate(text.split(EOT)):
            if k:
                ids.append(self.eos)
            if part:
                ids.extend(self.sp.encode(part))
        return ids

    def decode(self, ids):
        return self.sp.decode(ids)


def encode_pairs(tok, pairs, max_len):
    """[BOS] input target [EOS], left-truncated to max_len (the α-UMi collator cuts the left)."""
    out = []
    for pair in pairs:
        prompt = [tok.bos] + tok.encode(pair["input"])
        target = tok.encode(pair["target"]) + [tok.eos]
        seq = prompt + target
        if len(seq) > max_len:
            seq = [tok.bos] + seq[len(seq) - max_len + 1 :]
        out.append(np.array(seq, dtype=np.int64))
    return out


def batches(seqs, budget, rng):
    """Shuffled batches of similar length, each about `budget` tokens (padding included)."""
    order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]) + rng.random())
    groups, cur, cur_max = [], [], 0
    for i in order:
        n = len(seqs[i])
        if cur and max(cur_max, n) * (len(cur) + 1) > budget:
            groups.append(cur)
            cur, cur_max = [], 0
        cur.append(i)
        cur_max = max(cur_max, n)
    if cur:
        groups.append(cur)
    rng.shuffle(groups)
    return groups


def collate(seqs, idx):
    width = max(len(seqs[i]) for i in idx)
    ids = np.zeros((len(idx), width), dtype=np.int64)
    mask = np.zeros((len(idx), width), dtype=np.float32)
    for r, i in enumerate(idx):
        ids[r, : len(seqs[i])] = seqs[i]
        mask[r, : len(seqs[i])] = 1
    return torch.from_numpy(ids), torch.from_numpy(mask)


# ---------------------------------------------------------------------------------------------
# training


def train(model, seqs, tokens, lr, seed, label, budget, warmup=100):
    """Trains on `seqs` (epochs repeat) until `tokens` real tokens are seen; loss on every
    token (prompt and output: it learns to copy sooner), cosine decay to 10 %."""
    rng = random.Random(seed)
    torch.manual_seed(seed)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, betas=(0.9, 0.95), weight_decay=0.1)
    seen, step, epoch, t0 = 0, 0, 0, time.time()
    est_steps = max(1, int(tokens / (budget * 0.8)))
    model.train()
    while seen < tokens:
        epoch += 1
        for idx in batches(seqs, budget, rng):
            if seen >= tokens:
                break
            ids, mask = collate(seqs, idx)
            frac = min(1.0, seen / tokens)
            scale = min(1.0, (step + 1) / warmup) * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * frac)))
            for g in opt.param_groups:
                g["lr"] = lr * scale
            target, weight = ids[:, 1:], mask[:, 1:]
            loss = (model.token_nll(ids[:, :-1], target) * weight).sum() / weight.sum()
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            seen += int(mask.sum())
            step += 1
            if step % 200 == 0:
                rate = seen / (time.time() - t0)
                log(f"{label} step {step}/{est_steps} epoch {epoch} loss {loss.item():.3f} tokens {seen/1e6:.2f}M {rate:.0f} tok/s")
    model.eval()
    return {"steps": step, "tokens": seen, "seconds": round(time.time() - t0, 1), "epochs": round(epoch, 2)}


# ---------------------------------------------------------------------------------------------
# held-out evaluation (greedy, KV cache)


@torch.no_grad()
def greedy(model, prompt_ids, max_new, eos):
    logits, past = model(torch.tensor([prompt_ids]), last_only=True)
    out = []
    for _ in range(max_new):
        nxt = int(logits[0, -1].argmax())
        if nxt == eos:
            break
        out.append(nxt)
        logits, past = model(torch.tensor([[nxt]]), past, last_only=True)
    return out


def decision(text):
    if "Next: give up." in text:
        return "give up"
    if "Next: conclusion." in text:
        return "conclusion"
    return "caller"


def bold(text):
    m = re.search(r"\*\*(.+?)\*\*", text)
    return m.group(1) if m else text.strip()


def score(role, outputs, targets):
    n = len(targets)
    if role == "planner":
        return {"decision": sum(decision(o) == decision(t) for o, t in zip(outputs, targets)) / n,
                "exact": sum(o.strip() == t.strip() for o, t in zip(outputs, targets)) / n}
    if role == "caller":
        return {"exact": sum(o.strip() == t.strip() for o, t in zip(outputs, targets)) / n,
                "tool": sum(o.split("\n")[0] == t.split("\n")[0] for o, t in zip(outputs, targets)) / n}
    if role == "summarizer":
        return {"value": sum(bold(t) in o for o, t in zip(outputs, targets)) / n,
                "exact": sum(o.strip() == t.strip() for o, t in zip(outputs, targets)) / n}
    # backbone: the kind of step and the exact call / answer line
    def kind(x):
        return "give up" if "conclusion: give up." in x else "conclusion" if "\nconclusion: " in x or x.startswith("conclusion: ") else "caller"
    return {"decision": sum(kind(o) == kind(t) for o, t in zip(outputs, targets)) / n,
            "exact": sum(o.strip() == t.strip() for o, t in zip(outputs, targets)) / n}


def evaluate(model, tok, pairs, role, limit, max_len, seed):
    rng = random.Random(seed)
    sample = rng.sample(pairs, min(limit, len(pairs)))
    outs, targets = [], []
    for pair in sample:
        ids = [tok.bos] + tok.encode(pair["input"])
        ids = ids[-(max_len - 128):]
        outs.append(tok.decode(greedy(model, ids, 128, tok.eos)))
        targets.append(pair["target"])
    result = score(role, outs, targets)
    result["n"] = len(sample)
    examples = [{"target": t, "output": o} for o, t in zip(outs, targets) if o.strip() != t.strip()][:3]
    return result, examples


# ---------------------------------------------------------------------------------------------
# export


def export_onnx(model, tok, path, probe_prompts):
    """The lean ONNX graph of fused_export.py (82 operators, most of them onnxruntime's fused
    ones; three times the page's decode speed of torch.onnx.export's 411), built
    from the trained weights; records the greedy tokens of a few prompts (PyTorch) so a Node
    test can check that the file gives the same ones."""
    weights = {k: v.detach().cpu().numpy() for k, v in model.state_dict().items()}
    onnx.save(fused_export.build(weights, model.cfg.to_dict()), path)
    checks = []
    for prompt in probe_prompts:
        pids = [tok.bos] + tok.encode(prompt)
        checks.append({"prompt": prompt, "prompt_ids": pids, "greedy_ids": greedy(model, pids, 48, tok.eos)})
    return checks


# ---------------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="scripts/train/data")
    ap.add_argument("--out", default="public/tiny")
    ap.add_argument("--runs", default="scripts/train/runs")
    ap.add_argument("--tokens", type=float, default=6.5e6, help="training tokens per system")
    ap.add_argument("--batch", type=int, default=2048, help="tokens per batch, padding included")
    ap.add_argument("--stage1", type=float, default=0.7, help="GLPFT: share of the budget for stage 1 (0.5 and 0.85 measured in scripts/train/README.md)")
    # 3e-3 never learned to copy (a value from the prompt into the output) in 4 500 steps, on
    # this data or on a synthetic copy task; 1e-3 copies digits on the synthetic task in 400.
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--max-len", type=int, default=768)
    ap.add_argument("--eval", type=int, default=100, help="held-out records scored per role")
    ap.add_argument("--systems", default="glpft,shared,single,one-stage")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--smear", action="store_true", help="smeared keys (tiny_model.Config.smear)")
    ap.add_argument("--untied", action="store_true", help="a separate output head (Config.tied = False)")
    ap.add_argument("--no-copy", action="store_true", help="no copy head (Config.copy = False)")
    ap.add_argument("--reuse-tokenizer", action="store_true", help="keep <out>/tokenizer.model (parallel runs share one)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    os.makedirs(args.out, exist_ok=True)
    os.makedirs(args.runs, exist_ok=True)
    t_all = time.time()

    with open(os.path.join(args.data, "manifest.json")) as f:
        data_manifest = json.load(f)
    log("data", data_manifest["sha256"], data_manifest["train"], data_manifest["test"])
    tok_path = os.path.join(args.out, "tokenizer.model")
    if not (args.reuse_tokenizer and os.path.exists(tok_path)):
        tok_path = train_tokenizer(args.data, args.out, 1024)
        os.remove(os.path.join(args.out, "tokenizer.vocab"))
    tok = Tok(tok_path)
    cfg = Config(vocab=tok.sp.get_piece_size(), max_len=args.max_len, smear=args.smear, tied=not args.untied, copy=not args.no_copy)

    train_pairs = {r: read_pairs(os.path.join(args.data, f"train-{r}.jsonl")) for r in ROLES + ("backbone",)}
    test_pairs = {r: read_pairs(os.path.join(args.data, f"test-{r}.jsonl")) for r in ROLES + ("backbone",)}
    seqs = {r: encode_pairs(tok, p, args.max_len) for r, p in train_pairs.items()}
    lengths = {r: {"records": len(s), "mean_tokens": round(float(np.mean([len(x) for x in s])), 1),
                   "tokens": int(sum(len(x) for x in s))} for r, s in seqs.items()}
    log("encoded", lengths)

    manifest_path = os.path.join(args.out, "manifest.json")
    manifest = json.load(open(manifest_path)) if os.path.exists(manifest_path) else {"systems": {}}
    manifest.update({
        "format": 1,
        "tokenizer": "tokenizer.model",
        "config": cfg.to_dict(),
        "data": {"sha256": data_manifest["sha256"], "train": data_manifest["train"], "test": data_manifest["test"],
                 "tokens": lengths, "toolDocs": data_manifest.get("toolDocs")},
        "budget_tokens": args.tokens,
        "batch_tokens": args.batch,
        "glpft_stage1": args.stage1,
        "seed": args.seed,
        "torch": torch.__version__,
        "threads": args.threads,
    })
    manifest.setdefault("systems", {})

    probes = [p["input"] for p in test_pairs["planner"][:2]] + [test_pairs["caller"][0]["input"], test_pairs["summarizer"][0]["input"]]

    def fresh(seed):
        torch.manual_seed(seed)
        return TinyLM(cfg)

    def finish(system, models, runs, scores, examples, t0):
        sys_dir = os.path.join(args.out, system)
        os.makedirs(sys_dir, exist_ok=True)
        files, checks = {}, {}
        for name, model in models.items():
            path = os.path.join(sys_dir, f"{name}.onnx")
            checks[name] = export_onnx(model, tok, path, probes)
            files[name] = {"file": f"{system}/{name}.onnx", "bytes": os.path.getsize(path)}
        entry = {
            "models": files, "runs": runs, "scores": scores, "examples": examples,
            "parameters": next(iter(models.values())).parameters_count(),
            "seconds": round(time.time() - t0, 1),
        }
        with open(os.path.join(sys_dir, "checks.json"), "w") as f:
            json.dump(checks, f)
        write_manifest(system, entry)
        log(system, "scores", json.dumps(scores))

    def write_manifest(system=None, entry=None):
        # Re-read first: another process (--systems split across processes) may have written
        # its systems since this one started; only this process's own parts are replaced.
        on_disk = json.load(open(manifest_path)) if os.path.exists(manifest_path) else {"systems": {}}
        merged = {**on_disk, **{k: v for k, v in manifest.items() if k not in ("systems", "seconds")}}
        merged["systems"] = on_disk.get("systems", {})
        if system:
            merged["systems"][system] = entry
        with open(manifest_path + f".{os.getpid()}", "w") as f:
            json.dump(merged, f, indent=1)
        os.replace(manifest_path + f".{os.getpid()}", manifest_path)

    def run_eval(models_by_role):
        scores, examples = {}, {}
        for role, model in models_by_role.items():
            scores[role], examples[role] = evaluate(model, tok, test_pairs[role], role, args.eval, args.max_len, args.seed)
        return scores, examples

    budget = args.tokens
    for system in args.systems.split(","):
        t0 = time.time()
        log("system", system)
        if system == "glpft":
            # Stage 1: the backbone on whole trajectories (70 % of the budget, --stage1: copying
            # values from the context only appears after some 1 500-2 500 steps, and it must
            # appear while the learning rate is high; 50 % and 85 % are measured in
            # scripts/train/README.md); stage 2: three copies, one per role, at a fifth
            # of the learning rate (the paper: 5e-5 then 1e-5), planner and caller one share
            # each, the summarizer two (the paper's 1, 1 and 2 epochs).
            backbone = fresh(args.seed)
            stage1 = budget * args.stage1
            runs = {"stage1": train(backbone, seqs["backbone"], stage1, args.lr, args.seed, "glpft/stage1", args.batch)}
            torch.save(backbone.state_dict(), os.path.join(args.runs, "glpft-backbone.pt"))
            shares = {"planner": 1, "caller": 1, "summarizer": 2}
            weights = {r: shares[r] * lengths[r]["tokens"] for r in ROLES}
            total = sum(weights.values())
            models = {}
            for role in ROLES:
                model = fresh(args.seed)
                model.load_state_dict(backbone.state_dict())
                role_tokens = (budget - stage1) * weights[role] / total
                runs[role] = train(model, seqs[role], role_tokens, args.lr / 5, args.seed + 1, f"glpft/{role}", args.batch, warmup=20)
                models[role] = model
            scores, examples = run_eval(models)
            finish(system, models, runs, scores, examples, t0)
        elif system == "one-stage":
            # Three models from scratch, each on its own role, a third of the budget each.
            models, runs = {}, {}
            for role in ROLES:
                model = fresh(args.seed)
                runs[role] = train(model, seqs[role], budget / 3, args.lr, args.seed, f"one-stage/{role}", args.batch)
                models[role] = model
            scores, examples = run_eval(models)
            finish(system, models, runs, scores, examples, t0)
        elif system == "shared":
            # Single-LLM multi-task: one model on the three roles' data together.
            model = fresh(args.seed)
            mixed = seqs["planner"] + seqs["caller"] + seqs["summarizer"]
            runs = {"all": train(model, mixed, budget, args.lr, args.seed, "shared", args.batch)}
            scores, examples = run_eval({r: model for r in ROLES})
            finish(system, {"shared": model}, runs, scores, examples, t0)
        elif system == "single":
            model = fresh(args.seed)
            runs = {"backbone": train(model, seqs["backbone"], budget, args.lr, args.seed, "single", args.batch)}
            scores, examples = run_eval({"backbone": model})
            finish(system, {"backbone": model}, runs, scores, examples, t0)
        else:
            raise SystemExit(f"unknown system {system}")
    write_manifest()
    log("done in", round(time.time() - t_all, 1), "s")


if __name__ == "__main__":
    main()
