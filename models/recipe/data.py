"""Reading the parallel corpora and the dictionary, text normalisation, the subword vocabulary.

The normalisation here must stay identical to the `normalizer` written into tokenizer.json (see export.py):
NFKC, lower case, runs of whitespace to one space, stripped. Training sees exactly what transformers.js feeds the
model at run time.
"""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass

import sentencepiece as spm

# Whitespace spelled out, because Python's \s and JavaScript's \s differ at the edges (U+001C-U+001F, U+0085).
WHITESPACE_CLASS = "[\\t\\n\\u000b\\f\\r \\u001c-\\u001f\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]"
WHITESPACE = re.compile(WHITESPACE_CLASS + "+")
# "akuntan 2." and similar: sense numbers left in some FreeDict translations.
DICT_SENSE_NUMBER = re.compile(r"\s+\d+\.?$")
# The dictionary has up to a dozen translations per headword; the first few are the common senses.
MAX_TRANSLATIONS_PER_HEADWORD = 3

# Retrieval is measured as the project's issue states it: the right translation among this many candidates.
CANDIDATES = 1000
# transformers.js cuts longer inputs here (tokenizer_config.json model_max_length).
MODEL_MAX_LENGTH = 512

PAD, BOS, EOS, UNK = "<pad>", "<s>", "</s>", "<unk>"
# XLM-R's order, so the exported tokenizer looks like one transformers.js already knows.
PAD_ID, BOS_ID, EOS_ID, UNK_ID = 1, 0, 2, 3


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return WHITESPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class Pair:
    en: str
    id: str
    source: str  # corpus file stem, e.g. "bppt-eco"


def read_parallel(folder: str) -> list[Pair]:
    """All `NAME.en` / `NAME.id` files of a folder, line-aligned, in sorted file order and document order."""
    stems = sorted({f[:-3] for f in os.listdir(folder) if f.endswith(".en")})
    pairs: list[Pair] = []
    for stem in stems:
        with open(os.path.join(folder, stem + ".en"), encoding="utf-8") as f:
            en_lines = f.read().split("\n")
        with open(os.path.join(folder, stem + ".id"), encoding="utf-8") as f:
            id_lines = f.read().split("\n")
        if en_lines and en_lines[-1] == "":
            en_lines.pop()
        if id_lines and id_lines[-1] == "":
            id_lines.pop()
        if len(en_lines) != len(id_lines):
            raise SystemExit(f"{stem}: {len(en_lines)} English lines but {len(id_lines)} Indonesian lines")
        for en, idn in zip(en_lines, id_lines):
            en, idn = normalize(en), normalize(idn)
            if en and idn:
                pairs.append(Pair(en, idn, stem))
    return pairs


def read_dictionary(path: str) -> list[Pair]:
    pairs: list[Pair] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            head, translations = line.rstrip("\n").split("\t", 1)
            head = normalize(head)
            seen: set[str] = set()
            for t in translations.split("|"):
                t = normalize(DICT_SENSE_NUMBER.sub("", t))
                if t and head and t not in seen and len(seen) < MAX_TRANSLATIONS_PER_HEADWORD:
                    seen.add(t)
                    pairs.append(Pair(head, t, "freedict"))
    return pairs


def train_sentencepiece(texts: list[str], prefix: str, vocab_size: int, seed: int, threads: int) -> spm.SentencePieceProcessor:
    """A shared English+Indonesian Unigram vocabulary. Text is already normalised, so sentencepiece's own
    normalisation is switched off (transformers.js could not reproduce its precompiled rules exactly)."""
    spm.set_random_generator_seed(seed)
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(texts),
        model_prefix=prefix,
        model_type="unigram",
        vocab_size=vocab_size,
        character_coverage=0.9995,
        normalization_rule_name="identity",
        remove_extra_whitespaces=True,
        add_dummy_prefix=True,
        split_digits=False,
        byte_fallback=False,
        pad_id=PAD_ID,
        bos_id=BOS_ID,
        eos_id=EOS_ID,
        unk_id=UNK_ID,
        pad_piece=PAD,
        bos_piece=BOS,
        eos_piece=EOS,
        unk_piece=UNK,
        input_sentence_size=0,
        shuffle_input_sentence=False,
        num_threads=threads,
        minloglevel=2,
    )
    return spm.SentencePieceProcessor(model_file=prefix + ".model")


def encode(sp: spm.SentencePieceProcessor, texts: list[str], max_len: int, sample_alpha: float = 0.0) -> list[list[int]]:
    """Token ids as the exported tokenizer produces them: <s> pieces </s>, then cut to max_len from the end
    (what transformers.js does with truncation on)."""
    if sample_alpha > 0:
        pieces = sp.encode(texts, out_type=int, enable_sampling=True, alpha=sample_alpha, nbest_size=-1)
    else:
        pieces = sp.encode(texts, out_type=int)
    return [([BOS_ID] + p + [EOS_ID])[:max_len] for p in pieces]
