//! Descriptors: the roles and appositives a text attaches to a person (or organisation), so the
//! reader can show how each source describes them, and the comparison can flag sources that
//! call the same person by different roles.
//!
//! Three constructions are read, all inside one sentence:
//! - a title before the name: "Kremlin spokesman Dmitry Peskov" -> "Kremlin spokesman";
//! - an appositive after it: "Anne Lee, the deputy national security adviser, said" ->
//!   "deputy national security adviser";
//! - a copula: "Lee is the chief negotiator for the union" (or "She is ..." where "she" is the
//!   subject of the nearest earlier sentence naming a person) -> "chief negotiator for the union".
//!
//! A phrase only counts when its head is a role noun (a small general lexicon of offices, jobs
//! and kinds of organisation), so "Peskov, 54," or "Smith, who left early," give nothing.
//! [`role_head`] maps a descriptor to a role class and [`roles_conflict`] compares two.

use crate::offsets::Span;
use crate::pipeline::lists::{Table, WordSet};

pub(crate) use crate::pipeline::clause::{inside_any, looks_verbal, Context, Tok};
pub use crate::pipeline::clause::{MentionKind, MentionLike, MentionRef};

/// Every descriptor the text attaches to a PERSON or ORG mention: (entity id, descriptor as
/// written, span of the descriptor). In text order, one entry per construction found.
pub fn find_descriptors<M: MentionLike>(
    text: &str,
    sentences: &[Span],
    mentions: &[M],
) -> Vec<(String, String, Span)> {
    let ctx = Context::new(text, sentences, mentions);
    descriptors_in(&ctx, &ctx.descriptors())
}

/// The public form of descriptors found in `ctx`: sorted by span, without repeats.
pub(crate) fn descriptors_in<M: MentionLike>(
    ctx: &Context<'_, M>,
    found: &[Found],
) -> Vec<(String, String, Span)> {
    let mut out: Vec<(String, String, Span)> = found
        .iter()
        .map(|d| {
            (
                ctx.mentions[d.mention].entity().to_string(),
                d.text.clone(),
                d.span,
            )
        })
        .collect();
    out.sort_by_key(|d| d.2);
    out.dedup();
    out
}

/// A descriptor found for the mention at index `mention`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub mention: usize,
    pub text: String,
    pub span: Span,
}

/// Role nouns for people: offices, ranks and jobs, each with its role class.
static PERSON_ROLES: Table = Table::new(include_str!(
    "../../data/lists/descriptors/person_roles.tsv"
));

/// Role nouns for organisations: kinds of body.
static ORG_ROLES: Table = Table::new(include_str!("../../data/lists/descriptors/org_roles.tsv"));

/// Words that may modify a role noun in a title but are not themselves content (the walk
/// leftwards from the name stops at anything else that is lower case).
static TITLE_STOP: WordSet =
    WordSet::new(include_str!("../../data/lists/descriptors/title_stop.txt"));

/// Capitalised words at the start of a sentence that are not part of a title.
static SENTENCE_OPENERS: WordSet = WordSet::new(include_str!(
    "../../data/lists/descriptors/sentence_openers.txt"
));

/// The role class of a single role noun (lower case) for people or organisations.
fn role_class(noun: &str) -> Option<&'static str> {
    let find = |n: &str| PERSON_ROLES.get(n).or_else(|| ORG_ROLES.get(n));
    // Plurals: "attorneys", "officials", "spokesmen" are listed or end in -s.
    find(noun).or_else(|| {
        noun.strip_suffix('s')
            .filter(|n| n.len() > 2)
            .and_then(find)
    })
}

fn is_role_noun(noun: &str, kind: MentionKind) -> bool {
    match kind {
        MentionKind::Person => PERSON_ROLES.get(noun).is_some(),
        MentionKind::Org => ORG_ROLES.get(noun).is_some(),
        _ => false,
    }
}

