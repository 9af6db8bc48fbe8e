//! The session builder's draft (`#/teach`), as plain data: chosen sources in order, prompts,
//! labels hidden at first, blind reading; one pure `reduce` and the `Session` it makes. No
//! web-sys: tested natively.

use parallax_core::session::{Prompt, Session, Source};

/// A prompt being written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DraftPrompt {
    /// The question.
    pub text: String,
    /// The source it is about (position in [`Draft::order`]), or the whole session.
    pub source: Option<usize>,
    /// A passage quoted from that source (may be empty).
    pub quote: String,
}

/// The session being made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    /// Its title.
    pub title: String,
    /// Chosen documents (library positions), in session order.
    pub order: Vec<usize>,
    /// The prompts, in order.
    pub prompts: Vec<DraftPrompt>,
    /// Labels hidden at first, in the order chosen.
    pub hide: Vec<&'static str>,
    /// Sources called Source A, B… instead of by name.
    pub blind: bool,
}

/// What the teacher can do in the builder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeachAction {
    /// The title was edited.
    Title(String),
    /// Choose or drop a document (library position); dropping one unties every prompt from
    /// its source, since their positions change.
    ToggleSource(usize),
    /// Move a chosen document up (-1) or down (+1) in the reading order.
    MoveSource(usize, i32),
    /// Add an empty prompt at the end.
    AddPrompt,
    /// Remove prompt `k`.
    RemovePrompt(usize),
    /// Prompt `k`'s question was edited.
    PromptText(usize, String),
    /// Prompt `k` is now about this source (position in the order) or the whole session.
    PromptSource(usize, Option<usize>),
    /// Prompt `k`'s passage was edited.
    PromptQuote(usize, String),
    /// Hide or show a label at first.
    ToggleLabel(&'static str),
    /// Blind reading on or off.
    ToggleBlind,
}

impl Draft {
    /// A new draft over a library of `docs` documents: the first two chosen, one empty prompt.
    pub fn new(docs: usize) -> Self {
        Draft {
            order: (0..docs.min(2)).collect(),
            prompts: vec![DraftPrompt::default()],
            ..Draft::default()
        }
    }

    /// The draft after `action`.
    pub fn reduce(&self, action: TeachAction) -> Draft {
        let mut d = self.clone();
        match action {
            TeachAction::Title(t) => d.title = t,
            TeachAction::ToggleSource(i) => match d.order.iter().position(|&x| x == i) {
                Some(k) => {
                    d.order.remove(k);
                    for p in &mut d.prompts {
                        p.source = None;
                    }
                }
                None => d.order.push(i),
            },
            TeachAction::MoveSource(i, step) => {
                if let Some(k) = d.order.iter().position(|&x| x == i) {
                    let to = k as i64 + i64::from(step);
                    if (0..d.order.len() as i64).contains(&to) {
                        d.order.swap(k, to as usize);
                    }
                }
            }
            TeachAction::AddPrompt => d.prompts.push(DraftPrompt::default()),
            TeachAction::RemovePrompt(k) => {
                if k < d.prompts.len() {
                    d.prompts.remove(k);
                }
            }
            TeachAction::PromptText(k, v) => d.edit(k, |p| p.text = v),
            TeachAction::PromptSource(k, v) => d.edit(k, |p| p.source = v),
            TeachAction::PromptQuote(k, v) => d.edit(k, |p| p.quote = v),
            TeachAction::ToggleLabel(l) => match d.hide.iter().position(|x| *x == l) {
                Some(k) => {
                    d.hide.remove(k);
                }
                None => d.hide.push(l),
            },
            TeachAction::ToggleBlind => d.blind = !d.blind,
        }
        d
    }

    fn edit(&mut self, k: usize, f: impl FnOnce(&mut DraftPrompt)) {
        if let Some(p) = self.prompts.get_mut(k) {
            f(p);
        }
    }

