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
  if (!m || m[1].length > 1500000 || /(^|&)handout(=|&|$)/.test(m[2] || "")) return;
  // Decoded here, synchronously, so the session is in the page's first frame; a link that
  // does not decode leaves the library, and the app says what is wrong with it.
  try {
    session(decode(m[1]), m[1], m[2] || "");
  } catch (e) {
    /* the app reports it */
  }
  return;

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

  // The session JSON of a payload: base64url, then raw DEFLATE, at most 4 MiB inflated.
  function decode(p) {
    var b = atob(p.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((p.length + 3) % 4));
    var bytes = new Uint8Array(b.length);
    for (var i = 0; i < b.length; i++) bytes[i] = b.charCodeAt(i);
    return JSON.parse(new TextDecoder().decode(inflate(bytes, 4194304)));
  }

  // Raw DEFLATE (RFC 1951): stored, fixed and dynamic Huffman blocks; codes are decoded bit by
  // bit against the canonical code's counts per length. Throws on damaged input or past `max`.
  function inflate(src, max) {
    var out = new Uint8Array(Math.min(max, 1024 + src.length * 8));
    var n = 0;
    var pos = 0;
    var bit = 0;
    var LBASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
    var LEXT = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
    var DBASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
    var DEXT = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
    var ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
    function bits(k) {
      var v = 0;
      for (var i = 0; i < k; i++) {
        if (pos >= src.length) throw new Error("cut off");
        v |= ((src[pos] >> bit) & 1) << i;
        if (++bit === 8) {
          bit = 0;
          pos++;
        }
      }
      return v;
    }
    function put(byte) {
      if (n === out.length) {
        if (n >= max) throw new Error("too large");
        var grown = new Uint8Array(Math.min(max, n * 2));
        grown.set(out);
        out = grown;
      }
      out[n++] = byte;
    }
    function table(lengths) {
      var count = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
      var offs = [0, 0];
      var symbol = [];
      var s;
      for (s = 0; s < lengths.length; s++) count[lengths[s]]++;
      count[0] = 0;
      for (var l = 1; l < 15; l++) offs[l + 1] = offs[l] + count[l];
      for (s = 0; s < lengths.length; s++) if (lengths[s]) symbol[offs[lengths[s]]++] = s;
      return { count: count, symbol: symbol };
    }
    function symbol(t) {
      var code = 0;
      var first = 0;
      var index = 0;
      for (var l = 1; l < 16; l++) {
        code |= bits(1);
        var c = t.count[l];
        if (code - c < first) return t.symbol[index + (code - first)];
        index += c;
        first = (first + c) << 1;
        code <<= 1;
      }
      throw new Error("bad code");
    }
    function codes(lit, dist) {
      for (;;) {
        var s = symbol(lit);
        if (s < 256) put(s);
        else if (s === 256) return;
        else {
          s -= 257;
          if (s >= 29) throw new Error("bad length");
          var len = LBASE[s] + bits(LEXT[s]);
          var d = symbol(dist);
          if (d >= 30) throw new Error("bad distance");
          var back = DBASE[d] + bits(DEXT[d]);
          if (back > n) throw new Error("too far back");
          for (var i = 0; i < len; i++) put(out[n - back]);
        }
      }
    }
    function dynamic() {
      var nlen = bits(5) + 257;
      var ndist = bits(5) + 1;
      var ncode = bits(4) + 4;
      var lengths = [];
      var i;
      for (i = 0; i < 19; i++) lengths[i] = 0;
      for (i = 0; i < ncode; i++) lengths[ORDER[i]] = bits(3);
      var lencode = table(lengths);
      lengths = [];
      while (lengths.length < nlen + ndist) {
        var s = symbol(lencode);
        if (s < 16) lengths.push(s);
        else {
          var prev = 0;
          var rep;
          if (s === 16) {
            if (!lengths.length) throw new Error("no length to repeat");
            prev = lengths[lengths.length - 1];
            rep = 3 + bits(2);
          } else rep = s === 17 ? 3 + bits(3) : 11 + bits(7);
          if (lengths.length + rep > nlen + ndist) throw new Error("too many lengths");
          while (rep--) lengths.push(prev);
        }
      }
      codes(table(lengths.slice(0, nlen)), table(lengths.slice(nlen)));
    }
    function fixed() {
      var l = [];
      var i;
      for (i = 0; i < 288; i++) l[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
      var d = [];
      for (i = 0; i < 30; i++) d[i] = 5;
      codes(table(l), table(d));
    }
    var last;
    do {
      last = bits(1);
      var type = bits(2);
      if (type === 0) {
        if (bit) {
          bit = 0;
          pos++;
        }
        if (pos + 4 > src.length) throw new Error("cut off");
        var len = src[pos] | (src[pos + 1] << 8);
        pos += 4;
        if (pos + len > src.length) throw new Error("cut off");
        for (var i = 0; i < len; i++) put(src[pos++]);
      } else if (type === 1) fixed();
      else if (type === 2) dynamic();
      else throw new Error("bad block");
    } while (!last);
    return out.subarray(0, n);
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
