#!/usr/bin/env python3
"""Drives the page of `tm serve` in headless Chromium, as a person would.

Builds a small memory with `tm add` (texts written for this check), starts
`tm serve --port 0 --token-file T`, and then:

1. over the DevTools protocol (a websocket, standard library only): opens
   `/?token=…` (the session cookie), types a release into the page's
   textarea, presses its submit button, and waits for the stored Russian of
   the exact matches to appear with a score of 100; the release holds
   `<script>` and `<img onerror>`, which must show as text and run nothing;
   then takes screenshots at 1280 px and at phone width;
   then opens a Markdown release in the file input (as a person picks a
   file), and waits for its exact match and the ".md" draft button; then
   searches the memory for a date and checks that the number is marked in
   the Russian and Kazakh texts too; then, on Review, merges two doubtful
   units with "Merge with next unit" and splits the result with "Split…";
2. with `chromium --headless --dump-dom`: opens `/#text=…`, which the
   page's own script fills in and submits, and checks the same in the DOM.

Usage: scripts/page_check.py [--tm target/debug/tm] [--chromium PATH]
       [--shots DIR]
Exit 0 when every check passes, 1 otherwise; 2 when Chromium is missing.
"""

import argparse
import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

EN = """Press office opens a studio for regional editors

ASTANA, 3 June 2026 – The press office of the Ministry opened a television studio for regional editors.

The studio will record weekly interviews with the heads of departments.
"""
RU = """Пресс-служба открывает студию для региональных редакторов

АСТАНА, 3 июня 2026 г. – Пресс-служба Министерства открыла телестудию для региональных редакторов.

В студии будут записывать еженедельные интервью с руководителями департаментов.
"""
KK = """Баспасөз қызметі өңірлік редакторларға арналған студия ашады

АСТАНА, 2026 жылғы 3 маусым – Министрліктің баспасөз қызметі өңірлік редакторларға арналған телестудия ашты.

Студияда департамент басшыларымен апта сайынғы сұхбаттар жазылады.
"""
# The new release: two sentences stored as they are, one changed, and hostile
# markup that must be shown as text.
NEW = """Press office opens a studio for regional editors

The studio will record weekly interviews with the heads of departments.

<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> Questions go to the press office.
"""
EXACT_RU = [
    "Пресс-служба открывает студию для региональных редакторов",
    "В студии будут записывать еженедельные интервью с руководителями департаментов.",
]
TOKEN = "page-check-token-0123456789abcdef"
# The aligner gave both Russian sentences to the first unit.
REVIEW = [
    ("The studio opens at nine.", "Студия открывается в девять. Запись бесплатная.", "Студия сағат тоғызда ашылады."),
    ("Recording is free.", "Запись бесплатная.", "Жазу тегін."),
]
# A Markdown release: a heading stored as it is, one sentence not stored.
MARKDOWN = """# Press office opens a studio for regional editors

Editors can book the studio by telephone.
"""


def fail(msg):
    print("page check FAILED: " + msg, file=sys.stderr)
    sys.exit(1)


