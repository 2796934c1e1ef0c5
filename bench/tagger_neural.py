"""A small neural tagger (a BiLSTM with a CRF output layer) against the single-pass CRF on a
development fold (tagger52): trained on exactly the fold's training lines (train.py
`--development --fold N`: the same lines, anystyle-core's counted twice), one line in twenty of
them kept back for early stopping (never trained on), the fold's own lines never seen in training
or stopping. Each token's input: the CRF's own feature names (features.sequence_features, the
function the tagger calls) hashed into an embedding bag, a character CNN of the token, and a
lower-cased word embedding learned from the training lines. The model's labels and marginals are
read by the WHOLE parser (conventions, assembly), plugged in where the CRF's go (tagger.tag),
and scored as bench/tagger_stack.py scores a CRF model of the fold.

PyTorch is not a dependency of the package: this script runs with a venv of its own that has
torch and numpy, and reaches the project's modules (and their dependencies, pycrfsuite) through
the shared venv's site-packages:

    python3 -m venv /tmp/tagger52/venv && /tmp/tagger52/venv/bin/pip install torch numpy
    /tmp/tagger52/venv/bin/python bench/tagger_neural.py train --fold 6 --out /tmp/tagger52/neural-fold6.pt
    /tmp/tagger52/venv/bin/python bench/tagger_neural.py score --fold 6 /tmp/tagger52/neural-fold6.pt /tmp/tagger51/single-fold6.crfsuite
    (score --raw: the conventions off, the diagnostic tagger51 gave)

The pure parts (feature hashing, character ids, batching, Viterbi, marginals) need no torch and
are tested in tests/test_tagger_neural.py. No held-out line and no gold.xml line is read here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
import time
import zlib
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SHARED = Path("/work/main/.venv/lib/python3.11/site-packages")  # pycrfsuite and the rest, for the torch venv

BUCKETS = 1 << 17  # feature names hashed into this many rows (row 0 is padding)
CHAR_BUCKETS = 4093  # character codes folded into this many rows (row 0 is padding)
MAX_CHARS = 20  # a token's first characters read by the character CNN


def feature_ids(names, buckets: int = BUCKETS) -> list[int]:
    """A token's feature names (bytes or str) as embedding rows 1..buckets-1: a CRC-32 of the
    name (stable across processes, unlike hash()), so the same name is the same row everywhere."""
    out = []
    for name in names:
        raw = name if isinstance(name, bytes) else name.encode("utf-8")
        out.append(zlib.crc32(raw) % (buckets - 1) + 1)
    return out


def char_ids(token: str, limit: int = MAX_CHARS, buckets: int = CHAR_BUCKETS) -> list[int]:
    """A token's first `limit` characters as rows 1..buckets-1 (at least one: an empty token is [1])."""
    return [ord(c) % (buckets - 1) + 1 for c in token[:limit]] or [1]


def word_key(token: str) -> str:
    """The word embedding's key of a token: lower-cased, digits folded to 0."""
    return "".join("0" if c.isdigit() else c for c in token.lower())


def batches(lengths: list[int], size: int, seed: int) -> list[list[int]]:
    """Indices of the sequences cut in batches of at most `size` of similar length (sorted by
    length within shuffled pools of 50 batches, so little padding), in a shuffled order; the same
    seed gives the same batches. Every index is in exactly one batch."""
    rng = random.Random(seed)
    order = list(range(len(lengths)))
    rng.shuffle(order)
    pool = size * 50
    out = []
    for k in range(0, len(order), pool):
        chunk = sorted(order[k : k + pool], key=lengths.__getitem__)
        out.extend(chunk[i : i + size] for i in range(0, len(chunk), size))
    rng.shuffle(out)
    return out


def pad(rows: list[list[int]], width: int | None = None, value: int = 0) -> list[list[int]]:
    """Rows padded with `value` to `width` (the longest row's length by default)."""
    width = max(map(len, rows), default=0) if width is None else width
    return [row + [value] * (width - len(row)) for row in rows]


def viterbi(emissions: list[list[float]], transitions: list[list[float]], start: list[float], end: list[float]) -> list[int]:
    """The best label sequence of a linear-chain CRF: emissions[t][j] the score of label j at
    token t, transitions[i][j] of label j after i, start/end of the first/last label."""
    n = len(emissions)
    if n == 0:
        return []
    labels = range(len(start))
    score = [start[j] + emissions[0][j] for j in labels]
    back = []
    for t in range(1, n):
        row, prev = [], []
        for j in labels:
            i = max(labels, key=lambda i: score[i] + transitions[i][j])
            row.append(score[i] + transitions[i][j] + emissions[t][j])
            prev.append(i)
        score = row
        back.append(prev)
    best = max(labels, key=lambda j: score[j] + end[j])
    path = [best]
    for prev in reversed(back):
        path.append(prev[path[-1]])
    return path[::-1]