/// The role class of a descriptor: the class of the head of its first noun phrase (the last
/// role noun before "of", "for", "to", "at", "in", "with" or a comma), so "cybersecurity
/// adviser to US President X" is an adviser and "US President" a president.
pub fn role_head(descriptor: &str) -> Option<&'static str> {
    let lower = descriptor.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let mut head: Option<&'static str> = None;
    let mut i = 0;
    while i < words.len() {
        let w = words[i].trim_end_matches("'s");
        if matches!(
            w,
            "of" | "for" | "to" | "at" | "in" | "with" | "on" | "from" | "who" | "which" | "and"
        ) && head.is_some()
        {
            break;
        }
        // Two- and three-word role nouns first ("prime minister", "chief operating officer").
        let mut matched = false;
        for n in [3usize, 2] {
            if i + n <= words.len() {
                let phrase = words[i..i + n].join(" ");
                if let Some(c) = role_class(&phrase) {
                    head = Some(c);
                    i += n;
                    matched = true;
                    break;
                }
            }
        }
        if matched {
            continue;
        }
        if let Some(c) = role_class(w) {
            // "deputy" and "head" only modify when another role noun follows.
            head = Some(c);
        }
        i += 1;
    }
    head
}

/// Role classes that say little on their own and agree with any other role.
static GENERIC_CLASSES: WordSet = WordSet::new(include_str!(
    "../../data/lists/descriptors/generic_classes.txt"
));

/// True when two descriptors give the same entity roles of different classes ("US President"
/// against "cybersecurity adviser"). Descriptors without a recognised role, generic roles
/// ("official", "leader") and a role that contains the other ("minister" / "prime minister")
/// never conflict.
pub fn roles_conflict(a: &str, b: &str) -> bool {
    let (Some(x), Some(y)) = (role_head(a), role_head(b)) else {
        return false;
    };
    if x == y || GENERIC_CLASSES.contains(&x) || GENERIC_CLASSES.contains(&y) {
        return false;
    }
    if x.contains(y) || y.contains(x) {
        return false;
    }
    // A minister is a legislator in most parliaments; a diplomat is an official.
    let compatible = |p: &str, q: &str| {
        matches!(
            (p, q),
            ("minister", "legislator")
                | ("secretary", "minister")
                | ("chief executive", "founder")
                | ("chair", "founder")
                | ("player", "captain")
                | ("athlete", "champion")
        )
    };
    !(compatible(x, y) || compatible(y, x))
}

impl<'a, M: MentionLike> Context<'a, M> {
    /// All descriptors of PERSON and ORG mentions.
    pub fn descriptors(&self) -> Vec<Found> {
        let mut out = Vec::new();
        for &m in &self.order {
            let kind = self.mentions[m].kind();
            if !matches!(kind, MentionKind::Person | MentionKind::Org) {
                continue;
            }
            let span = self.mentions[m].span();
            if inside_any(self.furniture(), span) {
                continue;
            }
            if let Some(f) = self
                .title_before(m, span, kind)
                .or_else(|| self.appositive_before(m, span, kind))
            {
                out.push(f);
            }
            if let Some(f) = self.appositive_after(m, span, kind) {
                out.push(f);
            }
            if let Some(f) = self.copula_after(m, span, kind) {
                out.push(f);
            }
        }
        out.extend(self.pronoun_copulas());
        out
    }

