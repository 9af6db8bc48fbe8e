// Picks the static view for the address while the page is parsed (see src/first_paint.rs).
// It runs before any wasm and is allowed by its hash in the page's policy. Everything it takes
// from the address is put in the page as text (textContent), never as markup.
(function () {
  "use strict";
  var f = document.getElementById("first-paint");
  if (!f) return;
  var h = location.hash;
  var m = /^#\/doc\/([^?/]+)/.exec(h);
  if (m) {
    var t = fragment("fp-doc-" + decodeURIComponent(m[1]));
    if (t) f.replaceChildren(t);
    return;
  }
  m = /^#\/session\/1\.([A-Za-z0-9_-]+)(?:\?(.*))?$/.exec(h);
  if (!m || m[1].length > 1500000 || !window.DecompressionStream || /(^|&)handout(=|&|$)/.test(m[2] || "")) return;
  // Nothing shows until the session is decoded (a few milliseconds), so the library does not
  // flash; whatever happens, the page is shown again.
  f.style.visibility = "hidden";
  decode(m[1])
    .then(function (s) {
      if (f.isConnected) session(s, m[1], m[2] || "");
    })
    .catch(function () {})
    .then(function () {
      f.style.visibility = "";
    });

  function fragment(id) {
    var t = document.getElementById(id);
    return t && t.content ? t.content.cloneNode(true) : null;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  // The session JSON of a payload: base64url, raw DEFLATE, at most 4 MiB inflated.
  function decode(p) {
    var b = atob(p.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((p.length + 3) % 4));
    var bytes = new Uint8Array(b.length);
    for (var i = 0; i < b.length; i++) bytes[i] = b.charCodeAt(i);
    var r = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
    var parts = [];
    var n = 0;
    function pump() {
      return r.read().then(function (x) {
        if (x.done) return new Response(new Blob(parts)).json();
        n += x.value.length;
        if (n > 4194304) throw new Error("too large");
        parts.push(x.value);
        return pump();
      });
    }
    return pump();
  }

  function param(q, key) {
    var found = null;
    q.split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i > 0 && kv.slice(0, i) === key) found = decodeURIComponent(kv.slice(i + 1).replace(/\+/g, " "));
    });
    return found;
  }

  function letter(i) {
    var s = "";
    for (var n = i; ; n = Math.floor(n / 26) - 1) {
      s = String.fromCharCode(65 + (n % 26)) + s;
      if (n < 26) return s;
    }
  }

  // A source the link carries: its first line as the title, each further line a paragraph.
  function plainReader(id, text) {
    var lines = String(text).split("\n").map(function (l) { return l.trim(); }).filter(Boolean);
    var layout = el("div", "reader-layout");
    var art = el("article", "reader");
    art.id = "reader";
    art.setAttribute("data-doc", id);
    var head = el("header");
    var h1 = el("h1", null, lines[0] || id);
    h1.id = "doc-title";
    head.append(h1, el("p", "meta", "Marks appear when Parallax has loaded."));
    var body = el("div", "doc-body");
    body.id = "doc-body";
    lines.slice(1).forEach(function (l, k) {
      var p = el("p", null, l);
      p.id = "p" + (k + 2);
      body.append(p);
    });
    art.append(head, body);
    layout.append(art);
    return layout;
  }

  // The reader of source `src`: a bundled source's static reader, else its text.
  function reader(src, hidden) {
    if (typeof src.x === "string") return plainReader(src.i, src.x);
    var t = fragment("fp-doc-" + src.i);
    var layout = t && t.querySelector(".reader-layout");
    if (!layout) return null;
    layout.querySelectorAll("mark[data-label]").forEach(function (mk) {
      if (hidden.indexOf(mk.getAttribute("data-label")) >= 0) mk.replaceWith(mk.textContent);
    });
    return layout;
  }

  function title(src) {
    if (typeof src.x === "string") {
      var first = String(src.x).split("\n").map(function (l) { return l.trim(); }).filter(Boolean)[0];
      return first || src.i;
    }
    var t = fragment("fp-doc-" + src.i);
    var h1 = t && t.querySelector("#doc-title");
    return h1 ? h1.textContent : null;
  }

  // The guided view as pages/session.rs draws it: title, tabs, questions, the current source.
  function session(s, payload, q) {
    var seen = {};
    var sources = (Array.isArray(s.s) ? s.s : []).filter(function (x) {
      if (!x || typeof x.i !== "string" || seen[x.i]) return false;
      seen[x.i] = true;
      return true;
    });
    var titles = sources.map(title);
    if (!sources.length || titles.indexOf(null) >= 0) return;
    var names = titles.map(function (t, i) {
      return s.b ? "Source " + letter(i) : "Source " + letter(i) + ": " + t;
    });
    var current = Math.min(Math.max((parseInt(param(q, "s"), 10) || 1) - 1, 0), sources.length - 1);
    var hideParam = param(q, "hide");
    var hidden = hideParam !== null ? hideParam.split(",") : Array.isArray(s.h) ? s.h : [];
    var src = reader(sources[current], hidden);
    var main = f.querySelector("main");
    if (!src || !main) return;

    var root = el("div", "session");
    root.id = "session";
    var head = el("header", "session-head");
    var h1 = el("h1", null, typeof s.t === "string" && s.t.trim() ? s.t : "Reading session");
    h1.id = "session-title";
    var n = sources.length;
    head.append(el("p", "eyebrow", "Guided reading"), h1, el("p", "meta", n + " source" + (n === 1 ? "" : "s")));
    var nav = el("nav", "source-tabs");
    nav.setAttribute("aria-label", "Sources of this session");
    var tabs = el("ul");
    names.forEach(function (name, i) {
      var a = el("a", i === current ? "current" : null, name.length > 64 ? name.slice(0, 63) + "…" : name);
      a.href = "#/session/1." + payload + "?s=" + (i + 1);
      if (i === current) a.setAttribute("aria-current", "page");
      var li = el("li");
      li.append(a);
      tabs.append(li);
    });
    nav.append(tabs);
    head.append(nav);

    var prompts = el("section", "prompts");
    prompts.id = "prompts";
    var h2 = el("h2", null, "Questions");
    h2.id = "prompts-h";
    prompts.setAttribute("aria-labelledby", "prompts-h");
    var list = el("ol");
    (Array.isArray(s.p) ? s.p : []).forEach(function (p) {
      if (!p || typeof p.t !== "string") return;
      var li = el("li", "prompt");
      li.append(el("p", "prompt-text", p.t));
      var about = typeof p.s === "number" ? names[p.s] : undefined;
      if (about !== undefined || typeof p.q === "string") {
        var meta = el("p", "meta", about !== undefined ? "About " + about : "");
        if (typeof p.q === "string") {
          if (about !== undefined) meta.append(": ");
          meta.append(el("q", null, p.q));
        }
        li.append(meta);
      }
      list.append(li);
    });
    prompts.append(h2, list, el("p", "meta", "Your answer boxes appear when Parallax has loaded."));

    var source = el("div", "session-source");
    if (s.b) source.append(el("p", "source-name", names[current]));
    source.append(src);
    root.append(head, prompts, source);
    main.replaceChildren(root);
  }
})();
