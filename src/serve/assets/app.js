// The page of `tm serve`: Translate, Review, Search over the JSON API.
// Every piece of data goes into the page as text (el() and textContent),
// never as markup, so a release holding <script> is shown, not run.
"use strict";

const LANGS = ["en", "ru", "kk"];
const NAMES = { en: "English", ru: "Russian", kk: "Kazakh" };
const DRAFT_MIN = 75;

// ---- small helpers ------------------------------------------------------

/** An element with attributes and children (strings become text nodes). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v === null || v === undefined) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k === "value") node.value = v;
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return node;
}

const $ = (id) => document.getElementById(id);

function say(id, text, bad) {
  const node = $(id);
  node.textContent = text;
  node.classList.toggle("bad", Boolean(bad));
}

/** Calls the API; resolves to the JSON answer or throws its error message. */
async function api(path, body) {
  const init = { credentials: "same-origin", headers: {} };
  if (body !== undefined) {
    init.method = "POST";
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const res = await fetch(path, init);
  let data = null;
  try { data = await res.json(); } catch (_) { data = null; }
  if (!res.ok) {
    const why = data && data.error ? data.error : res.status + " " + res.statusText;
    throw new Error(why);
  }
  return data;
}

/** Text pieces of `text` with the UTF-8 byte ranges `spans` marked. */
function marked(text, spans) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const out = [];
  let at = 0;
  for (const [s, e] of spans) {
    if (s < at || e > bytes.length) continue;
    out.push(dec.decode(bytes.slice(at, s)));
    out.push(el("mark", {}, dec.decode(bytes.slice(s, e))));
    at = e;
  }
  out.push(dec.decode(bytes.slice(at)));
  return out;
}

function scoreClass(score) {
  if (score >= 100) return "s100";
  if (score >= 95) return "s95";
  if (score >= 85) return "s85";
  if (score >= 75) return "s75";
  return "s50";
}

async function refreshStats() {
  try {
    const s = await api("/api/stats");
    $("stats").textContent = s.units + " units · " + s.releases.length + " releases · " + s.doubtful + " doubtful";
  } catch (e) {
    $("stats").textContent = e.message;
  }
}

// ---- tabs ---------------------------------------------------------------

const TABS = ["translate", "review", "search"];

function showTab(name, focus) {
  for (const t of TABS) {
    const on = t === name;
    const tab = $("tab-" + t);
    tab.setAttribute("aria-selected", on ? "true" : "false");
    tab.tabIndex = on ? 0 : -1;
    $(t).hidden = !on;
    if (on && focus) tab.focus();
  }
  if (name === "review" && !$("review-list").childElementCount) loadReview();
}

function setupTabs() {
  TABS.forEach((t, i) => {
    const tab = $("tab-" + t);
    tab.addEventListener("click", () => showTab(t, false));
    tab.addEventListener("keydown", (ev) => {
      const step = ev.key === "ArrowRight" ? 1 : ev.key === "ArrowLeft" ? -1 : 0;
      if (step) {
        ev.preventDefault();
        showTab(TABS[(i + step + TABS.length) % TABS.length], true);
      }
    });
  });
}

// ---- Translate ------------------------------------------------------------

/** The last answer, the text it was for, and the editors per segment. */
let current = null;

async function translate(ev) {
  if (ev) ev.preventDefault();
  const text = $("release").value;
  if (!text.trim()) {
    say("translate-status", "The release is empty: paste a text or drop a .txt file.", true);
    return;
  }
  const body = { text, top: 3, min: Number($("min").value || 50) };
  if ($("from").value !== "auto") body.from = $("from").value;
  say("translate-status", "Looking for matches…");
  $("submit").disabled = true;
  try {
    const data = await api("/api/suggest", body);
    render(text, data);
    const n = data.segments.length;
    say("translate-status", n + (n === 1 ? " segment" : " segments") + ", read as " + NAMES[data.source_language] + ".");
  } catch (e) {
    say("translate-status", e.message, true);
  } finally {
    $("submit").disabled = false;
  }
}

function render(text, data, file) {
  const from = data.source_language;
  const to = LANGS.filter((l) => l !== from);
  const doc = data.document ? { id: data.document.id, name: data.document.name, format: data.document.format, file } : null;
  current = { text, data, from, to, editors: [], document: doc };
  renderBands(data.summary.bands);
  renderDownloads();
  const list = $("segments");
  list.replaceChildren();
  for (const seg of data.segments) list.append(renderSegment(seg));
  $("results").hidden = false;
  say("store-status", "");
}

