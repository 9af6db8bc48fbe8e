#!/usr/bin/env python3
"""Writes the alignment gold of the event set (eval/dev/alignments/events/): gold_tune.jsonl and
gold_test.jsonl, and the document pairs `cargo xtask eval` aligns, pairs_tune.txt and
pairs_test.txt. Sources, licences and the split are in events/SOURCES.md.

Each row names two files, the opening words of one sentence in each, and the kind (same /
paraphrase / related, by the rules of /work/shared/ENTITY-GUIDELINES.md, "Aligned passages
across sources"); the script finds the sentence holding those words and writes its offsets. A
row with kind "none" names a document pair with no common specific fact. Every document pair
of an event is scored: a pair with no row at all gets a "none" row, so that predictions there
count against precision.

Sentences are split as in spin.py, then joined across the abbreviations the analysis does not
end a sentence at ("9:00 p.m. EDT", "Mt. Everest", "the U.S. Pacific Tsunami Warning Center").
"""
import json, os, re, sys
from itertools import combinations

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from spin import sentences as raw_sentences  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
EV = os.path.join(HERE, "events")
ABBREV = re.compile(r"(\b[ap]\.m\.|\bMt\.|\bCapt\.|\bLt\.|\bCol\.|\bU\.S\.|\bNo\.|\bDr\.)$")


def sentences(text):
    out = []
    for s, e in raw_sentences(text):
        if out and ABBREV.search(text[out[-1][0]:out[-1][1]]) and "\n" not in text[out[-1][1]:s]:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


# Events: name -> (split, documents). Each document pair of an event is scored.
EVENTS = {
    "e1": ("test", ["e1_taiwan_wikinews.txt", "e1_taiwan_voa.txt", "e1_taiwan_reuters.txt"]),
    "e5": ("test", ["e5_brexit_voa.txt", "e5_brexit_rferl.txt", "e5_brexit_huffpost.txt"]),
    "e8": ("test", ["e8_pluto_nasa.txt", "e8_pluto_newslines.txt", "e8_pluto_techtimes.txt",
                    "e8_pluto_newsy.txt"]),
    "e2": ("tune", ["e2_germanwings_voa.txt", "e2_germanwings_ap.txt",
                    "e2_germanwings_travelbiz.txt", "e2_germanwings_ap_copy.txt"]),
    "e3": ("tune", ["e3_chile_ap.txt", "e3_chile_usatoday.txt", "e3_chile_abc7.txt"]),
    "e4": ("tune", ["e4_nepal_voa.txt", "e4_nepal_nwa.txt", "e4_nepal_dw.txt"]),
    "e6": ("tune", ["e6_mh370_ap.txt", "e6_mh370_latimes.txt", "e6_mh370_reuters.txt",
                    "e6_mh370_ap_earlier.txt"]),
    "e7": ("tune", ["e7_pope_abc.txt", "e7_pope_afp.txt", "e7_pope_radio.txt",
                    "e7_pope_wanted.txt"]),
}

W1, V1, R1 = "e1_taiwan_wikinews.txt", "e1_taiwan_voa.txt", "e1_taiwan_reuters.txt"
V5, F5, H5 = "e5_brexit_voa.txt", "e5_brexit_rferl.txt", "e5_brexit_huffpost.txt"
N8, L8, T8, Y8 = ("e8_pluto_nasa.txt", "e8_pluto_newslines.txt", "e8_pluto_techtimes.txt",
                  "e8_pluto_newsy.txt")