def _logsumexp(values) -> float:
    top = max(values)
    return top + math.log(sum(math.exp(v - top) for v in values))


def marginals(emissions: list[list[float]], transitions: list[list[float]], start: list[float], end: list[float]) -> list[list[float]]:
    """Each token's probability of each label (forward-backward over the same CRF scores)."""
    n = len(emissions)
    if n == 0:
        return []
    labels = range(len(start))
    alpha = [[start[j] + emissions[0][j] for j in labels]]
    for t in range(1, n):
        alpha.append([_logsumexp([alpha[-1][i] + transitions[i][j] for i in labels]) + emissions[t][j] for j in labels])
    beta = [list(end)]
    for t in range(n - 1, 0, -1):
        beta.insert(0, [_logsumexp([transitions[i][j] + emissions[t][j] + beta[0][j] for j in labels]) for i in labels])
    z = _logsumexp([alpha[-1][j] + end[j] for j in labels])
    return [[math.exp(alpha[t][j] + beta[t][j] - z) for j in labels] for t in range(n)]


def is_stop_line(text: str) -> bool:
    """One training line in twenty (by a hash of its text) is kept back for early stopping."""
    return int(hashlib.sha1(("stop:" + text).encode("utf-8")).hexdigest(), 16) % 20 == 0


# Everything below needs torch (the script's own venv) and the project's modules.


def _project():
    for path in (str(ROOT), str(BENCH)):
        if path not in sys.path:
            sys.path.insert(0, path)
    if SHARED.is_dir() and str(SHARED) not in sys.path:
        sys.path.append(str(SHARED))
    from exporter.references.tagger import train

    return train


def _encode(text: str, spans, vocab: dict) -> dict:
    from exporter.references.tagger.features import sequence_features

    import numpy as np

    tokens = [text[s:e] for s, e in spans]
    return {"feats": np.array(pad([feature_ids(names) for names in sequence_features(text, spans)]), dtype=np.int32),
            "chars": np.array(pad([char_ids(t) for t in tokens], MAX_CHARS), dtype=np.int32),
            "words": [vocab.get(word_key(t), 1) for t in tokens]}


def _examples(lines, vocab, label_index, train):
    from exporter.references.tagger.features import tokenize

    out = []
    for x in lines:
        spans = tokenize(x["text"])
        if spans:
            item = _encode(x["text"], spans, vocab)
            item["labels"] = [label_index[y] for y in train.token_labels(x["text"], spans, x["labels"])]
            out.append(item)
    return out


def _tensors(items, torch):
    import numpy as np

    width = max(len(it["words"]) for it in items)
    nf = max(len(f[0]) for it in items for f in [it["feats"]])
    feats = np.zeros((len(items), width, nf), dtype=np.int64)
    chars = np.zeros((len(items), width, MAX_CHARS), dtype=np.int64)
    for k, it in enumerate(items):
        n = len(it["words"])
        feats[k, :n, : it["feats"].shape[1]] = it["feats"]
        chars[k, :n] = it["chars"]
    words = torch.tensor(pad([it["words"] for it in items], width))
    mask = torch.tensor(pad([[1] * len(it["words"]) for it in items], width)).bool()
    labels = torch.tensor(pad([it.get("labels", [0] * len(it["words"])) for it in items], width))
    return torch.from_numpy(feats), torch.from_numpy(chars), words, mask, labels


