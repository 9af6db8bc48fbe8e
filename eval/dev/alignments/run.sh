#!/usr/bin/env bash
# Scores `parallax align` on the seed gold and on the development alignment gold.
#   bash eval/dev/alignments/run.sh [PATH-TO-parallax]
set -euo pipefail
cd "$(dirname "$0")/../../.."
BIN=${1:-target/release/parallax}
D=eval/dev; A=eval/dev/alignments; T=$(mktemp -d)
for a in seeds/*.txt; do for b in seeds/*.txt; do [[ "$a" < "$b" ]] && "$BIN" align "$a" "$b"; done; done > "$T/seeds.jsonl"
echo -n "seeds: "; python3 eval/score_alignments.py eval/seeds_alignments.jsonl "$T/seeds.jsonl"
while read -r x y; do "$BIN" align "$x" "$y"; done > "$T/dev.jsonl" <<PAIRS
$D/111_ukraine_cyberattack_taipei.txt $D/113_ukraine_websites_axios.txt
seeds/000_0adf5e840b467175.txt $D/111_ukraine_cyberattack_taipei.txt
seeds/000_0adf5e840b467175.txt $D/113_ukraine_websites_axios.txt
$D/113_ukraine_websites_axios.txt seeds/004_d700d5c3ab254cfa.txt
$D/113_ukraine_websites_axios.txt $A/113_edited.txt
$D/112_blinken_lavrov_geneva.txt $A/112_spun.txt
$D/107_hernandez_verdict.txt $A/107_spun.txt
$D/112_blinken_lavrov_geneva.txt $D/111_ukraine_cyberattack_taipei.txt
$D/101_london_marathon.txt $D/114_mcfadden_nyc_marathon.txt
PAIRS
echo -n "dev (all):      "; python3 eval/score_alignments.py $A/gold_all.jsonl "$T/dev.jsonl"
echo -n "dev (hand):     "; python3 eval/score_alignments.py $A/gold_hand.jsonl "$T/dev.jsonl"
echo -n "dev (spun):     "; python3 eval/score_alignments.py $A/gold_spun.jsonl "$T/dev.jsonl"
cp "$T/seeds.jsonl" "$T/dev.jsonl" /tmp/ 2>/dev/null || true
