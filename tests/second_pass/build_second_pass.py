import re, os

D = (
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "seeds")
    + "/"
)
OUT = os.path.dirname(os.path.abspath(__file__)) + "/"


def L(f):
    return open(D + f, encoding="utf-8").read().split("\n")


def clean(s):
    # remove all whitespace inside (spaces, NBSP, tabs)
    return re.sub(r"[\s\u00a0]+", "", s)


UNIT_RE = re.compile(r"^(.*?)[（(]([^（）()]*)[）)](\**)$")


def split_unit(n):
    m = UNIT_RE.match(n)
    if not m:
        return n, ""
    return m.group(1), m.group(2) + m.group(3)


def write(fn, header, rows):
    with open(OUT + fn, "w", encoding="utf-8") as fh:
        fh.write("\t".join(header) + "\n")
        for r in rows:
            r = [str(x) for x in r]
            for x in r:
                assert "\t" not in x and "\n" not in x, r
            fh.write("\t".join(r) + "\n")
    print(fn, len(rows))


# ---------- national ----------
f = L("002_5721cded6adf9af8.txt")
rows = []
dom = None
# (line, nlines, domain_prefix_tokens?)
for ln in [
    89,
    90,
    93,
    94,
    95,
    96,
    97,
    100,
    101,
    102,
    103,
    106,
    107,
    108,
    109,
    110,
    111,
    112,
    113,
    116,
    117,
    118,
]:
    text = f[ln - 1]
    if ln == 113:
        text = f[112] + f[113] + " " + f[114]
    toks = [t for t in text.split(" ") if t.strip("\u00a0") != ""]
    vals = toks[-3:]
    rest = toks[:-3]
    heads = {
        89: "幼有所育",
        93: "学有所教",
        97: "劳有所得",
        100: "病有所医",
        106: "老有所养",
        110: "住有所居",
        113: "弱有所扶",
        116: "文体服务保障",
    }
    if ln in (89, 97, 110, 113, 116):
        d = clean(rest[0])
        rest = rest[1:]
        assert d == heads[ln], (d, ln)
        dom = d
    elif ln in heads:
        prev = clean(f[ln - 2])
        assert prev == heads[ln], (prev, ln)
        dom = prev
    name = clean("".join(rest))
    nm, unit = split_unit(name)
    rows.append([ln, dom, nm, unit] + [clean(v) for v in vals])
write("national.tsv", ["line", "domain", "name", "unit", "baseline", "target", "attribute"], rows)

# ---------- hanzhong ----------
f = L("000_adce49f67764d933.txt")


def rowsplit(lines, k):
    text = " ".join(f[i - 1] for i in lines)
    toks = text.split()
    return clean("".join(toks[:-k])), toks[-k:]


prev = []
spec = [
    [239],
    [241],
    [243],
    [245],
    [247],
    [249],
    [251],
    [253],
    [255],
    [257],
    [259],
    [261],
    [263],
    [265],
    [267],
    [269],
    [271],
    [274],
    [276],
    [278],
    [280],
    [282],
    [284],
    [286],
    [288, 290, 291],
    [293],
]
for s in spec:
    name, v = rowsplit(s, 2)
    nm, u = split_unit(name)
    prev.append([s[0], nm, u] + v)
write("hanzhong_previous.tsv", ["line", "name", "unit", "v2015", "v2020"], prev)
main = []
spec = [
    ("幼有所育", [518]),
    ("幼有所育", [520]),
    ("学有所教", [524]),
    ("学有所教", [526]),
    ("学有所教", [528]),
    ("学有所教", [529]),
    ("学有所教", [531]),
    ("劳有所得", [535]),
    ("劳有所得", [537]),
    ("病有所医", [541]),
    ("病有所医", [543]),
    ("病有所医", [545]),
    ("病有所医", [547]),
    ("病有所医", [549]),
    ("老有所养", [553]),
    ("老有所养", [555, 557, 558]),
    ("老有所养", [560]),
    ("老有所养", [562]),
    ("老有所养", [564]),
    ("住有所居", [568]),
    ("住有所居", [570]),
    ("住有所居", [572]),
    ("弱有所扶", [576, 578, 579]),
    ("弱有所扶", [581, 583, 584]),
    ("弱有所扶", [585]),
    ("弱有所扶", [587]),
    ("优军服务保障", [591]),
    ("文体服务保障", [595]),
    ("文体服务保障", [597]),
    ("文体服务保障", [599]),
    ("文体服务保障", [601]),
]
for d, s in spec:
    name, v = rowsplit(s, 2)
    nm, u = split_unit(name)
    main.append([s[0], d, nm, u, ""] + v)
