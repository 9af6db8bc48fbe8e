//! The same quote across sources: quotations whose words largely coincide, grouped so the
//! reader can see how each source renders them.
//!
//! Two quotes match when they share at least four words (case and punctuation ignored) and
//! those make up at least 60% of the shorter one's words, or when both are short and their
//! words are identical. Groups are the connected components of that relation; only groups
//! reaching two or more documents are returned.

/// Quotes of fewer distinct words match only when their words are the same (and at least
/// this many must be shared otherwise): "no" and "yes" say too little.
const MIN_WORDS: usize = 4;
/// Matching quotes share at least this many tenths of the shorter one's words.
const SHARED_TENTHS: usize = 6;

/// Lower-case words of a quote, punctuation and quote marks dropped.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

fn matches(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let mut sa: Vec<&String> = a.iter().collect();
    let mut sb: Vec<&String> = b.iter().collect();
    sa.sort();
    sa.dedup();
    sb.sort();
    sb.dedup();
    let shared = sa.iter().filter(|w| sb.binary_search(w).is_ok()).count();
    let shorter = sa.len().min(sb.len());
    if shorter < MIN_WORDS {
        return sa == sb;
    }
    shared >= MIN_WORDS && shared * 10 >= shorter * SHARED_TENTHS
}

/// Groups of matching quotes. `quotes` holds `(document index, quote text)`; each group lists
/// indices into `quotes`, in input order, and spans at least two documents. Groups come in
/// the order of their first quote.
pub fn match_quotes(quotes: &[(usize, &str)]) -> Vec<Vec<usize>> {
    let w: Vec<Vec<String>> = quotes.iter().map(|(_, q)| words(q)).collect();
    let mut parent: Vec<usize> = (0..quotes.len()).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for i in 0..quotes.len() {
        for j in i + 1..quotes.len() {
            if matches(&w[i], &w[j]) {
                let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                if ri != rj {
                    parent[rj.max(ri)] = rj.min(ri);
                }
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut root_of_group: Vec<usize> = Vec::new();
    for i in 0..quotes.len() {
        let r = find(&mut parent, i);
        match root_of_group.iter().position(|&x| x == r) {
            Some(g) => groups[g].push(i),
            None => {
                root_of_group.push(r);
                groups.push(vec![i]);
            }
        }
    }
    groups.retain(|g| {
        let first = quotes[g[0]].0;
        g.iter().any(|&i| quotes[i].0 != first)
    });
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(quotes: &[(usize, &str)], expected: &[&[usize]]) {
        let got = match_quotes(quotes);
        let want: Vec<Vec<usize>> = expected.iter().map(|g| g.to_vec()).collect();
        assert_eq!(got, want, "quotes {quotes:#?}");
    }

    #[test]
    fn groups() {
        check(
            &[
                (0, "“We will not give up our land, not now and not ever,” "),
                (1, "\"We will not give up our land - not now, not ever\""),
                (1, "“The talks were useful”"),
                (2, "‘we will not give up our land’"),
            ],
            &[&[0, 1, 3]],
        );
        // Shared topic words are not enough.
        check(
            &[
                (0, "The council will vote on the budget next week"),
                (1, "The budget is a disgrace, the council knows it"),
            ],
            &[],
        );
        // The same quote twice in one document only is not a cross-source match.
        check(
            &[
                (0, "Sooner or later we will have to talk"),
                (0, "Sooner or later we will have to talk"),
            ],
            &[],
        );
        // Short quotes match only when their words are identical.
        check(
            &[(0, "“butcher”"), (1, "\"Butcher\""), (2, "“a butcher”")],
            &[&[0, 1]],
        );
        check(&[], &[]);
        check(&[(0, "“”"), (1, "\"\"")], &[]);
    }
}