function renderBands(bands) {
  const total = bands.reduce((n, b) => n + b.words, 0) || 1;
  const body = $("bands-table").tBodies[0];
  body.replaceChildren();
  for (const b of bands) {
    const pct = Math.round((100 * b.words) / total);
    const bar = el("span", { class: "bar band-" + b.band.replace(/[^a-z0-9]/gi, "") });
    bar.style.width = pct + "%"; // a property, not an attribute: the CSP forbids inline styles
    body.append(el("tr", {},
      el("th", { scope: "row" }, b.band),
      el("td", { class: "barcell" }, bar),
      el("td", { class: "num" }, b.segments + " seg."),
      el("td", { class: "num" }, b.words + " words")));
  }
}

function renderDownloads() {
  const box = $("downloads");
  box.replaceChildren();
  for (const l of current.to) {
    if (current.document) {
      box.append(el("button", { type: "button", class: "primary", onclick: () => downloadDocument(l) },
        "Download " + NAMES[l] + " draft (." + current.document.format + ")"));
    }
    box.append(el("button", { type: "button", onclick: () => download(l) }, "Download " + NAMES[l] + " draft (.txt)"));
  }
}

function renderSegment(seg) {
  const best = seg.matches[0];
  const status = !best ? "no match" : best.score >= 100 ? "exact" : "best " + best.score;
  const editors = {};
  const edit = el("div", { class: "editors" });
  for (const l of current.to) {
    const start = best && best.score >= DRAFT_MIN && best.targets[l] ? best.targets[l] : "";
    const id = "ed-" + seg.index + "-" + l;
    const area = el("textarea", { id, rows: 3, lang: l, value: start, "aria-label": NAMES[l] + " of segment " + (seg.index + 1) });
    // The score of the match the text came from; a person's edit is 100.
    area.dataset.score = start ? String(best.score) : "100";
    area.addEventListener("input", () => { area.dataset.score = "100"; });
    editors[l] = area;
    edit.append(el("label", { for: id, class: "lang" }, NAMES[l]), area);
  }
  current.editors[seg.index] = editors;
  const matches = el("ol", { class: "matches" });
  if (!seg.matches.length) matches.append(el("li", { class: "none" }, "No match in the memory."));
  seg.matches.forEach((m, i) => matches.append(renderMatch(seg, m, i, editors)));
  return el("li", { class: "seg", id: "seg-" + seg.index },
    el("div", { class: "source" },
      el("p", { class: "segtext", lang: current.from },
        el("span", { class: "idx" }, String(seg.index + 1)), seg.text),
      el("p", { class: "segstatus " + (best ? scoreClass(best.score) : "s0") }, status),
      matches),
    edit);
}

function renderMatch(seg, m, i, editors) {
  const diff = el("p", { class: "diff", lang: current.from });
  for (const p of m.diff_words || []) {
    const tag = p.op === "removed" ? "del" : p.op === "added" ? "ins" : "span";
    diff.append(el(tag, {}, p.text), " ");
  }
  const targets = el("dl", { class: "targets" });
  for (const l of current.to) {
    if (m.targets[l] === undefined) continue;
    const adapted = (m.adapted || []).includes(l);
    targets.append(el("dt", {}, l, adapted ? el("span", { class: "tag" }, "adapted") : null),
      el("dd", { lang: l, class: "target-" + l }, m.targets[l]));
  }
  const checks = el("ul", { class: "checks" });
  for (const [l, reasons] of Object.entries(m.check || {})) {
    for (const r of reasons) checks.append(el("li", {}, el("b", {}, l + ": "), r));
  }
  const use = el("button", {
    type: "button",
    class: "use",
    onclick: () => {
      for (const l of current.to) {
        if (m.targets[l] === undefined) continue;
        editors[l].value = m.targets[l];
        editors[l].dataset.score = String(m.score);
      }
      editors[current.to[0]].focus();
    },
  }, "Use match " + (i + 1));
  return el("li", { class: "match" },
    el("div", { class: "matchhead" },
      el("span", { class: "score " + scoreClass(m.score), title: "score" }, String(m.score)),
      m.doubtful ? el("span", { class: "tag warn" }, "doubtful unit") : null,
      use),
    diff, targets, checks.childElementCount ? checks : null);
}

