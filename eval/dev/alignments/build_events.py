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

GV, GA, GT, GC = ("e2_germanwings_voa.txt", "e2_germanwings_ap.txt", "e2_germanwings_travelbiz.txt",
                  "e2_germanwings_ap_copy.txt")
CA, CU, CB = "e3_chile_ap.txt", "e3_chile_usatoday.txt", "e3_chile_abc7.txt"
NV, NN, ND = "e4_nepal_voa.txt", "e4_nepal_nwa.txt", "e4_nepal_dw.txt"
MA, ML, MR, ME = ("e6_mh370_ap.txt", "e6_mh370_latimes.txt", "e6_mh370_reuters.txt",
                  "e6_mh370_ap_earlier.txt")
PA, PF, PR, PW = "e7_pope_abc.txt", "e7_pope_afp.txt", "e7_pope_radio.txt", "e7_pope_wanted.txt"
# The AP story and its wire copy (reordered, one paragraph more) as (opening words) pairs.
AP_COPY = [("Plane crash kills", "Plane crash kills"), ("A Germanwings jet", "SEYNE-LES-ALPES"),
           ("All aboard were", "All aboard were"), ("The pilots sent out", "The pilots sent out"),
           ('"The site is a picture', '"The site is a picture'),
           ("The grief of the families", "The grief of the families"),
           ("We must now stand", "We must now stand"), ("We are united", "We are united"),
           ("The crash left officials", "The crash left officials"),
           ("Sobbing, grieving", "Sobbing, grieving"), ("One German town", "One German town"),
           ('"This is pretty much', '"This is pretty much'),
           ("After night fell", "After night fell")]
# Germanwings: what VOA's and the AFP/AP rewrite's sentences share with the AP story (its
# wire copy shares the same).
GV_AP = [
    ("German Jet Crashes", "Plane crash kills", "paraphrase"),
    ("German Jet Crashes", "A Germanwings jet", "related"),
    ("German Jet Crashes", "All aboard were", "related"),
    ("Search efforts at the crash", "After night fell", "related"),
    ("Search efforts at the crash", "All aboard were", "related"),
    ("Search efforts at the crash", "A Germanwings jet", "related"),
    ("A local official in the ski", "A Germanwings jet", "related"),
    ("There was no immediate explanation", "The pilots sent out", "related"),
    ("Germanwings confirmed its flight", "A Germanwings jet", "related"),
    ("Also among the crash victims", "One German town", "related"),
]
AP_TB = [
    ("Plane crash kills", "Plane crash kills", "same"),
    ("Plane crash kills", "Seyne-les-Alpes (France)", "related"),
    ("A Germanwings jet", "Seyne-les-Alpes (France)", "related"),
    ("All aboard were", "Seyne-les-Alpes (France)", "related"),
    ("A Germanwings jet", "Debris was strewn", "related"),
    ("The pilots sent out", "The pilots sent out", "paraphrase"),
    ("The pilots sent out", "The Airbus A320 operated", "related"),
    ("The pilots sent out", "The accident's cause", "related"),
    ("The crash left officials", "Plane crash kills", "related"),
    ("Sobbing, grieving", "At airports in Barcelona", "related"),
    ("One German town", "Victims included 16", "related"),
    ('"This is pretty much', "Victims included 16", "related"),
]
ROWS_E2 = [(GV, a, GA, b, k) for a, b, k in GV_AP] + [
    (GV, a, GC, dict(AP_COPY)[b], k) for a, b, k in GV_AP] + [
    (GV, "About a dozen specially", GC, "About 10 gendarmes", "related"),
    (GV, "Search efforts at the crash", GA, "Plane crash kills", "related"),
    (GV, "Search efforts at the crash", GC, "Plane crash kills", "related"),
    (GV, "Search efforts at the crash", GT, "Plane crash kills", "related"),
    (GA, "A Germanwings jet", GC, "Plane crash kills", "related"),
    (GA, "Plane crash kills", GC, "SEYNE-LES-ALPES", "related"),
    (GA, "A Germanwings jet", GT, "Plane crash kills", "related"),
    (GC, "SEYNE-LES-ALPES", GT, "Plane crash kills", "related"),
    (GV, "German Jet Crashes", GT, "Plane crash kills", "paraphrase"),
    (GV, "German Jet Crashes", GT, "Seyne-les-Alpes (France)", "related"),
    (GV, "Search efforts at the crash", GT, "Seyne-les-Alpes (France)", "related"),
    (GV, "A local official in the ski", GT, "Debris was strewn", "related"),
    (GV, "There was no immediate explanation", GT, "The accident's cause", "related"),
    (GV, "But French officials said one", GT, "The accident's cause", "related"),
    (GV, "There was no immediate explanation", GT, "The pilots sent out", "related"),
    (GV, "Germanwings confirmed its flight", GT, "The Airbus A320 operated", "related"),
    (GV, "Also among the crash victims", GT, "Victims included 16", "related"),
] + [(GA, a, GT, b, k) for a, b, k in AP_TB] + [
    (GC, dict(AP_COPY)[a], GT, b, "same" if (a, b) == ("Plane crash kills", "Plane crash kills")
     else k) for a, b, k in AP_TB] + [
    (GA, a, GC, b, "same") for a, b in AP_COPY]
