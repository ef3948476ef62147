"""The starting point the bundled model is measured against, under the same retrieval protocol:
mean-pooled embeddings of words and character 4-grams hashed into 60,000 rows of 256 dimensions, trained with the
same in-batch contrastive loss on the same pairs and dictionary entries.

    /usr/bin/python3 models/recipe/baseline.py [--corpora DIR] [--epochs 3] [--threads 2]
"""
from __future__ import annotations

import argparse
import math
import os
import random
import re
import sys
import time
import zlib

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402
from train import REPO, dev_sets, log, retrieval  # noqa: E402

WORD = re.compile(r"\w+")


def features(text: str, rows: int) -> list[int]:
    out = []
    for word in WORD.findall(text):
        out.append(zlib.crc32(("w" + word).encode()) % rows)
        padded = "<" + word + ">"
        out.extend(zlib.crc32(padded[k : k + 4].encode()) % rows for k in range(len(padded) - 3))
    return out or [0]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpora", default=os.environ.get("SELARAS_CORPORA", os.path.join(REPO, "..", "shared", "corpora")))
    p.add_argument("--rows", type=int, default=60_000)
    p.add_argument("--dim", type=int, default=256)
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=13)
    args = p.parse_args()
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    pairs = data.read_parallel(os.path.join(args.corpora, "train")) + data.read_dictionary(
        os.path.join(args.corpora, "dict", "freedict-eng-ind.tsv"))
    dev = dev_sets(args.corpora)
    table = torch.nn.EmbeddingBag(args.rows, args.dim, mode="mean")
    torch.nn.init.normal_(table.weight, std=0.1)
    scale = torch.nn.Parameter(torch.tensor(math.log(20.0)))
    opt = torch.optim.Adam(list(table.parameters()) + [scale], lr=3e-3)
    en = [features(x.en, args.rows) for x in pairs]
    idn = [features(x.id, args.rows) for x in pairs]

    def bag(lists: list[list[int]]) -> torch.Tensor:
        offsets = torch.tensor([0] + [len(f) for f in lists[:-1]]).cumsum(0)
        return table(torch.tensor([x for f in lists for x in f]), offsets)

    def encode(texts: list[str]) -> torch.Tensor:
        with torch.no_grad():
            return bag([features(t, args.rows) for t in texts])

    for epoch in range(1, args.epochs + 1):
        t0 = time.time()
        order = list(range(len(pairs)))
        rng.shuffle(order)
        for k in range(0, len(order) - 128, 512):
            batch = order[k : k + 512]
            logits = F.normalize(bag([en[i] for i in batch]), dim=-1) @ F.normalize(bag([idn[i] for i in batch]), dim=-1).T * scale.exp()
            gold = torch.arange(len(batch))
            loss = (F.cross_entropy(logits, gold) + F.cross_entropy(logits.T, gold)) / 2
            opt.zero_grad()
            loss.backward()
            opt.step()
        log(f"baseline epoch {epoch}: " + " ".join(f"{name} {retrieval(encode, v)}" for name, v in dev.items()) + f" ({time.time() - t0:.0f}s)")


if __name__ == "__main__":
    main()