/** The draft in `lang`: the release with each segment replaced by its edit. */
function draftText(lang) {
  const bytes = new TextEncoder().encode(current.text);
  const dec = new TextDecoder();
  const out = [];
  let at = 0;
  for (const seg of current.data.segments) {
    out.push(dec.decode(bytes.slice(at, seg.start)));
    const t = current.editors[seg.index][lang].value.trim();
    out.push(t ? t : "[[" + current.from + ": " + seg.text + "]]");
    at = seg.end;
  }
  out.push(dec.decode(bytes.slice(at)));
  return out.join("");
}

function download(lang) {
  const blob = new Blob([draftText(lang)], { type: "text/plain;charset=utf-8" });
  const name = ($("store-id").value.trim() || "release").replace(/[^\w.-]+/g, "-");
  save(blob, name + "." + lang + ".txt");
}

function save(blob, name) {
  const a = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
}

/** Sends a Word, HTML or Markdown file; resolves to the suggestions. */
async function uploadDocument(file) {
  const form = new FormData();
  form.append("file", file, file.name);
  if ($("from").value !== "auto") form.append("from", $("from").value);
  form.append("min", String(Number($("min").value || 50)));
  form.append("top", "3");
  const res = await fetch("/api/suggest/document", { method: "POST", body: form, credentials: "same-origin" });
  let data = null;
  try { data = await res.json(); } catch (_) { data = null; }
  if (!res.ok) throw new Error(data && data.error ? data.error : res.status + " " + res.statusText);
  return data;
}

/** The draft in `lang` in the document's own format, with the editors' texts. */
async function downloadDocument(lang) {
  const doc = current.document;
  const choices = current.data.segments.map((seg) => {
    const area = current.editors[seg.index][lang];
    return { index: seg.index, text: area.value.trim(), score: Number(area.dataset.score || 100) };
  });
  say("store-status", "Writing the " + NAMES[lang] + " draft…");
  const ask = () => fetch("/api/draft", {
    method: "POST", credentials: "same-origin",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ document: doc.id, to: lang, choices }),
  });
  try {
    let res = await ask();
    if (res.status === 404 && doc.file) {
      // The server let the document go: send it again, keep the editors.
      doc.id = (await uploadDocument(doc.file)).document.id;
      res = await ask();
    }
    if (!res.ok) {
      let why = res.status + " " + res.statusText;
      try { why = (await res.json()).error || why; } catch (_) { /* not JSON */ }
      throw new Error(why);
    }
    const base = doc.name.replace(/\.[^.]*$/, "").replace(new RegExp("\\." + current.from + "$"), "");
    save(await res.blob(), base + "." + lang + "." + doc.format);
    say("store-status", NAMES[lang] + " draft downloaded.");
  } catch (e) {
    say("store-status", e.message, true);
  }
}

async function store() {
  if (!current) return;
  const texts = { en: [], ru: [], kk: [] };
  for (const seg of current.data.segments) {
    const line = (s) => s.replace(/\s+/g, " ").trim();
    texts[current.from].push(line(seg.text));
    for (const l of current.to) texts[l].push(line(current.editors[seg.index][l].value) || "-");
  }
  if (texts.en.some((t) => t === "-")) {
    say("store-status", "Every segment needs its English text before the translation can be stored.", true);
    return;
  }
  const body = { en: texts.en.join("\n"), paired: true };
  for (const l of ["ru", "kk"]) if (texts[l].some((t) => t !== "-")) body[l] = texts[l].join("\n");
  const id = $("store-id").value.trim();
  if (id) body.id = id;
  say("store-status", "Storing…");
  try {
    const r = await api("/api/add", body);
    say("store-status", "Stored as " + r.release + ": " + r.added + " units added, " + r.duplicates + " already there, " + r.alternatives + " alternative translations.");
    refreshStats();
  } catch (e) {
    say("store-status", e.message, true);
  }
}

