//! The link's query: reading values out of it and writing them in, the same way for every
//! view (`hide=PLACE,DATE&focus=anne-lee`, `diff=1&present&row=3`). No web-sys here: tested
//! natively.

use std::fmt::Display;

/// The `key=value` pairs of a query string (with or without the leading `?`), values
/// percent-decoded; a key without `=` has an empty value.
pub fn pairs(query: &str) -> impl Iterator<Item = (&str, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|kv| !kv.is_empty())
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            (k, percent_decode(v))
        })
}

/// The value of `key` in a query string (with or without the leading `?`), percent-decoded.
pub fn query_param(query: &str, key: &str) -> Option<String> {
    query.trim_start_matches('?').split('&').find_map(|kv| {
        kv.split_once('=')
            .filter(|(k, _)| *k == key)
            .map(|(_, v)| percent_decode(v))
    })
}

/// Whether a query string holds `key` as a flag, without a value (`present`, `handout`).
pub fn has_flag(query: &str, key: &str) -> bool {
    query.trim_start_matches('?').split('&').any(|kv| kv == key)
}

/// A query string under construction, in the order written; fields at their default are left
/// out so the link stays short.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query(Vec<String>);

impl Query {
    /// An empty query.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `key=value` (the value percent-encoded) when there is a value.
    pub fn pair(mut self, key: &str, value: Option<impl Display>) -> Self {
        if let Some(v) = value {
            self.0
                .push(format!("{key}={}", percent_encode(&v.to_string())));
        }
        self
    }

    /// Adds `key` alone when `on`.
    pub fn flag(mut self, key: &str, on: bool) -> Self {
        if on {
            self.0.push(key.to_string());
        }
        self
    }

    /// The query string, without `?`; empty when nothing was added.
    pub fn encode(&self) -> String {
        self.0.join("&")
    }
}

/// The page's address without its fragment (`https://host/app/` of
/// `https://host/app/#/teach`): where links to other views of this copy of the app start.
pub fn page_address(href: &str) -> &str {
    href.split('#').next().unwrap_or("")
}

/// The fragment of a link, with its `#` (`#/session/1.x` of `https://host/#/session/1.x`);
/// empty when it has none.
pub fn fragment(link: &str) -> String {
    format!("#{}", link.split_once('#').map_or("", |x| x.1))
}

/// Escapes what may not stand in a query value (commas stay readable).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~,".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Undoes `%XX` escapes (and `+` as space); invalid escapes stay as written.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(
                    std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"),
                    16,
                ) {
                    Ok(v) => {
                        out.push(v);
                        i += 3;
                        continue;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_params() {
        assert_eq!(query_param("?diff=1&show=a", "show").as_deref(), Some("a"));
        assert_eq!(query_param("row=3", "row").as_deref(), Some("3"));
        assert_eq!(query_param("rows=3", "row"), None);
        assert_eq!(query_param("", "row"), None);
        assert_eq!(query_param("focus=a%20b", "focus").as_deref(), Some("a b"));
        assert!(has_flag("?present&row=3", "present"));
        assert!(has_flag("s=2&handout", "handout"));
        assert!(!has_flag("presenter=1", "present"));
        let all: Vec<(&str, String)> = pairs("?a=1&&b&c=x%2Cy").collect();
        assert_eq!(
            all,
            [("a", "1".into()), ("b", String::new()), ("c", "x,y".into())]
        );
    }

    #[test]
    fn building() {
        let q = Query::new()
            .flag("diff", false)
            .pair("show", Some("a"))
            .flag("present", true)
            .pair("row", Some(3))
            .pair("focus", None::<&str>)
            .pair("hide", Some("PLACE,DATE"))
            .pair("q", Some("a&b=c é"));
        assert_eq!(
            q.encode(),
            "show=a&present&row=3&hide=PLACE,DATE&q=a%26b%3Dc%20%C3%A9"
        );
        assert_eq!(Query::new().encode(), "");
        assert_eq!(Query::new().pair("hide", Some("")).encode(), "hide=");
    }

    #[test]
    fn addresses() {
        assert_eq!(
            page_address("https://h/app/index.html#/teach"),
            "https://h/app/index.html"
        );
        assert_eq!(
            page_address("file:///x/parallax.html"),
            "file:///x/parallax.html"
        );
        assert_eq!(fragment("https://h/#/session/1.ab"), "#/session/1.ab");
        assert_eq!(fragment("no-fragment"), "#");
    }

    #[test]
    fn percent_escapes() {
        assert_eq!(percent_encode("a&b=c é"), "a%26b%3Dc%20%C3%A9");
        assert_eq!(percent_decode("a%20b%zz%"), "a b%zz%");
        assert_eq!(percent_decode("PLACE%2CDATE+x"), "PLACE,DATE x");
    }
}
