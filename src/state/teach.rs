//! The session builder's draft (`#/teach`), as plain data: chosen sources in order, prompts,
//! labels hidden at first, blind reading; one pure `reduce`, the `Session` it makes, and the
//! draft as the view's query (`title=…&src=a&src=b&p=…&about=0&quote=…&hide=DATE&blind`), so
//! the draft is a link that reopens it. No web-sys: tested natively.

use crate::url::{pairs, Query};
use parallax_core::analysis::Label;
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
    /// Chosen documents (document ids), in session order.
    pub order: Vec<String>,
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
    /// Choose or drop a document (its id); dropping one unties every prompt from its source,
    /// since their positions change.
    ToggleSource(String),
    /// Move a chosen document up (-1) or down (+1) in the reading order.
    MoveSource(String, i32),
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
    /// A new draft over a library whose documents are `ids`: the first two chosen, one empty
    /// prompt.
    pub fn new(ids: &[&str]) -> Self {
        Draft {
            order: ids.iter().take(2).map(|s| s.to_string()).collect(),
            prompts: vec![DraftPrompt::default()],
            ..Draft::default()
        }
    }

    /// The draft after `action`.
    pub fn reduce(&self, action: TeachAction) -> Draft {
        let mut d = self.clone();
        match action {
            TeachAction::Title(t) => d.title = t,
            TeachAction::ToggleSource(i) => match d.order.iter().position(|x| *x == i) {
                Some(k) => {
                    d.order.remove(k);
                    for p in &mut d.prompts {
                        p.source = None;
                    }
                }
                None => d.order.push(i),
            },
            TeachAction::MoveSource(i, step) => {
                if let Some(k) = d.order.iter().position(|x| *x == i) {
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
    /// for a prompt about one source; `source(id)` is that document as it travels, or `None`
    /// when it is not in the library (then there is no session, and the ids missing are
    /// returned).
    pub fn session(&self, source: impl Fn(&str) -> Option<Source>) -> Result<Session, Vec<String>> {
        let found: Vec<Option<Source>> = self.order.iter().map(|id| source(id.as_str())).collect();
        if found.iter().any(Option::is_none) {
            return Err(self
                .order
                .iter()
                .zip(&found)
                .filter(|(_, s)| s.is_none())
                .map(|(id, _)| id.clone())
                .collect());
        }
        Ok(Session {
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
            sources: found.into_iter().flatten().collect(),
            hide: self.hide.iter().map(|l| l.to_string()).collect(),
            blind: self.blind,
            collection: String::new(),
        })
    }

    /// The draft to edit a session again: its sources by id, its prompts (one empty prompt
    /// when it has none), what it hides, blind or not.
    pub fn from_session(s: &Session) -> Draft {
        let mut prompts: Vec<DraftPrompt> = s
            .prompts
            .iter()
            .map(|p| DraftPrompt {
                text: p.text.clone(),
                source: p.source,
                quote: p.quote.clone().unwrap_or_default(),
            })
            .collect();
        if prompts.is_empty() {
            prompts.push(DraftPrompt::default());
        }
        Draft {
            title: s.title.clone(),
            order: s.sources.iter().map(|x| x.id.clone()).collect(),
            prompts,
            hide: s.hide.iter().filter_map(|h| label(h)).collect(),
            blind: s.blind,
        }
    }

    /// The draft as a query string, exactly as typed (untrimmed, empty prompts kept).
    pub fn to_query(&self) -> String {
        let mut q = Query::new()
            .flag("draft", true)
            .pair("title", (!self.title.is_empty()).then_some(&self.title));
        for id in &self.order {
            q = q.pair("src", Some(id));
        }
        for p in &self.prompts {
            q = q
                .pair("p", Some(&p.text))
                .pair("about", p.source)
                .pair("quote", (!p.quote.is_empty()).then_some(&p.quote));
        }
        q.pair("hide", (!self.hide.is_empty()).then(|| self.hide.join(",")))
            .flag("blind", self.blind)
            .encode()
    }

    /// The draft a query string holds, or `None` when it holds none (no `draft` flag).
    /// Unknown keys and labels are ignored; a source position is kept only if it is one.
    pub fn from_query(query: &str) -> Option<Draft> {
        let mut d = Draft::default();
        let mut is_draft = false;
        for (k, v) in pairs(query) {
            match k {
                "draft" => is_draft = true,
                "title" => d.title = v,
                "src" if !v.is_empty() && !d.order.contains(&v) => d.order.push(v),
                "p" => d.prompts.push(DraftPrompt {
                    text: v,
                    ..DraftPrompt::default()
                }),
                "about" => {
                    let n = v.parse::<usize>().ok();
                    d.edit(d.prompts.len().wrapping_sub(1), |p| p.source = n);
                }
                "quote" => d.edit(d.prompts.len().wrapping_sub(1), |p| p.quote = v),
                "hide" => d.hide = v.split(',').filter_map(label).fold(Vec::new(), push_new),
                "blind" => d.blind = true,
                _ => {}
            }
        }
        let n = d.order.len();
        for p in &mut d.prompts {
            p.source = p.source.filter(|&s| s < n);
        }
        is_draft.then_some(d)
    }
}

/// The label named `name` (any case), as the app spells it.
fn label(name: &str) -> Option<&'static str> {
    Label::ALL
        .iter()
        .map(Label::as_str)
        .find(|l| l.eq_ignore_ascii_case(name.trim()))
}

fn push_new(mut v: Vec<&'static str>, l: &'static str) -> Vec<&'static str> {
    if !v.contains(&l) {
        v.push(l);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use TeachAction::*;

    const IDS: [&str; 4] = ["a", "b", "c", "own-d"];

    fn src(s: &str) -> TeachAction {
        ToggleSource(s.into())
    }

    /// A draft written as `title|order|prompts (text@source:quote)|hidden|blind`.
    fn show(d: &Draft) -> String {
        let prompts: Vec<String> = d
            .prompts
            .iter()
            .map(|p| {
                let src = p.source.map_or("-".to_string(), |s| s.to_string());
                format!("{}@{src}:{}", p.text, p.quote)
            })
            .collect();
        format!(
            "{}|{}|{}|{}|{}",
            d.title,
            d.order.join(","),
            prompts.join(";"),
            d.hide.join(","),
            d.blind
        )
    }

    /// The draft after `actions` on a library of four documents; its query reads back as the
    /// same draft.
    #[track_caller]
    fn check(actions: &[TeachAction], expected: &str) {
        let d = actions
            .iter()
            .fold(Draft::new(&IDS), |d, a| d.reduce(a.clone()));
        assert_eq!(show(&d), expected, "{actions:?}");
        assert_eq!(
            Draft::from_query(&d.to_query()).as_ref(),
            Some(&d),
            "{}",
            d.to_query()
        );
    }

    #[test]
    fn draft() {
        check(&[], "|a,b|@-:||false");
        check(&[Title("Verbs".into())], "Verbs|a,b|@-:||false");
        check(&[src("own-d")], "|a,b,own-d|@-:||false");
        check(
            &[src("own-d"), MoveSource("own-d".into(), -1)],
            "|a,own-d,b|@-:||false",
        );
        check(&[MoveSource("a".into(), -1)], "|a,b|@-:||false");
        check(&[MoveSource("b".into(), 1)], "|a,b|@-:||false");
        check(&[MoveSource("c".into(), 1)], "|a,b|@-:||false");
        check(
            &[
                PromptText(0, "Why?".into()),
                PromptSource(0, Some(1)),
                PromptQuote(0, "dam".into()),
            ],
            "|a,b|Why?@1:dam||false",
        );
        check(&[PromptSource(0, Some(1)), src("a")], "|b|@-:||false");
        check(
            &[AddPrompt, PromptText(1, "b".into()), RemovePrompt(0)],
            "|a,b|b@-:||false",
        );
        check(
            &[RemovePrompt(5), PromptText(5, "x".into())],
            "|a,b|@-:||false",
        );
        check(
            &[
                ToggleLabel("DATE"),
                ToggleLabel("PLACE"),
                ToggleLabel("DATE"),
                ToggleBlind,
            ],
            "|a,b|@-:|PLACE|true",
        );
        // What a teacher types survives the link as typed: spaces, symbols, empty prompts.
        check(
            &[
                Title(" A & B = 100% é, ".into()),
                PromptText(0, "Why? ".into()),
                AddPrompt,
                AddPrompt,
                PromptText(2, "#/teach?x=1&y".into()),
                PromptSource(2, Some(0)),
                PromptQuote(2, "“quoted”, ".into()),
            ],
            " A & B = 100% é, |a,b|Why? @-:;@-:;#/teach?x=1&y@0:“quoted”, ||false",
        );
        check(&[src("a"), src("b")], "||@-:||false");
    }

    #[test]
    fn draft_from_query() {
        let read = |q: &str| Draft::from_query(q).map(|d| show(&d));
        assert_eq!(read(""), None);
        assert_eq!(read("title=x"), None);
        assert_eq!(read("draft").as_deref(), Some("||||false"));
        // Unknown keys and labels are dropped, a source twice counts once, a prompt about a
        // source the draft does not have is about the whole session.
        assert_eq!(
            read("draft&src=a&src=a&zz=1&p=q&about=5&hide=date,NOPE,DATE&quote=w").as_deref(),
            Some("|a|q@-:w|DATE|false")
        );
        assert_eq!(read("draft&about=1&quote=x").as_deref(), Some("||||false"));
    }

    #[test]
    fn draft_from_session() {
        let s = Session {
            title: "T".into(),
            prompts: vec![Prompt {
                text: "Where?".into(),
                source: Some(1),
                quote: Some("the dam".into()),
            }],
            sources: ["a", "own-d"]
                .map(|id| Source {
                    id: id.into(),
                    text: None,
                })
                .to_vec(),
            hide: vec!["date".into(), "nope".into()],
            blind: true,
            collection: String::new(),
        };
        assert_eq!(
            show(&Draft::from_session(&s)),
            "T|a,own-d|Where?@1:the dam|DATE|true"
        );
        let bare = Session {
            prompts: Vec::new(),
            ..s
        };
        assert_eq!(show(&Draft::from_session(&bare)), "T|a,own-d|@-:|DATE|true");
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
        .fold(Draft::new(&IDS[..3]), |d, a| d.reduce(a));
        let lookup = |id: &str| {
            (id != "gone").then(|| Source {
                id: format!("doc-{id}"),
                text: (id == "b").then(|| "own text".to_string()),
            })
        };
        let s = d.session(lookup).expect("every source is found");
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
        assert_eq!(sources, [("doc-a", None), ("doc-b", Some("own text"))]);
        assert_eq!((s.hide, s.blind), (vec!["DATE".to_string()], false));
        let d = d.reduce(src("gone"));
        assert_eq!(d.session(lookup), Err(vec!["gone".to_string()]));
    }
}
