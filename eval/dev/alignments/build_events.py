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
end a sentence at ("9:00 p.m. EDT", "Mt. Everest", "the U.S. Pacific Tsunami Warning Center", "Gov. Ricardo
Rosselló", "St. Sebastian's").
"""
import json, os, re, sys
from itertools import combinations

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from spin import sentences as raw_sentences  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
EV = os.path.join(HERE, "events")
ABBREV = re.compile(r"(\b[ap]\.m\.|\bMt\.|\bCapt\.|\bLt\.|\bCol\.|\bU\.S\.|\bNo\.|\bDr\.|\bGov\.|\bSt\.)$")


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
    # The second batch (see events/SOURCES.md).
    "e9": ("test", ["e9_srilanka_reuters_early.txt", "e9_srilanka_reuters.txt",
                    "e9_srilanka_withinnigeria.txt", "e9_srilanka_upi.txt"]),
    "e10": ("tune", ["e10_genoa_reuters.txt", "e10_genoa_ap.txt", "e10_genoa_thisisitaly.txt",
                     "e10_genoa_dailymail.txt"]),
    "e11": ("tune", ["e11_mugabe_financialexpress.txt", "e11_mugabe_bbc_nairaplus.txt",
                     "e11_mugabe_bbc_exile.txt", "e11_mugabe_barakafm.txt"]),
    "e12": ("test", ["e12_thaicave_reuters_huffpost.txt", "e12_thaicave_bbc_midlifemate.txt",
                     "e12_thaicave_insider.txt", "e12_thaicave_epochtimes.txt"]),
    "e13": ("tune", ["e13_notredame_abc.txt", "e13_notredame_theweek.txt",
                     "e13_notredame_irishexaminer.txt", "e13_notredame_vladtv.txt"]),
    "e14": ("test", ["e14_suez_globalnews.txt", "e14_suez_medialine.txt",
                     "e14_suez_ap_onenewspage.txt"]),
    "e15": ("tune", ["e15_beirut_afp_logisticsgulf.txt", "e15_beirut_yahoo.txt",
                     "e15_beirut_fr24news.txt"]),
    "e16": ("tune", ["e16_ethiopian_nomad.txt", "e16_ethiopian_newsx.txt",
                     "e16_ethiopian_blackbox.txt", "e16_ethiopian_ap_tvnewslies.txt"]),
    "e17": ("test", ["e17_sulawesi_reuters.txt", "e17_sulawesi_aljazeera.txt",
                     "e17_sulawesi_guardian.txt", "e17_sulawesi_cna.txt"]),
    "e18": ("tune", ["e18_mexico_voa.txt", "e18_mexico_ap_univision.txt",
                     "e18_mexico_reuters_egypttoday.txt", "e18_mexico_afp_vietnam.txt"]),
    "e19": ("test", ["e19_maria_nbc.txt", "e19_maria_nbc_newsflash.txt",
                     "e19_maria_ap_arkansas.txt", "e19_maria_fortune.txt"]),
    "e20": ("tune", ["e20_grenfell_channel4.txt", "e20_grenfell_pa_irishnews.txt",
                     "e20_grenfell_guardian_copy.txt"]),
    "e21": ("tune", ["e21_skripal_bbc_early.txt", "e21_skripal_bbc.txt",
                     "e21_skripal_bbc_worldusnews.txt", "e21_skripal_hepingshijie.txt"]),
    "e22": ("test", ["e22_westgate_irishtimes.txt", "e22_westgate_independent.txt",
                     "e22_westgate_dailymail.txt"]),
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


# The second batch of events (e9-e22): documents lettered A-D in the order EVENTS lists them.
def _pairs(a, b, items):
    return [(a, x, b, y, k) for x, y, k in items]


A9, B9, C9, D9 = EVENTS["e9"][1]
A10, B10, C10, D10 = EVENTS["e10"][1]
A11, B11, C11, D11 = EVENTS["e11"][1]
A12, B12, C12, D12 = EVENTS["e12"][1]
A13, B13, C13, D13 = EVENTS["e13"][1]
A14, B14, C14 = EVENTS["e14"][1]
A15, B15, C15 = EVENTS["e15"][1]
A16, B16, C16, D16 = EVENTS["e16"][1]
A17, B17, C17, D17 = EVENTS["e17"][1]
A18, B18, C18, D18 = EVENTS["e18"][1]
A19, B19, C19, D19 = EVENTS["e19"][1]
A20, B20, C20 = EVENTS["e20"][1]
A21, B21, C21, D21 = EVENTS["e21"][1]
A22, B22, C22 = EVENTS["e22"][1]

# Sri Lanka Easter bombings, 21 Apr 2019: Reuters early (about 100 dead) and later (138) versions,
# an independent Nigerian report (156), UPI the next day (290).
ROWS_E9 = _pairs(A9, B9, [
    ("Easter Day bomb blasts", "COLOMBO - Easter Day", "related"),
    ("Easter Day bomb blasts", "Blasts hit Sri Lanka", "related"),
    ("In just one church", "In just one church", "same"),
    ("Media reported 25", "Media reported 25", "same"),
]) + _pairs(A9, C9, [
    ("Easter Day bomb blasts", "At least 156 people", "related"),
    ("Easter Day bomb blasts", "The explosions injured", "related"),
    ("In just one church", "The official said at least 45", "related"),
    ("Media reported 25", "The official said at least 45", "related"),
]) + _pairs(A9, D9, [
    ("Easter Day bomb blasts", "Death toll rises to 290", "related"),
    ("Easter Day bomb blasts", "April 22 (UPI)", "related"),
    ("Easter Day bomb blasts", "Police spokesman Ruwan", "related"),
]) + _pairs(B9, C9, [
    ("Blasts hit Sri Lanka", "At least 156 people", "related"),
    ("COLOMBO - Easter Day", "At least 156 people", "related"),
    ("COLOMBO - Easter Day", "The explosions injured", "related"),
    ("In just one church", "The official said at least 45", "related"),
    ("Media reported 25", "The official said at least 45", "related"),
    ("The three hotels hit", "The three hotels hit", "paraphrase"),
    ("Nine foreigners", "The explosions injured", "related"),
    ("Prime Minister Ranil Wickremesinghe called", "The country’s Prime Minister", "related"),
    ("“I strongly condemn", "The country’s Prime Minister", "related"),
    ("One of the explosions was at", "At least 160 people were injured", "related"),
]) + _pairs(B9, D9, [
    ("Blasts hit Sri Lanka", "Death toll rises to 290", "related"),
    ("Blasts hit Sri Lanka", "April 22 (UPI)", "related"),
    ("COLOMBO - Easter Day", "April 22 (UPI)", "related"),
    ("COLOMBO - Easter Day", "Death toll rises to 290", "related"),
    ("COLOMBO - Easter Day", "Police spokesman Ruwan", "related"),
    ("Nine foreigners", "At least 35 of the dead", "related"),
]) + _pairs(C9, D9, [
    ("At least 156 people", "April 22 (UPI)", "related"),
    ("At least 156 people", "Death toll rises to 290", "related"),
    ("The explosions injured", "Police spokesman Ruwan", "related"),
    ("The explosions injured", "At least 35 of the dead", "related"),
])

# Genoa bridge collapse, 14 Aug 2018: Reuters, AP, This is Italy, Daily Mail.
ROWS_E10 = _pairs(A10, B10, [
    ("Dozens feared dead", "MILAN — A 51-year-old", "related"),
    ("At least 35 people were killed", "MILAN — A 51-year-old", "related"),
    ("At least 35 people were killed", "Earlier Tuesday, Italian fire", "related"),
    ("A 50-metre high section", "MILAN — A 51-year-old", "related"),
    ("Italian television showed", "MILAN — A 51-year-old", "related"),
    ('"People living in Genoa', "The disaster, on a major", "related"),
]) + _pairs(A10, C10, [
    ("Dozens feared dead", "At least 22 people", "related"),
    ("Dozens feared dead", "An 80-metre section", "related"),
    ("At least 35 people were killed", "At least 22 people", "related"),
    ("A 50-metre high section", "An 80-metre section", "related"),
    ("Italian television showed", "An 80-metre section", "related"),
]) + _pairs(A10, D10, [
    ("Dozens feared dead", "A young family of three", "related"),
    ("At least 35 people were killed", "A young family of three", "related"),
    ("A 50-metre high section", "Cars, tonnes of twisted", "related"),
]) + _pairs(B10, C10, [
    ("MILAN — A 51-year-old", "At least 22 people", "related"),
    ("MILAN — A 51-year-old", "At least 8 people", "related"),
]) + _pairs(B10, D10, [
    ("MILAN — A 51-year-old", "A young family of three", "related"),
    ("MILAN — A 51-year-old", "Roberto Robbiano", "related"),
    ("MILAN — A 51-year-old", "Cars, tonnes of twisted", "related"),
    ("Earlier Tuesday, Italian fire", "A young family of three", "related"),
]) + _pairs(C10, D10, [
    ("At least 22 people", "A young family of three", "related"),
    ("An 80-metre section", "Roberto Robbiano", "related"),
])

# Mugabe resigns, 21 Nov 2017: Financial Express, two reprints of the BBC's first report
# (Nairaplus, Exile News Service), Baraka FM.
ROWS_E11 = _pairs(A11, B11, [
    ("Robert Mugabe resigns as", "Zimbabwe’s President “Robert", "related"),
    ("Zimbabwe President Robert Mugabe resigned", "Zimbabwe’s President “Robert", "related"),
    ("Zimbabwe President Robert Mugabe resigned", "A letter from Mr Mugabe", "related"),
]) + _pairs(A11, C11, [
    ("Robert Mugabe resigns as", "Zimbabwe’s President Robert Mugabe has", "paraphrase"),
    ("Robert Mugabe resigns as", "Zimbabwe’s President Mugabe Has", "related"),
    ("Zimbabwe President Robert Mugabe resigned", "Zimbabwe’s President Robert Mugabe has", "related"),
    ("Zimbabwe President Robert Mugabe resigned", "Zimbabwe’s President Mugabe Has", "related"),
    ("Zimbabwe President Robert Mugabe resigned", "A letter from Mr Mugabe", "related"),
]) + _pairs(A11, D11, [
    ("Robert Mugabe resigns as", "Mugabe finally resigns", "related"),
    ("Robert Mugabe resigns as", "Harare, ZIMBABWE", "related"),
    ("Robert Mugabe resigns as", "The immediate former president", "related"),
    ("Zimbabwe President Robert Mugabe resigned", "Harare, ZIMBABWE", "related"),
    ("Zimbabwe President Robert Mugabe resigned", "The immediate former president", "related"),
]) + _pairs(B11, C11, [
    ("Zimbabwe’s President “Robert", "Zimbabwe’s President Mugabe Has", "paraphrase"),
    ("Zimbabwe’s President “Robert", "Zimbabwe’s President Robert Mugabe has", "related"),
    ("A letter from Mr Mugabe", "A letter from Mr Mugabe", "same"),
    ("The surprise announcement", "The surprise announcement", "same"),
]) + _pairs(B11, D11, [
    ("Zimbabwe’s President “Robert", "Mugabe finally resigns", "related"),
    ("Zimbabwe’s President “Robert", "Harare, ZIMBABWE", "related"),
    ("The surprise announcement", "The immediate former president", "related"),
    ("He has been in power", "The news came as a shock", "related"),
]) + _pairs(C11, D11, [
    ("Zimbabwe’s President Mugabe Has", "Mugabe finally resigns", "related"),
    ("Zimbabwe’s President Mugabe Has", "Harare, ZIMBABWE", "related"),
    ("Zimbabwe’s President Robert Mugabe has", "Harare, ZIMBABWE", "related"),
    ("Zimbabwe’s President Robert Mugabe has", "The immediate former president", "related"),
    ("The surprise announcement", "The immediate former president", "related"),
])

# Thai cave boys found, 2 Jul 2018: Reuters (HuffPost), the BBC's report (reposted), Insider,
# Epoch Times.
ROWS_E12 = _pairs(A12, B12, [
    ("Boys Soccer Team That Went", "Missing Thai boys", "paraphrase"),
    ("Boys Soccer Team That Went", "All 12 boys and their football", "related"),
    ("BANGKOK (Reuters)", "All 12 boys and their football", "paraphrase"),
    ("BANGKOK (Reuters)", "Missing Thai boys", "related"),
    ("BANGKOK (Reuters)", "All 13 are safe", "related"),
    ("BANGKOK (Reuters)", "The governor of the region", "related"),
    ("“Thai Navy seals have found", "All 13 are safe", "related"),
    ("“Thai Navy seals have found", "The governor of the region", "related"),
    ("An international search effort", "All 13 are safe", "related"),
]) + _pairs(A12, C12, [
    ("“Thai Navy seals have found", '"Thai Navy seals have found', "same"),
    ("“Thai Navy seals have found", "Thailand's provincial governor", "related"),
    ("“Thai Navy seals have found", "Twelve members of the Thai", "related"),
    ("BANGKOK (Reuters)", "Twelve members of a Thai", "paraphrase"),
    ("BANGKOK (Reuters)", "Twelve members of the Thai", "related"),
    ("BANGKOK (Reuters)", "An Under-16 soccer team", "related"),
    ("BANGKOK (Reuters)", "Thailand's provincial governor", "related"),
    ("Boys Soccer Team That Went", "An Under-16 soccer team", "related"),
    ("Boys Soccer Team That Went", "Twelve members of a Thai", "related"),
    ("An international search effort", "A major search and rescue", "related"),
]) + _pairs(A12, D12, [
    ("Boys Soccer Team That Went", "Missing Boys Soccer Team", "paraphrase"),
    ("Boys Soccer Team That Went", "More than a week after", "related"),
    ("BANGKOK (Reuters)", "Missing Boys Soccer Team", "related"),
    ("BANGKOK (Reuters)", "More than a week after", "related"),
    ("BANGKOK (Reuters)", "Chiang Rai provincial Gov.", "related"),
    ("“Thai Navy seals have found", "Chiang Rai provincial Gov.", "related"),
    ("“Thai Navy seals have found", "“We found all 13 safe", "related"),
]) + _pairs(B12, C12, [
    ("Missing Thai boys", "An Under-16 soccer team", "related"),
    ("All 12 boys and their football", "Twelve members of a Thai", "paraphrase"),
    ("All 12 boys and their football", "An Under-16 soccer team", "related"),
    ("All 12 boys and their football", "Thailand's provincial governor", "related"),
    ("All 13 are safe", '"Thai Navy seals have found', "related"),
    ("All 13 are safe", "Thailand's provincial governor", "related"),
    ("The governor of the region", "Thailand's provincial governor", "related"),
    ("The governor of the region", '"Thai Navy seals have found', "related"),
    ("The boys aged 11 to 16", "The boys ventured", "related"),
]) + _pairs(B12, D12, [
    ("Missing Thai boys", "Missing Boys Soccer Team", "paraphrase"),
    ("All 12 boys and their football", "More than a week after", "related"),
    ("All 12 boys and their football", "Chiang Rai provincial Gov.", "related"),
    ("All 13 are safe", "Chiang Rai provincial Gov.", "related"),
    ("All 13 are safe", "“We found all 13 safe", "related"),
    ("The governor of the region", "Chiang Rai provincial Gov.", "related"),
    ("The boys aged 11 to 16", "On June 23, the boys", "related"),
    ("The group’s plight", "More than a week after", "related"),
]) + _pairs(C12, D12, [
    ("An Under-16 soccer team", "Missing Boys Soccer Team", "related"),
    ("An Under-16 soccer team", "More than a week after", "related"),
    ("Twelve members of a Thai", "More than a week after", "related"),
    ("Thailand's provincial governor", "Chiang Rai provincial Gov.", "related"),
    ('"Thai Navy seals have found', "Chiang Rai provincial Gov.", "related"),
    ('"Thai Navy seals have found', "“We found all 13 safe", "related"),
    ("The boys ventured", "On June 23, the boys", "related"),
    ("The boys ventured", "Heavy rains sent", "related"),
])

# Notre-Dame fire, 15 Apr 2019: ABC (Australia), The Week, Irish Examiner, VladTV (from CNN).
ROWS_E13 = _pairs(A13, B13, [
    ("Notre Dame cathedral spire collapses", "The Notre Dame Cathedral's spire", "related"),
    ("Notre Dame cathedral spire collapses", "The spire of Paris' Notre Dame", "related"),
    ("Notre Dame cathedral spire collapses", "Devastating video was captured", "related"),
    ("A catastrophic fire has ripped", "The spire of Paris' Notre Dame", "related"),
    ("A catastrophic fire has ripped", "The roof of the cathedral", "related"),
    ("A catastrophic fire has ripped", "The Notre Dame Cathedral's spire", "related"),
    ("Notre Dame was built in the 12th", "The fire at the 800-year old", "related"),
]) + _pairs(A13, C13, [
    ("Notre Dame cathedral spire collapses", "The spire at Notre Dame Cathedral", "related"),
    ("Notre Dame cathedral spire collapses", "Footage showing its famous spire", "related"),
    ("A catastrophic fire has ripped", "The spire at Notre Dame Cathedral", "related"),
    ("A catastrophic fire has ripped", "The fire broke out at the famous", "related"),
]) + _pairs(A13, D13, [
    ("Notre Dame cathedral spire collapses", "According to reports, a fire", "related"),
    ("A catastrophic fire has ripped", "According to reports, a fire", "related"),
    ("Paris fire chief Jean-Claude Gallet", "Commander General of the Paris", "related"),
    ("Paris fire chief Jean-Claude Gallet", "We are not sure if we will", "related"),
    ("French authorities are not certain", "The collapse of the spire, which", "related"),
    ("French authorities are not certain", "He continued", "related"),
]) + _pairs(B13, C13, [
    ("The Notre Dame Cathedral's spire", "The spire at Notre Dame Cathedral", "related"),
    ("The spire of Paris' Notre Dame", "The spire at Notre Dame Cathedral", "paraphrase"),
    ("Devastating video was captured", "Footage showing its famous spire", "related"),
    ("The Notre Dame Cathedral's spire", "Footage showing its famous spire", "related"),
    ("The fire at the 800-year old", "The fire broke out at the famous", "related"),
    ("The building had been in the midst", "The cause of the fire", "related"),
]) + _pairs(B13, D13, [
    ("The Notre Dame Cathedral's spire", "According to reports, a fire", "related"),
    ("The spire of Paris' Notre Dame", "According to reports, a fire", "related"),
    ("Firefighters are currently responding", "As many as 400 firefighters", "related"),
]) + _pairs(C13, D13, [
    ("The spire at Notre Dame Cathedral", "According to reports, a fire", "paraphrase"),
    ("Footage showing its famous spire", "According to reports, a fire", "related"),
])

# Ever Given blocks the Suez Canal, 23 Mar 2021: Global News, The Media Line, AP (One News Page).
ROWS_E14 = _pairs(A14, B14, [
    ("The Suez Canal in Egypt", "A container ship ran aground", "related"),
    ("According to a BBC report", "A container ship ran aground", "related"),
    ("According to a BBC report", "The Ever Given container ship", "related"),
    ("The ship is owned by Evergreen", "The Ever Given container ship", "related"),
    ("It sails under the Panama flag", "The Ever Given container ship", "related"),
    ("The ship tracking website", "It is carrying hundreds", "related"),
    ("A report from The Guardian", "The 200,000-ton Ever Given", "related"),
    ("A report from The Guardian", "At least seven tug boats", "related"),
    ("It was not immediately clear how long", "It could take several days", "related"),
    ("“None of the vessels", "There were 15 ships behind", "related"),
    ("According to the Gulf Agency", "There were 15 ships behind", "related"),
    ("By 10 p.m. ET", "It is blocking sea traffic", "related"),
    ("“The southbound convoy", "It is blocking sea traffic", "related"),
]) + _pairs(A14, C14, [
    ("The Suez Canal in Egypt", "Suez Canal blocked after", "related"),
    ("The Suez Canal in Egypt", "A cargo ship has turned", "related"),
    ("According to a BBC report", "A cargo ship has turned", "related"),
    ("It sails under the Panama flag", "A cargo ship has turned", "related"),
    ("By 10 p.m. ET", "A cargo ship has turned", "related"),
]) + _pairs(B14, C14, [
    ("A container ship ran aground", "Suez Canal blocked after", "related"),
    ("A container ship ran aground", "A cargo ship has turned", "related"),
    ("The Ever Given container ship", "A cargo ship has turned", "related"),
    ("It is blocking sea traffic", "A cargo ship has turned", "related"),
])

# Beirut port explosion, 4 Aug 2020: AFP (Logistics Gulf), USA Today (Yahoo), a rewrite of CNN
# (fr24news).
ROWS_E15 = _pairs(A15, B15, [
    ("Several dozens killed", "Residents of Beirut are surveying", "related"),
    ("Several dozens killed", "At least 100 people were killed", "related"),
    ("Two massive explosions devastated", "Residents of Beirut are surveying", "related"),
    ("Two massive explosions devastated", "At least 100 people were killed", "related"),
    ("Two massive explosions devastated", "Health Minister Hassan Hamad", "related"),
    ("The second blast sent", "A moment later, the shock wave", "related"),
]) + _pairs(A15, C15, [
    ("Prime Minister Hassan Diab said that", "Prime Minister Hassan Diab said 2,750", "paraphrase"),
    ("Prime Minister Hassan Diab said that", "Ammonium nitrate stored in warehouse", "related"),
    ("Interior Minister Mohammed Fahmi", "Prime Minister Hassan Diab said 2,750", "related"),
    ("Interior Minister Mohammed Fahmi", "Ammonium nitrate stored in warehouse", "related"),
    ("General Security Chief Abbas", "Later, the country’s general security", "paraphrase"),
    ("The second blast sent", "The shock wave from the explosion", "related"),
]) + _pairs(B15, C15, [
    ("The blast, which struck shortly", "Early reports in state media", "related"),
    ("A moment later, the shock wave", "The shock wave from the explosion", "related"),
])

# Ethiopian Airlines ET302 crash, 10 Mar 2019: Nomad (Africa), NewsX (India), BlackBox Nigeria,
# AP (reposted at tvnewslies).
ROWS_E16 = _pairs(A16, B16, [
    ("An Ethiopian Airliner ET302", "Ethiopian Airlines Boeing 737 MAX with", "related"),
    ("An Ethiopian Airliner ET302", "Flight ET 302 crashed", "related"),
    ("The Ethiopian Airlines plane took off", "The Boeing 737-800 MAX with registration", "related"),
]) + _pairs(A16, C16, [
    ("An Ethiopian Airliner ET302", "Ethiopian Airline’s 4months", "related"),
    ("An Ethiopian Airliner ET302", "Ethiopian Airline’s newly acquired", "related"),
    ("An Ethiopian Airliner ET302", "All 157 people onboard", "related"),
    ("An Ethiopian Airliner ET302", "The crashed plane is a Boeing", "related"),
]) + _pairs(A16, D16, [
    ("An Ethiopian Airliner ET302", "An Ethiopian Airlines flight crashed", "related"),
    ("The airline’s CEO told reporters", "The pilot sent out a distress", "paraphrase"),
]) + _pairs(B16, C16, [
    ("Ethiopian Airlines Boeing 737 MAX with", "Ethiopian Airline’s 4months", "related"),
    ("Ethiopian Airlines Boeing 737 MAX with", "Ethiopian Airline’s newly acquired", "related"),
    ("Ethiopian Airlines Boeing 737 MAX with", "It was gathered that", "related"),
    ("Ethiopian Airlines Boeing 737 MAX with", "The crash incident has been confirmed", "related"),
    ("Ethiopian Airlines Boeing 737 MAX with", "All 157 people onboard", "related"),
    ("The ill-fated passenger jet", "It was gathered that", "related"),
    ("Taking to Twitter Abiy Ahmed", "The crash incident has been confirmed", "related"),
    ("The Boeing 737-800 MAX with registration", "The crashed plane is a Boeing", "related"),
]) + _pairs(B16, D16, [
    ("Ethiopian Airlines Boeing 737 MAX with", "An Ethiopian Airlines flight crashed", "related"),
    ("The reason behind the crash", "It was not immediately clear", "related"),
]) + _pairs(C16, D16, [
    ("Ethiopian Airline’s newly acquired", "An Ethiopian Airlines flight crashed", "related"),
    ("All 157 people onboard", "An Ethiopian Airlines flight crashed", "related"),
    ("It was gathered that", "It was not immediately clear", "related"),
    ("Ethiopian Airline’s 4months", "It was not immediately clear", "related"),
])

# Sulawesi earthquake and tsunami, 28-30 Sep 2018: Reuters, Al Jazeera, The Guardian (all 384
# dead), Channel NewsAsia two days on (832).
ROWS_E17 = _pairs(A17, B17, [
    ("Hundreds killed by Indonesian", "Hundreds dead as quake", "paraphrase"),
    ("Hundreds killed by Indonesian", "Nearly 400 people have been", "related"),
    ("PALU, Indonesia (Reuters)", "Nearly 400 people have been", "related"),
    ("PALU, Indonesia (Reuters)", "The national disaster agency put", "related"),
    ("PALU, Indonesia (Reuters)", "Hundreds dead as quake", "related"),
    ("PALU, Indonesia (Reuters)", "Nearly 400 killed and fate", "related"),
    ("Hundreds of people had gathered", "The disaster agency, BNPB, also", "related"),
    ("The tsunami followed a 7.5", "Nearly 400 killed and fate", "related"),
    ("The tsunami followed a 7.5", "In Palu – home", "related"),
    ("“When the (tsunami) threat arose", "Sutopo Purwo Nugroho, spokesman", "related"),
    ("“The tsunami didn’t come", "“The tsunami didn’t come", "related"),
    ("“The tsunami didn’t come", "Some people climbed six-metre", "related"),
    ("Some people climbed trees", "Some people climbed six-metre", "paraphrase"),
]) + _pairs(A17, C17, [
    ("Hundreds killed by Indonesian", "Death toll from Sulawesi", "related"),
    ("Hundreds killed by Indonesian", "A powerful earthquake that rocked", "related"),
    ("PALU, Indonesia (Reuters)", "Death toll from Sulawesi", "related"),
    ("PALU, Indonesia (Reuters)", "A powerful earthquake that rocked", "related"),
    ("The tsunami followed a 7.5", "Officials warn number", "related"),
]) + _pairs(A17, D17, [
    ("Hundreds killed by Indonesian", "At least 832 dead", "related"),
    ("PALU, Indonesia (Reuters)", "PALU, Indonesia: The death toll", "related"),
    ("PALU, Indonesia (Reuters)", "Earlier authorities had put", "related"),
    ("PALU, Indonesia (Reuters)", "Earlier reports said 400", "related"),
    ("Hundreds of people had gathered", "Hundreds had gathered for a festival", "paraphrase"),
    ("Hundreds of people had gathered", "Dozens of people were reported", "related"),
    ("The tsunami followed a 7.5", "Dozens of people were reported", "related"),
]) + _pairs(B17, C17, [
    ("Hundreds dead as quake", "Death toll from Sulawesi", "related"),
    ("The national disaster agency put", "Death toll from Sulawesi", "related"),
    ("The national disaster agency put", "A powerful earthquake that rocked", "related"),
    ("Nearly 400 people have been", "A powerful earthquake that rocked", "related"),
    ("Nearly 400 killed and fate", "Officials warn number", "related"),
    ("Tomi Soetjipto", "Kalla said there had been", "related"),
    ("“We haven’t heard any news", "Kalla said there had been", "related"),
    ("“We haven’t heard any news", "“We’re now getting limited", "related"),
]) + _pairs(B17, D17, [
    ("Hundreds dead as quake", "At least 832 dead", "related"),
    ("The national disaster agency put", "Earlier authorities had put", "related"),
    ("The national disaster agency put", "PALU, Indonesia: The death toll", "related"),
    ("Nearly 400 people have been", "Earlier reports said 400", "related"),
    ("In Palu – home", "So far, it said", "related"),
    ("The disaster agency, BNPB, also", "Hundreds had gathered for a festival", "related"),
    ("Meanwhile, hospitals in the city", "Earlier reports said 400", "related"),
]) + _pairs(C17, D17, [
    ("Death toll from Sulawesi", "At least 832 dead", "related"),
    ("Death toll from Sulawesi", "Earlier authorities had put", "related"),
    ("A powerful earthquake that rocked", "PALU, Indonesia: The death toll", "related"),
    ("A powerful earthquake that rocked", "Earlier authorities had put", "related"),
    ("Kalla said there had been", "Eleven deaths had been recorded", "related"),
])

# Central Mexico earthquake, 19 Sep 2017: VOA, AP (Univision), Reuters (Egypt Today), AFP (VNA).
ROWS_E18 = _pairs(A18, B18, [
    ("More Than 200 Dead After", "More than 200 dead in 7.1", "paraphrase"),
    ("More Than 200 Dead After", "MEXICO CITY (AP)", "related"),
    ("Rescue workers searched", "MEXICO CITY (AP)", "related"),
    ("Rescue workers searched", "Dozens of buildings collapsed", "related"),
    ("Rescue workers searched", "More than 200 dead in 7.1", "related"),
]) + _pairs(A18, C18, [
    ("More Than 200 Dead After", "MEXICO CITY - 20 Sept", "related"),
    ("Rescue workers searched", "MEXICO CITY - 20 Sept", "related"),
    ("As of early Wednesday", "MEXICO CITY - 20 Sept", "related"),
    ("As of early Wednesday", "The death toll in Mexico City surged", "related"),
    ("As of early Wednesday", "The state of Morelos", "related"),
    ("As of early Wednesday", "At least 12 people were killed", "related"),
]) + _pairs(A18, D18, [
    ("More Than 200 Dead After", "At least 138 killed as", "related"),
    ("Rescue workers searched", "At least 138 people were killed", "related"),
    ("Rescue workers searched", "The toll from the authorities", "related"),
    ("As of early Wednesday", "Four deaths were initially", "related"),
    ("As of early Wednesday", "The others occurred in nearby", "related"),
]) + _pairs(B18, C18, [
    ("More than 200 dead in 7.1", "MEXICO CITY - 20 Sept", "related"),
    ("MEXICO CITY (AP)", "MEXICO CITY - 20 Sept", "related"),
    ("The quake came less than two weeks", "The earthquake struck on the 32nd", "related"),
]) + _pairs(B18, D18, [
    ("More than 200 dead in 7.1", "At least 138 killed as", "related"),
    ("MEXICO CITY (AP)", "At least 138 people were killed", "related"),
    ("MEXICO CITY (AP)", "At least 138 killed as", "related"),
    ("The quake came less than two weeks", "At least 138 people were killed", "related"),
]) + _pairs(C18, D18, [
    ("MEXICO CITY - 20 Sept", "At least 138 people were killed", "related"),
    ("MEXICO CITY - 20 Sept", "At least 138 killed as", "related"),
    ("The death toll in Mexico City surged", "Four deaths were initially", "related"),
    ("The state of Morelos", "The others occurred in nearby", "related"),
    ("The earthquake struck on the 32nd", "At least 138 people were killed", "related"),
])

# Hurricane Maria in Puerto Rico, 20 Sep 2017: two versions of NBC News' report (einnews,
# newsflash.one), AP (Arkansas Democrat-Gazette), Fortune.
_MARIA_NBC = [  # the same sentences in the two NBC versions
    ("Once we're able", "“Once we’re able"), ("Rosselló imposed", "Rosselló imposed"),
    ("Maria, the strongest storm", "Maria, the strongest storm"),
    ("Yennifer Álvarez Jaimes", "Yennifer Álvarez Jaimes"),
]
_MARIA_AP = [
    ("All Power Out as", "Maria clobbers Puerto Rico", "related"),
    ("SAN JUAN, Puerto Rico — Hurricane", "SAN JUAN, Puerto Rico -- Hurricane", "related"),
    ("SAN JUAN, Puerto Rico — Hurricane", '"Definitely Puerto Rico', "related"),
    ("Once we're able", '"Definitely Puerto Rico', "related"),
    ("Yennifer Álvarez Jaimes", "Maria clobbers Puerto Rico", "related"),
    ("Yennifer Álvarez Jaimes", "SAN JUAN, Puerto Rico -- Hurricane", "related"),
    ("Maria, the strongest storm", "The storm first slammed", "related"),
    ("Maria, the strongest storm", "SAN JUAN, Puerto Rico -- Hurricane", "related"),
]
_MARIA_FORTUNE = [
    ("All Power Out as", "Hurricane Maria Knocks Out", "related"),
    ("Yennifer Álvarez Jaimes", "Hurricane Maria Knocks Out", "related"),
    ("Yennifer Álvarez Jaimes", "The entire island of 3.5", "related"),
    ("Yennifer Álvarez Jaimes", "By midday, damage", "related"),
    ("Maria, the strongest storm", "Hurricane Maria made landfall", "related"),
    ("Maria, the strongest storm", "Hurricane Maria hit Puerto Rico", "related"),
]
_NBC2 = dict(_MARIA_NBC + [("All Power Out as", "‘Island Destroyed’"),
                           ("SAN JUAN, Puerto Rico — Hurricane", "SAN JUAN, Puerto Rico — Hurricane")])
ROWS_E19 = _pairs(A19, B19, [
    ("All Power Out as", "‘Island Destroyed’", "paraphrase"),
    ("SAN JUAN, Puerto Rico — Hurricane", "SAN JUAN, Puerto Rico — Hurricane", "paraphrase"),
    ("Intense flooding was reported", "Intense flooding was reported", "paraphrase"),
] + [(a, b, "same") for a, b in _MARIA_NBC]) + _pairs(A19, C19, _MARIA_AP + [
]) + _pairs(B19, C19, [(_NBC2[a], b, k) for a, b, k in _MARIA_AP]) + _pairs(A19, D19, _MARIA_FORTUNE + [
    ("Authorities say it could be", "The entire island of 3.5", "related"),
]) + _pairs(B19, D19, [(_NBC2[a], b, k) for a, b, k in _MARIA_FORTUNE]) + _pairs(C19, D19, [
    ("Maria clobbers Puerto Rico", "Hurricane Maria Knocks Out", "related"),
    ("Maria clobbers Puerto Rico", "The entire island of 3.5", "related"),
    ("SAN JUAN, Puerto Rico -- Hurricane", "The entire island of 3.5", "related"),
    ("SAN JUAN, Puerto Rico -- Hurricane", "By midday, damage", "related"),
    ('"Definitely Puerto Rico', "The entire island of 3.5", "related"),
    ("The storm first slammed", "Hurricane Maria made landfall", "related"),
    ("The storm first slammed", "Hurricane Maria hit Puerto Rico", "related"),
])

# Grenfell Tower fire, 14-19 Jun 2017: Channel 4 News (12 dead), PA (Irish News, 17), The
# Guardian five days on (a repost, 79).
ROWS_E20 = _pairs(A20, B20, [
    ("London fire: fatalities", "Grenfell Tower fire: Death toll rises", "related"),
    ("At least twelve people", "Grenfell Tower fire: Death toll rises", "related"),
    ("At least twelve people", "Seventeen people have died", "related"),
    ("At least twelve people", "17 people have died in the Grenfell", "related"),
    ("At least twelve people", "The number of deaths is expected", "related"),
    ("At least twelve people", "We do believe that that number", "related"),
]) + _pairs(A20, C20, [
    ("London fire: fatalities", "Grenfell Tower fire: death toll raised", "related"),
    ("At least twelve people", "Grenfell Tower fire: death toll raised", "related"),
    ("At least twelve people", "The number of people dead or missing", "related"),
]) + _pairs(B20, C20, [
    ("Grenfell Tower fire: Death toll rises", "Grenfell Tower fire: death toll raised", "related"),
    ("Grenfell Tower fire: Death toll rises", "The number of people dead or missing", "related"),
    ("Seventeen people have died", "The number of people dead or missing", "related"),
    ("17 people have died in the Grenfell", "The number of people dead or missing", "related"),
    ("17 people have died in the Grenfell", "Grenfell Tower fire: death toll raised", "related"),
])

# Skripal poisoning, 4-8 Mar 2018: the BBC's explainer on 7 March and 8 March, a repost of another
# 8 March version (worldusnews), an independent agency report (hepingshijie).
_SKRIPAL_EARLY = [  # BBC 7 March -> BBC 8 March
    ("A former Russian spy and his", "Police are conducting an attempted", "related"),
    ("A former Russian spy and his", "Sergei Skripal, 66, and Yulia", "related"),
    ("Police are trying to find out", "Sergei Skripal, 66, and Yulia", "related"),
    ("Russia has denied any", "Russia has denied any", "same"),
    ("UK Foreign Secretary", "UK Foreign Secretary", "paraphrase"),
    ("Timeline of events", "Timeline of events", "same"),
    ("Mr Skripal was found alongside", "Mr Skripal was found alongside", "same"),
    ("They became ill around", "Mr Skripal and his daughter Yulia were", "related"),
    ("Officers were alerted", "At about 16:15 GMT", "paraphrase"),
    ("Two police officers were also", "The first police officer", "related"),
]
_SKRIPAL_COPY = [  # BBC 8 March -> the worldusnews repost
    ("Police are conducting an attempted", "Police are conducting an attempted", "same"),
    ("Sergei Skripal, 66, and Yulia", "Sergei Skripal, 66, and Yulia", "same"),
    ("The first police officer", "The first police officer", "same"),
    ("Home Secretary Amber Rudd said on", "He is conscious but", "related"),
    ("Ms Rudd described", "Home Secretary Amber Rudd described", "paraphrase"),
    ("Russia has denied any", "Russia has denied any", "same"),
    ("UK Foreign Secretary", "UK Foreign Secretary", "same"),
    ("Here's what we know", "Here’s what we know", "same"),
    ("Timeline of events", "Timeline of events", "same"),
    ("Mr Skripal and his daughter Yulia were", "Mr Skripal and his daughter Yulia were", "same"),
    ("A witness told the BBC", "A witness told the BBC", "same"),
    ("Mr Skripal was found alongside", "Mr Skripal was found alongside", "same"),
    ("At about 16:15 GMT", "At about 16:15 GMT", "same"),
]
_SKRIPAL_AGENCY = [  # BBC 8 March -> hepingshijie
    ("Police are conducting an attempted", "LONDON – Former Russian", "related"),
    ("Police are conducting an attempted", "“This is being treated", "related"),
    ("Police are conducting an attempted", "Ex-spy was exposed", "related"),
    ("Sergei Skripal, 66, and Yulia", "Skripal, 66, and his 33-year-old", "related"),
    ("The first police officer", "Rowley also said a police officer", "related"),
    ("UK Foreign Secretary", "Johnson on Monday said", "related"),
    ("Mr Skripal was found alongside", "Skripal, 66, and his 33-year-old", "related"),
]
_SK = dict((a, b) for a, b, _ in _SKRIPAL_COPY)
ROWS_E21 = (_pairs(A21, B21, _SKRIPAL_EARLY) + _pairs(B21, C21, _SKRIPAL_COPY)
            + _pairs(A21, C21, [(a, _SK.get(b, b), k) for a, b, k in _SKRIPAL_EARLY])
            + _pairs(B21, D21, _SKRIPAL_AGENCY)
            + _pairs(C21, D21, [(_SK[a], b, k) for a, b, k in _SKRIPAL_AGENCY])
            + _pairs(A21, D21, [
                ("A former Russian spy and his", "LONDON – Former Russian", "related"),
                ("A former Russian spy and his", "Ex-spy was exposed", "related"),
                ("Police are trying to find out", "Skripal, 66, and his 33-year-old", "related"),
                ("Mr Skripal was found alongside", "Skripal, 66, and his 33-year-old", "related"),
                ("UK Foreign Secretary", "Johnson on Monday said", "related"),
                ("Two police officers were also", "Rowley also said a police officer", "related"),
            ]))

# Westgate mall attack, 21-22 Sep 2013: The Irish Times, The Independent (repost), Daily Mail
# (repost).
ROWS_E22 = _pairs(A22, B22, [
    ("Al Shabaab attack on upmarket", "At least 39 people were killed", "related"),
    ("Kenyan security forces remain", "At least 39 people were killed", "related"),
    ("Al-Shabaab, a militant Somali", "Nairobi attack: Hostages", "related"),
    ("Al-Shabaab, a militant Somali", "Nairobi’s Police Chief", "related"),
    ("Al-Shabaab, a militant Somali", "According to eye-witnesses", "related"),
    ("One witness said they first", "According to eye-witnesses", "related"),
]) + _pairs(A22, C22, [
    ("Al-Shabaab, a militant Somali", "Somalian terrorist group", "related"),
    ("Al-Shabaab, a militant Somali", "Witness says attackers told", "related"),
    ("One witness said they first", "'All Muslims leave' order", "related"),
    ("One witness said they first", "Witness says attackers told", "related"),
    ("Al Shabaab attack on upmarket", "British nationals were last night", "related"),
    ("Kenyan security forces remain", "British nationals were last night", "related"),
    ("Kenyan security forces remain", "'All Muslims leave' order", "related"),
    ("Three Britons were also killed", "British nationals were last night", "related"),
    ("Three Britons were also killed", "Foreign Secretary William Hague", "related"),
    ("A volley of gunfire", "Upmarket mall is a favourite", "related"),
]) + _pairs(B22, C22, [
    ("According to eye-witnesses", "'All Muslims leave' order", "related"),
    ("According to eye-witnesses", "Witness says attackers told", "related"),
    ("Some claimed the attackers", "'All Muslims leave' order", "related"),
    ("Another reportedly failed", "'All Muslims leave' order", "related"),
    ("Nairobi’s Police Chief", "Somalian terrorist group", "related"),
    ("Nairobi attack: Hostages", "Somalian terrorist group", "related"),
    ("At least 39 people were killed", "British nationals were last night", "related"),
    ("At least 39 people were killed", "'All Muslims leave' order", "related"),
    ("Bodies lined the floors", "Hostages are being held", "related"),
])
TEST += ROWS_E9 + ROWS_E12 + ROWS_E14 + ROWS_E17 + ROWS_E19 + ROWS_E22
TUNE += (ROWS_E10 + ROWS_E11 + ROWS_E13 + ROWS_E15 + ROWS_E16 + ROWS_E18 + ROWS_E20
         + ROWS_E21)


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
