"""Train the bundled Indonesian-English sentence encoder and export it for transformers.js.

    npm run train-model -- [--corpora DIR] [--out models/selaras-mini-id-en] [--seed 13] [--device auto|cpu|cuda]

Reads DIR/train/*.{en,id} and DIR/dict/freedict-eng-ind.tsv to train, DIR/dev-raw/*.{en,id} to measure
retrieval. DIR defaults to $SELARAS_CORPORA, else ../shared/corpora beside the repository.
"""
from __future__ import annotations

import argparse
import math
import os
import platform
import random
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402
from model import PieceNgramEncoder  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# Longest training input in pieces; longer sentences are rare and their tail adds little to a mean.
TRAIN_MAX_LEN = 128
# The model starts sharp: in-batch softmax at temperature 1/20, then learns its own (CLIP-style).
INITIAL_LOGIT_SCALE = 20.0
MAX_LOGIT_SCALE = 100.0
# Share of steps spent warming the learning rate up before the cosine decay.
WARMUP = 0.05


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def parse_args(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpora", default=os.environ.get("SELARAS_CORPORA", os.path.join(REPO, "..", "shared", "corpora")))
    p.add_argument("--out", default=os.path.join(REPO, "models", "selaras-mini-id-en"))
    p.add_argument("--work", default=os.path.join(REPO, "models", "recipe", "work"), help="scratch files (git-ignored)")
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--device", default="auto", help="auto (cuda when present), cpu or cuda")
    p.add_argument("--vocab", type=int, default=32000, help="sentencepiece Unigram pieces")
    p.add_argument("--dim", type=int, default=512)
    p.add_argument("--buckets", type=int, default=200_000, help="hashed character n-gram rows (training only)")
    p.add_argument("--ngrams", default="3,4,5", help="character n-gram lengths")
    p.add_argument("--no-learn-weights", dest="learn_weights", action="store_false", help="plain mean instead of a learned pooling weight per piece")
    p.add_argument("--feature-dropout", type=float, default=0.2, help="share of features dropped per sentence in training")
    p.add_argument("--epochs", type=int, default=6)
    p.add_argument("--batch", type=int, default=512)
    p.add_argument("--lr", type=float, default=3e-3)
    p.add_argument("--chunk", type=int, default=0, help="batch runs of N consecutive pairs of a document together (0: shuffle all)")
    p.add_argument("--no-export", action="store_true")
    return p.parse_args(argv)


def retrieval(encode_fn, pairs: list[data.Pair]) -> tuple[float, float]:
    """P@1 of finding each sentence's translation among data.CANDIDATES, English->Indonesian and back."""
    pairs = pairs[: data.CANDIDATES]
    en = F.normalize(encode_fn([p.en for p in pairs]), dim=-1)
    idn = F.normalize(encode_fn([p.id for p in pairs]), dim=-1)
    sims = en @ idn.T
    gold = torch.arange(len(pairs))
    return round((sims.argmax(1) == gold).float().mean().item(), 4), round((sims.argmax(0) == gold).float().mean().item(), 4)


def dev_sets(corpora: str) -> dict[str, list[data.Pair]]:
    """news: the first 250 pairs of each BPPT domain (1,000); ted: the first 1,000 pairs of TED tst2013."""
    dev = data.read_parallel(os.path.join(corpora, "dev-raw"))
    news: list[data.Pair] = []
    for domain in ("bppt-eco", "bppt-int", "bppt-sci", "bppt-spo"):
        news += [p for p in dev if p.source == domain][: data.CANDIDATES // 4]
    return {"news": news, "ted": [p for p in dev if p.source.startswith("ted")][: data.CANDIDATES]}


def make_batches(pairs: list[data.Pair], batch: int, chunk: int, rng: random.Random) -> list[list[int]]:
    """Index batches. With chunk > 0, runs of consecutive pairs of one document stay together, so in-batch
    negatives include sentences on the same topic: harder, and what an aligner must tell apart."""
    if chunk <= 0:
        order = list(range(len(pairs)))
        rng.shuffle(order)
    else:
        runs: list[list[int]] = []
        k = 0
        while k < len(pairs):
            end = k
            while end < len(pairs) and end - k < chunk and pairs[end].source == pairs[k].source:
                end += 1
            runs.append(list(range(k, end)))
            k = end
        rng.shuffle(runs)
        order = [i for r in runs for i in r]
    return [order[k : k + batch] for k in range(0, len(order), batch) if len(order[k : k + batch]) > batch // 4]


def main(argv=None) -> dict:
    args = parse_args(argv)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    use_cuda = args.device == "cuda" or (args.device == "auto" and torch.cuda.is_available())
    device = torch.device("cuda" if use_cuda else "cpu")
    os.makedirs(args.work, exist_ok=True)
    started = time.time()
    log(f"corpora {os.path.abspath(args.corpora)}, device {device}, {args.threads} threads, seed {args.seed}")
    if not os.path.isdir(os.path.join(args.corpora, "train")):
        raise SystemExit(f"no train/ folder in {os.path.abspath(args.corpora)}: pass --corpora DIR or set SELARAS_CORPORA")

    train = data.read_parallel(os.path.join(args.corpora, "train"))
    dictionary = data.read_dictionary(os.path.join(args.corpora, "dict", "freedict-eng-ind.tsv"))
    dev = dev_sets(args.corpora)
    log(f"{len(train)} training pairs, {len(dictionary)} dictionary pairs; dev: " + ", ".join(f"{k} {len(v)}" for k, v in dev.items()))

    texts = [p.en for p in train] + [p.id for p in train] + [p.en for p in dictionary] + [p.id for p in dictionary]
    sp = data.train_sentencepiece(texts, os.path.join(args.work, "spm"), args.vocab, args.seed, args.threads)
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    log(f"sentencepiece Unigram vocabulary: {len(pieces)} pieces")

    ngrams = tuple(int(n) for n in args.ngrams.split(",") if n)
    model = PieceNgramEncoder(pieces, args.dim, args.buckets, ngrams, args.learn_weights, args.feature_dropout).to(device)
    log(f"{sum(len(f) for f in model.features) / len(pieces):.1f} features per piece; "
        f"{model.table.weight.numel() / 1e6:.1f}M training parameters")
    scale = torch.nn.Parameter(torch.tensor(math.log(INITIAL_LOGIT_SCALE), device=device))
    sparse_params = [model.table.weight] + ([model.weight_logit.weight] if args.learn_weights else [])
    optimizers = [torch.optim.SparseAdam(sparse_params, lr=args.lr), torch.optim.Adam([scale], lr=args.lr)]

    pairs = train + dictionary
    en_ids = data.encode(sp, [p.en for p in pairs], TRAIN_MAX_LEN)
    id_ids = data.encode(sp, [p.id for p in pairs], TRAIN_MAX_LEN)
    rng = random.Random(args.seed)
    steps_per_epoch = len(make_batches(pairs, args.batch, args.chunk, random.Random(0)))
    total_steps = args.epochs * steps_per_epoch
    warmup = max(1, int(WARMUP * total_steps))

    def lr_at(step: int) -> float:
        if step < warmup:
            return args.lr * (step + 1) / warmup
        return args.lr * 0.5 * (1 + math.cos(math.pi * (step - warmup) / max(1, total_steps - warmup)))

    def encode_texts(texts: list[str]) -> torch.Tensor:
        model.eval()
        with torch.no_grad():
            seqs = data.encode(sp, texts, data.MODEL_MAX_LENGTH)
            out = torch.cat([model(seqs[k : k + 512]).cpu() for k in range(0, len(seqs), 512)])
        model.train()
        return out

    history = []
    step = 0
    for epoch in range(1, args.epochs + 1):
        t0 = time.time()
        losses = []
        batches = make_batches(pairs, args.batch, args.chunk, rng)
        for k, batch in enumerate(batches):
            for opt in optimizers:
                for group in opt.param_groups:
                    group["lr"] = lr_at(step)
            a = F.normalize(model([en_ids[i] for i in batch]), dim=-1)
            b = F.normalize(model([id_ids[i] for i in batch]), dim=-1)
            logits = a @ b.T * scale.exp().clamp(max=MAX_LOGIT_SCALE)
            gold = torch.arange(len(batch), device=device)
            loss = (F.cross_entropy(logits, gold) + F.cross_entropy(logits.T, gold)) / 2
            for opt in optimizers:
                opt.zero_grad(set_to_none=True)
            loss.backward()
            for opt in optimizers:
                opt.step()
            step += 1
            losses.append(loss.item())
            if (k + 1) % 25 == 0:
                log(f"  epoch {epoch} step {k + 1}/{len(batches)} loss {np.mean(losses[-25:]):.3f}")
        figures = {name: retrieval(encode_texts, dev_pairs) for name, dev_pairs in dev.items()}
        history.append({"epoch": epoch, "loss": round(float(np.mean(losses)), 4), **{k: list(v) for k, v in figures.items()}})
        log(f"epoch {epoch}/{args.epochs} loss {np.mean(losses):.3f} logit scale {scale.exp().item():.1f} | retrieval P@1 "
            + " ".join(f"{k} en>id {v[0]:.3f} id>en {v[1]:.3f}" for k, v in figures.items()) + f" ({time.time() - t0:.0f}s)")

    train_seconds = time.time() - started
    log(f"trained in {train_seconds / 60:.1f} min")
    if args.no_export:
        return {"history": history}
    import export  # noqa: E402  (onnx is only needed from here on)

    facts = {
        "seed": args.seed,
        "device": str(device),
        "threads": args.threads,
        "train_minutes": round(train_seconds / 60, 1),
        "training_pairs": len(train),
        "dictionary_pairs": len(dictionary),
        "config": {k: v for k, v in vars(args).items() if k not in ("corpora", "out", "work")},
        "versions": {"python": platform.python_version(), "torch": torch.__version__, "sentencepiece": __import__("sentencepiece").__version__},
    }
    figures = export.export_all(model, sp, args, dev, history, facts)
    total = sum(f["bytes"] for f in figures["files"].values())
    log(f"exported to {args.out}: {total / 2**20:.1f} MiB; retrieval P@1 (int8) "
        + " ".join(f"{k} {v[0]:.3f}/{v[1]:.3f}" for k, v in figures["retrieval_int8"].items()))
    return figures


if __name__ == "__main__":
    main()