write("hanzhong.tsv", ["line", "domain", "name", "unit", "baseline", "target", "attribute"], main)

# ---------- ankang ----------
f = L("001_b8f488d9cc155826.txt")
rows = []
dom = None
i = 113 - 1
dom = "幼有所育"
while i < 458:
    s = f[i]
    cells = s.split("\t")
    c = [x.strip() for x in cells]
    if len(c) == 2 and re.match(r"^[一二三四五六七八九十]+、", c[1]):
        dom = re.sub(r"^[一二三四五六七八九十]+、", "", c[1])
        i += 1
        continue
    if len(c) == 2 and re.fullmatch(r"\d+", c[1]):
        num = int(c[1])
        namel = f[i + 1].split("\t")
        assert namel[0].strip() == "" and len(namel) == 2
        tgt = f[i + 2].split("\t")
        attr = f[i + 3].split("\t")
        assert len(tgt) == 2 and len(attr) == 2
        a = attr[1].strip()
        j = i + 4
        while f[j].strip() != "":
            a += f[j].strip()
            j += 1
        name = clean(namel[1])
        nm, u = split_unit(name)
        if name == "九年义务教育学龄人口入学率%）":
            nm, u = "九年义务教育学龄人口入学率", "%"
        if name == "中等职业教育招生数（万人）（不含技工）":
            nm, u = "中等职业教育招生数（不含技工）", "万人"
        rows.append([i + 2, dom, nm, u, "", clean(tgt[1]), a, num])
        i = j
        continue
    if s.strip() == "":
        i += 1
        continue
    raise Exception((i + 1, s))
assert [r[-1] for r in rows] == list(range(1, 65))
rows = [r[:-1] for r in rows]
write("ankang.tsv", ["line", "domain", "name", "unit", "baseline", "target", "attribute"], rows)

# ---------- chuzhou ----------
f = L("003_2405b31521240998.txt")


def tabblock(start, end, ncells):
    out = []
    dom = None
    i = start - 1
    while i < end:
        s = f[i]
        if s == "":
            i += 1
            continue
        c = s.split("\t")
        assert len(c) == 2 and c[0].strip() == "", (i + 1, s)
        if c[1].strip():
            dom = clean(c[1])
        n = f[i + 1].split("\t")
        assert len(n) == 2 and n[0].strip() == "", (i + 2, f[i + 1])
        namel = i + 2
        name = clean(n[1])
        vals = []
        for k in range(ncells):
            x = f[i + 2 + k].split("\t")
            assert len(x) == 2 and x[0].strip() == "", (i + 3 + k, f[i + 2 + k])
            vals.append(x[1].strip())
        assert f[i + 2 + ncells].strip() == "", i + 3 + ncells
        out.append((namel, dom, name, vals))
        i += 2 + ncells
    return out


rows = []
for ln, d, name, v in tabblock(17, 116, 2):
    nm, u = split_unit(name)
    rows.append([ln, d, nm, u] + v)
write("chuzhou_previous.tsv", ["line", "domain", "name", "unit", "target", "actual"], rows)
rows = []
for ln, d, name, v in tabblock(145, 288, 3):
    nm, u = split_unit(name)
    rows.append([ln, d, nm, u] + v)
write("chuzhou.tsv", ["line", "domain", "name", "unit", "baseline", "target", "attribute"], rows)

# ---------- suzhou ----------
f = L("004_7b2b5d1558ab2959.txt")
rows = []
for ln in list(range(80, 96)) + list(range(99, 103)):
    c = [x.strip() for x in f[ln - 1].strip().strip("|").split("|")]
    assert len(c) == 3
    nm, u = split_unit(clean(c[0]))
    rows.append([ln, nm, u, clean(c[1]), clean(c[2])])
write("suzhou_previous.tsv", ["line", "name", "unit", "actual", "target"], rows)
rows = []
dom = None
for ln in list(range(156, 163)) + list(range(166, 181)):
    c = [x.strip() for x in f[ln - 1].strip().strip("|").split("|")]
    assert len(c) == 5
    if c[0]:
        dom = clean(c[0])
    nm, u = split_unit(clean(c[1]))
    rows.append([ln, dom, nm, u, clean(c[2]), clean(c[3]), clean(c[4])])
write("suzhou.tsv", ["line", "domain", "name", "unit", "baseline", "target", "attribute"], rows)
