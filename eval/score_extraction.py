#!/usr/bin/env python3
"""Scores `parallax import` output (JSON Lines) against hand-written article texts.

    score_extraction.py benchmark GROUND_TRUTH.json[.gz] PRED.jsonl N_PAGES
    score_extraction.py dev DIR PRED.jsonl

benchmark: the scoring of scrapinghub/article-extraction-benchmark's evaluate.py (MIT),
reimplemented without its bootstrap: each page's text and articleBody are cut into `\\w+`
tokens, then into 4-token shingles; TP/FP/FN are counted over the shingle multisets and
normalised per page; precision and recall are the means over pages, F1 is their harmonic
mean. A page that `parallax import` refused (no record) counts with an empty text. Printed
twice: for the text as imported ("text"), and for the import's "body" field, the article's
paragraphs without the headline, byline and date lines (the benchmark's articleBody has none
of them; for an old record without "body", the text without its first paragraph when it is
the title and up to two paragraphs of at most 8 words).

dev: for each `NAME.html` in DIR with its article text in `NAME.txt`, word precision and
recall (multisets of lower-cased `\\w+` words) of the imported text, and their means.
"""
import gzip
import json
import os
import re
import sys
from collections import Counter

TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def tokens(text):
    return TOKEN.findall(text or "")


def shingles(text, n=4):
    t = tokens(text)
    return Counter(tuple(t[i:i + n]) for i in range(0, max(1, len(t) - n + 1)) if t[i:i + n])


def tp_fp_fn(true, pred):
    a, b = shingles(true), shingles(pred)
    tp = fp = fn = 0.0
    for k in set(a) | set(b):
        tc, pc = a.get(k, 0), b.get(k, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s > 0 else (tp, fp, fn)


def precision(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def mean(xs):
    return sum(xs) / len(xs) if xs else 0.0


def metrics(rows):
    p = mean([precision(*r) for r in rows if r[0] + r[1] > 0])
    r = mean([recall(*r) for r in rows if r[0] + r[2] > 0])
    f = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return p, r, f


def body(text, title):
    """The text without the header paragraphs (headline, byline, date) before the body: the
    first paragraph when it is the title, then up to two paragraphs of at most 8 words."""
    paras = text.split("\n\n")
    i = 1 if paras and paras[0] == title else 0
    j = i
    while j < min(i + 2, len(paras) - 1) and len(paras[j].split()) <= 8:
        j += 1
    return "\n\n".join(paras[j:])


def load_pred(path):
    pred = {}
    with open(path, encoding="utf8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                pred[os.path.basename(r["file"]).rsplit(".", 1)[0]] = r
    return pred


def benchmark(gt_path, pred_path, n_pages):
    opener = gzip.open if gt_path.endswith(".gz") else open
    with opener(gt_path, "rt", encoding="utf8") as f:
        gt = json.load(f)
    pred = load_pred(pred_path)
    refused = [k for k in gt if k not in pred]
    not_extracted = sum(1 for r in pred.values() if not r["extracted"])
    cuts = (("text", lambda r: r["text"]),
            ("body", lambda r: r["body"] if "body" in r else body(r["text"], r["title"])))
    for name, cut in cuts:
        rows = [tp_fp_fn(gt[k].get("articleBody", ""), cut(pred[k]) if k in pred else "")
                for k in gt]
        p, r, f = metrics(rows)
        print(f"benchmark ({name}): precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    print(f"benchmark: {len(gt)} pages, {len(refused)} refused, {not_extracted} read whole "
          f"(no article found); {n_pages} pages given")


def words(text):
    return Counter(w.lower() for w in tokens(text))


def dev(dir_path, pred_path):
    pred = load_pred(pred_path)
    names = sorted(n[:-5] for n in os.listdir(dir_path) if n.endswith(".html"))
    ps, rs = [], []
    for n in names:
        gold_path = os.path.join(dir_path, n + ".txt")
        if not os.path.exists(gold_path):
            continue
        with open(gold_path, encoding="utf8") as f:
            gold = words(f.read())
        got = words(pred[n]["text"]) if n in pred else Counter()
        common = sum((gold & got).values())
        p = common / sum(got.values()) if got else 0.0
        r = common / sum(gold.values()) if gold else 1.0
        ps.append(p)
        rs.append(r)
        flag = "" if n in pred and pred[n]["extracted"] else "  (refused)" if n not in pred else "  (read whole)"
        print(f"  {n:<40} precision {p:.3f}  recall {r:.3f}{flag}")
    print(f"dev: {len(ps)} pages, mean word precision {mean(ps):.3f}, mean word recall {mean(rs):.3f}")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "benchmark":
        benchmark(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif len(sys.argv) == 4 and sys.argv[1] == "dev":
        dev(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
