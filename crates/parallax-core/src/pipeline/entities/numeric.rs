//! DATE and NUMBER grammar over the word tokens of a text.
//!
//! Spans keep approximators ("more than", "earlier", "around") and units of measure, drop
//! leading prepositions and "the", and drop counted nouns ("around 100,000" troops).

use super::W;
use crate::model::Label;
use crate::pipeline::lists::WordSet;
use crate::text::calendar::{self, MONTHS, MONTH_ABBR, WEEKDAYS};
use crate::text::number_words::{is_number_word, ONES, TENS};
use crate::text::tokens::TokenKind;

static TIME_UNITS: WordSet =
    WordSet::new(include_str!("../../../data/lists/numeric/time_units.txt"));
static PERIOD_NOUNS: WordSet =
    WordSet::new(include_str!("../../../data/lists/numeric/period_nouns.txt"));
static SEASONS: WordSet = WordSet::new(include_str!("../../../data/lists/numeric/seasons.txt"));
static DAY_PARTS: WordSet = WordSet::new(include_str!("../../../data/lists/numeric/day_parts.txt"));
static REL_MODS: WordSet = WordSet::new(include_str!(
    "../../../data/lists/numeric/relative_modifiers.txt"
));
static DATE_PREMODS: WordSet = WordSet::new(include_str!(
    "../../../data/lists/numeric/date_premodifiers.txt"
));
static SCALES: WordSet = WordSet::new(include_str!("../../../data/lists/numeric/scales.txt"));
static PLURAL_SCALES: WordSet = WordSet::new(include_str!(
    "../../../data/lists/numeric/plural_scales.txt"
));
static ORDINAL_WORDS: WordSet = WordSet::new(include_str!(
    "../../../data/lists/numeric/ordinal_words.txt"
));
const UNITS: &[&str] = &[
    "per cent",
    "percent",
    "%",
    "percentage points",
    "points",
    "point",
    "cents",
    "cent",
    "degrees",
    "degree",
    "miles",
    "mile",
    "km",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "metres",
    "meters",
    "metre",
    "meter",
    "m",
    "cm",
    "mm",
    "feet",
    "foot",
    "ft",
    "inches",
    "inch",
    "kg",
    "kilograms",
    "kilogram",
    "kilos",
    "grams",
    "g",
    "lb",
    "lbs",
    "pounds",
    "tonnes",
    "tons",
    "tonne",
    "ton",
    "mph",
    "kph",
    "km/h",
    "knots",
    "light years",
    "light-years",
    "square miles",
    "square kilometres",
    "square kilometers",
    "square feet",
    "square metres",
    "sq",
    "acres",
    "hectares",
    "litres",
    "liters",
    "gallons",
    "barrels",
    "times",
    "euros",
    "euro",
    "dollars",
    "dollar",
    "yuan",
    "yen",
    "rupees",
    "roubles",
    "rubles",
    "hryvnias",
    "francs",
    "pence",
    "p",
    "bps",
    "basis points",
    "mw",
    "gw",
    "kw",
    "megawatts",
    "gigawatts",
    "kwh",
    "mbps",
    "gb",
    "tb",
    "calories",
    "votes",
    "runs",
    "goals",
    "wickets",
    "yards",
    "laps",
];
static APPROX1: WordSet = WordSet::new(include_str!(
    "../../../data/lists/numeric/approximators.txt"
));
const APPROX2: &[&[&str]] = &[
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["greater", "than"],
    &["at", "least"],
    &["at", "most"],
    &["up", "to"],
    &["close", "to"],
    &["as", "many", "as"],
    &["as", "much", "as"],
    &["as", "few", "as"],
    &["just", "over"],
    &["just", "under"],
    &["no", "less", "than"],
    &["no", "more", "than"],
    &["upwards", "of"],
    &["in", "excess", "of"],
    &["well", "over"],
    &["well", "above"],
    &["an", "estimated"],
    &["between"],
    &["more", "than", "a"],
    &["almost", "a"],
];
static CURRENCY_PREFIX: WordSet = WordSet::new(include_str!(
    "../../../data/lists/numeric/currency_prefixes.txt"
));

fn lower<'b>(w: &'b W<'_>) -> &'b str {
    &w.low
}

fn is(w: Option<&W<'_>>, words: &[&str]) -> bool {
    w.is_some_and(|w| words.contains(&&*w.low))
}

