#!/usr/bin/env python3
"""The tf-idf baseline of sentence alignment on the event set (issue 22).

usage: tfidf_baseline.py [THRESHOLD]
Every sentence pair of each document pair of `eval/dev/alignments/pairs_{tune,test}.txt` is
predicted aligned when the cosine of its tf-idf vectors (lower-cased words, a short stop list
dropped, idf over the two documents' sentences) reaches the threshold. The threshold is chosen
on the tune part (the best sum of strong recall, related recall and precision) unless given;
the test part is scored once with it, by `score_alignments.py`. Sentences are split at ., ! or ?
before a capital, digit or quotation mark, and at line ends.
"""
import json, math, re, subprocess, sys, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIR = ROOT / "eval" / "dev" / "alignments"
STOP = set(
    "a an the and or but of to in on at for by with from as is are was were be been has have "
    "had it its this that these those he she they we i you his her their our not no said says "
    "say told".split()
)


def sentences(text):
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line, base, start = m.group(), m.start(), 0
        for b in re.finditer(r"(?<=[.!?])[\"”’]?\s+(?=[\"“A-Z0-9])", line):
            out.append((base + start, base + b.start() + len(b.group().rstrip())))
            start = b.end()
        out.append((base + start, base + len(line)))
    return [(a, b) for a, b in out if b - a > 1]


def words(s):
    return [w for w in re.findall(r"\w+", s.lower()) if w not in STOP]


def pairs(split):
    for line in open(DIR / f"pairs_{split}.txt", encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            yield line.split()


def predict(split, threshold):
    out = []
    for a, b in pairs(split):
        ta = (ROOT / a).read_text(encoding="utf-8")
        tb = (ROOT / b).read_text(encoding="utf-8")
        sa, sb = sentences(ta), sentences(tb)
        docs = [words(ta[x:y]) for x, y in sa] + [words(tb[x:y]) for x, y in sb]
        df = {}
        for d in docs:
            for w in set(d):
                df[w] = df.get(w, 0) + 1

        def vec(d):
            v = {}
            for w in d:
                v[w] = v.get(w, 0) + 1
            v = {w: c * math.log(1 + len(docs) / df[w]) for w, c in v.items()}
            n = math.sqrt(sum(x * x for x in v.values())) or 1.0
            return {w: x / n for w, x in v.items()}

        va, vb = [vec(d) for d in docs[: len(sa)]], [vec(d) for d in docs[len(sa):]]
        for i, x in enumerate(va):
            for j, y in enumerate(vb):
                if sum(x[w] * y.get(w, 0.0) for w in x) >= threshold:
                    out.append({"a": Path(a).name, "b": Path(b).name,
                                "a_start": sa[i][0], "a_end": sa[i][1],
                                "b_start": sb[j][0], "b_end": sb[j][1]})
    return out


def score(split, threshold):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for r in predict(split, threshold):
            f.write(json.dumps(r) + "\n")
    line = subprocess.run(
        [sys.executable, str(ROOT / "eval" / "score_alignments.py"),
         str(DIR / f"gold_{split}.jsonl"), f.name],
        capture_output=True, text=True, check=True).stdout.strip()
    Path(f.name).unlink()
    return line


def total(line):
    vals = dict(kv.split("=") for kv in line.split())
    return sum(float(vals[k]) for k in ("strong_recall", "related_recall", "precision"))


def main():
    if len(sys.argv) > 1:
        threshold = float(sys.argv[1])
    else:
        tried = [(t, score("tune", t)) for t in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)]
        threshold, line = max(tried, key=lambda x: total(x[1]))
        print(f"tune (threshold {threshold}): {line}")
    print(f"test (threshold {threshold}): {score('test', threshold)}")


if __name__ == "__main__":
    main()
