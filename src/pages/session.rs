//! `#/session/<payload>`: a teacher's guided reading. The link carries everything (sources and
//! their order, prompts, hidden labels, blind reading); the student's answers stay on this
//! device and export as a file to hand in. `?s=2` shows the second source, `?handout` the
//! printable handout.

use crate::contexts::NotesCtx;
use crate::guided::{documents, hand_in, hand_in_file_name, source_name};
use crate::library::Library;
use crate::pages::handout::Handout;
use crate::pages::reader::Reader;
use crate::persisted::{use_persisted, SaveStatus};
use crate::route::Route;
use crate::state::answered::AnsweredAction;
use crate::state::answers::{answer_rows, Answers, AnswersAction, AnswersState};
use crate::url::{has_flag, query_param};
use parallax_core::analysis::Label;
use parallax_core::session::Session;
use yew::prelude::*;
use yew_router::prelude::*;

/// Props: the payload from the route.
#[derive(Properties, PartialEq)]
pub struct SessionProps {
    /// Everything after `#/session/`, up to the query.
    pub payload: AttrValue,
}

/// The session page: an error panel for a bad link, else the guided view.
#[function_component(SessionPage)]
pub fn session_page(p: &SessionProps) -> Html {
    let decoded = use_memo(p.payload.clone(), |payload| {
        let session = parallax_core::session::decode(payload).map_err(|e| e.to_string())?;
        let docs = documents(&session, crate::seeds::SEEDS)?;
        Ok::<_, String>((session, docs))
    });
    let library = use_session_library(&decoded);
    let decoded = match (&*decoded, &library) {
        (Err(e), _) => Err(e.clone()),
        (Ok((session, _)), Some(Ok(lib))) => Ok((session.clone(), lib.clone())),
        // The link holds the texts: the first source at once, its marks when analysed (or
        // the text and the reason when the engine cannot run).
        (Ok((_, docs)), pending) => {
            let failed = match pending {
                Some(Err(e)) => Some(AttrValue::from(format!("The marks cannot be shown: {e}"))),
                _ => None,
            };
            return html! {
                <section class="session-loading" id="analysing" aria-busy={failed.is_none().to_string()}>
                    if let Some(doc) = docs.first().cloned().map(std::rc::Rc::new) {
                        <crate::components::plain_doc::PlainDoc {doc} {failed}
                            progress="Analysing the session's articles in this browser: the guided view with its marks opens when that is done." />
                    }
                </section>
            };
        }
    };
    match &decoded {
        Err(e) => html! {
            <section class="session-error" aria-labelledby="session-error-h">
                <h1 id="session-error-h">{ "This session link cannot be opened" }</h1>
                <p class="error" role="alert" id="session-error">{ e.clone() }</p>
                <p><a href="#/">{ "Go to the library" }</a>{ " to read the bundled sources instead." }</p>
            </section>
        },
        Ok((session, lib)) => html! {
            <ContextProvider<Library> context={lib.clone()}>
                // Keyed by the link: another session's answers are another state, read from its
                // own key (never this one's written there).
                <Guided key={p.payload.to_string()} payload={p.payload.clone()} session={session.clone()} />
            </ContextProvider<Library>>
        },
    }
}

/// The library of a decoded session: bundled documents are read off the bundled analysis at
/// once; articles the link carries are analysed by the engine (None until it answers).
#[hook]
fn use_session_library(
    decoded: &std::rc::Rc<Result<(Session, Vec<parallax_core::Document>), String>>,
) -> Option<Result<Library, String>> {
    let bundled = use_memo(decoded.clone(), |decoded| {
        let Ok((session, docs)) = &**decoded else {
            return None;
        };
        if session.sources.iter().any(|s| s.text.is_some()) {
            return None;
        }
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        Library::bundled_subset(&ids)
    });
    let analysed = use_state(|| None);
    {
        let analysed = analysed.clone();
        let needed = bundled.is_none();
        use_effect_with(decoded.clone(), move |decoded| {
            analysed.set(None);
            if let (true, Ok((_, docs))) = (needed, &**decoded) {
                let docs = docs.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let lib = crate::engine::analyse(&docs)
                        .await
                        .map(|(snap, _)| Library::from_snapshot(snap, Vec::new()));
                    analysed.set(Some(lib));
                });
            }
        });
    }
    match &*bundled {
        Some(lib) => Some(Ok(lib.clone())),
        None => (*analysed).clone(),
    }
}

