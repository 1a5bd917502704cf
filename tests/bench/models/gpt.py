# SPDX-License-Identifier: GPL-3.0-or-later
"""A GPT-2-style decoder for bench-train.py: 4 blocks of width 256, 4 heads,
a context of 128 tokens, a vocabulary of 8,192, learned positions, pre-norm
blocks with causal self-attention written out (as nanoGPT does) and a GELU
MLP. make_model returns (model, tokens) with a batch of 8."""
import math

import torch
from torch import nn
from torch.nn import functional as F

VOCAB, WIDTH, HEADS, LAYERS, CONTEXT, BATCH = 8192, 256, 4, 4, 128, 8


class SelfAttention(nn.Module):
    def __init__(self):
        super().__init__()
        self.qkv = nn.Linear(WIDTH, 3 * WIDTH)
        self.proj = nn.Linear(WIDTH, WIDTH)
        self.register_buffer('mask', torch.tril(torch.ones(CONTEXT, CONTEXT)).view(1, 1, CONTEXT, CONTEXT))

    def forward(self, x):
        n, t, c = x.size()
        q, k, v = self.qkv(x).split(WIDTH, dim=2)
        q = q.view(n, t, HEADS, c // HEADS).transpose(1, 2)
        k = k.view(n, t, HEADS, c // HEADS).transpose(1, 2)
        v = v.view(n, t, HEADS, c // HEADS).transpose(1, 2)
        scores = (q @ k.transpose(-2, -1)) / math.sqrt(c // HEADS)
        scores = scores.masked_fill(self.mask[:, :, :t, :t] == 0, float('-inf'))
        y = F.softmax(scores, dim=-1) @ v
        return self.proj(y.transpose(1, 2).contiguous().view(n, t, c))


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.ln1 = nn.LayerNorm(WIDTH)
        self.attn = SelfAttention()
        self.ln2 = nn.LayerNorm(WIDTH)
        self.mlp = nn.Sequential(nn.Linear(WIDTH, 4 * WIDTH), nn.GELU(), nn.Linear(4 * WIDTH, WIDTH))

    def forward(self, x):
        x = x + self.attn(self.ln1(x))
        return x + self.mlp(self.ln2(x))


class GPT(nn.Module):
    def __init__(self):
        super().__init__()
        self.tokens = nn.Embedding(VOCAB, WIDTH)
        self.positions = nn.Embedding(CONTEXT, WIDTH)
        self.blocks = nn.ModuleList([Block() for _ in range(LAYERS)])
        self.ln = nn.LayerNorm(WIDTH)
        self.head = nn.Linear(WIDTH, VOCAB, bias=False)

    def forward(self, idx):
        t = idx.size(1)
        x = self.tokens(idx) + self.positions(torch.arange(t, device=idx.device))
        for block in self.blocks:
            x = block(x)
        return self.head(self.ln(x))


def make_model():
    torch.manual_seed(0)
    return GPT(), torch.randint(0, VOCAB, (BATCH, CONTEXT))
