#!/usr/bin/env bash
# Crafted files against the import's limits (issue 15, item 1): generates each with plain Python (zipfile, no
# openpyxl), runs `guanai import children FILE --unit 421081104000 --dry-run` under /usr/bin/time -v, and prints the
# exit code (2 = refused as unreadable or over a limit), the message, seconds and peak RSS of each.
#   BUILD=release bash bench/hostile.sh        # or BIN=path/to/guanai to skip the build
#   WEB_ONLY=1 WEB_FILES="unterminated_quote.csv quote_40mb.csv" BIN=... bash bench/hostile.sh   # the web part, some files
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-release}
PY=${PY:-python3}
if [ -z "${BIN:-}" ]; then
  swift build -c "$BUILD" --product guanai >/dev/null
  BIN=$(swift build -c "$BUILD" --show-bin-path)/guanai
fi
OUT=bench/out/hostile
mkdir -p "$OUT"
rm -f "$OUT/db.sqlite" "$OUT/db.sqlite-"*
"$BIN" migrate --database "$OUT/db.sqlite" >/dev/null 2>&1

"$PY" - "$OUT" <<'PYEOF'
import sys, zipfile, struct, os
out = sys.argv[1]
RELS = ('<?xml version="1.0"?><Relationships><Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WB = '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'
WBRELS = ('<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
          'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
          'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')

def stream(zf, name, head, pattern, count, tail):
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with zf.open(info, "w") as f:
        f.write(head.encode())
        if not pattern or count == 0:
            f.write(tail.encode())
            return
        block = pattern.encode() * max(1, (1 << 20) // max(1, len(pattern)))
        per = len(block) // len(pattern)
        left = count
        while left > 0:
            n = min(per, left)
            f.write(block if n == per else pattern.encode() * n)
            left -= n
        f.write(tail.encode())

def xlsx(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("_rels/.rels", RELS)
        zf.writestr("xl/workbook.xml", WB)
        zf.writestr("xl/_rels/workbook.xml.rels", WBRELS)
        for name, head, pattern, count, tail in parts:
            stream(zf, name, head, pattern, count, tail)

def lie(path, member, size=1000):
    """Headers that declare a small part: the reader must count what it inflates."""
    b = bytearray(open(path, "rb").read())
    i = 0
    while True:
        i = b.find(b"PK\x01\x02", i)
        if i < 0: break
        n = struct.unpack_from("<H", b, i + 28)[0]
        if b[i + 46:i + 46 + n].decode() == member:
            struct.pack_into("<I", b, i + 24, size)
            local = struct.unpack_from("<I", b, i + 42)[0]
            struct.pack_into("<I", b, local + 22, size)
        i += 4
    open(path, "wb").write(b)

SHEET = "xl/worksheets/sheet1.xml"
cell = lambda n: [(SHEET, '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>', "A", n, "</t></is></c></row></sheetData></worksheet>")]
xlsx(f"{out}/package_bomb.xlsx", cell(300_000_000))
xlsx(f"{out}/lying_bomb.xlsx", cell(300_000_000)); lie(f"{out}/lying_bomb.xlsx", SHEET)
xlsx(f"{out}/markup_bomb.xlsx", [(SHEET, "<worksheet><sheetData>", "<x/>", 50_000_000, "</sheetData></worksheet>")]); lie(f"{out}/markup_bomb.xlsx", SHEET)
xlsx(f"{out}/shared_strings_bomb.xlsx", [(SHEET, '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>', "", 0, ""),
                                        ("xl/sharedStrings.xml", "<sst>", "<si><t>A</t></si>", 10_000_000, "</sst>")])
lie(f"{out}/shared_strings_bomb.xlsx", "xl/sharedStrings.xml")
with open(f"{out}/million_columns.csv", "w") as f: f.write("姓名,身份证号\n" + "a," * 1_000_000 + "\n")
with open(f"{out}/unterminated_quote.csv", "w") as f: f.write('姓名,身份证号\n"' + "A" * 30_000_000)
# Web only: the largest upload the limit (40 MiB) lets through, and one past it (refused while it is read).
with open(f"{out}/quote_40mb.csv", "w") as f: f.write('姓名,身份证号\n"' + "A" * 40_000_000)
with open(f"{out}/over_limit.csv", "w") as f: f.write('姓名,身份证号\n"' + "A" * 45_000_000)
good = open(f"{out}/package_bomb.xlsx", "rb").read()
open(f"{out}/truncated.xlsx", "wb").write(good[: len(good) // 2])
open(f"{out}/photo.xlsx", "wb").write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR" + os.urandom(200_000))
PYEOF

if [ -z "${WEB_ONLY:-}" ]; then
printf '%-26s %9s %4s %8s %9s  %s\n' file size exit seconds peak_MB message
for f in package_bomb.xlsx lying_bomb.xlsx markup_bomb.xlsx shared_strings_bomb.xlsx million_columns.csv unterminated_quote.csv truncated.xlsx photo.xlsx; do
  set +e
  /usr/bin/time -v "$BIN" import children "$OUT/$f" --unit 421081104000 --dry-run --database "$OUT/db.sqlite" \
    > "$OUT/$f.out" 2> "$OUT/$f.time"
  rc=$?
  set -e
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$OUT/$f.time")
  mb=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$OUT/$f.time")
  msg=$(grep -v '^\s' "$OUT/$f.out" "$OUT/$f.time" 2>/dev/null | grep -v 'Command being timed' | head -1 | cut -d: -f2-)
  printf '%-26s %9s %4s %8s %9s  %s\n' "$f" "$(stat -c %s "$OUT/$f")" "$rc" "$secs" "$mb" "$msg"
done
fi

# The same files through the web server, as a township account would upload them, the preview page opened after
# the upload: the server's resident memory before each file, its peak during the upload alone (upload_MB) and
# during upload and preview (peak_MB) (VmHWM, reset
# through /proc/PID/clear_refs), and the answer. Target: ≤ 200 MB whatever the file.
echo
echo "through the web (serve --demo, upload as the township account):"
rm -f "$OUT/web.sqlite" "$OUT/web.sqlite-"*
PORT=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$BIN" serve --demo --database "$OUT/web.sqlite" --port "$PORT" > "$OUT/web.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 1; done
"$PY" - "$OUT" "$PORT" "$SERVER" <<'PYEOF'
import http.cookiejar, os, re, sys, time, urllib.parse, urllib.request, uuid
out, port, pid = sys.argv[1], sys.argv[2], sys.argv[3]
base = f"http://127.0.0.1:{port}"
logins = dict(m.groups() for m in (re.match(r"^[a-z_]+ (\S+) (\S+)$", l.strip()) for l in open(f"{out}/web.log", encoding="utf-8")) if m)
jar = http.cookiejar.CookieJar()
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k): return None
web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
last_location = {"value": None}
def call(path, data=None, headers={}):
    try:
        r = web.open(urllib.request.Request(base + path, data=data, headers=headers), timeout=900)
        return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        last_location["value"] = e.headers.get("Location")
        return e.code, e.read().decode("utf-8", "replace")
    except (ConnectionError, urllib.error.URLError) as e:
        # A body past the limit may be answered and the connection closed before all of it is sent.
        return 0, str(e)
_, page = call("/login")
pre = re.search(r'name="_pre" value="([^"]+)"', page).group(1)
user = "xiangzhen"
call("/login", urllib.parse.urlencode({"_pre": pre, "username": user, "password": logins[user]}).encode(),
     {"Content-Type": "application/x-www-form-urlencoded"})
def mem(key):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith(key): return int(line.split()[1]) // 1024
print(f"{'file':<26} {'status':>6} {'upload_s':>8} {'total_s':>8} {'before_MB':>9} {'upload_MB':>9} {'peak_MB':>8}  message")
files = os.environ.get("WEB_FILES", "").split() or [
    "package_bomb.xlsx", "lying_bomb.xlsx", "markup_bomb.xlsx", "shared_strings_bomb.xlsx", "million_columns.csv",
    "unterminated_quote.csv", "quote_40mb.csv", "over_limit.csv", "truncated.xlsx", "photo.xlsx"]
for f in files:
    _, form = call("/imports/new?kind=children")
    csrf = re.search(r'name="_csrf" value="([^"]+)"', form).group(1)
    unit = re.search(r'<select[^>]*name="unit"[^>]*>.*?<option value="(\d{12})"', form, re.S).group(1)
    b = "----bench" + uuid.uuid4().hex
    body = b"".join(f'--{b}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
                    for k, v in {"_csrf": csrf, "kind": "children", "unit": unit}.items())
    body += f'--{b}\r\nContent-Disposition: form-data; name="file"; filename="{f}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
    body += open(f"{out}/{f}", "rb").read() + f"\r\n--{b}--\r\n".encode()
    open(f"/proc/{pid}/clear_refs", "w").write("5")
    before = mem("VmRSS")
    t = time.time()
    status, answer = call("/imports/new", body, {"Content-Type": f"multipart/form-data; boundary={b}"})
    upload = time.time() - t
    upload_peak = mem("VmHWM")
    if status == 303:
        # Stored: the preview runs when its page is opened.
        status, answer = call(last_location["value"])
    secs = time.time() - t
    msg = re.search(r'class="(?:field-error|flash error|error)"[^>]*>([^<]+)<', answer) or re.search(r'class="error-summary"[^>]*>.*?<li[^>]*>([^<]+)<', answer, re.S)
    print(f"{f:<26} {status:>6} {upload:>8.2f} {secs:>8.2f} {before:>9} {upload_peak:>9} {mem('VmHWM'):>8}  {msg.group(1).strip() if msg else ''}")
PYEOF
