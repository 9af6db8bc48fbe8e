#!/usr/bin/env python3
"""Writes gold_hand.jsonl: hand-annotated aligned sentence pairs between development articles
(eval/dev/*.txt, eval/dev/alignments/*.txt) and seeds, by the rules in
/work/shared/ENTITY-GUIDELINES.md ("Aligned passages across sources").

Each row names two files, the opening words of one sentence in each, and the kind; the script
finds the sentence holding those words (sentences split as in spin.py) and writes the offsets.
A row with kind "none" names a document pair with no common specific fact.
"""
import json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from spin import sentences  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
PATHS = {}
for d in [os.path.join(ROOT, "seeds"), os.path.join(ROOT, "eval", "dev"), HERE]:
    for f in os.listdir(d):
        if f.endswith(".txt"):
            PATHS[f] = os.path.join(d, f)

A111, A113, S000, S004 = ("111_ukraine_cyberattack_taipei.txt", "113_ukraine_websites_axios.txt",
                          "000_0adf5e840b467175.txt", "004_d700d5c3ab254cfa.txt")
E113 = "113_edited.txt"
ROWS = [
    # The same cyberattack in three outlets (111 Taipei Times, 113 Axios, seed 000).
    (A111, "Ukraine hit with massive", A113, '"Massive" cyberattack hits', "paraphrase"),
    (A111, "Kiev was late on Thursday", A113, '"Massive" cyberattack hits', "related"),
    (A111, "Kiev was late on Thursday", A113, "Multiple Ukrainian government websites", "related"),
    (A111, "Kiev was late on Thursday", A113, "The note, written in Ukrainian", "related"),
    (A111, "Ukraine hit with massive", A113, "Multiple Ukrainian government websites", "related"),
    (A111, "DIPLOMATIC BREAKDOWN", A113, "Why it matters", "related"),
    (A111, "The cyberattack, which targeted", A113, "What they're saying", "related"),
    (A111, "A Ukraine Ministry of Foreign Affairs spokesperson", A113, "Multiple Ukrainian government websites", "related"),
    (S000, "Earlier this month, Ukraine suffered", A113, '"Massive" cyberattack hits', "related"),
    (S000, "Earlier this month, Ukraine suffered", A113, "Multiple Ukrainian government websites", "related"),
    (S000, "Earlier this month, Ukraine suffered", A111, "Ukraine hit with massive", "related"),
    (S000, "Earlier this month, Ukraine suffered", A111, "Kiev was late on Thursday", "related"),
    (S000, "The attackers posted a message", A111, "Kiev was late on Thursday", "related"),
    (S000, "The attackers posted a message", A113, "The note, written in Ukrainian", "related"),
    (S000, "The attackers posted a message", A113, "All data on the computer is destroyed", "related"),
    (S000, "Russia massed around 100,000", A113, "Russia has amassed more than 100,000", "related"),
    (A113, "Russia has amassed more than 100,000", S004, "In the past few weeks, Russia has amassed", "related"),
    (A113, "Russia has amassed more than 100,000", S004, "The troop deployment is fueling", "related"),
    # A heavy human edit of 113: reworded, reordered, merged.
    (A113, '"Massive" cyberattack hits', E113, "Cyberattack takes down", "paraphrase"),
    (A113, "Multiple Ukrainian government websites", E113, "A large-scale hack on Friday", "paraphrase"),
    (A113, "Why it matters", E113, "It came less than 24 hours", "paraphrase"),
    (A113, "Russia has amassed more than 100,000", E113, "Moscow has gathered over 100,000", "paraphrase"),
    (A113, "Multiple Ukrainian government websites", E113, "Cyberattack takes down", "related"),
    (A113, "All your personal data", E113, "Hackers left a note", "related"),
    (A113, "All data on the computer is destroyed", E113, '"All data on the computer', "paraphrase"),
    (A113, "The note, written in Ukrainian", E113, "Hackers left a note", "paraphrase"),
    (A113, "What they're saying", E113, "Oleg Nikolenko, who speaks", "paraphrase"),
    (A113, '"Our specialists have already', E113, "He said specialists were", "paraphrase"),
    (A113, "Go deeper", E113, "Russian officials are due", "paraphrase"),
    # Same story family, no common specific fact.
    ("112_blinken_lavrov_geneva.txt", None, A111, None, "none"),
    ("101_london_marathon.txt", None, "114_mcfadden_nyc_marathon.txt", None, "none"),
]


def find(doc, words):
    text = open(PATHS[doc], encoding="utf-8").read()
    at = text.find(words)
    assert at >= 0, (doc, words)
    for s, e in sentences(text):
        if s <= at < e:
            return s, e
    raise AssertionError((doc, words))


def main():
    with open(os.path.join(HERE, "gold_hand.jsonl"), "w", encoding="utf-8") as o:
        for a, wa, b, wb, kind in ROWS:
            if kind == "none":
                o.write(json.dumps({"a": a, "b": b, "kind": "none"}) + "\n")
                continue
            (sa, ea), (sb, eb) = find(a, wa), find(b, wb)
            o.write(json.dumps({"a": a, "b": b, "a_start": sa, "a_end": ea, "b_start": sb,
                                "b_end": eb, "kind": kind}) + "\n")


if __name__ == "__main__":
    main()
