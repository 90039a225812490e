"""A LLaMA-style decoder small enough to train on two CPU cores: RMSNorm, rotary position
embeddings (RoPE), SwiGLU feed-forward, causal self-attention, tied input/output embeddings.

`forward(ids, past)` takes and returns the key/value cache stacked in one tensor of shape
[layers, 2, batch, heads, past_len, head_dim] (training and the greedy checks). The page runs
the same function as fused_export.py's graph, whose cache is one tensor per block."""
import math
from dataclasses import asdict, dataclass

import torch
import torch.nn.functional as F
from torch import nn


@dataclass
class Config:
    vocab: int = 1024
    dim: int = 128
    layers: int = 4
    heads: int = 4
    ffn: int = 352
    max_len: int = 1024
    rope_theta: float = 10000.0
    # Smeared keys (Olsson et al. 2022, "In-context learning and induction heads"): each
    # attention key is a learned per-head mix of this position's key and the previous one's,
    # so one layer can match "the token after the previous occurrence of what I just saw".
    # Copying a value from the prompt then forms in far fewer steps. The cache keeps the
    # unmixed keys, so the ONNX inputs and outputs are the same with or without it.
    smear: bool = False
    # False: a separate output projection instead of the tied input embedding.
    tied: bool = True
    # A copy head (pointer-generator; See et al. 2017, "Get To The Point"): one more attention
    # from the last hidden state over every position so far, whose weights are added onto the
    # token ids found there, mixed with the vocabulary distribution by a learned gate. A plain
    # model of this size attends to the right digit of the prompt but cannot write *which*
    # digit it is (its digit embeddings collapse together); the copy head writes it exactly.
    # The model then returns log-probabilities (softmax of them is the mixture), and the cache
    # has one more slot (`cache_layers`): the copy keys, and the token id of every position.
    copy: bool = False
    copy_dim: int = 32

    @property
    def cache_layers(self):
        return self.layers + (1 if self.copy else 0)

    def to_dict(self):
        d = asdict(self)
        d["cache_layers"] = self.cache_layers
        return d