#[derive(Properties, PartialEq)]
struct GuidedProps {
    payload: AttrValue,
    session: Session,
}

#[function_component(Guided)]
fn guided(p: &GuidedProps) -> Html {
    let library = use_context::<Library>().expect("the session provides its library");
    let notes = use_context::<NotesCtx>().expect("App provides the notes");
    let location = use_location();
    let query = location
        .as_ref()
        .map(|l| l.query_str().to_string())
        .unwrap_or_default();
    let key = crate::storage::answers_key(&parallax_core::session::key(&p.payload));
    // What the status line says: the last save's or export's outcome.
    let saved = use_state(|| None::<Result<String, String>>);
    // Kept on this device; another tab or window of the same session writes here too:
    // merged, never lost.
    let (answers, answers_saved) = {
        let writer = notes.state.writer.clone();
        let after_save = after_save(&saved, &p.payload, &p.session.title);
        use_persisted(
            &key,
            move |answers, _| AnswersState::new(&writer, answers),
            after_save,
        )
    };
    let s = &p.session;
    let n = library.docs().len();
    let current = query_param(&query, "s")
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|&k| k >= 1 && k <= n)
        .unwrap_or(1)
        - 1;
    let hidden: Vec<&'static str> = Label::ALL
        .iter()
        .map(Label::as_str)
        .filter(|l| s.hide.iter().any(|h| h.eq_ignore_ascii_case(l)))
        .collect();
    let names: Vec<String> = library
        .docs()
        .iter()
        .enumerate()
        .map(|(i, d)| source_name(i, &d.title, s.blind))
        .collect();
    let route = Route::Session {
        payload: p.payload.to_string(),
    };
    let title = if s.title.trim().is_empty() {
        "Reading session".to_string()
    } else {
        s.title.clone()
    };

    if has_flag(&query, "handout") {
        let prompts: Vec<String> = s.prompts.iter().map(|pr| prompt_line(pr, &names)).collect();
        return html! {
            <Handout title={title} docs={(0..n).collect::<Vec<_>>()} names={names} prompts={prompts}
                     hidden={hidden} back={format!("#/session/{}", p.payload)} />
        };
    }

    let set_answer = |i: usize| {
        let dispatch = answers.dispatcher();
        Callback::from(move |e: InputEvent| {
            let text = e
                .target_dyn_into::<web_sys::HtmlTextAreaElement>()
                .map(|t| t.value())
                .unwrap_or_default();
            let at = crate::clock::now();
            dispatch.dispatch(AnswersAction::Answer { i, text, at });
        })
    };
    let set_name = {
        let dispatch = answers.dispatcher();
        Callback::from(move |e: InputEvent| {
            let text = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .map(|t| t.value())
                .unwrap_or_default();
            let at = crate::clock::now();
            dispatch.dispatch(AnswersAction::Name { text, at });
        })
    };
    let export = {
        let answers = answers.clone();
        let session_key = parallax_core::session::key(&p.payload);
        let session = s.clone();
        let library = library.clone();
        let notes = notes.clone();
        let saved = saved.clone();
        Callback::from(move |_: MouseEvent| {
            let link = gloo::utils::window().location().href().unwrap_or_default();
            let link = link.split('?').next().unwrap_or("").to_string();
            let body = hand_in(
                &session,
                library.docs(),
                &answers.answers,
                &notes.state.notes,
                &link,
            );
            let file = hand_in_file_name(answers.answers.name(), &session.title, &today());
            match crate::storage::download(&file, "text/markdown", &body) {
                Ok(()) => {
                    let _ = crate::storage::update_answered(AnsweredAction::Exported {
                        key: session_key.clone(),
                        at: crate::clock::now(),
                    });
                    saved.set(Some(Ok(exported(&session, &answers.answers, &file))));
                }
                Err(e) => saved.set(Some(Err(format!("The export could not be started: {e}")))),
            }
        })
    };

    let doc = &library.docs()[current];
    html! {
        <div class="session" id="session">
            { head(&library, s, &title, &hidden, &names, &p.payload, current) }
            <section class="prompts" id="prompts" aria-labelledby="prompts-h">
                <h2 id="prompts-h">{ "Questions" }</h2>
                if let Some(e) = answers_problem(&answers_saved) { <p class="banner warning" role="alert">{ e }</p> }
                if s.prompts.is_empty() {
                    <p class="meta">{ "Your teacher set no questions; read and highlight." }</p>
                }
                { prompt_list(&library, s, &names, &p.payload, &answers.answers, set_answer) }
                <div class="hand-in">
                    <label for="student-name">{ "Your name (for the hand-in file)" }</label>
                    <input id="student-name" type="text" autocomplete="name" value={answers.answers.name().to_string()} oninput={set_name} />
                    <button type="button" id="export-answers" onclick={export}>{ "Export my answers to hand in" }</button>
                    <a class="button secondary" id="handout-link" href={format!("#/session/{}?handout", p.payload)}>{ "Handout for printing" }</a>
                </div>
                <p role="status" class="meta" id="answers-status">
                    { match &*saved {
                        None => "Answers are kept on this device only.".to_string(),
                        Some(Ok(m)) => m.clone(),
                        Some(Err(e)) => e.clone(),
                    } }
                </p>
            </section>
            // Not a landmark of its own: the reader inside has its article and its aside, which
            // must stay top-level landmarks.
            <div class="session-source">
                if s.blind { <p class="source-name">{ names[current].clone() }</p> }
                <Reader key={doc.id.clone()} id={doc.id.clone()} base={route} keep_query={format!("s={}", current + 1)} default_hide={hidden.clone()} />
            </div>
        </div>
    }
}