    /// "Kremlin spokesman Dmitry Peskov": the title right before the name.
    fn title_before(&self, m: usize, span: Span, kind: MentionKind) -> Option<Found> {
        let first = self.tok_at(span.start);
        if first == 0 {
            return None;
        }
        let sent = self.sentence_of(span.start);
        let head = &self.toks[first - 1];
        if !head.word || head.start < sent.start {
            return None;
        }
        if !is_role_noun(head.lower(), kind)
            && !self.two_word_role(first - 1, kind)
            && !self.capitalised_title(first - 1, sent, kind)
        {
            return None;
        }
        // Walk left over title words.
        let mut s = first - 1;
        let mut steps = 0;
        while s > 0 && steps < 8 {
            let t = &self.toks[s - 1];
            if t.start < sent.start {
                break;
            }
            if !t.word {
                break;
            }
            let lower = t.lower();
            // "and" inside a capitalised title ("Foreign Affairs and Security Policy").
            let joins_caps = matches!(lower, "and" | "&")
                && s >= 2
                && self.toks[s - 2].word
                && self.toks[s - 2].capitalised()
                && self.toks[s].capitalised()
                && self
                    .mention_at_tok(s - 2, &[MentionKind::Person, MentionKind::Org])
                    .is_none();
            if (TITLE_STOP.contains(&lower) && !joins_caps)
                || t.text.chars().all(|c| c.is_ascii_digit())
            {
                break;
            }
            if self.mention_at_tok(s - 1, &[MentionKind::Person]).is_some() {
                break;
            }
            // Verbs and dates end a title: "found", "named", "August", "Monday".
            if crate::text::calendar::is_calendar_word(lower)
                || (!t.capitalised() && looks_verbal(lower))
            {
                break;
            }
            let sentence_initial = s - 1 == 0 || self.toks[s - 1].start <= sent.start;
            if sentence_initial && SENTENCE_OPENERS.contains(&lower) {
                break;
            }
            // "of", "for" only between capitalised title words ("Secretary of State").
            if matches!(lower, "of" | "for") {
                // The word before must be a title word: a role noun, or capitalised without
                // being the first word of the sentence ("Shares of ..." is not a title).
                let prev_cap =
                    s >= 2 && self.toks[s - 2].word && self.toks[s - 2].capitalised() && {
                        let p = &self.toks[s - 2];
                        is_role_noun(p.lower(), MentionKind::Person) || p.start > sent.start
                    };
                let next_cap = self.toks[s].capitalised();
                if !(prev_cap && next_cap) {
                    break;
                }
            }
            s -= 1;
            steps += 1;
        }
        // Drop a leading "of"/"for"/"and" left dangling.
        while s < first - 1 && matches!(self.toks[s].lower(), "of" | "for" | "and" | "&") {
            s += 1;
        }
        let d = Span::new(self.toks[s].start, self.toks[first - 1].end);
        Some(Found {
            mention: m,
            text: self.slice(d),
            span: d,
        })
    }

    /// "Russia's top cyber diplomat, Andrey Krutov, said": a role phrase set before the name
    /// with a comma.
    fn appositive_before(&self, m: usize, span: Span, kind: MentionKind) -> Option<Found> {
        let first = self.tok_at(span.start);
        if first < 2 || !self.toks[first - 1].is(",") {
            return None;
        }
        let sent = self.sentence_of(span.start);
        let end = first - 1; // the comma
        let mut a = end;
        while a > 0 && end - a < 14 {
            let t = &self.toks[a - 1];
            if t.start < sent.start || !t.word {
                break;
            }
            if matches!(
                t.lower(),
                "by" | "to"
                    | "said"
                    | "says"
                    | "told"
                    | "and"
                    | "but"
                    | "that"
                    | "which"
                    | "who"
                    | "when"
                    | "while"
                    | "according"
                    | "is"
                    | "was"
                    | "are"
                    | "were"
                    | "with"
                    | "from"
                    | "as"
                    | "like"
                    | "unlike"
                    | "than"
                    | "after"
                    | "before"
                    | "for"
                    | "if"
                    | "because"
            ) && a < end
                && !matches!(t.lower(), "for")
            {
                break;
            }
            if self.mention_at_tok(a - 1, &[MentionKind::Person]).is_some() {
                return None;
            }
            a -= 1;
        }
        for s in a..end {
            let t = &self.toks[s];
            let l = t.lower();
            let opens = matches!(l, "the" | "a" | "an")
                || t.capitalised()
                || l.ends_with("'s")
                || l.ends_with("’s");
            if !opens
                || (s > 0
                    && s == a
                    && matches!(
                        self.toks[s - 1].lower(),
                        "for" | "to" | "like" | "as" | "with"
                    ))
            {
                continue;
            }
            let mut st = s;
            while st < end && matches!(self.toks[st].lower(), "the" | "a" | "an") {
                st += 1;
            }
            if st >= end {
                return None;
            }
            let d = Span::new(self.toks[st].start, self.toks[end - 1].end);
            let phrase = self.slice(d);
            if self.has_role_head(&phrase, kind)
                && !self.toks[st..end].iter().any(|t| {
                    t.capitalised()
                        && SENTENCE_OPENERS.contains(&t.lower())
                        && t.start == sent.start
                })
            {
                return Some(Found {
                    mention: m,
                    text: phrase,
                    span: d,
                });
            }
        }
        None
    }