class RMSNorm(nn.Module):
    def __init__(self, dim, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


def rope(x, cos, sin):
    # x: [B, H, T, D]; rotate pairs (first half, second half), as LLaMA's HF port does.
    half = x.shape[-1] // 2
    x1, x2 = x[..., :half], x[..., half:]
    rotated = torch.cat((-x2, x1), dim=-1)
    return x * cos + rotated * sin


class Block(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.heads = cfg.heads
        self.head_dim = cfg.dim // cfg.heads
        self.attn_norm = RMSNorm(cfg.dim)
        self.qkv = nn.Linear(cfg.dim, 3 * cfg.dim, bias=False)
        self.out = nn.Linear(cfg.dim, cfg.dim, bias=False)
        self.ffn_norm = RMSNorm(cfg.dim)
        self.smear = nn.Parameter(torch.zeros(cfg.heads, 1, 1)) if cfg.smear else None
        self.gate_up = nn.Linear(cfg.dim, 2 * cfg.ffn, bias=False)
        self.down = nn.Linear(cfg.ffn, cfg.dim, bias=False)

    def forward(self, x, cos, sin, mask, past_kv):
        b, t, d = x.shape
        q, k, v = self.qkv(self.attn_norm(x)).split(d, dim=-1)
        q = q.view(b, t, self.heads, self.head_dim).transpose(1, 2)
        k = k.view(b, t, self.heads, self.head_dim).transpose(1, 2)
        v = v.view(b, t, self.heads, self.head_dim).transpose(1, 2)
        q, k = rope(q, cos, sin), rope(k, cos, sin)
        if past_kv is not None:
            k = torch.cat((past_kv[0], k), dim=2)
            v = torch.cat((past_kv[1], v), dim=2)
        present = torch.stack((k, v))
        if self.smear is not None:
            a = torch.sigmoid(self.smear)
            prev = torch.cat((torch.zeros_like(k[:, :, :1]), k[:, :, :-1]), dim=2)
            k = a * k + (1 - a) * prev
        scores = q @ k.transpose(-1, -2) / math.sqrt(self.head_dim) + mask
        attn = torch.softmax(scores, dim=-1) @ v
        x = x + self.out(attn.transpose(1, 2).reshape(b, t, d))
        gate, up = self.gate_up(self.ffn_norm(x)).chunk(2, dim=-1)
        x = x + self.down(F.silu(gate) * up)
        return x, present


class TinyLM(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.cfg = cfg
        self.embed = nn.Embedding(cfg.vocab, cfg.dim)
        self.blocks = nn.ModuleList(Block(cfg) for _ in range(cfg.layers))
        self.norm = RMSNorm(cfg.dim)
        self.head = None if cfg.tied else nn.Linear(cfg.dim, cfg.vocab, bias=False)
        head_dim = cfg.dim // cfg.heads
        if cfg.copy:
            assert cfg.copy_dim == head_dim, "the copy keys live in one head of the cache"
            self.copy_q = nn.Linear(cfg.dim, cfg.copy_dim, bias=False)
            self.copy_k = nn.Linear(cfg.dim, cfg.copy_dim, bias=False)
            self.copy_gate = nn.Linear(cfg.dim, 1)
        inv_freq = 1.0 / (cfg.rope_theta ** (torch.arange(0, head_dim, 2).float() / head_dim))
        self.register_buffer("inv_freq", inv_freq, persistent=False)
        self.apply(self._init)

    @staticmethod
    def _init(module):
        if isinstance(module, (nn.Linear, nn.Embedding)):
            nn.init.normal_(module.weight, std=0.02)

    def token_nll(self, inp, target):
        """Per-token negative log-likelihood [B, T] of `target` after `inp` (training). With the
        copy head only the target's probability is formed (the copy part as a masked sum over
        positions), not the whole copy distribution, which costs a [B, T, vocab] scatter."""
        if not self.cfg.copy:
            logits, _ = self(inp)
            return F.cross_entropy(logits.reshape(-1, logits.shape[-1]), target.reshape(-1), reduction="none").view(target.shape)
        logits, _, attn, gate = self(inp, copy_parts=True)
        p_vocab = torch.softmax(logits, dim=-1).gather(-1, target[..., None])[..., 0]
        p_copy = (attn * (inp[:, None, :] == target[:, :, None]).to(attn.dtype)).sum(-1)
        g = gate[..., 0]
        return -torch.log((1 - g) * p_vocab + g * p_copy + 1e-9)

    def parameters_count(self):
        return sum(p.numel() for p in self.parameters())

    def forward(self, ids, past=None, pad_mask=None, last_only=False, copy_parts=False):
        """ids [B, T]; past [L, 2, B, H, P, D] or None; pad_mask [B, T] (1 = real) for training.
        Returns logits ([B, T, V], or [B, 1, V] with last_only) and the stacked present cache."""
        b, t = ids.shape
        p = 0 if past is None else past.shape[4]
        positions = torch.arange(p, p + t, dtype=torch.float32)
        freqs = positions[:, None] * self.inv_freq[None, :]
        emb = torch.cat((freqs, freqs), dim=-1)
        cos, sin = emb.cos()[None, None], emb.sin()[None, None]
        # Causal mask over [past + new] keys: new token i sees keys 0..p+i.
        key_pos = torch.arange(0, p + t)
        query_pos = torch.arange(p, p + t)
        mask = ((key_pos[None, :] > query_pos[:, None]).to(torch.float32) * -1e9)[None, None]
        if pad_mask is not None:
            mask = mask + (1.0 - pad_mask[:, None, None, :].float()) * -1e9
        x = self.embed(ids)
        presents = []
        for i, block in enumerate(self.blocks):
            x, present = block(x, cos, sin, mask, None if past is None else past[i])
            presents.append(present)
        x = self.norm(x)
        if self.cfg.copy:
            if copy_parts:
                return self._copy(ids, x, cos, sin, mask, past, last_only, parts=True)
            logp, present = self._copy(ids, x, cos, sin, mask, past, last_only)
            presents.append(present)
            return logp, torch.stack(presents)
        if last_only:
            x = x[:, -1:, :]
        logits = x @ self.embed.weight.t() if self.head is None else self.head(x)
        return logits, torch.stack(presents)

    def _copy(self, ids, x, cos, sin, mask, past, last_only, parts=False):
        """The copy head: log of (1 - g) * softmax(vocab logits) + g * (attention weights summed
        per token id), and the cache slot that holds its keys (head 0 of slot 0) and the token
        ids (slot 1, head 0, first component)."""
        b, t, _ = x.shape
        cfg = self.cfg
        hd = cfg.copy_dim
        k = rope(self.copy_k(x).view(b, 1, t, hd), cos, sin)
        q = rope(self.copy_q(x).view(b, 1, t, hd), cos, sin)
        tok = ids.to(torch.float32)
        if past is not None:
            k = torch.cat((past[cfg.layers, 0][:, :1], k), dim=2)
            tok = torch.cat((past[cfg.layers, 1][:, 0, :, 0], tok), dim=1)
        total = k.shape[2]
        zeros_heads = torch.zeros(b, cfg.heads - 1, total, hd)
        slot_k = torch.cat((k, zeros_heads), dim=1)
        slot_ids = torch.cat((torch.cat((tok[:, None, :, None], torch.zeros(b, 1, total, hd - 1)), dim=3), zeros_heads), dim=1)
        present = torch.stack((slot_k, slot_ids))
        if last_only:
            x, q, mask = x[:, -1:, :], q[:, :, -1:], mask[:, :, -1:]
        scores = (q @ k.transpose(-1, -2) / math.sqrt(hd) + mask)[:, 0]  # [B, Tq, total]
        attn = torch.softmax(scores, dim=-1)
        logits = x @ self.embed.weight.t() if self.head is None else self.head(x)
        gate = torch.sigmoid(self.copy_gate(x))
        if parts:
            return logits, present, attn, gate
        ids_all = tok.to(torch.int64)
        onehot = (ids_all[:, :, None] == torch.arange(cfg.vocab)[None, None, :]).to(torch.float32)
        copy_p = attn @ onehot
        p = (1 - gate) * torch.softmax(logits, dim=-1) + gate * copy_p
        return torch.log(p + 1e-9), present