def _net(torch, n_labels: int, n_words: int, dims: dict):
    nn = torch.nn

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.feat = nn.Embedding(BUCKETS, dims["feat"], padding_idx=0, sparse=True)
            self.word = nn.Embedding(n_words, dims["word"], padding_idx=0, sparse=True)
            self.char = nn.Embedding(CHAR_BUCKETS, dims["char"], padding_idx=0)
            self.conv = nn.Conv1d(dims["char"], dims["cnn"], 3, padding=1)
            self.lstm = nn.LSTM(dims["feat"] + dims["word"] + dims["cnn"], dims["hidden"], batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * dims["hidden"], n_labels)
            self.drop = nn.Dropout(0.25)
            self.trans = nn.Parameter(torch.zeros(n_labels, n_labels))
            self.start = nn.Parameter(torch.zeros(n_labels))
            self.end = nn.Parameter(torch.zeros(n_labels))

        def emissions(self, feats, chars, words, mask):
            b, t, _ = chars.shape
            f = self.feat(feats).sum(2)
            c = self.char(chars.view(b * t, -1)).transpose(1, 2)
            c = torch.relu(self.conv(c)).max(2).values.view(b, t, -1)
            x = self.drop(torch.cat([f, self.word(words), c], 2))
            lengths = mask.sum(1).cpu()
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=t)
            return self.out(self.drop(h))

        def nll(self, emissions, labels, mask):
            b, t, n = emissions.shape
            m = mask.float()
            gold = self.start[labels[:, 0]] + emissions.gather(2, labels.unsqueeze(2)).squeeze(2).mul(m).sum(1)
            gold = gold + (self.trans[labels[:, :-1], labels[:, 1:]] * m[:, 1:]).sum(1)
            last = labels.gather(1, (mask.sum(1) - 1).unsqueeze(1)).squeeze(1)
            gold = gold + self.end[last]
            alpha = self.start.unsqueeze(0) + emissions[:, 0]
            for k in range(1, t):
                step = torch.logsumexp(alpha.unsqueeze(2) + self.trans.unsqueeze(0), 1) + emissions[:, k]
                alpha = torch.where(mask[:, k].unsqueeze(1), step, alpha)
            return (torch.logsumexp(alpha + self.end.unsqueeze(0), 1) - gold).sum()

    return Net()


DIMS = {"feat": 48, "word": 32, "char": 16, "cnn": 32, "hidden": 64}


def cmd_train(args) -> int:
    import torch

    torch.set_num_threads(1)
    torch.manual_seed(0)
    train = _project()
    train.FOLD[0] = args.fold
    lines = train.training_lines(True)
    fit = [x for x in lines if not is_stop_line(x["text"])]
    stop = [x for x in lines if is_stop_line(x["text"])]
    counts: dict[str, int] = {}
    from exporter.references.tagger.features import tokenize

    labels = set()
    for x in fit:
        spans = tokenize(x["text"])
        for s, e in spans:
            key = word_key(x["text"][s:e])
            counts[key] = counts.get(key, 0) + 1
        labels.update(train.token_labels(x["text"], spans, x["labels"]))
    vocab = {w: k + 2 for k, w in enumerate(sorted(w for w, n in counts.items() if n >= 2))}  # 0 pad, 1 unknown
    names = sorted(labels)
    index = {y: k for k, y in enumerate(names)}
    t0 = time.time()
    items = []
    for x in fit:
        items.extend(_examples([x], vocab, index, train) * train.WEIGHT.get(x["source"], 1))
    stop_items = _examples(stop, vocab, index, train)
    print(f"{len(fit)} lines ({len(items)} sequences), {len(stop)} stop lines, {len(vocab)} words, {len(names)} labels; "
          f"features in {time.time() - t0:.0f} s", file=sys.stderr, flush=True)
    net = _net(torch, len(names), len(vocab) + 2, DIMS)
    sparse = [net.feat.weight, net.word.weight]
    dense = [p for p in net.parameters() if all(p is not q for q in sparse)]
    opts = [torch.optim.SparseAdam(sparse, lr=args.lr), torch.optim.Adam(dense, lr=args.lr)]
    best, best_state, bad, start = -1.0, None, 0, time.time()
    lengths = [len(it["words"]) for it in items]
    for epoch in range(args.epochs):
        net.train()
        total = 0.0
        for batch in batches(lengths, args.batch, seed=epoch):
            feats, chars, words, mask, gold = _tensors([items[i] for i in batch], torch)
            loss = net.nll(net.emissions(feats, chars, words, mask), gold, mask) / len(batch)
            for opt in opts:
                opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(dense, 5.0)
            for opt in opts:
                opt.step()
            total += loss.item() * len(batch)
        acc = _accuracy(net, stop_items, torch)
        print(f"epoch {epoch + 1}: loss {total / len(items):.3f}, stop-slice token accuracy {acc:.4f}, {time.time() - start:.0f} s",
              file=sys.stderr, flush=True)
        if acc > best:
            best, bad = acc, 0
            best_state = {k: v.clone() for k, v in net.state_dict().items()}
        else:
            bad += 1
            if bad >= args.patience:
                break
        if args.budget and time.time() - start > args.budget:
            break
    torch.save({"state": best_state, "labels": names, "vocab": vocab, "dims": DIMS, "fold": args.fold,
                "train_s": round(time.time() - start), "stop_accuracy": best}, args.out)
    print(f"-> {args.out} ({args.out.stat().st_size // 1024} KiB), best stop-slice accuracy {best:.4f}", file=sys.stderr)
    return 0


