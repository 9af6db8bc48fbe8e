//! The sessions this device holds a student's answers for, as plain data: which session (its
//! link's payload and title), when its answers last changed and when they were last exported.
//! `#/notes` lists them, and the header links back to one whose answers were not exported
//! since they changed. One pure `reduce`, a lenient reader; no web-sys: tested natively.

use serde::{Deserialize, Serialize};

/// One session with answers on this device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The session's key (`parallax_core::session::key` of the payload); its answers are
    /// stored under `storage::answers_key(key)`.
    pub key: String,
    /// The session link's payload (everything after `#/session/`).
    pub payload: String,
    /// The session's title, as the link names it.
    #[serde(default)]
    pub title: String,
    /// When an answer or the name last changed (ms since the epoch).
    #[serde(default)]
    pub changed: f64,
    /// When the answers were last exported (0 if never).
    #[serde(default)]
    pub exported: f64,
}

impl Entry {
    /// Whether something was written since the last export.
    pub fn unsent(&self) -> bool {
        self.changed > self.exported
    }
}

/// Every session with answers on this device, the most recently changed first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answered {
    /// The sessions.
    pub entries: Vec<Entry>,
}

/// What happens to a session's answers.
#[derive(Debug, Clone, PartialEq)]
pub enum AnsweredAction {
    /// An answer or the name of the session `key` (payload, title) was written at `at`.
    Wrote {
        /// Storage key of the answers.
        key: String,
        /// The link's payload.
        payload: String,
        /// The session's title.
        title: String,
        /// When.
        at: f64,
    },
    /// The answers of session `key` were exported at `at`.
    Exported {
        /// Storage key of the answers.
        key: String,
        /// When.
        at: f64,
    },
    /// What is stored (perhaps written by another tab): merged in, later times win.
    Merge(Answered),
}

impl Answered {
    /// Reads the stored list; anything unreadable is left out (it is only an index: the
    /// answers themselves are stored under their own keys).
    pub fn parse(raw: &str) -> Answered {
        let list: Vec<serde_json::Value> = serde_json::from_str(raw).unwrap_or_default();
        let entries = list
            .into_iter()
            .filter_map(|v| Entry::deserialize(v).ok())
            .collect();
        Answered::default().reduce(AnsweredAction::Merge(Answered { entries }))
    }

    /// The stored form, a JSON list.
    pub fn serialize(&self) -> String {
        serde_json::to_string(&self.entries).unwrap_or_else(|_| "[]".into())
    }

    /// The list after `action`.
    pub fn reduce(&self, action: AnsweredAction) -> Answered {
        let mut out = self.clone();
        match action {
            AnsweredAction::Wrote {
                key,
                payload,
                title,
                at,
            } => {
                let e = out.entry(&key, &payload);
                e.title = title;
                e.changed = e.changed.max(at);
            }
            AnsweredAction::Exported { key, at } => {
                if let Some(e) = out.entries.iter_mut().find(|e| e.key == key) {
                    e.exported = e.exported.max(at);
                }
            }
            AnsweredAction::Merge(other) => {
                for o in other.entries {
                    let e = out.entry(&o.key, &o.payload);
                    if o.changed > e.changed {
                        e.title = o.title;
                        e.changed = o.changed;
                    }
                    e.exported = e.exported.max(o.exported);
                }
            }
        }
        out.entries.sort_by(|a, b| b.changed.total_cmp(&a.changed));
        out
    }

    fn entry(&mut self, key: &str, payload: &str) -> &mut Entry {
        let i = match self.entries.iter().position(|e| e.key == key) {
            Some(i) => i,
            None => {
                self.entries.push(Entry {
                    key: key.to_string(),
                    payload: payload.to_string(),
                    title: String::new(),
                    changed: 0.0,
                    exported: 0.0,
                });
                self.entries.len() - 1
            }
        };
        &mut self.entries[i]
    }

    /// The most recently changed session whose answers were not exported since, other than
    /// `except` (the key of the session being read).
    pub fn unsent(&self, except: Option<&str>) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| e.unsent() && Some(e.key.as_str()) != except)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use AnsweredAction::*;

    fn wrote(key: &str, at: f64) -> AnsweredAction {
        Wrote {
            key: key.into(),
            payload: format!("1.{key}"),
            title: format!("T{key}"),
            at,
        }
    }

    /// The list after `actions`, written `key:changed/exported` most recent first, and the
    /// session the header would link back to (when reading none).
    #[track_caller]
    fn check(actions: &[AnsweredAction], expected: &str, back: Option<&str>) {
        let a = actions
            .iter()
            .fold(Answered::default(), |a, x| a.reduce(x.clone()));
        let got: Vec<String> = a
            .entries
            .iter()
            .map(|e| format!("{}:{}/{}", e.key, e.changed, e.exported))
            .collect();
        assert_eq!(got.join(" "), expected, "{actions:?}");
        assert_eq!(a.unsent(None).map(|e| e.key.as_str()), back, "{actions:?}");
        assert_eq!(Answered::parse(&a.serialize()), a, "reads back");
    }

    #[test]
    fn answered() {
        check(&[], "", None);
        check(&[wrote("a", 5.0)], "a:5/0", Some("a"));
        check(&[wrote("a", 5.0), wrote("a", 3.0)], "a:5/0", Some("a"));
        check(
            &[wrote("a", 5.0), wrote("b", 7.0)],
            "b:7/0 a:5/0",
            Some("b"),
        );
        check(
            &[
                wrote("a", 5.0),
                wrote("b", 7.0),
                Exported {
                    key: "b".into(),
                    at: 8.0,
                },
            ],
            "b:7/8 a:5/0",
            Some("a"),
        );
        check(
            &[
                wrote("a", 5.0),
                Exported {
                    key: "a".into(),
                    at: 6.0,
                },
                wrote("a", 9.0),
            ],
            "a:9/6",
            Some("a"),
        );
        check(
            &[Exported {
                key: "x".into(),
                at: 6.0,
            }],
            "",
            None,
        );
        let other = Answered::default()
            .reduce(wrote("a", 9.0))
            .reduce(Exported {
                key: "a".into(),
                at: 10.0,
            });
        check(&[wrote("a", 5.0), Merge(other)], "a:9/10", None);
    }

    #[test]
    fn reading_is_lenient() {
        assert_eq!(Answered::parse("not json"), Answered::default());
        let a = Answered::parse(r#"[{"key":"k","payload":"1.x"},{"nope":1},7]"#);
        assert_eq!(a.entries.len(), 1);
        assert_eq!(a.unsent(None), None);
        assert_eq!(
            Answered::default()
                .reduce(wrote("a", 1.0))
                .unsent(Some("a")),
            None
        );
    }
}
