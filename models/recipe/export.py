"""Write the trained encoder as a folder @xenova/transformers 2.17 loads offline:

    config.json             model_type xlm-roberta (an encoder-only type: inputs input_ids + attention_mask)
    tokenizer.json          the sentencepiece Unigram vocabulary, with the normaliser data.normalize mirrors
    tokenizer_config.json
    onnx/model_quantized.onnx
    figures.json            what the recipe measured
    probes.json             token ids and vectors of a few sentences, for the runtime parity test

The ONNX graph: int8 piece vectors (one scale per row) are gathered for the input ids, weighted by the piece's
scale and mask, summed and divided by the summed pooling weights; the sentence vector is then repeated for every
token as last_hidden_state, so the feature-extraction pipeline's mean pooling returns it unchanged.
"""
from __future__ import annotations

import hashlib
import json
import os

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper, numpy_helper

import data
from model import encode_collapsed

# Rows are quantised to int8 with one float scale each: a quarter of the size of float32, and for a bag of
# vectors the rounding error averages out (the figures.json of each run compares both).
INT8_MAX = 127
OPSET = 13
# Sentences fixed here (not taken from any corpus) whose token ids and vectors the runtime test re-computes.
PROBES = [
    "The central bank kept its benchmark rate at 5.75 percent on Thursday.",
    "Bank sentral mempertahankan suku bunga acuan di level 5,75 persen pada hari Kamis.",
    "  Jl. Sudirman No. 1, Jakarta —   “quoted”  text\twith tabs ",
    "Informasi teknologi, presiden, dan organisasi internasional.",
    "",
]


def quantize(vectors: torch.Tensor) -> tuple[np.ndarray, np.ndarray]:
    peak = vectors.abs().max(dim=1).values
    scale = torch.where(peak > 0, peak / INT8_MAX, torch.ones_like(peak))
    q = torch.round(vectors / scale.unsqueeze(1)).clamp(-INT8_MAX, INT8_MAX).to(torch.int8)
    return q.numpy(), scale.numpy().astype(np.float32)


def build_graph(q: np.ndarray, scale: np.ndarray, weights: np.ndarray) -> onnx.ModelProto:
    dim = q.shape[1]
    inits = [
        numpy_helper.from_array(q, "piece_vectors_int8"),
        numpy_helper.from_array(scale, "piece_scale"),
        numpy_helper.from_array(weights.astype(np.float32), "piece_weight"),
        numpy_helper.from_array(np.array([1], dtype=np.int64), "axis_tokens"),
        numpy_helper.from_array(np.array([-1], dtype=np.int64), "axis_last"),
        numpy_helper.from_array(np.array(1e-6, dtype=np.float32), "epsilon"),
        numpy_helper.from_array(np.array([dim], dtype=np.int64), "dim"),
    ]
    n = helper.make_node
    nodes = [
        n("Gather", ["piece_vectors_int8", "input_ids"], ["vectors_int8"]),
        n("Cast", ["vectors_int8"], ["vectors"], to=TensorProto.FLOAT),
        n("Gather", ["piece_scale", "input_ids"], ["scales"]),
        n("Gather", ["piece_weight", "input_ids"], ["weights"]),
        n("Cast", ["attention_mask"], ["mask"], to=TensorProto.FLOAT),
        n("Mul", ["scales", "mask"], ["coefficients"]),
        n("Mul", ["weights", "mask"], ["masked_weights"]),
        n("Unsqueeze", ["coefficients", "axis_last"], ["coefficients3"]),
        n("Mul", ["vectors", "coefficients3"], ["scaled"]),
        n("ReduceSum", ["scaled", "axis_tokens"], ["numerator"], keepdims=1),
        n("ReduceSum", ["masked_weights", "axis_tokens"], ["denominator"], keepdims=1),
        n("Unsqueeze", ["denominator", "axis_last"], ["denominator3"]),
        n("Max", ["denominator3", "epsilon"], ["safe_denominator"]),
        n("Div", ["numerator", "safe_denominator"], ["sentence"]),
        n("Shape", ["input_ids"], ["ids_shape"]),
        n("Concat", ["ids_shape", "dim"], ["out_shape"], axis=0),
        n("Expand", ["sentence", "out_shape"], ["last_hidden_state"]),
    ]
    graph = helper.make_graph(
        nodes,
        "selaras_piece_ngram_encoder",
        [
            helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "tokens"]),
            helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "tokens"]),
        ],
        [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "tokens", dim])],
        inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="selaras-recipe")
    model.ir_version = 8  # onnxruntime 1.14 (transformers.js 2.17) reads IR up to 8
    onnx.checker.check_model(model)
    return model


