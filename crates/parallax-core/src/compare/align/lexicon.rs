//! Word knowledge for comparison: function words, stems, base forms and WordNet synonym sets.
//!
//! The synonym table (`data/synonyms.txt`, generated from WordNet 3.1 by
//! `data/gen/synonyms.py`) has one synonym set per line, its words separated by spaces. The
//! sets form a forest by hypernym: a line indented by d spaces is a direct hyponym of the last
//! line before it indented by d - 1 ("sector" and, below it, " department"). A line may end
//! in `|` and the 0-based line numbers of the set's further direct hypernyms. A word that is
//! not one of the recognizer's common words is written with a leading `~` (the recognizer
//! reads its common words from this table, see `entities::lexicon::is_common_word`). It is
//! parsed once, on first use.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

/// The table's text, embedded once for the crate (the recognizer reads its common words).
use crate::entities::lexicon::SYNONYMS;

/// Function words and reporting verbs: never content, never anchors.
#[rustfmt::skip]
const STOP: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "either",
    "even", "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having", "he",
    "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in",
    "into", "is", "it", "its", "itself", "just", "may", "me", "might", "more", "most", "much",
    "must", "my", "myself", "neither", "no", "nor", "not", "now", "of", "off", "on", "once",
    "one", "only", "or", "other", "others", "our", "ours", "ourselves", "out", "over", "own",
    "per", "same", "shall", "she", "should", "so", "some", "such", "than", "that", "the",
    "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those",
    "through", "to", "too", "under", "until", "up", "upon", "us", "very", "was", "we", "were",
    "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will",
    "with", "within", "without", "would", "yet", "you", "your", "yours", "yourself", "s", "t",
    "ll", "re", "ve", "d", "m", "said", "says", "say", "saying", "told", "tell", "tells",
    "according", "added", "adds", "stated", "noted", "mentioned", "via", "amid", "among",
    "amongst", "whereas", "thus", "therefore", "already", "still", "almost", "around", "many",
    "several", "another", "onto", "across", "along", "toward", "towards", "since", "though",
    "although", "unless", "whilst", "where", "wherein", "whereby", "de", "la", "le", "el",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week",
    "month", "year", "day", "today", "yesterday", "new", "like", "well", "back", "get", "got",
    "made", "make", "way", "lot", "thing", "things", "time", "times", "two", "three", "four",
    "five", "six", "seven", "eight", "nine", "ten", "first", "last", "next", "earlier", "later",
    "don", "doesn", "didn", "isn", "aren", "wasn", "weren", "won", "wouldn", "can't", "cannot",
];

/// True for a function word or reporting verb.
pub(crate) fn is_stop(lower: &str) -> bool {
    // A hash set, not a scan of the list: this runs for every word of every sentence.
    static SET: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOP.iter().copied().collect())
        .contains(lower)
}

/// Irregular forms to base forms (general English, for synonym look-up).
#[rustfmt::skip]
const IRREGULAR: &[(&str, &str)] = &[
    ("was", "be"), ("were", "be"), ("been", "be"), ("is", "be"), ("are", "be"),
    ("had", "have"), ("has", "have"), ("did", "do"), ("done", "do"), ("went", "go"),
    ("gone", "go"), ("told", "tell"), ("said", "say"), ("made", "make"), ("took", "take"),
    ("taken", "take"), ("gave", "give"), ("given", "give"), ("came", "come"), ("saw", "see"),
    ("seen", "see"), ("knew", "know"), ("known", "know"), ("thought", "think"),
    ("brought", "bring"), ("bought", "buy"), ("sought", "seek"), ("fought", "fight"),
    ("caught", "catch"), ("taught", "teach"), ("held", "hold"), ("led", "lead"), ("left", "leave"),
    ("kept", "keep"), ("felt", "feel"), ("met", "meet"), ("sent", "send"), ("spent", "spend"),
    ("built", "build"), ("began", "begin"), ("begun", "begin"), ("broke", "break"),
    ("broken", "break"), ("chose", "choose"), ("chosen", "choose"), ("drove", "drive"),
    ("driven", "drive"), ("fell", "fall"), ("fallen", "fall"), ("flew", "fly"), ("flown", "fly"),
    ("grew", "grow"), ("grown", "grow"), ("hit", "hit"), ("lost", "lose"), ("paid", "pay"),
    ("ran", "run"), ("rose", "rise"), ("risen", "rise"), ("sold", "sell"), ("shot", "shoot"),
    ("spoke", "speak"), ("spoken", "speak"), ("stood", "stand"), ("struck", "strike"),
    ("won", "win"), ("wrote", "write"), ("written", "write"), ("found", "find"),
    ("heard", "hear"), ("meant", "mean"), ("men", "man"), ("women", "woman"),
    ("children", "child"), ("people", "person"), ("lives", "life"), ("wives", "wife"),
    ("better", "good"), ("best", "good"), ("worse", "bad"), ("worst", "bad"),
    ("data", "datum"), ("crises", "crisis"), ("analyses", "analysis"),
];