function setupTranslate() {
  $("translate-form").addEventListener("submit", translate);
  $("release").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      $("translate-form").requestSubmit();
    }
  });
  $("store").addEventListener("click", store);
  const take = async (file) => {
    if (!file) return;
    if (file.size > 4 * 1024 * 1024) {
      say("translate-status", file.name + ": too large (the limit is 4 MB)", true);
      return;
    }
    if (/\.(docx?|html?|xhtml|md|markdown)$/i.test(file.name)) {
      say("translate-status", "Reading " + file.name + " and looking for matches…");
      $("submit").disabled = true;
      try {
        const data = await uploadDocument(file);
        $("release").value = data.document.text;
        render(data.document.text, data, file);
        if (!$("store-id").value) $("store-id").value = file.name.replace(/(\.(en|ru|kk))?\.[^.]+$/i, "");
        const n = data.segments.length;
        say("translate-status", file.name + ": " + n + (n === 1 ? " segment" : " segments") + ", read as " + NAMES[data.source_language] + ".");
      } catch (e) {
        say("translate-status", e.message, true);
      } finally {
        $("submit").disabled = false;
      }
      return;
    }
    $("release").value = await file.text();
    if (!$("store-id").value) $("store-id").value = file.name.replace(/(\.(en|ru|kk))?\.txt$/i, "");
    say("translate-status", file.name + " loaded.");
  };
  $("file").addEventListener("change", (ev) => take(ev.target.files[0]));
  const area = $("release");
  area.addEventListener("dragover", (ev) => { ev.preventDefault(); area.classList.add("drop"); });
  area.addEventListener("dragleave", () => area.classList.remove("drop"));
  area.addEventListener("drop", (ev) => {
    ev.preventDefault();
    area.classList.remove("drop");
    take(ev.dataTransfer.files[0]);
  });
}

// ---- Review ---------------------------------------------------------------

async function loadReview(ev) {
  if (ev) ev.preventDefault();
  const release = $("review-release").value.trim();
  const list = $("review-list");
  say("review-status", "Loading…");
  try {
    const data = await api("/api/review" + (release ? "?release=" + encodeURIComponent(release) : ""));
    list.replaceChildren(...data.units.map(renderReviewUnit));
    const n = data.units.length;
    say("review-status", n ? n + (n === 1 ? " doubtful unit" : " doubtful units") + " to check." : "No doubtful units.");
  } catch (e) {
    list.replaceChildren();
    say("review-status", e.message, true);
  }
}

function unitHead(u) {
  const where = [u.release, u.position !== undefined ? "#" + u.position : null].filter((x) => x !== null && x !== undefined).join(" ");
  return el("p", { class: "unithead" },
    el("code", {}, u.id), " ", where, " · ", (u.changed || "").slice(0, 10),
    u.confidence !== undefined ? " · confidence " + Number(u.confidence).toFixed(2) : "",
    u.doubtful ? el("span", { class: "tag warn" }, "doubtful") : null);
}

function renderReviewUnit(u) {
  const areas = {};
  const cols = el("div", { class: "cols" });
  for (const l of LANGS) {
    const id = "rv-" + u.id + "-" + l;
    areas[l] = el("textarea", { id, rows: 4, lang: l, value: u[l] || "" });
    cols.append(el("div", { class: "col" }, el("label", { for: id, class: "lang" }, NAMES[l]), areas[l]));
  }
  const status = el("p", { class: "status", role: "status" });
  const item = el("li", { class: "unit", "data-id": u.id }, unitHead(u), cols);
  const done = (text) => {
    status.textContent = text;
    item.classList.add("done");
    for (const b of item.querySelectorAll("button")) b.disabled = true;
    refreshStats();
  };
  const fail = (e) => { status.textContent = e.message; status.classList.add("bad"); };
  const accept = el("button", {
    type: "button", class: "primary",
    onclick: () => api("/api/review/accept", { ids: [u.id] }).then(() => done("Accepted."), fail),
  }, "Accept as it is");
  const save = el("button", {
    type: "button",
    onclick: () => {
      const body = { accept: true };
      for (const l of LANGS) {
        const v = areas[l].value.trim();
        if (v && v !== (u[l] || "")) body[l] = v;
      }
      api("/api/units/" + encodeURIComponent(u.id), body).then(() => done("Corrected and accepted."), fail);
    },
  }, "Save corrections and accept");
  const regroup = [];
  if (u.release !== undefined && u.position !== undefined) {
    const merge = (side) => api("/api/units/" + encodeURIComponent(u.id) + "/merge", { with: side })
      .then((r) => {
        const merged = renderReviewUnit(r.unit);
        merged.querySelector(".status").textContent = "Merged with " + r.removed + ".";
        item.replaceWith(merged);
        // The unit merged in is gone: so is its entry, if it was listed.
        for (const gone of $("review-list").querySelectorAll("li.unit")) {
          if (gone.dataset.id === r.removed) gone.remove();
        }
        refreshStats();
      }, fail);
    if (u.position > 0) regroup.push(el("button", { type: "button", class: "merge-previous", onclick: () => merge("previous") }, "Merge with previous unit"));
    regroup.push(el("button", { type: "button", class: "merge-next", onclick: () => merge("next") }, "Merge with next unit"));
  }
  regroup.push(el("button", { type: "button", class: "split", onclick: () => openSplit(u, item, fail) }, "Split…"));
  item.append(el("div", { class: "row" }, accept, save, ...regroup), status);
  return item;
}

