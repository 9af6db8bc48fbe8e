#!/usr/bin/env python3
"""Hand annotation tables for the development set in this directory.

Each document's table lists its entity mentions IN DOCUMENT ORDER as
(surface, label) or (surface, label, context). The script finds each surface
string in the file's exact text, searching forward from the end of the previous
mention (inside `context` when one is given, to pin the right occurrence), and
requires word boundaries on both sides (hyphens and punctuation count as
boundaries, so "Illinois-based" yields "Illinois"). It asserts that every span's
text equals the file slice and that no spans overlap, then writes
gold_entities.jsonl with code-point offsets (end exclusive).

    python3 annotate.py            # write gold_entities.jsonl
    python3 annotate.py --show     # print each document with [span|LABEL] marks
    python3 annotate.py --missed   # list unannotated occurrences of annotated strings
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = {"PERSON", "ORG", "PLACE", "GROUP", "DATE", "NUMBER"}

P, O, L, G, D, N = "PERSON", "ORG", "PLACE", "GROUP", "DATE", "NUMBER"

DOCS = {
    "101_london_marathon.txt": [
        ("Wilson Kipsang", P),
        ("Wilson Kipsang", P), ("Sunday", D), ("Emmanuel Mutai", P), ("2011", D), ("11 seconds", D),
        ("Kenyan", G), ("11 seconds", D),
        ("Wilson Kipsang", P), ("Kenya", L), ("Sunday", D), ("Tom Dulat", P), ("Getty Images", O),
        ("Wilson Kipsang", P), ("Sunday", D), ("British", G),
        ("32-year-old", D), ("Kenyan", G), ("26.2-mile", N), ("42.2-kilometre", N),
        ("two hours, four minutes, 29 seconds", D), ("11 seconds", D), ("London", L),
        ("Emmanuel Mutai", P), ("2011", D),
        ("Kipsang", P), ("2012", D),
        ("Kenyan", G), ("Stanley Biwott", P), ("26 seconds", D), ("London", L), ("Tsegaye Kebede", P),
        ("just over two minutes", D), ("Kipsang", P), ("Mo Farah", P),
        ("Londoners", G), ("almost four minutes", D), ("Kipsang", P), ("2012", D), ("5,000", N),
        ("10,000-metre", N), ("Farah", P),
        ("Farah", P),
        ("Kipsang", P), ("Buckingham Palace", L), ("two", N, "two-time"), ("Edna Kiplagat", P),
        ("London", L), ("34-year-old", D), ("Kenyan", G), ("2:20:21", D), ("three seconds", D),
        ("Florence Kiplagat", P),
    ],
    "102_manchester_derby.txt": [
        ("Haaland", P), ("Man City", O), ("Man United", O),
        ("Erling Haaland", P), ("Manchester City", O), ("Manchester United", O), ("Ruben Amorim", P),
        ("3-0", N), ("Sunday", D),
        ("Phil Foden", P), ("Haaland", P), ("Norwegian", G), ("City", O), ("two", N),
        ("United", O), ("City", O), ("five years", D),
        ("City", O), ("early season", D), ("Amorim", P), ("four points", N), ("four", N, "opening four games"),
        ("Grimsby", O),
        ("City", O), ("Gianluigi Donnarumma", P), ("Bryan Mbeumo", P), ("United", O), ("2-0", N),
        ("City", O), ("six points", N), ("Liverpool", O), ("Pep Guardiola", P), ("Napoli", O),
        ("Arsenal", O), ("next week", D),
        ("Ricky Hatton", P), ("Sunday", D), ("46", N),
        ("City", O), ("Hatton", P), ("a minute", D),
        ("Foden", P), ("City", O), ("Hatton", P),
        ("England", O), ("Foden", P), ("City", O),
        ("25-year-old", D), ("2023/24", D), ("last season", D),
        ("this season", D), ("Sunday", D), ("18 minutes", D),
    ],
    "103_rim_shares.txt": [
        ("RIM", O),
        ("Research In Motion", O), ("more than 11 per cent", N), ("Friday", D), ("third-quarter", D),
        ("U.S.", L),
        ("Research in Motion", O), ("Mike Lazaridis", P), ("nearly 80 per cent", N), ("Eric Risberg", P),
        ("Associated Press", O),
        ("Research In Motion", O), ("more than 11 per cent", N), ("Friday", D), ("third-quarter", D),
        ("U.S.", L),
        ("$1.83", N), ("$13.97", N), ("Toronto Stock Exchange", O),
        ("American", G), ("about 10 per cent", N), ("this year", D), ("15 per cent", N), ("2010", D),
        ("RIM", O),
        ("U.S.", L), ("Evercore Partners", O), ("Alkesh Shah", P), ("New York", L), ("U.S.", L),
        ("RIM", O), ("Thursday", D), ("$265 million US", N), ("51 cents", N), ("most recent quarter", D),
        ("more than 70 per cent", N), ("a year earlier", D), ("RIM", O), ("U.S.", L),
        ("A year earlier", D), ("$911 million", N), ("$1.74", N),
        ("$5.17 billion", N), ("$5.5 billion", N), ("$5.26 billion", N),
        ("fourth quarter", D), ("80 to 95 cents", N),
        ("$1.08", N), ("Bloomberg", O),
        ("RIM", O), ("current quarter", D), ("between $4.6 to $4.9 billion", N),
    ],
    "104_deere_earnings.txt": [
        ("Deere", O), ("third-quarter", D),
        ("CHICAGO", L), ("Reuters", O), ("U.S.", L), ("Deere & Co", O), ("Friday", D), ("third-quarter", D),
        ("4.4 percent", N),
        ("Moline", L), ("Illinois", L), ("full-year", D),
        ("latest quarter", D), ("$2.59", N), ("$2.75", N), ("77 percent", N), ("75.2 percent", N),
        ("second quarter", D),
        ("Samuel Allen", P),
        ("36 percent", N), ("a year ago", D), ("$9.3 billion", N), ("quarter ended July 29", D),
        ("a year ago", D),
        ("18 percent", N),
        ("$910.3 million", N), ("$2.78", N), ("$641.8 million", N), ("$1.97", N), ("a year earlier", D),
        ("$131.35", N), ("$137.35", N), ("Thursday", D),
        ("Rajesh Kumar Singh", P), ("Andrew Roche", P), ("Jeffrey Benkoe", P),
        ("Business Standard", O),
    ],
    "105_mars_icecaps.txt": [
        ("Martian", G),
        ("Mars", L), ("NASA", O),
        ("NASA", O), ("Mars", L), ("two", N),
        ("two", N), ("martian", G), ("red planet", L), ("about 93 miles", N), ("150 kilometers", N),
        ("May 12", D), ("Nature", O),
        ("Mars", L), ("Mars", L), ("Anthony Colaprete", P), ("NASA Ames Research Center", O),
        ("California", L), ("Silicon Valley", L), ("two", N), ("martian", G),
        ("two", N), ("Mars", L), ("two", N),
        ("two", N), ("Colaprete", P),
        ("Earth", L), ("Mars", L), ("one", N, "in one location"), ("Colaprete", P),
        ("martian", G),
    ],
    "106_exoplanet_haul.txt": [
        ("Earth", L), ("three decades ago", D), ("some 3,796", N), ("80", N),
        ("this week", D), ("Astronomical Journal", O), ("dozens", N), ("NASA", O),
        ("nearly 80", N), ("HD 73344", L), ("HD 73344", L), ("every 15 days", D),
        ("two and a half times", N), ("Earth", L), ("10 times", N), ("around 2,000 degrees Fahrenheit", N),
        ("about 114 light years", N),
        ("Uranus", L), ("Neptune", L), ("Ian Crossfield", P), ("Massachusetts Institute of Technology", O),
    ],
    "107_hernandez_verdict.txt": [
        ("Aaron Hernandez", P),
        ("FALL RIVER", L), ("CBS", O), ("AP", O), ("Aaron Hernandez", P), ("New England Patriots", O),
        ("Wednesday", D), ("2013", D), ("Odin Lloyd", P),
        ("more than 35 hours", D), ("last week", D),
        ("E. Susan Garsh", P),
        ("Hernandez", P), ("25", N),
        ("Terri", P), ("Shayanna Jenkins", P),
        ("Shayanna Jenkins", P), ("Hernandez", P),
        ("Patriots", O),
        ("Hernandez", P),
        ("3-to-5 years", D), ("one year", D),
        ("Aaron Hernandez", P),
        ("Hernandez", P), ("MCI Cedar Junction", L), ("Walpole", L), ("3.4 miles", N),
        ("Gillette Stadium", L), ("Foxboro", L),
        ("Hernandez", P), ("Souza-Baranowski", L), ("Shirley", L),
        ("Massachusetts", L), ("Supreme Judicial Court", O), ("Hernandez", P),
        ("Aaron Hernandez", P),
        ("LLOYD", P),
        ("Lloyd", P), ("Ursula Ward", P), ("Hernandez", P),
    ],
    "108_sean_taylor_sentencing.txt": [
        ("Sean Taylor", P), ("57.5 Years", D),
        ("MIAMI", L), ("CBSMiami", O), ("NFL", O), ("Sean Taylor", P), ("Thursday", D),
        ("57 and a half years", D),
        ("Eric Rivera Jr.", P), ("23", N), ("last November", D), ("Taylor", P), ("2007", D),
        ("Rivera", P), ("Rivera", P),
        ("Reid Rubin", P), ("Thursday", D),
        ("Taylor", P), ("Florida City", L), ("Pete Taylor", P),
        ("Pete Taylor", P),
        ("Rivera", P), ("years ago", D),
        ("Rivera", P),
        ("every day", D), ("Rivera", P),
        ("Taylor", P),
        ("Sean Taylor", P), ("today", D), ("Taylor", P), ("Constance Dingle", P),
        ("16 hours", D), ("four days", D), ("Rivera", P),
        ("Rivera", P),
        ("Taylor", P), ("University of Miami", O), ("Washington Redskins", O), ("Fort Myers", L),
    ],
    "109_telford_homes.txt": [
        ("Telford", L), ("100", N),
        ("100", N), ("Telford", L),
        ("Telford & Wrekin", L), ("planning committee", O), ("100", N), ("Peregrine Way", L),
        ("Leegomery", L), ("last month", D),
        ("Kier", O), ("four", N), ("five", N), ("five", N), ("three", N),
        ("one", N, "with one branding"),
        ("Kier", O), ("Apley Wood", L), ("one", N, "one of the homes"),
        ("One", N, "One of the councillors"),
        ("Nigel Dugmore", P), ("three weeks ago", D), ("two", N),
        ("Nicola Lowery", P),
    ],
    "110_kansas_school_board.txt": [
        ("3", N),
        ("CHEROKEE", L), ("Kan.", L), ("AP", O), ("months", D), ("one", N, "one of Kansas"), ("Kansas", L),
        ("three", N),
        ("Unified School District 247", O), ("326 square miles", N), ("Crawford", L), ("Cherokee", L),
        ("Wednesday night", D), ("McCune", L), ("39", N), ("this year", D), ("Weir", L), ("Cherokee", L),
        ("Joplin Globe", O),
        ("three", N), ("One", N, "One said"), ("two", N, "other two"),
        ("$28,000", N), ("Weir", L), ("679", N), ("125", N), ("West Mineral", L), ("185", N), ("2003", D),
        ("Cherokee", L), ("716", N), ("McCune", L), ("405", N),
        ("McCune", L), ("One", N, "One of the board"), ("Tara Underwood", P),
        ("McCune Attendance Center", L),
        ("Greg Hite", P),
    ],
    "111_ukraine_cyberattack_taipei.txt": [
        ("Ukraine", L),
        ("Russia", L), ("NATO", O),
        ("AP", O), ("Reuters", O), ("MOSCOW", L),
        ("Kiev", L), ("late on Thursday", D), ("Ukrainians", G), ("Russia", L), ("Russian", G), ("Cuba", L),
        ("Venezuela", L),
        ("EU", O), ("Josep Borrell", P), ("yesterday", D), ("EU", O), ("political and security committee", O),
        ("Ukraine", L),
        ("foreign ministry", O), ("Cabinet", O), ("security and defense council", O), ("Kiev", L),
        ("Russian", G), ("Ukraine", L), ("yesterday morning", D),
        ("Russian", G), ("Donetsk", L), ("Ukraine", L), ("Sunday last week", D), ("AP", O),
        ("Ukraine", L), ("Borrell", P), ("EU", O), ("Brest", L), ("France", L),
        ("Ukraine Ministry of Foreign Affairs", O), ("Russia", L),
        ("Earlier on Thursday", D), ("Russian", G), ("Sergei Ryabkov", P), ("Russia", L), ("Latin America", L),
        ("US", L), ("Russia", L),
    ],
    "112_blinken_lavrov_geneva.txt": [
        ("US", L), ("Russia", L), ("Ukraine", L),
        ("US", L), ("Blinken", P), ("Russian", G), ("Lavrov", P), ("Geneva", L), ("West", L), ("Moscow", L),
        ("Ukraine", L),
        ("Russia", L), ("United States", L), ("Switzerland", L), ("Ukraine", L), ("last week", D),
        ("Friday", D), ("Antony Blinken", P), ("Sergey Lavrov", P), ("11 days", D), ("Geneva", L),
        ("Russia", L), ("tens of thousands", N), ("Ukraine", L),
        ("January 10", D), ("nearly eight hours", D), ("Blinken", P), ("Lavrov", P),
        ("Hotel President Wilson", L), ("US", L), ("Bolshevik", G),
        ("Geneva", L), ("Blinken", P), ("Geneva", L),
        ("Blinken", P), ("Russia", L), ("weeks ahead", D),
        ("Biden", P), ("Russia", L), ("Ukraine", L),
        ("Russian Foreign Ministry", O), ("Thursday", D), ("two", N), ("Moscow", L), ("United States", L),
        ("NATO", O),
        ("State Department", O), ("three", N), ("two", N), ("Russian", G), ("Ukraine", L),
    ],
    "113_ukraine_websites_axios.txt": [
        ("Ukraine", L),
        ("Axios", O),
        ("Ukraine", L), ("Presidential Office Building", L), ("Kyiv", L), ("2019", D), ("Sergei Chuzavkov", P),
        ("SOPA Images", O), ("LightRocket", O), ("Getty Images", O),
        ("Ukrainian", G), ("Friday", D), ("foreign ministry", O),
        ("less than a day", D), ("U.S.", L), ("Europe", L), ("Russia", L),
        ("Russia", L), ("more than 100,000", N), ("Ukraine", L), ("Russian", G), ("Vladimir Putin", P),
        ("Ukraine", L), ("West", L),
        ("Ukrainian", G), ("Reuters", O),
        ("Ukrainian", G), ("Russian", G), ("Polish", G),
        ("Ministry of Foreign Affairs", O), ("Foreign Ministry", O), ("Oleg Nikolenko", P), ("Twitter", O),
        ("cyberpolice", O),
        ("Russian", G), ("Putin", P),
    ],
    "114_mcfadden_nyc_marathon.txt": [
        ("Tatyana McFadden", P),
        ("Lynn Rutherford", P), ("Nov. 02, 2014, 9:02 p.m.", D),
        ("Tatyana McFadden", P), ("Central Park", L), ("Nov. 2, 2014", D), ("New York City", L),
        ("NEW YORK", L), ("Kurt Fearnley", P), ("Australian", G), ("Sunday", D),
        ("Tatyana McFadden", P), ("Central Park", L),
        ("McFadden", P), ("Fearnley", P),
        ("McFadden", P), ("Big Apple", L), ("Boston", L), ("London", L), ("Chicago", L), ("earlier this year", D),
        ("2013", D), ("eight", N), ("25-year-old", D), ("2010", D),
        ("11", N), ("three", N), ("Nordic", G),
        ("McFadden", P), ("up to 40 mph", N), ("Verrazano Bridge", L), ("Staten Island", L), ("Brooklyn", L),
        ("three miles", N), ("23.2-mile", N),
        ("McFadden", P), ("today", D),
        ("McFadden", P),
    ],
}


def is_word_char(c):
    return c.isalnum()


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


def spans_for(doc, table, text):
    out = []
    cursor = 0
    for entry in table:
        surface, label = entry[0], entry[1]
        assert label in LABELS, (doc, entry)
        if len(entry) == 3:
            ctx = entry[2]
            assert surface in ctx, (doc, entry)
            c = text.find(ctx, cursor)
            assert c >= 0, f"{doc}: context {ctx!r} not found after {cursor}"
            i = find_bounded(text, surface, c, c + len(ctx))
        else:
            i = find_bounded(text, surface, cursor)
        assert i >= 0, f"{doc}: {surface!r} not found after offset {cursor}"
        j = i + len(surface)
        assert text[i:j] == surface
        out.append({"doc": doc, "start": i, "end": j, "label": label, "text": surface})
        cursor = j
    # no overlaps, strictly increasing
    for a, b in zip(out, out[1:]):
        assert a["end"] <= b["start"], (doc, a, b)
    return out


def main():
    show = "--show" in sys.argv
    missed = "--missed" in sys.argv
    all_spans = []
    for doc in sorted(DOCS):
        with open(os.path.join(HERE, doc), encoding="utf-8", newline="") as f:
            text = f.read()
        spans = spans_for(doc, DOCS[doc], text)
        all_spans.extend(spans)
        if show:
            parts, p = [], 0
            for s in spans:
                parts.append(text[p:s["start"]])
                parts.append(f"[{s['text']}|{s['label']}]")
                p = s["end"]
            parts.append(text[p:])
            print("=====", doc)
            print("".join(parts))
        if missed:
            covered = [(s["start"], s["end"]) for s in spans]
            for surface in sorted({s["text"] for s in spans}):
                pos = 0
                while True:
                    i = find_bounded(text, surface, pos)
                    if i < 0:
                        break
                    j = i + len(surface)
                    if not any(a <= i and j <= b for a, b in covered):
                        ctx = text[max(0, i - 30):j + 30].replace("\n", " ")
                        print(f"{doc}: unannotated {surface!r} at {i}: ...{ctx}...")
                    pos = i + 1
    for s in all_spans:
        with open(os.path.join(HERE, s["doc"]), encoding="utf-8", newline="") as f:
            assert f.read()[s["start"]:s["end"]] == s["text"]
    if not show and not missed:
        with open(os.path.join(HERE, "gold_entities.jsonl"), "w", encoding="utf-8") as f:
            for s in all_spans:
                f.write(json.dumps(s, ensure_ascii=False) + "\n")
        counts = {}
        for s in all_spans:
            counts[s["label"]] = counts.get(s["label"], 0) + 1
        print(len(DOCS), "docs,", len(all_spans), "mentions", dict(sorted(counts.items())))


if __name__ == "__main__":
    main()