/// After each save of the answers: the status line says whether it worked, and the session
/// is noted as having answers not yet exported (for `#/notes` and the header's way back).
fn after_save(
    saved: &UseStateHandle<Option<Result<String, String>>>,
    payload: &str,
    title: &str,
) -> Callback<SaveStatus> {
    let (saved, payload, title) = (saved.clone(), payload.to_string(), title.to_string());
    Callback::from(move |s: SaveStatus| match s.written {
        Some(Ok(())) => {
            let _ = crate::storage::update_answered(AnsweredAction::Wrote {
                key: parallax_core::session::key(&payload),
                payload: payload.clone(),
                title: title.clone(),
                at: crate::clock::now(),
            });
            saved.set(Some(Ok("Saved on this device.".to_string())));
        }
        Some(Err(e)) => saved.set(Some(Err(e.to_string()))),
        None => {}
    })
}

/// Why the stored answers could not be read, when they could not.
fn answers_problem(s: &SaveStatus) -> Option<String> {
    s.problems
        .first()
        .cloned()
        .or_else(|| s.read_error.as_ref().map(ToString::to_string))
}

/// Today's date on this device, `YYYY-MM-DD`.
fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// What an export saved, for the status line.
fn exported(session: &Session, answers: &Answers, file: &str) -> String {
    let n = session.prompts.len();
    let done = (0..n)
        .filter(|&i| !answers.get(i).trim().is_empty())
        .count();
    let who = if answers.name().trim().is_empty() {
        " (no name: add yours above so your teacher knows whose it is)".to_string()
    } else {
        format!(" for {}", answers.name().trim())
    };
    format!("Exported {done} of {n} answer{}{who} as “{file}”. Hand in that file; the answers also stay on this device.", if n == 1 { "" } else { "s" })
}