def _scores(net, items, torch):
    net.eval()
    with torch.no_grad():
        em = net.emissions(*_tensors(items, torch)[:4])
    crf = (net.trans.tolist(), net.start.tolist(), net.end.tolist())
    return [em[k, : len(it["words"])].tolist() for k, it in enumerate(items)], crf


def _accuracy(net, items, torch) -> float:
    right = total = 0
    for k in range(0, len(items), 64):
        chunk = items[k : k + 64]
        ems, crf = _scores(net, chunk, torch)
        for it, em in zip(chunk, ems):
            got = viterbi(em, *crf)
            right += sum(a == b for a, b in zip(got, it["labels"]))
            total += len(got)
    return right / max(total, 1)


def load(path: Path):
    """The saved model (net in eval mode, its labels and word vocabulary)."""
    import torch

    saved = torch.load(path, weights_only=False)
    net = _net(torch, len(saved["labels"]), len(saved["vocab"]) + 2, saved["dims"])
    net.load_state_dict(saved["state"])
    net.eval()
    return net, saved


def neural_tagger(path: Path):
    """A replacement for tagger.tag reading with the neural model: its Viterbi labels and their
    marginals, and `present` from its own marginals."""
    import dataclasses

    import torch

    from exporter.references import tagger
    from exporter.references.tagger.features import tokenize

    net, saved = load(path)
    names, vocab = saved["labels"], saved["vocab"]
    crf = (net.trans.tolist(), net.start.tolist(), net.end.tolist())

    @dataclasses.dataclass(frozen=True)
    class NeuralTagged(tagger.Tagged):
        table: tuple = dataclasses.field(default=(), repr=False, compare=False)

        def present(self, label: str) -> float:
            if label not in names:
                return 0.0
            j = names.index(label)
            return max((row[j] for row in self.table), default=0.0)

    def tag(text: str):
        spans = tokenize(text)
        if not spans:
            return tagger.Tagged(text, (), (), ())
        item = _encode(text, spans, vocab)
        with torch.no_grad():
            em = net.emissions(*_tensors([item], torch)[:4])[0].tolist()
        path_ = viterbi(em, *crf)
        table = marginals(em, *crf)
        labels = tuple(names[j] for j in path_)
        return NeuralTagged(text, tuple(spans), labels, tuple(table[t][j] for t, j in enumerate(path_)), (), 0, labels,
                            tuple(tuple(row) for row in table))

    return tag


def _plug(model: Path | None, tag=None):
    from exporter.references import tagger
    from exporter.references.tagger import normalise

    if tag is None:
        tagger.MODEL = model
        tagger.loaded_model.cache_clear()
        tag = _ORIGINAL[0]
    tagger.tag = tag
    normalise.tag = tag


_ORIGINAL: list = [None]