    /// A capitalised title ending at token `t` whose head comes before "of"/"for":
    /// "Secretary of State", "Minister for Foreign Affairs".
    fn capitalised_title(&self, t: usize, sent: Span, kind: MentionKind) -> bool {
        let mut k = t;
        for _ in 0..8 {
            let tok = &self.toks[k];
            if !tok.word || tok.start < sent.start {
                return false;
            }
            let lower = tok.lower();
            let joiner = matches!(lower, "of" | "for" | "and");
            if !tok.capitalised() && !joiner {
                return false;
            }
            if !joiner && k < t && is_role_noun(lower, kind) {
                return matches!(self.toks[k + 1].lower(), "of" | "for");
            }
            if k == 0 {
                return false;
            }
            k -= 1;
        }
        false
    }

    fn two_word_role(&self, t: usize, kind: MentionKind) -> bool {
        t > 0 && {
            let p = format!("{} {}", self.toks[t - 1].lower(), self.toks[t].lower());
            is_role_noun(&p, kind)
        }
    }

    /// "Anne Lee, the deputy national security adviser, said": the appositive after the name.
    fn appositive_after(&self, m: usize, span: Span, kind: MentionKind) -> Option<Found> {
        let after = self.tok_at(span.end);
        let comma = self.toks.get(after)?;
        if !comma.is(",") && !comma.is("(") {
            return None;
        }
        let closer = if comma.is("(") { ")" } else { "," };
        let sent = self.sentence_of(span.start);
        let mut i = after + 1;
        // An age first ("Lee, 41, a teacher from Leeds,"): the role follows it.
        if closer == ","
            && self.toks.get(i).is_some_and(|t| {
                t.word && t.text.chars().all(|c| c.is_ascii_digit()) && t.text.len() <= 3
            })
            && self.toks.get(i + 1).is_some_and(|t| t.is(","))
        {
            i += 2;
        }
        // Skip "who is", "who serves as", "who was".
        let mut start = i;
        let l0 = self.toks.get(i).map(Tok::lower).unwrap_or_default();
        if l0 == "who" {
            let l1 = self.toks.get(i + 1).map(Tok::lower).unwrap_or_default();
            let l2 = self.toks.get(i + 2).map(Tok::lower).unwrap_or_default();
            let skip = match (l1, l2) {
                ("is" | "was" | "became" | "remains", _) => 2,
                ("serves" | "served" | "works" | "worked" | "acts" | "acted", "as") => 3,
                (_, "serves" | "served")
                    if self.toks.get(i + 3).is_some_and(|t| t.lower() == "as") =>
                {
                    4
                }
                _ => return None,
            };
            i += skip;
            start = i;
        }
        let mut end = i;
        let mut words = 0;
        while let Some(t) = self.toks.get(end) {
            if t.start >= sent.end
                || !t.word
                    && (t.is(closer)
                        || matches!(
                            t.text,
                            "." | ";" | ":" | "—" | "–" | "!" | "?" | "\"" | "“" | "”" | ")" | "("
                        ))
            {
                break;
            }
            if t.word {
                words += 1;
            }
            end += 1;
            if words > 14 {
                return None;
            }
        }
        // Must be closed by the closer (or the sentence end) for an appositive.
        let closed = self.toks.get(end).is_none_or(|t| {
            t.is(closer) || t.is(".") || t.is(";") || t.start >= sent.end || t.is("—") || t.is("–")
        });
        if !closed || end <= start {
            return None;
        }
        // Leading article dropped; a verb or number first means no appositive.
        while start < end && matches!(self.toks[start].lower(), "the" | "a" | "an") {
            start += 1;
        }
        if start >= end {
            return None;
        }
        let first = self.toks[start].lower();
        if TITLE_STOP.contains(&first) || first.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let d = Span::new(self.toks[start].start, self.toks[end - 1].end);
        let phrase = self.slice(d);
        if !self.has_role_head(&phrase, kind) {
            return None;
        }
        Some(Found {
            mention: m,
            text: phrase,
            span: d,
        })
    }