/** A form under the unit: per language, after which sentence to split. */
async function openSplit(u, item, fail) {
  if (item.querySelector(".splitform")) return;
  const form = el("div", { class: "splitform row" });
  const picks = {};
  try {
    for (const l of LANGS) {
      if (!u[l]) continue;
      const segs = (await api("/api/segment", { text: u[l], lang: l })).segments;
      const id = "sp-" + u.id + "-" + l;
      const select = el("select", { id });
      segs.forEach((s, i) => {
        const short = s.text.length > 50 ? s.text.slice(0, 50) + "…" : s.text;
        select.append(el("option", { value: String(i + 1) }, "after " + (i + 1) + ": " + short));
      });
      select.append(el("option", { value: "0" }, "none of it stays (all moves to the new unit)"));
      select.value = segs.length > 1 ? "1" : String(segs.length);
      picks[l] = select;
      form.append(el("label", { class: "field", for: id }, NAMES[l] + " splits", select));
    }
  } catch (e) {
    fail(e);
    return;
  }
  const go = el("button", {
    type: "button", class: "primary",
    onclick: () => {
      const at = {};
      for (const [l, sel] of Object.entries(picks)) at[l] = Number(sel.value);
      api("/api/units/" + encodeURIComponent(u.id) + "/split", { at }).then((r) => {
        const parts = r.units.map(renderReviewUnit);
        parts[0].querySelector(".status").textContent = "Split; the rest is the new unit " + r.new_id + ".";
        item.replaceWith(...parts);
        refreshStats();
      }, fail);
    },
  }, "Split here");
  form.append(go);
  item.append(form);
  form.querySelector("select").focus();
}

// ---- Search ---------------------------------------------------------------

async function search(ev) {
  if (ev) ev.preventDefault();
  const q = $("phrase").value.trim();
  if (!q) return;
  let path = "/api/concord?q=" + encodeURIComponent(q) + "&top=50";
  if ($("search-lang").value !== "auto") path += "&lang=" + $("search-lang").value;
  say("search-status", "Searching…");
  try {
    const data = await api(path);
    const lang = data.language;
    $("search-list").replaceChildren(...data.hits.map((h) => {
      const texts = el("dl", { class: "targets" });
      for (const l of [lang, ...LANGS.filter((x) => x !== lang)]) {
        if (h[l] === undefined) continue;
        const spans = l === lang ? h.matches : (h.aligned || {})[l];
        texts.append(el("dt", {}, l), el("dd", { lang: l, class: "text-" + l }, spans ? marked(h[l], spans) : h[l]));
      }
      return el("li", { class: "unit" }, unitHead(h), texts);
    }));
    const n = data.hits.length;
    say("search-status", n
      ? n + (n === 1 ? " unit has" : " units have") + " “" + q + "” in " + NAMES[lang] + (data.more ? " (the newest 50 shown)" : "") + "."
      : "No unit has “" + q + "” in its " + NAMES[lang] + " text.");
  } catch (e) {
    $("search-list").replaceChildren();
    say("search-status", e.message, true);
  }
}

// ---- start ----------------------------------------------------------------

/** `#text=…` fills the release and finds its matches; `#tab=review`, `#q=…`. */
function fromAddress() {
  const hash = location.hash.slice(1);
  if (!hash) return;
  const params = new URLSearchParams(hash);
  if (params.has("text")) {
    showTab("translate", false);
    $("release").value = params.get("text");
    if (params.has("from")) $("from").value = params.get("from");
    $("translate-form").requestSubmit();
  } else if (params.has("q")) {
    showTab("search", false);
    $("phrase").value = params.get("q");
    $("search-form").requestSubmit();
  } else if (params.get("tab") && TABS.includes(params.get("tab"))) {
    showTab(params.get("tab"), false);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  setupTabs();
  setupTranslate();
  $("review-form").addEventListener("submit", loadReview);
  $("search-form").addEventListener("submit", search);
  refreshStats();
  fromAddress();
});