ROWS_E3 = [
    (CA, "Magnitude-8.2 Quake Strikes", CU, "Five dead as 8.2", "related"),
    (CA, "Magnitude-8.2 Quake Strikes", CU, "A massive earthquake struck", "related"),
    (CA, "Magnitude-8.2 Quake Strikes", CU, "The magnitude 8.2 tremblor", "related"),
    (CA, "SANTIAGO, Chile (AP)", CU, "Five dead as 8.2", "related"),
    (CA, "SANTIAGO, Chile (AP)", CU, "A massive earthquake struck", "related"),
    (CA, "SANTIAGO, Chile (AP)", CU, "The magnitude 8.2 tremblor", "related"),
    (CA, "SANTIAGO, Chile (AP)", CU, "Officials urged all residents", "related"),
    (CA, "Chilean officials say two", CU, "Five dead as 8.2", "related"),
    (CA, "Chilean officials say two", CU, "A massive earthquake struck", "related"),
    (CA, "Chilean officials say two", CU, "Officials urged all residents", "related"),
    (CA, "Chilean officials say two", CU, "Chile's navy said", "related"),
    (CA, "The governor of Chile", CU, "A massive earthquake struck", "related"),
    (CA, "The mayor of Tarapaca", CU, "The mayor of Tarapaca", "paraphrase"),
    (CA, "It said the quake struck 61", CU, "The magnitude 8.2 tremblor", "related"),
    (CA, "It said the quake struck 61", CU, "A massive earthquake struck", "related"),
    (CA, "Waves measuring almost 2", CU, "A wave measuring almost", "related"),
    (CA, "Waves measuring almost 2", CU, "Chile's navy said", "related"),
    (CA, "The Pacific Tsunami Warning Center issued", CU, "A massive earthquake struck", "related"),
    (CA, "Local TV images", CU, "Officials urged all residents", "related"),
    (CA, "Magnitude-8.2 Quake Strikes", CB, "8.2-magnitude earthquake hits", "related"),
    (CA, "Magnitude-8.2 Quake Strikes", CB, "The U.S. Geological Survey says", "related"),
    (CA, "SANTIAGO, Chile (AP)", CB, "8.2-magnitude earthquake hits", "related"),
    (CA, "SANTIAGO, Chile (AP)", CB, "All coastal zones", "related"),
    (CA, "Chilean officials say two", CB, "All coastal zones", "related"),
    (CA, "Chilean officials say two", CB, "8.2-magnitude earthquake hits", "related"),
    (CA, "The governor of Chile", CB, "Chile's Interior Minister", "related"),
    (CA, "The mayor of Tarapaca", CB, "Chile's Interior Minister", "related"),
    (CA, "The U.S. Geological Survey initially", CB, "The U.S. Geological Survey says", "related"),
    (CA, "It said the quake struck 61", CB, "The U.S. Geological Survey says", "related"),
    (CA, "Waves measuring almost 2", CB, "Waves measuring almost 6", "paraphrase"),
    (CA, "The Pacific Tsunami Warning Center issued", CB, "A tsunami warning was issued", "related"),
    (CA, "It said the quake struck 61", CB, "The area has apparently", "related"),
    (CA, "Local TV images", CB, "All coastal zones", "related"),
    (CA, "The governor of Chile", CB, "8.2-magnitude earthquake hits", "related"),
    (CA, "It said the quake struck 61", CB, "8.2-magnitude earthquake hits", "related"),
    (CA, "It said the quake struck 61", CB, "More than 300 have struck", "related"),
    (CU, "Five dead as 8.2", CB, "The U.S. Geological Survey says", "related"),
    (CU, "Five dead as 8.2", CB, "8.2-magnitude earthquake hits", "paraphrase"),
    (CU, "Five dead as 8.2", CB, "Chile's Interior Minister", "related"),
    (CU, "A massive earthquake struck", CB, "8.2-magnitude earthquake hits", "related"),
    (CU, "A massive earthquake struck", CB, "The U.S. Geological Survey says", "related"),
    (CU, "A massive earthquake struck", CB, "A tsunami warning was issued", "related"),
    (CU, "The mayor of Tarapaca", CB, "Chile's Interior Minister", "related"),
    (CU, "The magnitude 8.2 tremblor", CB, "The U.S. Geological Survey says", "related"),
    (CU, "Officials urged all residents", CB, "All coastal zones", "related"),
    (CU, "A wave measuring almost", CB, "Waves measuring almost 6", "related"),
    (CU, "Chile's emergency office", CB, "The shaking caused landslides", "related"),
]
ROWS_E4 = [
    (NV, "Death Toll Rises Above", NN, "Toll at 1,394", "related"),
    (NV, "Death Toll Rises Above", NN, "Inspector Yuvraj Khadka", "related"),
    (NV, "The quake killed more", NN, "Inspector Yuvraj Khadka", "related"),
    (NV, "The quake killed more", NN, "Toll at 1,394", "related"),
    (NV, "A major earthquake and dozens", NN, "KATMANDU, Nepal", "related"),
    (NV, "The 7.8-magnitude quake shook", NN, "KATMANDU, Nepal", "related"),
    (NV, "The resulting avalanches", NN, "KATMANDU, Nepal", "related"),
    (NV, "The resulting avalanches", NN, "Temblor topples buildings", "related"),
    (NV, "At least 34 people", NN, "The earthquake was strong enough", "related"),
    (NV, "Five deaths were reported", NN, "The earthquake was strong enough", "related"),
    (NV, "Bangladesh, Bhutan", NN, "The earthquake was strong enough", "related"),
    (NV, "Historic structures", NN, "KATMANDU, Nepal", "related"),
    (NV, "Buildings and walls", NN, "Temblor topples buildings", "related"),
    (NV, "Nepalese media reported", NN, "Reports of casualties varied", "related"),
    (NV, "It was relatively close", NN, "Hundreds of injured people", "related"),
    (NV, "Death Toll Rises Above", ND, "Death toll in Nepal quake", "paraphrase"),
    (NV, "Death Toll Rises Above", ND, "Nepalese officials say that", "related"),
    (NV, "Death Toll Rises Above", ND, "A spokesman for the Interior", "related"),
    (NV, "The quake killed more", ND, "Nepalese officials say that", "related"),
    (NV, "The quake killed more", ND, "A spokesman for the Interior", "related"),
    (NV, "The quake killed more", ND, "Death toll in Nepal quake", "related"),
    (NV, "The earthquake hit just before", ND, "The earthquake struck a few", "related"),
    (NV, "It was relatively close", ND, "The earthquake struck a few", "related"),
    (NV, "Historic structures", ND, "Several historic temples", "related"),
    (NV, "Buildings and walls", ND, "Most of the deaths", "related"),
    (NV, "Nepalese media reported", ND, "Nepalese officials say that", "related"),
    (NV, "An hour after the initial", ND, "A magnitude-6.6 aftershock", "paraphrase"),
    (NV, "The U.S. Geological Survey (USGS) said the strong", ND, "A magnitude-6.6 aftershock", "related"),
    (NN, "Toll at 1,394", ND, "Death toll in Nepal quake", "related"),
    (NN, "Toll at 1,394", ND, "A spokesman for the Interior", "related"),
    (NN, "Toll at 1,394", ND, "Nepalese officials say that", "related"),
    (NN, "Inspector Yuvraj Khadka", ND, "A spokesman for the Interior", "related"),
    (NN, "Inspector Yuvraj Khadka", ND, "Nepalese officials say that", "related"),
    (NN, "Inspector Yuvraj Khadka", ND, "Death toll in Nepal quake", "related"),
    (NN, "Reports of casualties varied", ND, "The exact number of casualties", "related"),
    (NN, "Reports of casualties varied", ND, "A spokesman for the Interior", "related"),
    (NN, "Hundreds of injured people", ND, "Hospitals are reportedly", "related"),
    (NN, "KATMANDU, Nepal", ND, "Several historic temples", "related"),
    (NN, "Hundreds of injured people", ND, "The earthquake struck a few", "related"),
]
ROWS_E6 = [
    (MA, "China-bound Malaysian jet", ML, "239 feared lost", "paraphrase"),
    (MA, "China-bound Malaysian jet", ML, "BEIJING — A Malaysia", "related"),
    (MA, "A Malaysia Airlines Boeing", ML, "BEIJING — A Malaysia", "related"),
    (MA, "A Malaysia Airlines Boeing", ML, "239 feared lost", "related"),
    (MA, "A Malaysia Airlines Boeing", ML, "It departed from the Malaysian", "related"),
    (MA, "The Malaysia Air plane lost", ML, "It departed from the Malaysian", "related"),
    (MA, "The search and rescue team is yet", ML, '"We are working with authorities', "related"),
    (MA, "The Malaysia Air plane lost", ML, "The Associated Press reported", "related"),
    (MA, "China-bound Malaysian jet", MR, "Plane Flying from Malaysia", "paraphrase"),
    (MA, "China-bound Malaysian jet", MR, "A Malaysia Airlines flight carrying", "related"),
    (MA, "A Malaysia Airlines Boeing", MR, "A Malaysia Airlines flight carrying", "related"),
    (MA, "A Malaysia Airlines Boeing", MR, "Plane Flying from Malaysia", "related"),
    (MA, "A Malaysia Airlines official says", MR, "The airline, speaking several", "related"),
    (ML, "239 feared lost", MR, "Plane Flying from Malaysia", "paraphrase"),
    (ML, "239 feared lost", MR, "A Malaysia Airlines flight carrying", "related"),
    (ML, "BEIJING — A Malaysia", MR, "Plane Flying from Malaysia", "related"),
    (ML, "BEIJING — A Malaysia", MR, "A Malaysia Airlines flight carrying", "related"),
    (ML, "Flight MH370, with 227", MR, "The airline said that the Boeing", "related"),
    (ML, "Flight MH370, with 227", MR, "The airline, speaking several", "related"),
    (ML, "China sent two ships", MR, "A Malaysia Airlines flight carrying", "related"),
    (ML, '"Our team is currently', MR, '"Our team is currently', "paraphrase"),
    (MA, "China-bound Malaysian jet", ME, "China-bound Malaysian jet", "same"),
    (MA, "A Malaysia Airlines Boeing", ME, "KUALA LUMPUR, Malaysia", "paraphrase"),
    (MA, "The Malaysia Air plane lost", ME, "The plane lost communication", "paraphrase"),
    (MA, "The radar signal also", ME, "The radar signal also", "same"),
    (MA, "A Malaysia Airlines Boeing", ME, "He said that the aircraft", "related"),
    (MA, "China-bound Malaysian jet", ME, "KUALA LUMPUR, Malaysia", "related"),
    (MA, "A Malaysia Airlines Boeing", ME, "China-bound Malaysian jet", "related"),
    (ME, "China-bound Malaysian jet", ML, "239 feared lost", "paraphrase"),
    (ME, "China-bound Malaysian jet", ML, "BEIJING — A Malaysia", "related"),
    (ME, "KUALA LUMPUR, Malaysia", ML, "239 feared lost", "related"),
    (ME, "KUALA LUMPUR, Malaysia", ML, "BEIJING — A Malaysia", "related"),
    (ME, "The plane lost communication", ML, "It departed from the Malaysian", "related"),
    (ME, "The plane was carrying 227", ML, "Flight MH370, with 227", "related"),
    (ME, '"Our team is currently', ML, '"Our team is currently', "same"),
    (ME, "He said that the aircraft", ML, "The Associated Press reported", "related"),
    (ME, "KUALA LUMPUR, Malaysia", ML, "It departed from the Malaysian", "related"),
    (ME, "China-bound Malaysian jet", MR, "Plane Flying from Malaysia", "paraphrase"),
    (ME, "China-bound Malaysian jet", MR, "A Malaysia Airlines flight carrying", "related"),
    (ME, "KUALA LUMPUR, Malaysia", MR, "Plane Flying from Malaysia", "related"),
    (ME, "KUALA LUMPUR, Malaysia", MR, "A Malaysia Airlines flight carrying", "related"),
    (ME, "The plane was carrying 227", MR, "The airline said that the Boeing", "paraphrase"),
    (ME, "Passengers were from at least", MR, "It said the passengers were", "related"),
    (ME, '"Our team is currently', MR, '"Our team is currently', "paraphrase"),
    (ME, "Focus of the airline", MR, '"Focus of the airline', "paraphrase"),
    (ME, "Fuad Sharuji", MR, "It said there had been no distress", "related"),
]
ROWS_E7 = [
    (PA, "Pope Benedict announces", PF, "Pope announces shock", "paraphrase"),
    (PA, "Pope Benedict announces", PF, "Pope Benedict XVI has announced he", "related"),
    (PA, "Stating,", PF, "The 85-year-old said", "related"),
    (PA, "Stating,", PF, "Pope Benedict XVI has announced he", "related"),
    (PA, "Benedict's resignation makes", PF, "Pope Benedict XVI has announced he", "related"),
    (PA, "The 85-year-old Benedict", PF, "The German-born leader", "related"),
    (PA, "The 85-year-old Benedict", PF, '"I have come to the certainty', "related"),
    (PA, "The 85-year-old Benedict", PF, "The 85-year-old said", "related"),
    (PA, "A conclave to elect", PF, "Vatican spokesman Federico", "related"),
    (PA, "Pope Benedict announces", PR, "Pope Benedict XVI resigning", "related"),
    (PA, "Pope Benedict announces", PR, "Pope Benedict XVI has announced that", "related"),
    (PA, "Pope Benedict announces", PR, "He will be the first pontiff", "related"),
    (PA, "Stating,", PR, "Pope Benedict XVI has announced that", "related"),
    (PA, "Stating,", PR, "Pope Benedict XVI resigning", "related"),
    (PA, "Benedict's resignation makes", PR, "He will be the first pontiff", "paraphrase"),
    (PA, "The 85-year-old Benedict", PR, "The 85-year-old pope announced", "related"),
    (PA, "The 85-year-old Benedict", PR, "The only reason he gave", "related"),
    (PA, "Stating,", PR, "The only reason he gave", "related"),
    (PA, "A conclave to elect", PR, "This decision sets the stage", "paraphrase"),
    (PA, "Pope Benedict announces", PW, "Pope to resign", "related"),
    (PA, "Pope Benedict announces", PW, "In a shock development", "related"),
    (PA, "Pope Benedict announces", PW, "This is the first time", "related"),
    (PA, "Stating,", PW, "The 85-year-old pope is to step", "related"),
    (PA, "Stating,", PW, "In a shock development", "related"),
    (PA, "Benedict's resignation makes", PW, "This is the first time", "related"),
    (PF, "Pope announces shock", PR, "Pope Benedict XVI resigning", "related"),
    (PF, "Pope Benedict XVI has announced he", PR, "Pope Benedict XVI resigning", "related"),
    (PF, "Pope announces shock", PR, "Pope Benedict XVI has announced that", "related"),
    (PF, "Pope Benedict XVI has announced he", PR, "Pope Benedict XVI has announced that", "related"),
    (PF, "Pope Benedict XVI has announced he", PR, "He will be the first pontiff", "related"),
    (PF, "Pope Benedict XVI has announced he", PR, "The only reason he gave", "related"),
    (PF, "The 85-year-old said", PR, "Pope Benedict XVI has announced that", "related"),
    (PF, "The 85-year-old said", PR, "Pope Benedict XVI resigning", "related"),
    (PF, "The German-born leader", PR, "The 85-year-old pope announced", "related"),
    (PF, '"I have come to the certainty', PR, "The only reason he gave", "related"),
    (PF, "Vatican spokesman Federico", PR, "This decision sets the stage", "related"),
    (PF, "Pope announces shock", PW, "Pope to resign", "related"),
    (PF, "Pope announces shock", PW, "In a shock development", "related"),
    (PF, "Pope Benedict XVI has announced he", PW, "In a shock development", "related"),
    (PF, "Pope Benedict XVI has announced he", PW, "This is the first time", "related"),
    (PF, "The 85-year-old said", PW, "The 85-year-old pope is to step", "related"),
    (PR, "Pope Benedict XVI resigning", PW, "Pope to resign", "related"),
    (PR, "Pope Benedict XVI has announced that", PW, "In a shock development", "related"),
    (PR, "Pope Benedict XVI has announced that", PW, "The 85-year-old pope is to step", "related"),
    (PR, "Pope Benedict XVI resigning", PW, "The 85-year-old pope is to step", "related"),
    (PR, "He will be the first pontiff", PW, "This is the first time", "related"),
]
TUNE = ROWS_E2 + ROWS_E3 + ROWS_E4 + ROWS_E6 + ROWS_E7


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