    /// True when the first noun phrase of `phrase` is headed by a role noun of this kind.
    fn has_role_head(&self, phrase: &str, kind: MentionKind) -> bool {
        let lower = phrase.to_lowercase();
        let words: Vec<&str> = lower
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
            .collect();
        let cut = words
            .iter()
            .position(|w| {
                matches!(
                    *w,
                    "of" | "for"
                        | "to"
                        | "at"
                        | "in"
                        | "with"
                        | "on"
                        | "from"
                        | "who"
                        | "which"
                        | "and"
                )
            })
            .unwrap_or(words.len());
        let np = &words[..cut];
        if np.is_empty() || np.len() > 7 {
            return false;
        }
        let last = np[np.len() - 1].trim_end_matches("'s");
        let two = if np.len() >= 2 {
            format!("{} {}", np[np.len() - 2], last)
        } else {
            String::new()
        };
        is_role_noun(last, kind) || is_role_noun(&two, kind)
    }

    /// "Lee is the chief negotiator for the union."
    fn copula_after(&self, m: usize, span: Span, kind: MentionKind) -> Option<Found> {
        let after = self.tok_at(span.end);
        self.copula_phrase(m, after, kind)
    }

    /// The role phrase after a copula at token `i` ("is the X", "serves as X", "was named X").
    fn copula_phrase(&self, m: usize, i: usize, kind: MentionKind) -> Option<Found> {
        let l = |k: usize| self.toks.get(k).map(Tok::lower).unwrap_or_default();
        let skip = match (l(i), l(i + 1)) {
            (
                "is" | "was" | "became" | "remains" | "becomes",
                "also" | "now" | "currently" | "still",
            ) => 2,
            ("is" | "was" | "became" | "remains" | "becomes", _) => 1,
            ("serves" | "served" | "works" | "worked" | "acts", "as") => 2,
            ("has" | "had", "been") => 2,
            _ => return None,
        };
        let mut start = i + skip;
        if matches!(l(start), "as") {
            start += 1;
        }
        if !matches!(l(start), "the" | "a" | "an")
            && !self
                .toks
                .get(start)
                .is_some_and(|t| t.word && (t.capitalised() || is_role_noun(t.lower(), kind)))
        {
            return None;
        }
        let sent = self.sentence_of(self.toks.get(i)?.start);
        let mut end = start;
        let mut words = 0;
        while let Some(t) = self.toks.get(end) {
            if t.start >= sent.end
                || !t.word
                    && matches!(
                        t.text,
                        "," | "."
                            | ";"
                            | ":"
                            | "—"
                            | "–"
                            | "!"
                            | "?"
                            | "\""
                            | "“"
                            | "”"
                            | "("
                            | ")"
                    )
            {
                break;
            }
            if t.word
                && matches!(
                    t.lower(),
                    "who" | "which" | "that" | "since" | "and" | "but"
                )
            {
                break;
            }
            words += 1;
            end += 1;
            if words > 14 {
                return None;
            }
        }
        while start < end && matches!(self.toks[start].lower(), "the" | "a" | "an") {
            start += 1;
        }
        if start >= end {
            return None;
        }
        let d = Span::new(self.toks[start].start, self.toks[end - 1].end);
        let phrase = self.slice(d);
        if !self.has_role_head(&phrase, kind) {
            return None;
        }
        Some(Found {
            mention: m,
            text: phrase,
            span: d,
        })
    }