fn month_at(ws: &[W<'_>], i: usize) -> Option<usize> {
    let w = ws.get(i)?;
    let l: &str = lower(w);
    if MONTHS.contains(&l) && w.text.starts_with(|c: char| c.is_uppercase()) {
        return Some(i + 1);
    }
    if MONTH_ABBR.contains(&l) && w.text.starts_with(|c: char| c.is_uppercase()) {
        // "Jan." with its full stop
        if ws.get(i + 1).is_some_and(|n| n.text == "." && !n.sp) {
            return Some(i + 2);
        }
        return Some(i + 1);
    }
    None
}

fn is_weekday(w: &W<'_>) -> bool {
    w.text.starts_with(|c: char| c.is_uppercase()) && WEEKDAYS.contains(&&*w.low)
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

fn is_year(s: &str) -> bool {
    calendar::year(s, calendar::MENTION_YEARS).is_some()
}

fn day_num(s: &str) -> bool {
    let d = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &s[d.len()..];
    is_digits(d)
        && d.len() <= 2
        && d.parse::<u32>().is_ok_and(|n| (1..=31).contains(&n))
        && matches!(suffix, "" | "st" | "nd" | "rd" | "th")
}

/// A cardinal number as words or digits at `i`; returns the end.
fn cardinal(ws: &[W<'_>], i: usize) -> Option<usize> {
    let w = ws.get(i)?;
    if w.is_number() {
        let t = w.text;
        if t.ends_with("st") || t.ends_with("nd") || t.ends_with("rd") || t.ends_with("th") {
            return None;
        }
        let mut j = i + 1;
        // "2 1/2", "57 and a half"
        if is(ws.get(j), &["and"])
            && is(ws.get(j + 1), &["a"])
            && is(ws.get(j + 2), &["half", "quarter"])
        {
            j += 3;
        }
        return Some(j);
    }
    let l: &str = lower(w);
    let base = l.split('-').next().unwrap_or("");
    if is_number_word(l) || (l.contains('-') && is_number_word(base)) {
        let mut j = i + 1;
        // twenty-one written as three tokens
        if ws.get(j).is_some_and(|h| h.text == "-" && !h.sp)
            && ws.get(j + 1).is_some_and(|h| is_number_word(&h.low))
        {
            j += 2;
        }
        // fractions: "two-thirds", "three-quarters"
        if ws.get(j).is_some_and(|h| h.text == "-" && !h.sp)
            && is(
                ws.get(j + 1),
                &[
                    "half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths",
                    "tenth", "tenths",
                ],
            )
        {
            j += 2;
        }
        if is(ws.get(j), &["and"])
            && is(ws.get(j + 1), &["a"])
            && is(ws.get(j + 2), &["half", "quarter"])
        {
            j += 3;
        }
        return Some(j);
    }
    if matches!(l, "a" | "an")
        && is(
            ws.get(i + 1),
            &[
                "dozen", "hundred", "thousand", "million", "billion", "couple", "half",
            ],
        )
    {
        if is(ws.get(i + 1), &["couple"]) {
            return None;
        }
        return Some(i + 2);
    }
    if matches!(l, "dozen" | "hundred" | "thousand" | "half") {
        return Some(i + 1);
    }
    None
}

/// Scale words after a number: "100 million", "3.5 crore", "hundreds of thousands".
fn scales(ws: &[W<'_>], mut j: usize) -> usize {
    while let Some(w) = ws.get(j) {
        let l: &str = lower(w);
        if SCALES.contains(&l) && !(l.len() == 1 && w.sp && !matches!(l, "m" | "k" | "b")) {
            j += 1;
        } else if l == "and" && is(ws.get(j + 1), &["a"]) && is(ws.get(j + 2), &["half"]) {
            j += 3;
        } else {
            break;
        }
    }
    j
}

/// Approximator before a number/date: returns the index where the core starts.
fn approx_len(ws: &[W<'_>], i: usize) -> usize {
    for a in APPROX2 {
        if a.iter().enumerate().all(|(k, x)| is(ws.get(i + k), &[x])) {
            return a.len();
        }
    }
    if is(ws.get(i), APPROX1.words()) {
        return 1;
    }
    0
}

/// Tries a DATE at `i`. Returns the end index.
fn date_at(ws: &[W<'_>], i: usize) -> Option<usize> {
    let w = ws.get(i)?;
    let l: &str = lower(w);
    // modifiers that belong to the span
    if matches!(l, "end" | "start" | "beginning" | "middle" | "turn") && is(ws.get(i + 1), &["of"])
    {
        let mut j = i + 2;
        if is(ws.get(j), &["the", "this", "next", "last"]) {
            j += 1;
        }
        if is(
            ws.get(j),
            &[
                "year", "month", "week", "season", "decade", "quarter", "century", "summer",
                "winter", "spring", "autumn",
            ],
        ) {
            return Some(j + 1);
        }
        if let Some(e) = date_core(ws, j) {
            return Some(e);
        }
        return None;
    }
    if l == "fiscal" && ws.get(i + 1).is_some_and(|y| is_year(y.text)) {
        return Some(i + 2);
    }
    if DATE_PREMODS.contains(&l) {
        let mut j = i + 1;
        if is(ws.get(j), &["on", "in", "this", "last", "next"])
            && !is(ws.get(j), &["this", "last", "next"])
        {
            j += 1;
        }
        if ws.get(j).is_some_and(|n| n.text == "-" && !n.sp) {
            j += 1;
        }
        if let Some(e) = date_core(ws, j) {
            return Some(e);
        }
        return None;
    }
    let a = approx_len(ws, i);
    if a > 0 && !is(ws.get(i), &["between"]) {
        if is(ws.get(i), &["over", "under"]) && a == 1 {
            return None; // "over four days": the preposition is dropped
        }
        if let Some(e) = duration(ws, i + a) {
            return Some(e);
        }
        return None;
    }
    date_core(ws, i)
}

/// A rule of the DATE grammar at `i`: `Some(end)` when it reads the words there (`Some(None)`:
/// they are no date), `None` when it does not apply.
type DateRule = fn(&[W<'_>], usize) -> Option<Option<usize>>;

/// The DATE grammar, tried in order; when no rule applies, a duration ("a year earlier").
const DATE_RULES: &[DateRule] = &[
    date_month_first,
    date_day_month,
    date_weekday,
    date_deictic,
    date_year,
    date_decade,
    date_race_time,
    date_relative,
    date_every,
    date_ordinal_period,
    date_season,
];

fn date_core(ws: &[W<'_>], i: usize) -> Option<usize> {
    ws.get(i)?;
    DATE_RULES
        .iter()
        .find_map(|rule| rule(ws, i))
        .unwrap_or_else(|| duration(ws, i))
}

/// Words before "May" that make it the month, not the verb.
static BEFORE_MAY: WordSet =
    WordSet::new(include_str!("../../../data/lists/numeric/before_may.txt"));

/// Month [day][,] [year], "May" the verb left out.
fn date_month_first(ws: &[W<'_>], i: usize) -> Option<Option<usize>> {
    let mut j = month_at(ws, i)?;
    let is_may = lower(&ws[i]) == "may";
    let mut had_num = false;
    if ws.get(j).is_some_and(|n| day_num(n.text)) {
        j += 1;
        had_num = true;
        if ws.get(j).is_some_and(|c| c.text == ",")
            && ws.get(j + 1).is_some_and(|y| is_year(y.text))
        {
            j += 2;
        } else if ws.get(j).is_some_and(|y| is_year(y.text)) {
            j += 1;
        }
    } else if ws.get(j).is_some_and(|y| is_year(y.text)) {
        j += 1;
        had_num = true;
    } else if is(ws.get(j), &["of"]) && ws.get(j + 1).is_some_and(|y| is_year(y.text)) {
        j += 2;
        had_num = true;
    }
    // "May" the verb: only after a date preposition or modifier
    if is_may && !had_num && !is(i.checked_sub(1).and_then(|p| ws.get(p)), BEFORE_MAY.words()) {
        return Some(None);
    }
    Some(Some(time_after(ws, j)))
}

/// Day Month [year].
fn date_day_month(ws: &[W<'_>], i: usize) -> Option<Option<usize>> {
    let w = &ws[i];
    if !(day_num(w.text) && w.is_number()) {
        return None;
    }
    let mut j = month_at(ws, i + 1)?;
    if ws.get(j).is_some_and(|y| is_year(y.text)) {
        j += 1;
    }
    Some(Some(j))
}

/// Weekday [, date] [day part] [last week].
fn date_weekday(ws: &[W<'_>], i: usize) -> Option<Option<usize>> {
    if !is_weekday(&ws[i]) {
        return None;
    }
    let mut j = i + 1;
    if ws.get(j).is_some_and(|c| c.text == ",") {
        if let Some(e) = month_at(ws, j + 1) {
            if let Some(e2) = date_core(ws, j + 1) {
                return Some(Some(e2.max(e)));
            }
        }
    }
    if is(ws.get(j), DAY_PARTS.words()) {
        j += 1;
    }
    if is(ws.get(j), &["last", "next", "this"]) && is(ws.get(j + 1), &["week"]) {
        j += 2;
    }
    Some(Some(j))
}

/// Today, yesterday, tomorrow, tonight [day part].
fn date_deictic(ws: &[W<'_>], i: usize) -> Option<Option<usize>> {
    if !matches!(
        lower(&ws[i]),
        "today" | "yesterday" | "tomorrow" | "tonight"
    ) {
        return None;
    }
    Some(Some(
        i + 1 + usize::from(is(ws.get(i + 1), DAY_PARTS.words())),
    ))
}

/// A year, or a season of two years ("2023/24").
fn date_year(ws: &[W<'_>], i: usize) -> Option<Option<usize>> {
    let w = &ws[i];
    if !(w.is_number() && is_year(w.text)) {
        return None;
    }
    let season = ws.get(i + 1).is_some_and(|s| s.text == "/" && !s.sp)
        && ws
            .get(i + 2)
            .is_some_and(|y| is_digits(y.text) && y.text.len() == 2);
    Some(Some(if season { i + 3 } else { i + 1 }))
}

/// A decade: "1990s".
fn date_decade(ws: &[W<'_>], i: usize) -> Option<Option<usize>> {
    let w = &ws[i];
    (w.is_number() && w.text.len() == 5 && w.text.ends_with('s') && is_year(&w.text[..4]))
        .then_some(Some(i + 1))
}

/// A race time, h:mm:ss.
fn date_race_time(ws: &[W<'_>], i: usize) -> Option<Option<usize>> {
    let w = &ws[i];
    let two_digits = |k: usize| {
        ws.get(k)
            .is_some_and(|m| is_digits(m.text) && m.text.len() == 2 && !m.sp)
    };
    let colon = |k: usize| ws.get(k).is_some_and(|c| c.text == ":" && !c.sp);
    (w.is_number()
        && is_digits(w.text)
        && w.text.len() <= 2
        && colon(i + 1)
        && two_digits(i + 2)
        && colon(i + 3)
        && two_digits(i + 4))
    .then_some(Some(i + 5))
}

/// Relative: last week, this season, the past few weeks, current quarter, most recent years.
fn date_relative(ws: &[W<'_>], i: usize) -> Option<Option<usize>> {
    let l: &str = lower(&ws[i]);
    if !(REL_MODS.contains(&l) || l == "most" && is(ws.get(i + 1), &["recent"])) {
        return None;
    }
    let mut j = i + 1;
    if l == "most" {
        j += 1;
    }
    if is(ws.get(j), &["few", "several", "couple"]) {
        j += 1;
        if is(ws.get(j), &["of"]) {
            j += 1;
        }
    }
    if let Some(e) = cardinal(ws, j) {
        if is(ws.get(e), TIME_UNITS.words()) {
            return Some(Some(e + 1));
        }
    }
    if is(ws.get(j), PERIOD_NOUNS.words())
        || is(ws.get(j), &["days", "weeks", "months", "years", "decades"])
    {
        if l == "same" && !is(ws.get(j), &["day", "week", "month", "year", "period"]) {
            return Some(None);
        }
        return Some(Some(j + 1));
    }
    if let Some(e) = month_at(ws, j) {
        if l == "last" || l == "next" || l == "this" || l == "final" {
            return Some(Some(e));
        }
    }
    if is_weekday_at(ws, j) && matches!(l, "last" | "next" | "this" | "past") {
        return Some(Some(j + 1));
    }
    if l == "recent" && is(ws.get(j), &["years", "months", "weeks", "days", "decades"]) {
        return Some(Some(j + 1));
    }
    Some(None)
}

/// Every day, each year, every 15 days.
fn date_every(ws: &[W<'_>], i: usize) -> Option<Option<usize>> {
    if !matches!(lower(&ws[i]), "every" | "each") {
        return None;
    }
    let j = i + 1;
    if let Some(e) = cardinal(ws, j) {
        if is(ws.get(e), TIME_UNITS.words()) {
            return Some(Some(e + 1));
        }
    }
    let period = is(
        ws.get(j),
        &[
            "day", "week", "month", "year", "morning", "night", "season", "summer", "winter",
            "spring",
        ],
    );
    Some(period.then_some(j + 1))
}

/// An ordinal quarter or half: third quarter, third-quarter, first-half results; full year.
fn date_ordinal_period(ws: &[W<'_>], i: usize) -> Option<Option<usize>> {
    let l: &str = lower(&ws[i]);
    if !(ORDINAL_WORDS.contains(&l) || l == "full") {
        return None;
    }
    let mut j = i + 1;
    if ws.get(j).is_some_and(|h| h.text == "-" && !h.sp) {
        j += 1;
    }
    if !(is(ws.get(j), &["quarter", "half"]) && l != "last" && l != "final"
        || (l == "full" && is(ws.get(j), &["year"])))
    {
        return Some(None);
    }
    // "first half" of a match is not a date, a "first-half" profit is
    let match_half = is(ws.get(j), &["half"])
        && !is(
            ws.get(j + 1),
            &[
                "results", "profit", "profits", "earnings", "revenue", "sales",
            ],
        );
    Some((!match_half).then_some(j + 1))
}

/// A season after a date preposition: "in spring", "since summer 2020".
fn date_season(ws: &[W<'_>], i: usize) -> Option<Option<usize>> {
    if !SEASONS.contains(&lower(&ws[i])) {
        return None;
    }
    let prev = i.checked_sub(1).and_then(|p| ws.get(p));
    if !is(prev, &["in", "since", "until", "by", "during", "over"]) {
        return Some(None);
    }
    let year = ws.get(i + 1).is_some_and(|y| is_year(y.text));
    Some(Some(i + 1 + usize::from(year)))
}

fn is_weekday_at(ws: &[W<'_>], i: usize) -> bool {
    ws.get(i).is_some_and(is_weekday)
}

/// "09:15" after a date: "Nov. 02, 2014, 9:02 p.m."
fn time_after(ws: &[W<'_>], j: usize) -> usize {
    let mut k = j;
    if ws.get(k).is_some_and(|c| c.text == ",") {
        k += 1;
    }
    if ws
        .get(k)
        .is_some_and(|h| is_digits(h.text) && h.text.len() <= 2)
        && ws.get(k + 1).is_some_and(|c| c.text == ":" && !c.sp)
        && ws.get(k + 2).is_some_and(|m| {
            m.text.len() >= 2 && m.text.starts_with(|c: char| c.is_ascii_digit()) && !m.sp
        })
    {
        let mut e = k + 3;
        if ws.get(e).is_some_and(|p| {
            matches!(
                p.text.to_ascii_lowercase().as_str(),
                "p.m" | "a.m" | "pm" | "am"
            )
        }) {
            e += 1;
            if ws.get(e).is_some_and(|d| d.text == "." && !d.sp) {
                e += 1;
            }
        }
        return e;
    }
    j
}

/// A duration: "[a|N|few|several] units [ago|earlier|later|ahead|old]" or bare "days" in
/// "days after", "years ago", "for years".
fn duration(ws: &[W<'_>], i: usize) -> Option<usize> {
    let w = ws.get(i)?;
    let l: &str = lower(w);
    let mut j;
    if let Some(e) = cardinal(ws, i) {
        j = e;
        // "two hours, four minutes, 29 seconds"
        if is(ws.get(j), TIME_UNITS.words()) {
            j += 1;
            loop {
                if ws.get(j).is_some_and(|c| c.text == ",") {
                    if let Some(e2) = cardinal(ws, j + 1) {
                        if is(
                            ws.get(e2),
                            &["seconds", "minutes", "hours", "second", "minute", "hour"],
                        ) {
                            j = e2 + 1;
                            continue;
                        }
                    }
                }
                break;
            }
            if is(ws.get(j), &["ago", "earlier", "later", "old"])
                || is(ws.get(j), &["ahead"]) && !is(ws.get(j + 1), &["of"])
            {
                j += 1;
            }
            // "a day" alone is too vague unless followed by a relation
            return Some(j);
        }
        // 34-year-old, 18-month, 3-to-5 years
        if ws.get(j).is_some_and(|h| h.text == "-" && !h.sp)
            && is(ws.get(j + 1), TIME_UNITS.words())
            && w.is_number()
        {
            let mut e = j + 2;
            if ws.get(e).is_some_and(|h| h.text == "-" && !h.sp) && is(ws.get(e + 1), &["old"]) {
                e += 2;
            }
            return Some(e);
        }
        return None;
    }
    if matches!(l, "a" | "an" | "one") && is(ws.get(i + 1), TIME_UNITS.words()) {
        j = i + 2;
        if is(ws.get(j), &["ago", "earlier", "later", "ahead", "old"]) {
            return Some(j + 1);
        }
        if l != "one" {
            // "a minute", "a year" alone: keep only after a relation word
            let prev = i.checked_sub(1).and_then(|p| ws.get(p));
            if is(
                prev,
                &[
                    "than", "for", "within", "after", "in", "over", "nearly", "almost", "about",
                    "around",
                ],
            ) {
                return Some(j);
            }
            return None;
        }
        return Some(j);
    }
    if matches!(l, "few" | "several" | "couple")
        && is(
            ws.get(i + 1),
            &[
                "days", "weeks", "months", "years", "decades", "hours", "minutes", "of",
            ],
        )
    {
        let mut j = i + 1;
        if is(ws.get(j), &["of"]) {
            j += 1;
        }
        if is(
            ws.get(j),
            &[
                "days", "weeks", "months", "years", "decades", "hours", "minutes",
            ],
        ) {
            let prev = i.checked_sub(1).and_then(|p| ws.get(p));
            let start_a = is(prev, &["a"]);
            let _ = start_a;
            let mut e = j + 1;
            if is(ws.get(e), &["ago", "earlier", "later"]) {
                e += 1;
            }
            return Some(e);
        }
        return None;
    }
    if matches!(
        l,
        "days" | "weeks" | "months" | "years" | "decades" | "hours" | "minutes"
    ) {
        let prev = i.checked_sub(1).and_then(|p| ws.get(p));
        let next = ws.get(i + 1);
        if is(next, &["ago", "earlier", "later", "ahead"]) {
            return Some(i + 2);
        }
        if is(next, &["after", "before"])
            || is(prev, &["for", "in", "recent", "within"]) && !is(next, &["of"])
        {
            return Some(i + 1);
        }
    }
    None
}

/// Tries a NUMBER at `i`. Returns the end index.
fn number_at(ws: &[W<'_>], i: usize) -> Option<usize> {
    let a = approx_len(ws, i);
    if approximator_alone(ws, i, a) {
        return None;
    }
    let s = i + a;
    let (j, money) = currency_prefix(ws, s)?;
    if money && !ws.get(j).is_some_and(|n| n.is_number()) {
        return None;
    }
    if !money {
        if let Some(end) = plural_scales(ws, j) {
            return end;
        }
    }
    let c = cardinal(ws, j)?;
    let first = &ws[j];
    if a == 0 && name_particle(ws, j, c) {
        return None;
    }
    if first.is_number() && (!count_not_label(ws, s, first, money) || clock_time(ws, first, c)) {
        return None;
    }
    let e = range_end(ws, scales(ws, c), i, a);
    if let Some(end) = hyphen_unit(ws, e) {
        return end;
    }
    let u = units_end(ws, e, money);
    // a word number alone that is an idiom
    if !first.is_number() && a == 0 && u == c && word_number_idiom(ws, s, c) {
        return None;
    }
    Some(u)
}

/// "over four", "between them": an approximator that takes the number alone (money keeps
/// it: "over $2 billion").
fn approximator_alone(ws: &[W<'_>], i: usize, a: usize) -> bool {
    let next = ws.get(i + 1);
    a == 1
        && (is(ws.get(i), &["over", "under"])
            && !next.is_some_and(|c| CURRENCY_PREFIX.contains(&c.text))
            || is(ws.get(i), &["between"])
                && !next.is_some_and(|c| c.is_number() || CURRENCY_PREFIX.contains(&c.text)))
}

/// Past a currency prefix at `s` ("$", "Rs.", "US$" in two tokens): where the amount starts
/// and whether it is money.
fn currency_prefix(ws: &[W<'_>], s: usize) -> Option<(usize, bool)> {
    let w = ws.get(s)?;
    if CURRENCY_PREFIX.contains(&w.text) {
        let dot = ws.get(s + 1).is_some_and(|d| d.text == "." && !d.sp);
        return Some((s + 1 + usize::from(dot), true));
    }
    if w.text.len() <= 3
        && w.text.chars().all(|c| c.is_ascii_uppercase())
        && ws.get(s + 1).is_some_and(|d| d.text == "$" && !d.sp)
    {
        return Some((s + 2, true)); // US$, C$ written as two tokens
    }
    Some((s, false))
}

/// Plural scale words alone: "dozens", "hundreds of thousands", "tens of thousands". The end
/// (or no number) when they stand at `j`.
fn plural_scales(ws: &[W<'_>], j: usize) -> Option<Option<usize>> {
    let l: &str = lower(ws.get(j)?);
    if !(PLURAL_SCALES.contains(&l) && l != "scores" && l != "tens"
        || (l == "tens" && is(ws.get(j + 1), &["of"])))
    {
        return None;
    }
    let mut e = j + 1;
    while is(ws.get(e), &["of"]) && is(ws.get(e + 1), PLURAL_SCALES.words()) {
        e += 2;
    }
    Some((l != "tens" || e > j + 1).then_some(e))
}

/// A number word between two capitalised words is a name particle: "Erik ten Hag".
fn name_particle(ws: &[W<'_>], j: usize, c: usize) -> bool {
    let first = &ws[j];
    !first.is_number()
        && j > 0
        && ws[j - 1].kind == TokenKind::Word
        && ws[j - 1].text.starts_with(|c: char| c.is_uppercase())
        && !ws[j - 1].first
        && ws.get(c).is_some_and(|n| {
            n.kind == TokenKind::Word
                && n.text.starts_with(|c: char| c.is_uppercase())
                && first.text.starts_with(|c: char| c.is_lowercase())
        })
}

/// Words before a numeral that make it a label, not a count ("No 3", "Flight 370").
static LABEL_WORDS: WordSet =
    WordSet::new(include_str!("../../../data/lists/numeric/label_words.txt"));

/// The numeral `first` (at `s` or after a currency prefix) counts something: its glued suffix
/// is a scale or unit ("12km", "5bn"), and it is no label ("Flight 370", "No.3") or identifier
/// ("K2-18b", "Covid-19").
fn count_not_label(ws: &[W<'_>], s: usize, first: &W<'_>, money: bool) -> bool {
    let t = first.text;
    if t.chars().any(|c| c.is_alphabetic()) {
        let suffix: String = t
            .chars()
            .skip_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
            .collect();
        let sl = suffix.to_lowercase();
        let temp = matches!(suffix.as_str(), "C" | "F" | "°C" | "°F");
        if !(SCALES.contains(&sl.as_str()) && (money || sl.len() > 1)
            || UNITS.contains(&sl.as_str()) && sl.len() > 1
            || sl == "s"
            || temp)
        {
            return false;
        }
    }
    let prev = s.checked_sub(1).and_then(|p| ws.get(p));
    let identifier = prev.is_some_and(|p| p.text == "-" && !p.sp && !first.sp)
        && s >= 2
        && ws[s - 2].kind == TokenKind::Word;
    !(is(prev, LABEL_WORDS.words()) || prev.is_some_and(|p| p.text == "." && !p.sp) || identifier)
}

/// A clock time is not a number: "11 a.m.", "5:30pm".
fn clock_time(ws: &[W<'_>], first: &W<'_>, c: usize) -> bool {
    is(ws.get(c), &["a.m", "p.m", "am", "pm", "a.m.", "p.m."])
        || ws.get(c).is_some_and(|x| x.text == ":" && !x.sp)
        || first.text.ends_with("am")
        || first.text.ends_with("pm")
}

/// The end of a range after a number ending at `e`: "80 to 95", "$4.6 to $4.9 billion",
/// "3-0"; "and" only after "between".
fn range_end(ws: &[W<'_>], e: usize, i: usize, a: usize) -> usize {
    let joiner = is(ws.get(e), &["to", "and"])
        || ws
            .get(e)
            .is_some_and(|h| (h.text == "-" || h.text == "–") && !h.sp);
    if !joiner {
        return e;
    }
    let mut k = e + 1;
    if ws.get(k).is_some_and(|p| CURRENCY_PREFIX.contains(&p.text)) {
        k += 1;
    }
    if ws.get(k).is_some_and(|n| n.is_number())
        && (ws[e].text != "and" || a > 0 && is(ws.get(i), &["between"]))
    {
        scales(ws, k + 1)
    } else {
        e
    }
}

/// Units written after a hyphen that make a measure: "23.2-mile", "10,000-metre".
static HYPHEN_UNITS: WordSet =
    WordSet::new(include_str!("../../../data/lists/numeric/hyphen_units.txt"));

/// A unit joined by a hyphen after `e`: the end of the measure ("23.2-mile"), or no number
/// when it is a time unit (an adjective of duration: a DATE).
fn hyphen_unit(ws: &[W<'_>], e: usize) -> Option<Option<usize>> {
    if !ws.get(e).is_some_and(|h| h.text == "-" && !h.sp) {
        return None;
    }
    if is(ws.get(e + 1), UNITS) || is(ws.get(e + 1), HYPHEN_UNITS.words()) {
        return Some(Some(e + 2));
    }
    is(ws.get(e + 1), TIME_UNITS.words()).then_some(None)
}

/// The end of the units after a number ending at `e` ("per cent", "US dollars", "degrees
/// Celsius").
fn units_end(ws: &[W<'_>], e: usize, money: bool) -> usize {
    let mut u = e;
    for unit in UNITS {
        if unit
            .split(' ')
            .enumerate()
            .all(|(k, p)| is(ws.get(u + k), &[p]))
        {
            let parts = unit.split(' ').count();
            // single-letter units only glued or clearly money
            if parts == 1 && unit.len() == 1 && unit != &"%" {
                continue;
            }
            u += parts;
            break;
        }
    }
    if u == e && is(ws.get(e), &["us", "u.s"]) && is(ws.get(e + 1), &["cents", "dollars"]) {
        u = e + 2;
    }
    if money
        && is(ws.get(u), &["us", "u.s"])
        && ws
            .get(u)
            .is_some_and(|x| x.text.chars().all(|c| c.is_uppercase() || c == '.'))
    {
        u += 1;
    }
    if u > e
        && is(ws.get(u - 1), &["degrees"])
        && is(ws.get(u), &["fahrenheit", "celsius", "c", "f"])
    {
        u += 1;
    }
    u
}

/// Words before a pronoun "one" after which it is still a number ("with one", "only one").
static BEFORE_NUMBER_ONE: WordSet = WordSet::new(include_str!(
    "../../../data/lists/numeric/before_number_one.txt"
));

/// A word number alone at `s` (ending at `c`) that is an idiom, not a count: "one" as a
/// pronoun ("a bodily one", "one which", "Air Force One", "one day"), "dozen", "a half".
fn word_number_idiom(ws: &[W<'_>], s: usize, c: usize) -> bool {
    let first = &ws[s];
    let l = lower(first);
    let next = ws.get(c);
    let prev = s.checked_sub(1).and_then(|p| ws.get(p));
    if l == "one" {
        let pronoun = is(next, &["which", "that", "who", "other", "another", "whose"])
            || prev.is_some_and(|p| {
                p.text == "["
                    || p.kind == TokenKind::Word
                        && p.text.starts_with(|c: char| c.is_uppercase())
                        && !first.first
                        && first.text == "One"
            })
            || next.is_some_and(|n| n.kind == TokenKind::Punct && n.text != "-")
                && prev.is_some_and(|p| {
                    p.kind == TokenKind::Word && !BEFORE_NUMBER_ONE.contains(&&*p.low)
                });
        if pronoun
            || is(
                next,
                &[
                    "another", "way", "day", "time", "thing", "side", "hand", "point", "more",
                    "or", "of",
                ],
            )
            || is(
                prev,
                &["no", "any", "every", "the", "this", "that", "which", "each"],
            )
        {
            return true;
        }
    }
    matches!(l, "dozen" | "hundred" | "thousand" | "half")
        || is(prev, &["other", "grades", "grade"])
        || (l == "a" || l == "an") && is(ws.get(s + 1), &["half"])
}

/// Words that can open a DATE or NUMBER span (anything else is skipped at once).
fn is_trigger(w: &W<'_>) -> bool {
    static S: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> = std::sync::OnceLock::new();
    let s = S.get_or_init(|| {
        let mut s = rustc_hash::FxHashSet::default();
        for list in [
            &MONTHS[..],
            &MONTH_ABBR[..],
            &WEEKDAYS[..],
            REL_MODS.words(),
            DATE_PREMODS.words(),
            APPROX1.words(),
            &ONES[..],
            &TENS[..],
            SEASONS.words(),
            ORDINAL_WORDS.words(),
            PLURAL_SCALES.words(),
            CURRENCY_PREFIX.words(),
        ] {
            s.extend(list.iter().copied());
        }
        for a in APPROX2 {
            s.insert(a[0]);
        }
        s.extend([
            "a",
            "an",
            "dozen",
            "hundred",
            "thousand",
            "half",
            "full",
            "today",
            "yesterday",
            "tomorrow",
            "tonight",
            "every",
            "each",
            "most",
            "few",
            "several",
            "couple",
            "days",
            "weeks",
            "months",
            "years",
            "decades",
            "hours",
            "minutes",
            "end",
            "start",
            "beginning",
            "middle",
            "turn",
            "fiscal",
            "between",
            "us",
            "c",
            "a",
            "hk",
            "rs",
            "rs.",
            "inr",
            "usd",
            "eur",
            "gbp",
            "us$",
            "c$",
            "a$",
            "hk$",
        ]);
        s
    });
    w.is_number() || s.contains(&*w.low)
}

/// Finds DATE and NUMBER spans: `(start, end, label)` as word-token indices, non-overlapping.
pub fn scan(ws: &[W<'_>]) -> Vec<(usize, usize, Label)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !is_trigger(&ws[i]) {
            i += 1;
            continue;
        }
        // dates first (years and durations look like numbers)
        if let Some(e) = date_at(ws, i).filter(|&e| e > i) {
            if e == i + 1 && is_year(ws[i].text) && in_event_name(ws, i) {
                i = e;
                continue;
            }
            out.push((i, e, Label::Date));
            i = e;
            continue;
        }
        if let Some(e) = number_at(ws, i).filter(|&e| e > i) {
            // a number followed by a time unit is a duration (DATE)
            out.push((i, e, Label::Number));
            i = e;
            continue;
        }
        i += 1;
    }
    out
}

/// A year inside the name of an event: "the 2014 New York City Marathon", "London 2012 Games".
fn in_event_name(ws: &[W<'_>], i: usize) -> bool {
    let mut k = i + 1;
    while k < ws.len()
        && k < i + 7
        && ws[k].kind == TokenKind::Word
        && ws[k].text.starts_with(|c: char| c.is_uppercase())
    {
        if super::lexicon::SKIP_HEADS.contains(&ws[k].text) {
            return true;
        }
        k += 1;
    }
    false
}