/// Candidate base forms of a lower-case word, most likely first (the word itself first).
pub(crate) fn base_forms(w: &str) -> Vec<String> {
    let mut out = vec![w.to_string()];
    if let Some(&(_, b)) = IRREGULAR.iter().find(|(f, _)| *f == w) {
        out.push(b.to_string());
    }
    let n = w.len();
    let mut push = |s: String| {
        if s.len() >= 2 && !out.contains(&s) {
            out.push(s);
        }
    };
    let strip = |suf: &str| w.strip_suffix(suf).map(str::to_string);
    if let Some(s) = strip("ies") {
        push(format!("{s}y"));
    }
    if let Some(s) = strip("es") {
        push(s);
    }
    if let Some(s) = strip("s") {
        if !w.ends_with("ss") {
            push(s);
        }
    }
    if let Some(s) = strip("ied") {
        push(format!("{s}y"));
    }
    for suf in ["ed", "ing", "er", "est"] {
        if let Some(s) = strip(suf) {
            if n > suf.len() + 2 {
                push(s.clone());
                push(format!("{s}e"));
                let b = s.as_bytes();
                if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
                    push(s[..s.len() - 1].to_string());
                }
            }
        }
    }
    if let Some(s) = strip("ly") {
        if n > 5 {
            push(s.clone());
            if let Some(t) = s.strip_suffix('i') {
                push(format!("{t}y"));
            }
        }
    }
    out
}

/// The Snowball (Porter 2) stem of a lower-case word.
pub(crate) fn stem(w: &str) -> String {
    static STEMMER: OnceLock<rust_stemmers::Stemmer> = OnceLock::new();
    STEMMER
        .get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English))
        .stem(w)
        .into_owned()
}

/// The parsed synonym table.
pub(crate) struct Synonyms {
    /// word -> ids of the synonym sets it belongs to.
    sets: HashMap<&'static str, Vec<u32>>,
    /// set id -> direct hypernym set ids.
    hyper: Vec<Vec<u32>>,
}

impl Synonyms {
    fn parse() -> Self {
        let mut sets: HashMap<&'static str, Vec<u32>> = HashMap::default();
        let mut hyper: Vec<Vec<u32>> = Vec::new();
        // path[d]: the last set read at depth d, the parent of the next set at depth d + 1.
        let mut path: Vec<u32> = Vec::new();
        for (i, line) in SYNONYMS.lines().enumerate() {
            let i = i as u32;
            let body = line.trim_start_matches(' ');
            let depth = line.len() - body.len();
            let (words, hs) = body.split_once('|').unwrap_or((body, ""));
            for w in words.split(' ').filter(|w| !w.is_empty()) {
                // "~" marks a word that is not one of the recognizer's common words
                let w = w.strip_prefix('~').unwrap_or(w);
                sets.entry(w).or_default().push(i);
            }
            path.truncate(depth);
            let mut up: Vec<u32> = path.last().copied().into_iter().collect();
            up.extend(hs.split(',').filter_map(|h| h.parse::<u32>().ok()));
            hyper.push(up);
            path.push(i);
        }
        Synonyms { sets, hyper }
    }

    /// The table, parsed on first use.
    pub(crate) fn get() -> &'static Synonyms {
        static TABLE: OnceLock<Synonyms> = OnceLock::new();
        TABLE.get_or_init(Synonyms::parse)
    }

    /// Synonym-set ids of a lower-case word (through its base forms): (own sets, hypernyms).
    pub(crate) fn keys(&self, w: &str) -> (Vec<u32>, Vec<u32>) {
        let mut own: Vec<u32> = Vec::new();
        for b in base_forms(w) {
            if let Some(ids) = self.sets.get(b.as_str()) {
                own.extend(ids);
            }
        }
        own.sort_unstable();
        own.dedup();
        let mut up: Vec<u32> = own
            .iter()
            .flat_map(|&i| self.hyper.get(i as usize).into_iter().flatten().copied())
            .collect();
        up.sort_unstable();
        up.dedup();
        (own, up)
    }

    /// True when the lower-case word itself is in the table.
    pub(crate) fn is_word(&self, w: &str) -> bool {
        self.sets.contains_key(w)
    }

    /// True when two lower-case words share a synonym set (and are different words).
    pub(crate) fn synonyms(&self, a: &str, b: &str) -> bool {
        if a == b {
            return false;
        }
        let (x, _) = self.keys(a);
        let (y, _) = self.keys(b);
        x.iter().any(|i| y.binary_search(i).is_ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(a: &str, b: &str, expected: bool) {
        let got = Synonyms::get().synonyms(a, b);
        assert_eq!(got, expected, "synonyms({a:?}, {b:?})");
    }

    #[test]
    fn synonym_table() {
        check("cold", "chilly", true);
        check("fears", "concern", true);
        check("teach", "instructed", true);
        check("cold", "warm", false);
        check("russia", "russia", false);
        check("table", "cloud", false);
    }

    #[test]
    fn hypernyms_from_indentation() {
        // "department" is indented under "sector": that set is its hypernym.
        let t = Synonyms::get();
        let (_, up) = t.keys("department");
        let (own, _) = t.keys("sector");
        assert!(own.iter().any(|i| up.binary_search(i).is_ok()));
        let (_, up) = t.keys("sector");
        let (own, _) = t.keys("department");
        assert!(!own.iter().any(|i| up.binary_search(i).is_ok()));
    }

    #[test]
    fn base_forms_of_inflections() {
        assert!(base_forms("instructed").contains(&"instruct".to_string()));
        assert!(base_forms("countries").contains(&"country".to_string()));
        assert!(base_forms("planning").contains(&"plan".to_string()));
        assert!(base_forms("told").contains(&"tell".to_string()));
    }
}