    /// "She is the chief negotiator ...": a pronoun subject resolved to the nearest person.
    fn pronoun_copulas(&self) -> Vec<Found> {
        let mut out = Vec::new();
        if self.order.is_empty() {
            return out;
        }
        for (i, t) in self.toks.iter().enumerate() {
            if !t.word || !(t.text.eq_ignore_ascii_case("he") || t.text.eq_ignore_ascii_case("she"))
            {
                continue;
            }
            // Subject position: sentence start or after a comma/conjunction.
            let sent = self.sentence_of(t.start);
            let at_start = t.start == sent.start
                || (i > 0
                    && (self.toks[i - 1].is(",")
                        || matches!(self.toks[i - 1].lower(), "and" | "but")));
            if !at_start {
                continue;
            }
            // The copula and its role phrase first (cheap), then who "she" is.
            let Some(mut f) = self.copula_phrase(0, i + 1, MentionKind::Person) else {
                continue;
            };
            let Some(m) = self.antecedent(t.start, &[MentionKind::Person], &[]) else {
                continue;
            };
            f.mention = m;
            out.push(f);
        }
        out
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// One table row.
    enum Case<'a> {
        /// Text with mentions marked `[[person]]`, `{{org}}`, `<<place>>` (the entity id is the
        /// mention's text), and the (entity, descriptor) pairs expected from it.
        Found(&'a str, &'a [(&'a str, &'a str)]),
        /// A descriptor and its expected role class.
        Class(&'a str, Option<&'a str>),
        /// Two descriptors and whether they conflict (checked both ways).
        Conflict(&'a str, &'a str, bool),
    }

    #[track_caller]
    fn check(case: &Case<'_>) {
        match *case {
            Case::Found(marked, expected) => {
                let (text, mentions) = unmark(marked);
                let got: Vec<(String, String)> = find_descriptors(&text, &[], &mentions)
                    .into_iter()
                    .map(|(e, d, _)| (e, d))
                    .collect();
                let exp: Vec<(String, String)> = expected
                    .iter()
                    .map(|&(e, d)| (e.to_string(), d.to_string()))
                    .collect();
                if got != exp {
                    panic!("text: {text}\n got:      {got:?}\n expected: {exp:?}");
                }
            }
            Case::Class(d, class) => assert_eq!(role_head(d), class, "role_head({d:?})"),
            Case::Conflict(a, b, c) => {
                assert_eq!(roles_conflict(a, b), c, "roles_conflict({a:?}, {b:?})");
                assert_eq!(roles_conflict(b, a), c, "roles_conflict({b:?}, {a:?})");
            }
        }
    }

    /// Text without marks and its mentions; the entity id is the mention's text.
    pub(crate) fn unmark(marked: &str) -> (String, Vec<MentionRef>) {
        let mut text = String::new();
        let mut mentions = Vec::new();
        let mut open: Option<(usize, MentionKind)> = None;
        let mut n = 0;
        let cs: Vec<char> = marked.chars().collect();
        let mut i = 0;
        while i < cs.len() {
            let two: String = cs[i..(i + 2).min(cs.len())].iter().collect();
            let kind = match two.as_str() {
                "[[" | "]]" => Some(MentionKind::Person),
                "{{" | "}}" => Some(MentionKind::Org),
                "<<" | ">>" => Some(MentionKind::Place),
                _ => None,
            };
            if let Some(k) = kind {
                if two.starts_with(['[', '{', '<']) {
                    open = Some((n, k));
                } else if let Some((s, k)) = open.take() {
                    let name: String = text.chars().skip(s).collect();
                    mentions.push(MentionRef {
                        span: Span::new(s, n),
                        kind: k,
                        entity: name,
                    });
                }
                i += 2;
                continue;
            }
            text.push(cs[i]);
            n += 1;
            i += 1;
        }
        (text, mentions)
    }