/// The session's title, what it hides, and a tab per source.
fn head(
    library: &Library,
    s: &Session,
    title: &str,
    hidden: &[&'static str],
    names: &[String],
    payload: &str,
    current: usize,
) -> Html {
    let n = library.docs().len();
    html! {
        <header class="session-head">
            <p class="eyebrow">{ "Guided reading" }</p>
            <h1 id="session-title">{ title.to_string() }</h1>
            <p class="session-edit"><a id="edit-session" href={format!("#/teach?{}", crate::state::teach::Draft::from_session(s).to_query())}>{ "Edit this session" }</a>
                <span class="meta">{ " (opens a copy in the session builder; this link stays as it is)" }</span></p>
            <p class="meta">
                { format!("{n} source{}", if n == 1 { "" } else { "s" }) }
                if !hidden.is_empty() {
                    { format!(" · hidden at first: {}", hidden.iter().map(|l| crate::marks::label_name(l)).collect::<Vec<_>>().join(", ")) }
                }
                if s.blind { { " · blind reading: sources are not named" } }
            </p>
            <nav class="source-tabs" aria-label="Sources of this session">
                <ul>
                    { for names.iter().enumerate().map(|(i, name)| html! {
                        <li>
                            <a href={format!("#/session/{}?s={}", payload, i + 1)}
                               aria-current={(i == current).then_some("page")}
                               class={classes!((i == current).then_some("current"))}>{ parallax_core::document::shorten(name, 64) }</a>
                        </li>
                    }) }
                </ul>
            </nav>
        </header>
    }
}

/// The prompts, each with the student's answer.
fn prompt_list(
    library: &Library,
    s: &Session,
    names: &[String],
    payload: &str,
    answers: &Answers,
    set_answer: impl Fn(usize) -> Callback<InputEvent>,
) -> Html {
    html! {
        <ol>
            { for s.prompts.iter().enumerate().map(|(i, pr)| html! {
                <li class="prompt">
                    <p class="prompt-text" id={format!("prompt-{i}")}>{ pr.text.clone() }</p>
                    if let Some(src) = pr.source.and_then(|k| names.get(k)) {
                        <p class="meta">{ format!("About {}", src) }
                            if let Some(q) = &pr.quote { { ": " }<q>{ q.clone() }</q> }
                            if let Some(link) = passage_link(payload, library, pr) {
                                { " · " }<a href={link}>{ "show the passage" }</a>
                            }
                        </p>
                    } else if let Some(q) = &pr.quote {
                        <p class="meta"><q>{ q.clone() }</q></p>
                    }
                    <label for={format!("answer-{i}")}>{ "Your answer" }</label>
                    <textarea id={format!("answer-{i}")} class="answer" rows={answer_rows(answers.get(i), 32).to_string()} aria-describedby={format!("prompt-{i}")}
                              value={answers.get(i).to_string()} oninput={set_answer(i)} />
                    { for answers.other_versions(i).into_iter().map(|other| html! {
                        <p class="meta answer-conflict">{ "Also written in another tab or window at the same time: " }<q>{ other.to_string() }</q></p>
                    }) }
                </li>
            }) }
        </ol>
    }
}

/// Link to the paragraph of the prompt's source holding its passage, when it has one.
fn passage_link(
    payload: &str,
    library: &Library,
    p: &parallax_core::session::Prompt,
) -> Option<String> {
    let k = p.source?;
    let quote = p.quote.as_deref()?.trim();
    let doc = library.docs().get(k)?;
    let byte = doc.text.find(quote)?;
    let at = doc.text[..byte].chars().count();
    let para = doc
        .paragraphs
        .iter()
        .position(|s| s.start <= at && at < s.end)?;
    Some(format!("#/session/{payload}?s={}&p={}", k + 1, para + 1))
}

/// A prompt as one line of the handout.
fn prompt_line(p: &parallax_core::session::Prompt, names: &[String]) -> String {
    let mut line = p.text.clone();
    if let Some(src) = p.source.and_then(|k| names.get(k)) {
        line.push_str(&format!(" (about {src}"));
        if let Some(q) = &p.quote {
            line.push_str(&format!(": “{q}”"));
        }
        line.push(')');
    } else if let Some(q) = &p.quote {
        line.push_str(&format!(" (“{q}”)"));
    }
    line
}