def cmd_score(args) -> int:
    import torch

    torch.set_num_threads(1)
    train = _project()
    train.FOLD[0] = args.fold
    import tagger_settings

    from exporter.references import tagger
    from exporter.references.tagger import normalise

    _ORIGINAL[0] = tagger.tag
    if args.raw:
        normalise.corrected = lambda t: t
    for model in args.models:
        neural = model.suffix == ".pt"
        _plug(model, neural_tagger(model) if neural else None)
        result = {"model": str(model), "fold": args.fold, "raw": args.raw, "fields": tagger_settings.field_scores(model) if not neural
                  else _fields(tagger_settings), "token_accuracy": _token_accuracy(train, tagger.tag),
                  "ms_per_100": tagger_settings.speed_ms(), "size_kib": model.stat().st_size // 1024}
        print(f"{model} (fold {args.fold}{', conventions off' if args.raw else ''}, token accuracy {result['token_accuracy']}, "
              f"{result['size_kib']} KiB, {result['ms_per_100']} ms/100, focus {tagger_settings.focus(result):.2%}):\n", flush=True)
        print(tagger_settings.full_table(result) + "\n", flush=True)
        if args.json:
            with args.json.open("a", encoding="utf-8") as f:
                f.write(json.dumps(result) + "\n")
    return 0


def _fields(tagger_settings) -> dict:
    import entry_fields

    out = {}
    for name, lines in sorted(tagger_settings.development_sets().items()):
        got = entry_fields.score_set(lines, tagger_settings.parsed)
        out[name] = {f: round(got["fields"][f]["correct"] / max(got["fields"][f]["labelled"], 1), 4) for f in tagger_settings.FIELDS}
        out[name]["entry"] = round(got["entry"], 4)
        out[name]["entries"] = got["entries"]
    return out


def _token_accuracy(train, tag) -> dict:
    """Token accuracy of the tagger alone on the fold's lines, per set and over all of them."""
    import tagger_settings

    out, right, total = {}, 0, 0
    for name, lines in sorted(tagger_settings.development_sets().items()):
        r = n = 0
        for x in lines:
            t = tag(x["text"])
            gold = train.token_labels(x["text"], list(t.spans), x["labels"])
            r += sum(a == b for a, b in zip(t.labels, gold))
            n += len(gold)
        out[name] = round(r / max(n, 1), 4)
        right, total = right + r, total + n
    out["all"] = round(right / max(total, 1), 4)
    return out


def numpy_weights(net) -> dict:
    """The model's weights as numpy arrays (what a numpy forward pass, numpy_emissions, reads)."""
    w = {k: v.detach().numpy().astype("float32") for k, v in net.state_dict().items()}
    o, c, k = w["conv.weight"].shape
    w["conv2"] = w["conv.weight"].transpose(2, 1, 0).reshape(k * c, o)  # (shift, channel) rows
    for d in ("", "_reverse"):
        w["x" + d] = w[f"lstm.weight_ih_l0{d}"].T.copy()
        w["h" + d] = w[f"lstm.weight_hh_l0{d}"].T.copy()
        w["b" + d] = w[f"lstm.bias_ih_l0{d}"] + w[f"lstm.bias_hh_l0{d}"]
    return w


def numpy_emissions(w: dict, item: dict):
    """One entry's emission scores by numpy alone (the same as net.emissions in eval mode)."""
    import numpy as np

    feats, chars = item["feats"], item["chars"]
    x_f = w["feat.weight"][feats].sum(1)
    x_w = w["word.weight"][np.asarray(item["words"])]
    ch = w["char.weight"][chars]  # (T, MAX_CHARS, dims)
    padded = np.pad(ch, ((0, 0), (1, 1), (0, 0)))
    windows = np.concatenate([padded[:, k : k + chars.shape[1]] for k in range(3)], 2)
    x_c = np.maximum(windows @ w["conv2"] + w["conv.bias"], 0).max(1)
    x = np.concatenate([x_f, x_w, x_c], 1)
    out = []
    for d, order in (("", range(len(x))), ("_reverse", range(len(x) - 1, -1, -1))):
        gates_x = x @ w["x" + d] + w["b" + d]
        hidden = w["h" + d].shape[0]
        h = np.zeros(hidden, dtype=np.float32)
        c = np.zeros(hidden, dtype=np.float32)
        hs = np.zeros((len(x), hidden), dtype=np.float32)
        for t in order:
            g = gates_x[t] + h @ w["h" + d]
            i, f, gg, o = 1 / (1 + np.exp(-g[:hidden])), 1 / (1 + np.exp(-g[hidden : 2 * hidden])), np.tanh(g[2 * hidden : 3 * hidden]), 1 / (1 + np.exp(-g[3 * hidden :]))
            c = f * c + i * gg
            h = o * np.tanh(c)
            hs[t] = h
        out.append(hs)
    return np.concatenate(out, 1) @ w["out.weight"].T + w["out.bias"]


def numpy_decode(em, trans, start, end):
    """Viterbi labels and their marginals by numpy (the same as viterbi and marginals)."""
    import numpy as np

    n = len(em)
    score = start + em[0]
    back = np.zeros((n, len(start)), dtype=np.int64)
    alpha = np.zeros_like(em)
    alpha[0] = score
    for t in range(1, n):
        both = score[:, None] + trans
        back[t] = both.argmax(0)
        score = both.max(0) + em[t]
        a = alpha[t - 1][:, None] + trans
        top = a.max(0)
        alpha[t] = top + np.log(np.exp(a - top).sum(0)) + em[t]
    path = [int((score + end).argmax())]
    for t in range(n - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    path.reverse()
    beta = np.zeros_like(em)
    beta[-1] = end
    for t in range(n - 1, 0, -1):
        b = trans + (em[t] + beta[t])[None, :]
        top = b.max(1)
        beta[t - 1] = top + np.log(np.exp(b - top[:, None]).sum(1))
    last = alpha[-1] + end
    z = last.max() + np.log(np.exp(last - last.max()).sum())
    table = np.exp(alpha + beta - z)
    return path, table[np.arange(n), path]


def cmd_speed(args) -> int:
    """CPU milliseconds for the fold's first 100 development entries, by stage: feature names and
    encoding, the torch forward pass (1 thread), the numpy one, Viterbi and marginals (best of 5)."""
    import numpy as np
    import torch

    torch.set_num_threads(1)
    train = _project()
    train.FOLD[0] = args.fold
    from exporter.references.tagger.features import tokenize

    net, saved = load(args.model)
    vocab = saved["vocab"]
    texts = [x["text"] for x in train.read_lines() if train.is_development(x["text"])][:100]
    items = [_encode(t, tokenize(t), vocab) for t in texts]
    w = numpy_weights(net)
    crf = (net.trans.tolist(), net.start.tolist(), net.end.tolist())
    gap = max(float(np.abs(numpy_emissions(w, it) - net.emissions(*_tensors([it], torch)[:4])[0].detach().numpy()).max()) for it in items[:10])

    def best(fn) -> float:
        times = []
        for _ in range(5):
            start = time.process_time()
            fn()
            times.append(time.process_time() - start)
        return round(min(times) * 1000, 1)

    with torch.no_grad():
        stages = {"features": best(lambda: [_encode(t, tokenize(t), vocab) for t in texts]),
                  "torch forward": best(lambda: [net.emissions(*_tensors([it], torch)[:4]) for it in items]),
                  "numpy forward": best(lambda: [numpy_emissions(w, it) for it in items])}
        ems = [net.emissions(*_tensors([it], torch)[:4])[0].tolist() for it in items]
    stages["viterbi (python)"] = best(lambda: [viterbi(em, *crf) for em in ems])
    stages["marginals (python)"] = best(lambda: [marginals(em, *crf) for em in ems])
    arrays = [np.asarray(em, dtype=np.float32) for em in ems]
    crf_np = tuple(np.asarray(a, dtype=np.float32) for a in crf)
    stages["viterbi and marginals (numpy)"] = best(lambda: [numpy_decode(em, *crf_np) for em in arrays])
    for em, a in zip(ems[:20], arrays):  # the numpy decoding reads as the tested one
        path, probs = numpy_decode(a, *crf_np)
        table = marginals(em, *crf)
        assert path == viterbi(em, *crf) and max(abs(p - table[t][j]) for t, (j, p) in enumerate(zip(path, probs))) < 1e-3
    sizes = {k: int(v.size) for k, v in w.items() if "." in k}
    print(json.dumps({"model": str(args.model), "tokens": sum(len(it["words"]) for it in items), "ms_per_100": stages,
                      "numpy_max_gap": gap, "parameters": sum(sizes.values()), "float32_kib": sum(sizes.values()) * 4 // 1024,
                      "feature_rows": int(w["feat.weight"].shape[0])}))
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train")
    t.add_argument("--fold", type=int, default=6, choices=range(10))
    t.add_argument("--out", type=Path, required=True)
    t.add_argument("--epochs", type=int, default=8)
    t.add_argument("--patience", type=int, default=2)
    t.add_argument("--batch", type=int, default=32)
    t.add_argument("--lr", type=float, default=2e-3)
    t.add_argument("--budget", type=float, default=0, help="stop after the epoch that passes this many seconds")
    s = sub.add_parser("score")
    s.add_argument("models", nargs="+", type=Path, help="a neural model (.pt) or a CRF model (.crfsuite)")
    s.add_argument("--fold", type=int, default=6, choices=range(10))
    s.add_argument("--raw", action="store_true", help="the conventions off (normalise.corrected the identity)")
    s.add_argument("--json", type=Path)
    p = sub.add_parser("speed")
    p.add_argument("model", type=Path)
    p.add_argument("--fold", type=int, default=6, choices=range(10))
    args = parser.parse_args(argv)
    return {"train": cmd_train, "score": cmd_score, "speed": cmd_speed}[args.cmd](args)


if __name__ == "__main__":
    raise SystemExit(main())