    #[test]
    fn titles_before_names() {
        check(&Case::Found(
            "Club spokesman [[Tom Hale]] said the deal was done.",
            &[("Tom Hale", "Club spokesman")],
        ));
        check(&Case::Found(
            "The meeting was chaired by US President [[Ann Cole]] in Ohio.",
            &[("Ann Cole", "US President")],
        ));
        check(&Case::Found(
            "Germany's top trade negotiator [[Karl Weber]] left early.",
            &[("Karl Weber", "Germany's top trade negotiator")],
        ));
        check(&Case::Found(
            "Secretary of State [[Ann Cole]] flew home.",
            &[("Ann Cole", "Secretary of State")],
        ));
        check(&Case::Found(
            "However, coach [[Luis Ortega]] was upbeat.",
            &[("Luis Ortega", "coach")],
        ));
        check(&Case::Found(
            "Shares in carmaker {{Voltan}} fell.",
            &[("Voltan", "carmaker")],
        ));
        // Not a role: a verb or a plain adjective before the name.
        check(&Case::Found(
            "Yesterday [[Ann Cole]] met [[Tom Hale]].",
            &[],
        ));
        check(&Case::Found(
            "The offer came from Norway's chief climate negotiator, [[Eva Lind]], on Friday.",
            &[("Eva Lind", "Norway's chief climate negotiator")],
        ));
        check(&Case::Found(
            "It was sent by the city's adviser for road safety in schools, [[Tom Hale]], last week.",
            &[("Tom Hale", "city's adviser for road safety in schools")],
        ));
        check(&Case::Found(
            "When the match ended, [[Tom Hale]] left.",
            &[],
        ));
        check(&Case::Found(
            "Shares of carmaker {{Voltan}} fell.",
            &[("Voltan", "carmaker")],
        ));
        check(&Case::Found(
            "EU High Representative for Foreign Affairs and Security Policy [[Jo Bell]] spoke.",
            &[(
                "Jo Bell",
                "EU High Representative for Foreign Affairs and Security Policy",
            )],
        ));
        check(&Case::Found(
            "A story.\nRead more: Coach [[Tom Hale]] quits\nMore text here.",
            &[],
        ));
        check(&Case::Found(
            "According to Polish police chief [[Jan Nowak]], the road is shut.",
            &[("Jan Nowak", "Polish police chief")],
        ));
    }

    #[test]
    fn appositives_and_copulas() {
        check(&Case::Found(
            "[[Mia Park]], the deputy national security adviser, said talks went well.",
            &[("Mia Park", "deputy national security adviser")],
        ));
        check(&Case::Found(
            "[[Raj Patel]], director of the city museum, opened the show.",
            &[("Raj Patel", "director of the city museum")],
        ));
        check(&Case::Found("[[Raj Patel]], 54, said nothing.", &[]));
        check(&Case::Found(
            "[[Raj Patel]], 54, a teacher from Leeds, said nothing.",
            &[("Raj Patel", "teacher from Leeds")],
        ));
        check(&Case::Found(
            "[[Raj Patel]], who left early, said nothing.",
            &[],
        ));
        check(&Case::Found(
            "[[Raj Patel]], who serves as chief economist at the bank, disagreed.",
            &[("Raj Patel", "chief economist at the bank")],
        ));
        check(&Case::Found(
            "[[Lena Fox]] flew to Oslo. She is the chief negotiator for the union.",
            &[("Lena Fox", "chief negotiator for the union")],
        ));
        check(&Case::Found(
            "[[Lena Fox]] is a professor of law at the college.",
            &[("Lena Fox", "professor of law at the college")],
        ));
        check(&Case::Found("[[Lena Fox]] is happy with the result.", &[]));
        check(&Case::Found(
            "{{Orbix}}, the French satellite maker, cut jobs.",
            &[("Orbix", "French satellite maker")],
        ));
    }

    #[test]
    fn role_classes() {
        let rows = [
            ("Kremlin spokesman", Some("spokesperson")),
            ("US President", Some("president")),
            (
                "cybersecurity advisor to US President Joe Biden",
                Some("adviser"),
            ),
            (
                "deputy national security adviser for cyber",
                Some("adviser"),
            ),
            ("British Prime Minister", Some("prime minister")),
            ("director of the city museum", Some("director")),
            ("Russia's top cyber diplomat", Some("diplomat")),
            ("chief executive of the bank", Some("chief executive")),
            ("Russian FM", Some("minister")),
            ("happy", None),
        ];
        for (d, class) in rows {
            check(&Case::Class(d, class));
        }
    }

    #[test]
    fn conflicts() {
        let rows = [
            ("US President", "cybersecurity advisor", true),
            ("Kremlin spokesman", "Russian spokesperson", false),
            ("Prime Minister", "minister for trade", false),
            ("senior official", "spokeswoman", false),
            ("coach", "striker", true),
            ("happy man", "US President", false),
        ];
        for (a, b, conflict) in rows {
            check(&Case::Conflict(a, b, conflict));
        }
    }
}
