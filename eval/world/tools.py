#!/usr/bin/env python3
"""World-news entity corpus: turn annotation tables into code-point spans, measure agreement,
write the gold.

Layout (all paths relative to this folder):
  texts/NNN_slug.txt      the articles (UTF-8; headline first line; blank line between paragraphs)
  sources.jsonl           one {"id","url","licence","country","topic","date","split"} per article
                          (id = file name without .txt; split = "train" or "test")
  passes/A/ID.json        first independent annotation pass
  passes/B/ID.json        second independent annotation pass
  gold/ID.json            adjudicated annotation (third pass settles A/B differences)

An annotation file is a JSON list of mentions IN DOCUMENT ORDER:
  ["surface", "LABEL"]  or  ["surface", "LABEL", "context"]
LABEL is one of PERSON ORG PLACE GROUP DATE NUMBER. Each surface is found in the text searching
forward from the end of the previous mention, with word boundaries on both sides; a context
string (which must contain the surface and occur after the previous mention) pins the occurrence.
Follow /work/shared/ENTITY-GUIDELINES.md and /work/shared/eval/README.md.

  python3 tools.py check PASS_DIR [ID...]   resolve every table; print errors (exit 1 on any)
  python3 tools.py show FILE.json          print the text with [span|LABEL] marks
  python3 tools.py agree [ID...]           strict F1 between passes A and B per label; diffs
  python3 tools.py diffs ID                the A/B differences of one article, for adjudication
  python3 tools.py gold                    write gold_entities.jsonl (+ split lists) from gold/
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = ["PERSON", "ORG", "PLACE", "GROUP", "DATE", "NUMBER"]


def text_of(doc_id):
    with open(os.path.join(HERE, "texts", doc_id + ".txt"), encoding="utf-8", newline="") as f:
        return f.read()


def is_word_char(c):
    return c.isalnum() or c == "_"


def find_bounded(text, surface, start, limit=None):
    end_limit = len(text) if limit is None else limit
    pos = start
    while True:
        i = text.find(surface, pos, end_limit)
        if i < 0:
            return -1
        j = i + len(surface)
        before_ok = i == 0 or not is_word_char(text[i - 1]) or not is_word_char(surface[0])
        after_ok = j == len(text) or not is_word_char(text[j]) or not is_word_char(surface[-1])
        if before_ok and after_ok:
            return i
        pos = i + 1


def resolve(doc_id, table):
    """Spans of one table, or raises ValueError naming the first bad entry."""
    text = text_of(doc_id)
    out, cursor = [], 0
    for n, entry in enumerate(table):
        if not isinstance(entry, list) or len(entry) not in (2, 3):
            raise ValueError(f"{doc_id} #{n}: entry must be [surface, LABEL(, context)]: {entry!r}")
        surface, label = entry[0], entry[1]
        if label not in LABELS:
            raise ValueError(f"{doc_id} #{n}: unknown label {label!r}")
        if len(entry) == 3:
            ctx = entry[2]
            if surface not in ctx:
                raise ValueError(f"{doc_id} #{n}: surface {surface!r} not inside context {ctx!r}")
            c = text.find(ctx, cursor)
            if c < 0:
                c = text.find(ctx, max(0, cursor - len(ctx)))
            if c < 0:
                raise ValueError(f"{doc_id} #{n}: context {ctx!r} not found after offset {cursor}")
            i = find_bounded(text, surface, max(c, cursor), c + len(ctx))
        else:
            i = find_bounded(text, surface, cursor)
        if i < 0:
            raise ValueError(f"{doc_id} #{n}: {surface!r} ({label}) not found after offset {cursor}: "
                             f"...{text[cursor:cursor + 60]!r}")
        j = i + len(surface)
        out.append({"doc": doc_id + ".txt", "start": i, "end": j, "label": label, "text": surface})
        cursor = j
    return out


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def ids_in(folder):
    return sorted(f[:-5] for f in os.listdir(folder) if f.endswith(".json"))


def cmd_check(pass_dir, ids):
    bad = 0
    ids = ids or ids_in(pass_dir)
    for doc_id in ids:
        try:
            spans = resolve(doc_id, load(os.path.join(pass_dir, doc_id + ".json")))
            print(f"ok   {doc_id}: {len(spans)} mentions")
        except (ValueError, json.JSONDecodeError, FileNotFoundError) as e:
            bad += 1
            print(f"FAIL {e}")
    return 1 if bad else 0


def cmd_show(path):
    doc_id = os.path.basename(path)[:-5]
    text = text_of(doc_id)
    out, last = [], 0
    for s in resolve(doc_id, load(path)):
        out.append(text[last:s["start"]])
        out.append(f"[{s['text']}|{s['label']}]")
        last = s["end"]
    out.append(text[last:])
    print("".join(out))


def keyset(spans):
    return {(s["start"], s["end"], s["label"]) for s in spans}


def prf(a, b):
    tp = len(a & b)
    p = tp / len(b) if b else 1.0
    r = tp / len(a) if a else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def cmd_agree(ids):
    ids = ids or sorted(set(ids_in(os.path.join(HERE, "passes/A"))) & set(ids_in(os.path.join(HERE, "passes/B"))))
    per = {l: [set(), set()] for l in LABELS}
    total = [set(), set()]
    for doc_id in ids:
        for k, p in enumerate("AB"):
            spans = resolve(doc_id, load(os.path.join(HERE, "passes", p, doc_id + ".json")))
            for s in spans:
                key = (doc_id, s["start"], s["end"], s["label"])
                per[s["label"]][k].add(key)
                total[k].add(key)
    print(f"articles: {len(ids)}")
    print(f"{'label':8} {'A':>6} {'B':>6} {'strict F1':>10}")
    for l in LABELS:
        a, b = per[l]
        print(f"{l:8} {len(a):6} {len(b):6} {prf(a, b):10.3f}")
    core_a = set().union(*(per[l][0] for l in LABELS[:3]))
    core_b = set().union(*(per[l][1] for l in LABELS[:3]))
    print(f"{'P/O/P':8} {len(core_a):6} {len(core_b):6} {prf(core_a, core_b):10.3f}")
    print(f"{'all':8} {len(total[0]):6} {len(total[1]):6} {prf(*total):10.3f}")


def cmd_diffs(doc_id):
    a = resolve(doc_id, load(os.path.join(HERE, "passes/A", doc_id + ".json")))
    b = resolve(doc_id, load(os.path.join(HERE, "passes/B", doc_id + ".json")))
    ka, kb = keyset(a), keyset(b)
    text = text_of(doc_id)
    for key in sorted(ka ^ kb):
        who = "A only" if key in ka else "B only"
        s, e, l = key
        print(f"{who}: {text[s:e]!r} {l} @{s}  ...{text[max(0, s - 40):e + 40]!r}")


def cmd_gold():
    src = {}
    with open(os.path.join(HERE, "sources.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                src[r["id"]] = r
    rows, splits = [], {"train": [], "test": []}
    for doc_id in ids_in(os.path.join(HERE, "gold")):
        rows += resolve(doc_id, load(os.path.join(HERE, "gold", doc_id + ".json")))
        splits[src[doc_id]["split"]].append(doc_id + ".txt")
    with open(os.path.join(HERE, "gold_entities.jsonl"), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    for name, docs in splits.items():
        with open(os.path.join(HERE, f"{name}.list"), "w", encoding="utf-8") as f:
            f.write("".join(d + "\n" for d in docs))
    print(f"gold: {len(rows)} mentions in {sum(map(len, splits.values()))} articles "
          f"(train {len(splits['train'])}, test {len(splits['test'])})")


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    cmd, rest = args[0], args[1:]
    if cmd == "check":
        return cmd_check(os.path.join(HERE, rest[0]) if not os.path.isabs(rest[0]) else rest[0], rest[1:])
    if cmd == "show":
        return cmd_show(rest[0]) or 0
    if cmd == "agree":
        return cmd_agree(rest) or 0
    if cmd == "diffs":
        return cmd_diffs(rest[0]) or 0
    if cmd == "gold":
        return cmd_gold() or 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