def find_chromium(given):
    for name in [given, "chromium", "chromium-browser", "google-chrome"]:
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def start_server(tm, work):
    for lang, text in (("en", EN), ("ru", RU), ("kk", KK)):
        with open(os.path.join(work, "studio." + lang + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
    memory = os.path.join(work, "tm.json")
    subprocess.run([tm, "--memory", memory, "add", "--en", os.path.join(work, "studio.en.txt"),
                    "--ru", os.path.join(work, "studio.ru.txt"), "--kk", os.path.join(work, "studio.kk.txt")],
                   check=True, stdout=subprocess.DEVNULL)
    # Two doubtful halves of one sentence pair, for Review to merge and split.
    with open(memory, encoding="utf-8") as f:
        data = json.load(f)
    for pos, (en, ru, kk) in enumerate(REVIEW):
        data["units"].append({"id": "00000000rev%d" % pos, "en": en, "ru": ru, "kk": kk,
                              "release": "review-check", "position": pos,
                              "created": "2026-06-03T09:00:00Z", "changed": "2026-06-03T09:00:00Z",
                              "confidence": 0.2, "doubtful": True})
    with open(memory, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)
    token_file = os.path.join(work, "token")
    with open(token_file, "w") as f:
        f.write(TOKEN + "\n")
    proc = subprocess.Popen([tm, "--memory", memory, "serve", "--port", "0", "--token-file", token_file],
                            stdout=subprocess.PIPE, text=True)
    url = proc.stdout.readline().strip()
    if not url.startswith("http://127.0.0.1:"):
        proc.kill()
        fail("tm serve printed no URL: %r" % url)
    return proc, url


# ---- a minimal websocket client (RFC 6455), enough for DevTools ----------

class WebSocket:
    def __init__(self, ws_url):
        u = urllib.parse.urlparse(ws_url)
        self.sock = socket.create_connection((u.hostname, u.port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(("GET %s HTTP/1.1\r\nHost: %s:%d\r\nUpgrade: websocket\r\n"
                           "Connection: Upgrade\r\nSec-WebSocket-Key: %s\r\n"
                           "Sec-WebSocket-Version: 13\r\n\r\n" % (u.path, u.hostname, u.port, key)).encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            if not chunk:
                raise IOError("websocket handshake closed")
            head += chunk
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise IOError("websocket handshake refused: %r" % head[:80])
        self.next_id = 0

    def _recv_exact(self, n):
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise IOError("websocket closed")
            data += chunk
        return data

    def send(self, text):
        payload = text.encode()
        mask = os.urandom(4)
        head = bytes([0x81])
        n = len(payload)
        if n < 126:
            head += bytes([0x80 | n])
        elif n < 65536:
            head += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            head += bytes([0x80 | 127]) + struct.pack(">Q", n)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(head + mask + masked)

    def recv(self):
        message = b""
        while True:
            b0, b1 = self._recv_exact(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._recv_exact(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._recv_exact(8))[0]
            data = self._recv_exact(n)
            opcode = b0 & 0x0F
            if opcode == 0x9:  # ping
                continue
            message += data
            if b0 & 0x80:
                return message.decode()

    def call(self, method, **params):
        self.next_id += 1
        want = self.next_id
        self.send(json.dumps({"id": want, "method": method, "params": params}))
        while True:
            msg = json.loads(self.recv())
            if msg.get("id") == want:
                if "error" in msg:
                    raise IOError("%s: %s" % (method, msg["error"]))
                return msg.get("result", {})


def evaluate(ws, expr):
    r = ws.call("Runtime.evaluate", expression=expr, returnByValue=True, awaitPromise=True)
    if "exceptionDetails" in r:
        raise IOError("page script failed: %s" % r["exceptionDetails"])
    return r["result"].get("value")


def wait_for(ws, expr, seconds=30):
    end = time.time() + seconds
    while time.time() < end:
        v = evaluate(ws, expr)
        if v:
            return v
        time.sleep(0.2)
    return None


def click(ws, selector):
    box = evaluate(ws, "(() => { const b = document.querySelector(%s); b.scrollIntoView(); "
                       "const r = b.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()"
                   % json.dumps(selector))
    for kind in ("mousePressed", "mouseReleased"):
        ws.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)


def screenshot(ws, path, width, height, mobile):
    ws.call("Emulation.setDeviceMetricsOverride", width=width, height=height,
            deviceScaleFactor=1, mobile=mobile)
    time.sleep(0.3)
    r = ws.call("Page.captureScreenshot", format="png")
    with open(path, "wb") as f:
        f.write(base64.b64decode(r["data"]))


def drive(chromium, url, shots, work):
    profile = os.path.join(work, "profile")
    proc = subprocess.Popen([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                             "--remote-debugging-port=0", "--user-data-dir=" + profile,
                             "--window-size=1280,900", "about:blank"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = os.path.join(profile, "DevToolsActivePort")
        end = time.time() + 30
        while not os.path.exists(port_file) and time.time() < end:
            time.sleep(0.1)
        if not os.path.exists(port_file):
            fail("Chromium opened no DevTools port")
        time.sleep(0.2)
        port = int(open(port_file).read().split()[0])
        targets = json.load(urllib.request.urlopen("http://127.0.0.1:%d/json/list" % port, timeout=10))
        page = [t for t in targets if t.get("type") == "page"][0]
        ws = WebSocket(page["webSocketDebuggerUrl"])
        ws.call("Page.enable")
        ws.call("Runtime.enable")
        ws.call("Page.navigate", url=url + "?token=" + TOKEN)
        if not wait_for(ws, "document.readyState === 'complete' && !!document.getElementById('release')"):
            fail("the page did not load (is the token accepted?)")
        if evaluate(ws, "location.search") != "":
            fail("the token stayed in the address bar")
        if evaluate(ws, "document.cookie") != "":
            fail("the session cookie is readable by scripts (not HttpOnly)")
        # Type the release as a person does, then press the submit button.
        evaluate(ws, "document.getElementById('release').focus()")
        ws.call("Input.insertText", text=NEW)
        if evaluate(ws, "document.getElementById('release').value") != NEW:
            fail("typing into the textarea did not take")
        click(ws, "#submit")
        check_dom_live(ws)
        print("DevTools: typed, submitted; exact matches show their stored Russian at 100; markup shown as text")
        if shots:
            os.makedirs(shots, exist_ok=True)
            screenshot(ws, os.path.join(shots, "page-1280.png"), 1280, 1600, False)
            screenshot(ws, os.path.join(shots, "page-390.png"), 390, 1600, True)
            wide = evaluate(ws, "document.documentElement.scrollWidth")
            if wide > 392:
                fail("the page is %d px wide at a 390 px phone width" % wide)
            print("screenshots in " + shots)
        check_document(ws, work)
        print("DevTools: a Markdown file opened; its exact match at 100 and a .md draft button")
        check_search(ws)
        print("DevTools: search marks the date in English, Russian and Kazakh")
        check_review(ws)
        print("DevTools: Review merged two doubtful units and split them again")
        ws.sock.close()
    finally:
        proc.kill()
        proc.wait()


def check_dom_live(ws):
    got = wait_for(ws, "document.querySelectorAll('#segments .seg').length === 3")
    if not got:
        fail("no results after pressing the button: %s" % evaluate(ws, "document.getElementById('translate-status').textContent"))
    rows = evaluate(ws, """[...document.querySelectorAll('#segments .seg')].map(s => ({
        text: s.querySelector('.segtext').textContent,
        score: (s.querySelector('.score') || {}).textContent || null,
        ru: (s.querySelector('dd.target-ru') || {}).textContent || null,
        editor: (s.querySelector('textarea[lang=ru]') || {}).value || null }))""")
    for i, want in enumerate(EXACT_RU):
        row = rows[i]
        if row["score"] != "100" or row["ru"] != want or row["editor"] != want:
            fail("segment %d: expected %r at 100, got %r" % (i + 1, want, row))
    if "<script>" not in rows[2]["text"] or "<img" not in rows[2]["text"]:
        fail("the markup of the release is not shown as text: %r" % rows[2]["text"])
    if evaluate(ws, "window.__pwned || 0"):
        fail("the release's markup ran as script")
    if evaluate(ws, "document.querySelectorAll('#segments script, #segments img').length"):
        fail("the release's markup became elements")


def check_document(ws, work):
    path = os.path.join(work, "studio.en.md")
    with open(path, "w", encoding="utf-8") as f:
        f.write(MARKDOWN)
    root = ws.call("DOM.getDocument")["root"]["nodeId"]
    node = ws.call("DOM.querySelector", nodeId=root, selector="#file")["nodeId"]
    ws.call("DOM.setFileInputFiles", files=[path], nodeId=node)
    got = wait_for(ws, "document.querySelectorAll('#segments .seg').length === 2 && "
                       "[...document.querySelectorAll('#downloads button')].some(b => b.textContent.includes('(.md)'))")
    if not got:
        fail("the Markdown file was not read: %s" % evaluate(ws, "document.getElementById('translate-status').textContent"))
    ru = evaluate(ws, "(document.querySelector('#segments .seg textarea[lang=ru]') || {}).value")
    if ru != EXACT_RU[0]:
        fail("the Markdown heading's exact match is not in its editor: %r" % ru)
    # The draft as the page asks for it, in the document's format.
    draft = evaluate(ws, """(async () => {
        const r = await fetch('/api/draft', {method: 'POST', credentials: 'same-origin',
          headers: {'Content-Type': 'application/json'},
          body: JSON.stringify({document: current.document.id, to: 'ru'})});
        return r.status + ' ' + await r.text(); })()""")
    if not draft.startswith("200 # " + EXACT_RU[0]) or "[[en: Editors can book" not in draft:
        fail("the Markdown draft is not the expected one: %r" % draft)


def check_search(ws):
    evaluate(ws, "document.getElementById('tab-search').click()")
    evaluate(ws, "document.getElementById('phrase').value = '3 June 2026'")
    evaluate(ws, "document.getElementById('search-form').requestSubmit()")
    got = wait_for(ws, "document.querySelectorAll('#search-list dd.text-ru mark').length >= 2 && "
                       "document.querySelectorAll('#search-list dd.text-kk mark').length >= 2")
    if not got:
        fail("search did not mark the date in Russian and Kazakh: %s" % evaluate(ws, "document.getElementById('search-list').innerHTML"))


def check_review(ws):
    evaluate(ws, "document.getElementById('tab-review').click()")
    if not wait_for(ws, "document.querySelectorAll('#review-list .merge-next').length >= 2"):
        fail("Review shows no merge buttons: %s" % evaluate(ws, "document.getElementById('review-status').textContent"))
    click(ws, "#review-list li.unit .merge-next")
    merged = "Студия открывается в девять. Запись бесплатная. Запись бесплатная."
    if not wait_for(ws, "[...document.querySelectorAll('#review-list textarea[lang=ru]')].some(t => t.value === %s)"
                        % json.dumps(merged)):
        fail("merging did not show the merged unit")
    if evaluate(ws, "document.querySelectorAll('#review-list li.unit').length") != 1:
        fail("the unit merged in is still listed")
    click(ws, "#review-list li.unit .split")
    if not wait_for(ws, "document.querySelectorAll('#review-list .splitform select').length === 3"):
        fail("the split form did not open")
    # Keep both Russian sentences: the second one was a repeat.
    evaluate(ws, "(() => { const s = document.querySelector('#review-list .splitform select[id$=-ru]'); s.value = '2'; })()")
    click(ws, "#review-list .splitform button")
    if not wait_for(ws, "[...document.querySelectorAll('#review-list textarea[lang=en]')].some(t => t.value === 'Recording is free.')"):
        fail("splitting did not show the two units: %s" % evaluate(ws, "document.getElementById('review-list').textContent"))


def dump_dom(chromium, url, work):
    address = url + "?token=" + TOKEN + "#text=" + urllib.parse.quote(NEW)
    out = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          "--user-data-dir=" + os.path.join(work, "profile2"),
                          "--virtual-time-budget=8000", "--dump-dom", address],
                         capture_output=True, text=True, timeout=120).stdout
    for want in EXACT_RU:
        if ('<dd lang="ru" class="target-ru">%s</dd>' % want) not in out:
            fail("--dump-dom: the stored Russian %r is not on the page" % want)
    if out.count('class="score s100" title="score">100<') < 2:
        fail("--dump-dom: the exact matches do not show 100")
    if "&lt;script&gt;window.__pwned" not in out:
        fail("--dump-dom: the markup of the release is not escaped text")
    print("--dump-dom: /#text=… filled and submitted by the page's script; same results")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tm", default="target/debug/tm")
    ap.add_argument("--chromium")
    ap.add_argument("--shots", help="write screenshots at 1280 px and 390 px here")
    args = ap.parse_args()
    chromium = find_chromium(args.chromium)
    if not chromium:
        print("page check: no chromium found", file=sys.stderr)
        sys.exit(2)
    work = tempfile.mkdtemp(prefix="tm-page-check-")
    server, url = start_server(os.path.abspath(args.tm), work)
    try:
        drive(chromium, url, args.shots, work)
        dump_dom(chromium, url, work)
    finally:
        server.terminate()
        try:
            code = server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            fail("tm serve did not stop on SIGTERM")
        shutil.rmtree(work, ignore_errors=True)
    if code != 0:
        fail("tm serve exited with %s after SIGTERM" % code)
    print("page check passed")


if __name__ == "__main__":
    main()