TEST = [
    # Taiwan earthquake, 6 Feb 2016: Wikinews, VOA (two days on), Reuters (the first day).
    (W1, "Magnitude 6.4 earthquake hits", V1, "Authorities say Saturday", "related"),
    (W1, "A magnitude 6.4 earthquake hit", V1, "Authorities say Saturday", "related"),
    (W1, "By various reports", V1, "Authorities say Saturday", "related"),
    (W1, "By various reports", V1, "Thousands of rescue workers", "related"),
    (W1, "Several buildings collapsed", V1, "Thousands of rescue workers", "related"),
    (W1, "Emergency services said", V1, "More than 170 people", "related"),
    (W1, "Magnitude 6.4 earthquake hits", R1, "Magnitude 6.4 quake hits", "same"),
    (W1, "Magnitude 6.4 earthquake hits", R1, "TAINAN, Taiwan, Feb 6", "related"),
    (W1, "A magnitude 6.4 earthquake hit", R1, "Magnitude 6.4 quake hits", "related"),
    (W1, "A magnitude 6.4 earthquake hit", R1, "TAINAN, Taiwan, Feb 6", "related"),
    (W1, "A magnitude 6.4 earthquake hit", R1, "As rescuers searched", "related"),
    (W1, "By various reports", R1, "TAINAN, Taiwan, Feb 6", "related"),
    (W1, "Several buildings collapsed", R1, "TAINAN, Taiwan, Feb 6", "related"),
    (W1, "Several buildings collapsed", R1, "Buildings in nine other", "related"),
    (W1, "Emergency services said", R1, "Rescuers mounted hydraulic", "related"),
    (V1, "Thousands of rescue workers", R1, "TAINAN, Taiwan, Feb 6", "related"),
    (V1, "Authorities say Saturday", R1, "TAINAN, Taiwan, Feb 6", "related"),
    (V1, "Authorities say Saturday", R1, "Magnitude 6.4 quake hits", "related"),
    (V1, "At least 250 people", R1, "As rescuers searched", "related"),
    (V1, "Rescuers, firefighters and volunteers", R1, "Rescuers mounted hydraulic", "related"),
    (V1, "Elsewhere in Tainan", R1, "Buildings in nine other", "related"),
    # Brexit referendum result, 24 June 2016: VOA, RFE/RL, HuffPost UK.
    (V5, "Britain Votes to Leave EU", F5, "British Voters Opt", "paraphrase"),
    (V5, "Britain Votes to Leave EU", F5, "UK Prime Minister David Cameron says", "related"),
    (V5, "Britain Votes to Leave EU", F5, "The United Kingdom has voted", "related"),
    (V5, "Britain's decision to leave", F5, "British Voters Opt", "related"),
    (V5, "Britain's decision to leave", F5, "UK Prime Minister David Cameron says", "related"),
    (V5, "Britain's decision to leave", F5, "The United Kingdom has voted", "related"),
    (V5, "Britain's decision to leave", F5, "The British pound", "related"),
    (V5, "Final results in Thursday", F5, "Results from Britain", "related"),
    (F5, "British Voters Opt", H5, "David Cameron Resigns As", "related"),
    (F5, "British Voters Opt", H5, "David Cameron has announced", "related"),
    (F5, "UK Prime Minister David Cameron says", H5, "David Cameron has announced", "paraphrase"),
    (F5, "UK Prime Minister David Cameron says", H5, "David Cameron Resigns As", "related"),
    (F5, "UK Prime Minister David Cameron says", H5, "Speaking outside No.10", "related"),
    (F5, "The United Kingdom has voted", H5, "David Cameron Resigns As", "related"),
    (F5, "The United Kingdom has voted", H5, "David Cameron has announced", "related"),
    (F5, "The United Kingdom has voted", H5, "Cameron said the result", "related"),
    (F5, '"The British people have voted', H5, "Speaking outside No.10", "related"),
    (F5, '"I do not think it would be right', H5, '"I do not think it would be right', "paraphrase"),
    (F5, "Cameron, who campaigned hard", H5, "Cameron added he expected", "related"),
    (F5, "Results from Britain", H5, "In a result that has sent", "related"),
    (V5, "Britain Votes to Leave EU", H5, "David Cameron Resigns As", "related"),
    (V5, "Britain Votes to Leave EU", H5, "David Cameron has announced", "related"),
    (V5, "Britain's decision to leave", H5, "David Cameron Resigns As", "related"),
    (V5, "Britain's decision to leave", H5, "David Cameron has announced", "related"),
    (V5, "Final results in Thursday", H5, "In a result that has sent", "related"),
    (V5, "Voter turnout was reported", H5, "Turnout in the referendum", "related"),
    (V5, "The outcome shocked many", H5, "Despite an on-the-day poll", "related"),
    (V5, "The outcome shocked many", H5, "In a result that has sent", "related"),
    (V5, 'He said the "Leave" win', H5, "Nigel Farage hailed", "related"),
    (V5, "He called the results", H5, "Nigel Farage hailed", "related"),
    # New Horizons at Pluto, 14 July 2015: NASA, Newslines, Tech Times, Newsy.
    (N8, 'The New Horizons spacecraft "phoned', L8, "The team receives confirmation", "related"),
    (N8, "Team members at the Johns", L8, "The team receives confirmation", "related"),
    (N8, "The fastest spacecraft", L8, "After flying three billion", "related"),
    (N8, 'The New Horizons spacecraft "phoned', T8, "A nerve-racking 21-hour", "related"),
    (N8, "Signal Acquisition", T8, "New Horizons Lets NASA", "related"),
    (N8, "Team members at the Johns", T8, "A nerve-racking 21-hour", "related"),
    (N8, 'The New Horizons spacecraft "phoned', Y8, "The Moment NASA Heard", "related"),
    (N8, "Signal Acquisition", Y8, "The Moment NASA Heard", "related"),
    (L8, "The team receives confirmation", T8, "A nerve-racking 21-hour", "related"),
    (L8, "The team receives confirmation", T8, "New Horizons Lets NASA", "related"),
    (L8, "After flying three billion", Y8, "The New Horizons probe passed", "related"),
    (L8, "The team receives confirmation", Y8, "The Moment NASA Heard", "related"),
    (T8, "A nerve-racking 21-hour", Y8, "The Moment NASA Heard", "related"),
    (T8, "New Horizons Lets NASA", Y8, "The Moment NASA Heard", "related"),
    (T8, "A nerve-racking 21-hour", Y8, "The New Horizons probe passed", "related"),
]