def tokenizer_json(sp) -> dict:
    specials = [(data.BOS_ID, data.BOS), (data.PAD_ID, data.PAD), (data.EOS_ID, data.EOS), (data.UNK_ID, data.UNK)]
    vocab = [[sp.id_to_piece(i), float(sp.get_score(i))] for i in range(sp.get_piece_size())]
    for i, piece in specials:
        vocab[i] = [piece, 0.0]
    template = lambda seqs: [{"SpecialToken": {"id": data.BOS, "type_id": 0}}] + seqs + [{"SpecialToken": {"id": data.EOS, "type_id": 0}}]
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [
            {"id": i, "content": piece, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False, "special": True}
            for i, piece in sorted(specials)
        ],
        "normalizer": {
            "type": "Sequence",
            "normalizers": [
                {"type": "NFKC"},
                {"type": "Lowercase"},
                {"type": "Replace", "pattern": {"Regex": data.WHITESPACE_CLASS + "+"}, "content": " "},
                {"type": "Strip", "strip_left": True, "strip_right": True},
            ],
        },
        "pre_tokenizer": {"type": "Metaspace", "replacement": "\u2581", "add_prefix_space": True, "prepend_scheme": "always"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": template([{"Sequence": {"id": "A", "type_id": 0}}]),
            "pair": template([{"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": data.EOS, "type_id": 0}},
                              {"Sequence": {"id": "B", "type_id": 0}}]),
            "special_tokens": {
                p: {"id": p, "ids": [i], "tokens": [p]} for i, p in [(data.BOS_ID, data.BOS), (data.EOS_ID, data.EOS)]
            },
        },
        "decoder": {"type": "Metaspace", "replacement": "\u2581", "add_prefix_space": True, "prepend_scheme": "always"},
        "model": {"type": "Unigram", "unk_id": data.UNK_ID, "vocab": vocab},
    }


def write_json(path: str, value) -> None:
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False, indent=1 if not path.endswith("tokenizer.json") else None)
        f.write("\n")


def retrieval_of(vectors: torch.Tensor, weights: torch.Tensor, sp, pairs) -> tuple[float, float]:
    en = torch.nn.functional.normalize(encode_collapsed(vectors, weights, data.encode(sp, [p.en for p in pairs], data.MODEL_MAX_LENGTH)), dim=-1)
    idn = torch.nn.functional.normalize(encode_collapsed(vectors, weights, data.encode(sp, [p.id for p in pairs], data.MODEL_MAX_LENGTH)), dim=-1)
    sims = en @ idn.T
    gold = torch.arange(len(pairs))
    return round((sims.argmax(1) == gold).float().mean().item(), 4), round((sims.argmax(0) == gold).float().mean().item(), 4)


def export_all(model, sp, args, dev: dict, history: list, facts: dict) -> dict:
    out = args.out
    os.makedirs(os.path.join(out, "onnx"), exist_ok=True)
    vectors, weights = model.collapse()
    q, scale = quantize(vectors)
    dequantized = torch.from_numpy(q.astype(np.float32)) * torch.from_numpy(scale).unsqueeze(1)

    onnx_model = build_graph(q, scale, weights.numpy())
    onnx_path = os.path.join(out, "onnx", "model_quantized.onnx")
    onnx.save(onnx_model, onnx_path)
    stale = os.path.join(out, "onnx", "model.onnx")
    if os.path.exists(stale):
        os.remove(stale)

    write_json(os.path.join(out, "tokenizer.json"), tokenizer_json(sp))
    write_json(os.path.join(out, "tokenizer_config.json"), {
        "tokenizer_class": "XLMRobertaTokenizer",
        "model_max_length": data.MODEL_MAX_LENGTH,
        "bos_token": data.BOS, "eos_token": data.EOS, "unk_token": data.UNK, "pad_token": data.PAD,
        "cls_token": data.BOS, "sep_token": data.EOS,
        "clean_up_tokenization_spaces": True,
    })
    write_json(os.path.join(out, "config.json"), {
        "model_type": "xlm-roberta",
        "architectures": ["XLMRobertaModel"],
        "hidden_size": model.dim,
        "vocab_size": model.vocab,
        "max_position_embeddings": data.MODEL_MAX_LENGTH,
        "bos_token_id": data.BOS_ID, "pad_token_id": data.PAD_ID, "eos_token_id": data.EOS_ID,
        # additive: a text's vector is the normalised sum of its pieces' rows, which selaras reads from the
        # initializers piece_vectors_int8 and piece_scale of the graph above (src/embed/piece-embedder.ts).
        "selaras": {"pooling": "mean", "additive": True, "languages": "en, id", "dimension": model.dim,
                    "architecture": "weighted mean of subword vectors (trained with character n-grams)"},
    })

    figures = {
        "retrieval_candidates": data.CANDIDATES,
        "retrieval_float32": {k: retrieval_of(vectors, weights, sp, v[: data.CANDIDATES]) for k, v in dev.items()},
        "retrieval_int8": {k: retrieval_of(dequantized, weights, sp, v[: data.CANDIDATES]) for k, v in dev.items()},
        "history": history,
        **facts,
        "files": {},
    }
    probe_ids = data.encode(sp, [data.normalize(p) for p in PROBES], data.MODEL_MAX_LENGTH)
    probe_vectors = torch.nn.functional.normalize(encode_collapsed(dequantized, weights, probe_ids), dim=-1)
    write_json(os.path.join(out, "probes.json"), [
        {"text": text, "input_ids": ids, "embedding": [round(float(x), 6) for x in vec]}
        for text, ids, vec in zip(PROBES, probe_ids, probe_vectors)
    ])
    for root, _, files in os.walk(out):
        for f in sorted(files):
            if f in ("figures.json", "README.md"):
                continue
            path = os.path.join(root, f)
            with open(path, "rb") as fh:
                figures["files"][os.path.relpath(path, out)] = {"bytes": os.path.getsize(path), "sha256": hashlib.sha256(fh.read()).hexdigest()}
    write_json(os.path.join(out, "figures.json"), figures)
    return figures