    /// The session this draft describes: text trimmed, empty prompts left out, a passage only
    /// for a prompt about one source; `source(i)` is library document `i` as it travels.
    pub fn session(&self, source: impl Fn(usize) -> Source) -> Session {
        Session {
            title: self.title.trim().to_string(),
            prompts: self
                .prompts
                .iter()
                .filter(|p| !p.text.trim().is_empty())
                .map(|p| Prompt {
                    text: p.text.trim().to_string(),
                    source: p.source,
                    quote: (p.source.is_some() && !p.quote.trim().is_empty())
                        .then(|| p.quote.trim().to_string()),
                })
                .collect(),
            sources: self.order.iter().map(|&i| source(i)).collect(),
            hide: self.hide.iter().map(|l| l.to_string()).collect(),
            blind: self.blind,
            collection: String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TeachAction::*;

    /// The draft after `actions` on a library of four documents, written as
    /// `title|order|prompts (text@source:quote)|hidden|blind`.
    #[track_caller]
    fn check(actions: &[TeachAction], expected: &str) {
        let d = actions
            .iter()
            .fold(Draft::new(4), |d, a| d.reduce(a.clone()));
        let order: Vec<String> = d.order.iter().map(usize::to_string).collect();
        let prompts: Vec<String> = d
            .prompts
            .iter()
            .map(|p| {
                let src = p.source.map_or("-".to_string(), |s| s.to_string());
                format!("{}@{src}:{}", p.text, p.quote)
            })
            .collect();
        let got = format!(
            "{}|{}|{}|{}|{}",
            d.title,
            order.join(","),
            prompts.join(";"),
            d.hide.join(","),
            d.blind
        );
        assert_eq!(got, expected, "{actions:?}");
    }

    #[test]
    fn draft() {
        check(&[], "|0,1|@-:||false");
        check(&[Title("Verbs".into())], "Verbs|0,1|@-:||false");
        check(&[ToggleSource(3)], "|0,1,3|@-:||false");
        check(&[ToggleSource(3), MoveSource(3, -1)], "|0,3,1|@-:||false");
        check(&[MoveSource(0, -1)], "|0,1|@-:||false");
        check(&[MoveSource(1, 1)], "|0,1|@-:||false");
        check(&[MoveSource(2, 1)], "|0,1|@-:||false");
        check(
            &[
                PromptText(0, "Why?".into()),
                PromptSource(0, Some(1)),
                PromptQuote(0, "dam".into()),
            ],
            "|0,1|Why?@1:dam||false",
        );
        check(
            &[PromptSource(0, Some(1)), ToggleSource(0)],
            "|1|@-:||false",
        );
        check(
            &[AddPrompt, PromptText(1, "b".into()), RemovePrompt(0)],
            "|0,1|b@-:||false",
        );
        check(
            &[RemovePrompt(5), PromptText(5, "x".into())],
            "|0,1|@-:||false",
        );
        check(
            &[
                ToggleLabel("DATE"),
                ToggleLabel("PLACE"),
                ToggleLabel("DATE"),
                ToggleBlind,
            ],
            "|0,1|@-:|PLACE|true",
        );
    }

    #[test]
    fn session_from_draft() {
        let d = [
            Title("  Verbs ".into()),
            PromptText(0, " Why? ".into()),
            PromptQuote(0, "no source, so dropped".into()),
            AddPrompt,
            AddPrompt,
            PromptText(2, "Where?".into()),
            PromptSource(2, Some(1)),
            PromptQuote(2, " the dam ".into()),
            ToggleLabel("DATE"),
        ]
        .into_iter()
        .fold(Draft::new(3), |d, a| d.reduce(a));
        let s = d.session(|i| Source {
            id: format!("doc{i}"),
            text: (i == 1).then(|| "own text".to_string()),
        });
        assert_eq!(s.title, "Verbs");
        let prompts: Vec<(&str, Option<usize>, Option<&str>)> = s
            .prompts
            .iter()
            .map(|p| (p.text.as_str(), p.source, p.quote.as_deref()))
            .collect();
        assert_eq!(
            prompts,
            [("Why?", None, None), ("Where?", Some(1), Some("the dam"))]
        );
        let sources: Vec<(&str, Option<&str>)> = s
            .sources
            .iter()
            .map(|x| (x.id.as_str(), x.text.as_deref()))
            .collect();
        assert_eq!(sources, [("doc0", None), ("doc1", Some("own text"))]);
        assert_eq!((s.hide, s.blind), (vec!["DATE".to_string()], false));
    }
}
