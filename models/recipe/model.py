"""The sentence encoder: a weighted mean of subword-piece vectors, where each piece's vector is, during training,
the sum of a vector of its own and of hashed vectors of its character n-grams (fastText-style).

The n-grams let rare pieces and cognates (informasi / information, presiden / president) share what they learn.
They cost nothing at run time: `collapse` folds them into one vector and one pooling weight per piece, so the
exported model is a lookup table and a weighted mean (see export.py).
"""
from __future__ import annotations

import zlib

import torch
from torch import nn

import data

# softplus(0.5413) = 1: pieces start with weight 1 per feature, i.e. the plain mean over all features.
UNIT_WEIGHT_LOGIT = 0.5413
SPECIAL_IDS = (data.BOS_ID, data.PAD_ID, data.EOS_ID)


def piece_features(piece: str, piece_id: int, ngrams: tuple[int, ...], buckets: int) -> list[int]:
    """Feature rows of one piece: its own row (after the hashed rows) and one hashed row per character n-gram.
    A leading "▁" (start of a word) becomes "<" so n-grams at word starts differ from those inside words."""
    if piece_id in SPECIAL_IDS:
        return []
    out = [buckets + piece_id]
    if piece_id == data.UNK_ID:
        return out
    text = piece.replace("\u2581", "<")
    for n in ngrams:
        for k in range(len(text) - n + 1):
            out.append(zlib.crc32(text[k : k + n].encode("utf-8")) % buckets)
    return out


class PieceNgramEncoder(nn.Module):
    def __init__(self, pieces: list[str], dim: int, buckets: int, ngrams: tuple[int, ...], learn_weights: bool,
                 feature_dropout: float = 0.0):
        super().__init__()
        self.feature_dropout = feature_dropout
        self.vocab, self.dim, self.buckets, self.ngrams = len(pieces), dim, buckets, ngrams
        self.features = [piece_features(p, i, ngrams, buckets) for i, p in enumerate(pieces)]
        self.table = nn.EmbeddingBag(buckets + len(pieces), dim, mode="sum", sparse=True)
        nn.init.normal_(self.table.weight, std=0.1)
        self.learn_weights = learn_weights
        if learn_weights:
            self.weight_logit = nn.Embedding(len(pieces), 1, sparse=True)
            nn.init.constant_(self.weight_logit.weight, UNIT_WEIGHT_LOGIT)

    def forward(self, sentences: list[list[int]]) -> torch.Tensor:
        """One vector per sentence (a list of piece ids), not normalised."""
        device = self.table.weight.device
        flat: list[int] = []
        owner: list[int] = []  # piece id of each feature
        offsets: list[int] = []
        for ids in sentences:
            offsets.append(len(flat))
            for p in ids:
                feats = self.features[p]
                flat.extend(feats)
                owner.extend([p] * len(feats))
        if not flat:
            return torch.zeros(len(sentences), self.dim, device=device)
        flat_t = torch.tensor(flat, device=device)
        offsets_t = torch.tensor(offsets, device=device)
        if self.learn_weights:
            weights = nn.functional.softplus(self.weight_logit(torch.tensor(owner, device=device)).squeeze(-1))
        else:
            weights = torch.ones(len(flat), device=device)
        if self.training and self.feature_dropout > 0:
            # Each step sees each sentence with some of its n-grams and pieces missing: it cannot lean on one.
            weights = weights * (torch.rand(len(flat), device=device) >= self.feature_dropout)
        total = self.table(flat_t, offsets_t, per_sample_weights=weights)
        counts = torch.tensor([sum(len(self.features[p]) for p in ids) for ids in sentences], device=device)
        bag_of_feature = torch.repeat_interleave(torch.arange(len(sentences), device=device), counts)
        norm = torch.zeros(len(sentences), device=device).index_add_(0, bag_of_feature, weights)
        return total / norm.clamp_min(1e-6).unsqueeze(-1)

    @torch.no_grad()
    def collapse(self) -> tuple[torch.Tensor, torch.Tensor]:
        """Per piece: the weighted sum of its feature vectors [vocab, dim] and its pooling weight [vocab], so that
        sentence = sum of vectors / sum of weights over its pieces, exactly what forward computes."""
        table = self.table.weight.detach().cpu()
        vectors = torch.zeros(self.vocab, self.dim)
        weights = torch.zeros(self.vocab)
        logits = self.weight_logit.weight.detach().cpu().squeeze(-1) if self.learn_weights else None
        for p, feats in enumerate(self.features):
            if not feats:
                continue
            w = float(nn.functional.softplus(logits[p])) if logits is not None else 1.0
            vectors[p] = table[feats].sum(0) * w
            weights[p] = w * len(feats)
        return vectors, weights


def encode_collapsed(vectors: torch.Tensor, weights: torch.Tensor, sentences: list[list[int]]) -> torch.Tensor:
    """The exported model's computation, in torch: weighted mean of collapsed piece vectors."""
    out = torch.zeros(len(sentences), vectors.shape[1])
    for k, ids in enumerate(sentences):
        idx = torch.tensor(ids, dtype=torch.long)
        den = weights[idx].sum()
        if den > 0:
            out[k] = vectors[idx].sum(0) / den
    return out