TUNE = []


def find(doc, words):
    text = open(os.path.join(EV, doc), encoding="utf-8").read()
    at = text.find(words)
    assert at >= 0, (doc, words)
    for s, e in sentences(text):
        if s <= at < e:
            return s, e
    raise AssertionError((doc, words))


def write(split, rows):
    events = [docs for s, docs in EVENTS.values() if s == split]
    pairs = [p for docs in events for p in combinations(docs, 2)]
    named = {frozenset((a, b)) for a, _, b, _, _ in rows}
    for a, _, b, _, _ in rows:
        assert any({a, b} == set(p) for p in pairs), (a, b)
    with open(os.path.join(HERE, f"gold_{split}.jsonl"), "w", encoding="utf-8") as o:
        for a, wa, b, wb, kind in rows:
            (sa, ea), (sb, eb) = find(a, wa), find(b, wb)
            o.write(json.dumps({"a": a, "b": b, "a_start": sa, "a_end": ea, "b_start": sb,
                                "b_end": eb, "kind": kind}) + "\n")
        for a, b in pairs:
            if frozenset((a, b)) not in named:
                o.write(json.dumps({"a": a, "b": b, "kind": "none"}) + "\n")
    with open(os.path.join(HERE, f"pairs_{split}.txt"), "w", encoding="utf-8") as o:
        o.write(f"# The {split} document pairs of the event set (gold in gold_{split}.jsonl),\n"
                "# written by build_events.py.\n")
        for a, b in pairs:
            o.write(f"eval/dev/alignments/events/{a} eval/dev/alignments/events/{b}\n")


def main():
    write("test", TEST)
    if TUNE:
        write("tune", TUNE)


if __name__ == "__main__":
    main()
