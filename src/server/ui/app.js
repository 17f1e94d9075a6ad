// warta's web UI: plain JavaScript over the JSON API (/api/…), no framework,
// nothing from another host. The URL holds the whole state (view, query,
// filters, page, language), so a page can be bookmarked, shared and walked
// back. Article text only ever reaches the page as text nodes
// (textContent, createTextNode): never as HTML.
"use strict";

// The facets, from the server's facet table (data in the page, never run):
// name, API parameter, labels, whether every endpoint takes its filter and
// whether it has a panel.
const FACET_TABLE = JSON.parse(document.getElementById("facet-table").textContent);
const FILTERS = FACET_TABLE.filter((f) => f.shared).map((f) => f.param);
const FACETS = FACET_TABLE.filter((f) => f.panel);
// Facets a hit and the article page show from their table row (a list of values under the facet's name).
const SHOWN = FACET_TABLE.filter((f) => f.values);

const LABELS = {
  id: {
    search: "Cari", results: "Hasil", timeline: "Perhatian dari waktu ke waktu", lang: "English",
    placeholder: "mis. klaim JHT, \"jaminan hari tua\", JKP OR JKK, -PHK",
    year: "Tahun",
    found: (n) => `${n.toLocaleString("id-ID")} artikel`, stories: (n) => `${n.toLocaleString("id-ID")} berita`,
    none: "Tidak ada artikel yang cocok.", prev: "‹ Sebelumnya", next: "Berikutnya ›",
    copies: (n) => `${n} salinan`, exportCsv: "Ekspor CSV", exportJsonl: "Ekspor JSONL",
    topWords: "Kata teratas", remove: "hapus filter", sortBy: "Urutkan", relevance: "relevansi", date: "tanggal",
    back: "‹ Kembali", source_: "Sumber", dateL: "Tanggal", dateline: "Dateline", byline: "Penulis", url: "URL",
    provinces: "Provinsi", cities: "Kota", officials: "Pejabat", programs: "Program", quotes: "Kutipan",
    figures: "Angka", body: "Isi", queries: "Kueri (satu seri per kueri)", addQuery: "+ kueri",
    by: "Per", day: "hari", week: "minggu", month: "bulan", yearP: "tahun", count: "jumlah", share: "pangsa",
    draw: "Gambar", downloadCsv: "Unduh CSV", period: "Periode", all: "semua artikel",
    dedup: "Hitung berita, bukan salinan",
    outside: (q, u, c) => `${q}: ${u} tanpa tanggal, ${c} bertanggal tahun atau bulan saja (tidak di periode mana pun)`,
    help: "Sintaks kueri",
    helpText: [
      ["klaim JHT", "semua kata (melindungi juga menemukan perlindungan)"],
      ["\"jaminan hari tua\"", "frasa persis"],
      ["JKP OR JKK", "salah satu"],
      ["-PHK", "tanpa kata ini"],
      ["klaim*", "awalan"],
      ["province:Bali program:JHT", "filter di dalam kueri"],
    ],
  },
  en: {
    search: "Search", results: "Results", timeline: "Attention over time", lang: "Bahasa Indonesia",
    placeholder: "e.g. klaim JHT, \"jaminan hari tua\", JKP OR JKK, -PHK",
    year: "Year",
    found: (n) => `${n.toLocaleString("en")} articles`, stories: (n) => `${n.toLocaleString("en")} stories`,
    none: "No article matches.", prev: "‹ Previous", next: "Next ›",
    copies: (n) => `${n} copies`, exportCsv: "Export CSV", exportJsonl: "Export JSONL",
    topWords: "Top words", remove: "remove filter", sortBy: "Sort by", relevance: "relevance", date: "date",
    back: "‹ Back", source_: "Source", dateL: "Date", dateline: "Dateline", byline: "Byline", url: "URL",
    provinces: "Provinces", cities: "Cities", officials: "Officials", programs: "Programmes", quotes: "Quotes",
    figures: "Figures", body: "Text", queries: "Queries (one series each)", addQuery: "+ query",
    by: "By", day: "day", week: "week", month: "month", yearP: "year", count: "count", share: "share",
    draw: "Draw", downloadCsv: "Download CSV", period: "Period", all: "all articles",
    dedup: "Count stories, not copies",
    outside: (q, u, c) => `${q}: ${u} undated, ${c} dated only to the month or year (in no period)`,
    help: "Query syntax",
    helpText: [
      ["klaim JHT", "all the words (melindungi also finds perlindungan)"],
      ["\"jaminan hari tua\"", "exact phrase"],
      ["JKP OR JKK", "either"],
      ["-PHK", "without this word"],
      ["klaim*", "prefix"],
      ["province:Bali program:JHT", "filters inside the query"],
    ],
  },
};

// A facet's label, by its name and by its parameter (filter chips).
for (const f of FACET_TABLE) {
  for (const key of [f.name, f.param]) {
    LABELS.id[key] = f.label.id;
    LABELS.en[key] = f.label.en;
  }
}

const $ = (id) => document.getElementById(id);

function state() {
  return new URLSearchParams(location.search);
}

function lang() {
  return state().get("lang") === "en" ? "en" : "id";
}

function t(key, ...args) {
  const v = LABELS[lang()][key];
  return typeof v === "function" ? v(...args) : v;
}

// An element with attributes and children (strings become text nodes).
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  for (const c of children.flat()) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

// Navigates to a new state (pushed on the history, so Back works).
function go(params, replace) {
  const url = "?" + params.toString();
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  render();
}

function withParams(change) {
  const p = state();
  change(p);
  return p;
}

// The API parameters of the current state: the query and its filters.
function selection(p, keys) {
  const out = new URLSearchParams();
  for (const [k, v] of p) if (keys.includes(k) && v !== "") out.append(k, v);
  return out;
}
const SELECT = ["q", ...FILTERS, "from", "to", "dedup"];

async function api(path, params) {
  const response = await fetch(`/api/${path}?${params.toString()}`, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const e = body.error || {};
    throw new Error((e.parameter ? `${e.parameter}: ` : "") + (e.message || response.statusText));
  }
  return body;
}

function showError(e) {
  const box = $("error");
  box.hidden = !e;
  box.textContent = e ? String(e.message || e) : "";
}

// Text with highlighted character ranges ([start, end) in Unicode characters).
function highlighted(text, ranges) {
  const chars = Array.from(text);
  const out = [];
  let at = 0;
  for (const [start, end] of ranges || []) {
    if (start < at) continue;
    out.push(chars.slice(at, start).join(""));
    out.push(el("mark", {}, chars.slice(start, end).join("")));
    at = end;
  }
  out.push(chars.slice(at).join(""));
  return out;
}

function chips(p) {
  const box = $("chips");
  box.replaceChildren();
  const remove = (key, value) => () =>
    go(withParams((q) => {
      const kept = q.getAll(key).filter((v) => v !== value);
      q.delete(key);
      kept.forEach((v) => q.append(key, v));
      q.delete("offset");
    }));
  for (const key of [...FILTERS, "from", "to"]) {
    for (const value of p.getAll(key)) {
      if (!value) continue;
      const name = key === "from" || key === "to" ? `${t("year")} ${key}` : t(key);
      box.append(el("span", { class: "chip", "data-filter": key },
        `${name}: ${value}`,
        el("button", { type: "button", "aria-label": `${t("remove")} ${value}`, title: t("remove"), onclick: remove(key, value) }, "×")));
    }
  }
}

function facetPanel(name, values, more, onPick) {
  if (!values || !values.length) return null;
  return el("section", { class: "facet", "data-facet": name },
    el("h3", {}, t(name)),
    el("ul", {}, values.map((v) =>
      el("li", {}, el("button", { type: "button", "data-value": v.value, onclick: () => onPick(v.value) },
        el("span", {}, v.value), el("span", { class: "count" }, v.count.toLocaleString())))),
      more ? el("li", { class: "count" }, `+${more}`) : null));
}

function addFilter(key, value) {
  go(withParams((p) => {
    if (!p.getAll(key).includes(value)) p.append(key, value);
    p.delete("offset");
  }));
}

function exportLink(p, format) {
  const params = selection(p, [...SELECT, "sort"]);
  params.set("format", format);
  // A byte order mark, so that Excel reads the CSV as UTF-8.
  if (format === "csv") params.set("bom", "true");
  return el("a", { href: `/api/export?${params}`, download: `warta.${format}`, class: "export", "data-format": format },
    format === "csv" ? t("exportCsv") : t("exportJsonl"));
}

async function renderSearch(p) {
  const content = $("content");
  const facets = $("facets");
  const params = selection(p, [...SELECT, "sort", "offset", "match"]);
  params.set("limit", "20");
  const [r, years, terms] = await Promise.all([
    api("search", params),
    api("facets", withSel(p, "by", "year")).catch(() => null),
    api("terms", withSel(p, "top", "15")).catch(() => null),
  ]);
  const panels = FACETS.map((f) =>
    facetPanel(f.name, r.facets[f.name], r.facets_more[f.name], (v) => addFilter(f.param, v)));
  const yearPanel = years && facetPanel("year", years.year, 0, (y) =>
    go(withParams((q) => { q.set("from", y); q.set("to", y); q.delete("offset"); })));
  facets.replaceChildren(...panels.filter(Boolean), yearPanel || "");
  const offset = Number(p.get("offset") || 0);
  const sort = el("select", { "aria-label": t("sortBy"), onchange: (e) => go(withParams((q) => { q.set("sort", e.target.value); q.delete("offset"); })) },
    ["relevance", "date"].map((s) => el("option", { value: s, selected: (p.get("sort") || "relevance") === s }, t(s))));
  const dedup = el("label", {}, el("input", { type: "checkbox", checked: p.get("dedup") === "true",
    onchange: (e) => go(withParams((q) => { if (e.target.checked) q.set("dedup", "true"); else q.delete("dedup"); q.delete("offset"); })) }), " ", t("dedup"));
  const summary = el("div", { class: "summary" },
    el("strong", { id: "total", "data-total": r.total }, r.counting === "stories" ? t("stories", r.total) : t("found", r.total)),
    sort, dedup, exportLink(p, "csv"), exportLink(p, "jsonl"));
  const hits = r.hits.map((h) => el("article", { class: "hit", "data-id": h.id },
    el("h2", {}, el("a", { href: "?" + withParams((q) => { q.set("view", "article"); q.set("id", h.id); }), onclick: (e) => { e.preventDefault(); go(withParams((q) => { q.set("view", "article"); q.set("id", h.id); })); } }, h.title || h.id)),
    el("div", { class: "meta" }, [h.source, h.date, (h.provinces || []).map((x) => x.name).join(", "), (h.programs || []).join(" "),
      ...SHOWN.map((f) => (h[f.name] || []).length ? `${t(f.name)}: ${h[f.name].join(", ")}` : null),
      h.copies ? t("copies", h.copies) : null].filter(Boolean).join(" · ")),
    (h.snippets || []).map((s) => el("p", { class: "snippet" }, highlighted(s.text, s.highlights)))));
  const pager = el("div", { class: "pager" },
    offset > 0 ? el("button", { type: "button", onclick: () => go(withParams((q) => q.set("offset", Math.max(0, offset - 20)))) }, t("prev")) : null,
    offset + 20 < r.total ? el("button", { type: "button", onclick: () => go(withParams((q) => q.set("offset", offset + 20))) }, t("next")) : null);
  const words = terms && terms.terms.length ? el("section", { class: "topwords" }, el("h3", {}, t("topWords")),
    el("div", { class: "terms" }, terms.terms.map((w) => el("button", { type: "button", title: String(w.count), onclick: () => go(withParams((q) => { q.set("q", ((q.get("q") || "") + " " + w.term).trim()); q.delete("offset"); })) }, w.term)))) : null;
  content.replaceChildren(summary, r.hits.length ? "" : el("p", {}, t("none")), ...hits, pager, words || "");
}

function withSel(p, key, value) {
  const params = selection(p, SELECT);
  params.set(key, value);
  return params;
}

async function renderArticle(p) {
  const a = await api(`articles/${encodeURIComponent(p.get("id") || "")}`, new URLSearchParams());
  $("facets").replaceChildren();
  const row = (label, value) => (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length))
    ? [] : [el("dt", {}, label), el("dd", {}, Array.isArray(value) ? value.join(", ") : String(value))];
  const back = el("button", { type: "button", onclick: () => history.length > 1 ? history.back() : go(withParams((q) => { q.delete("view"); q.delete("id"); })) }, t("back"));
  $("content").replaceChildren(el("div", { class: "article" }, back,
    el("h1", { id: "article-title" }, a.title || a.id),
    el("dl", {},
      row(t("source_"), a.source), row(t("dateL"), a.date), row(t("dateline"), a.dateline),
      row(t("byline"), (a.byline || []).map((b) => `${b.name} (${b.role})`)),
      row(t("provinces"), (a.provinces || []).map((x) => x.name)), row(t("cities"), a.cities), row(t("org"), a.offices),
      row(t("officials"), (a.officials || []).map((o) => [o.name, o.role, o.organization].filter(Boolean).join(" — "))),
      row(t("programs"), a.programs), ...SHOWN.map((f) => row(t(f.name), a[f.name])),
      row(t("url"), a.url), row("id", a.id)),
    (a.quotes || []).length ? [el("h2", {}, t("quotes")), a.quotes.map((q) => el("blockquote", {}, el("p", {}, q.text), el("footer", { class: "meta" }, q.speaker)))] : [],
    (a.figures || []).length ? [el("h2", {}, t("figures")), el("ul", {}, a.figures.map((f) => el("li", {}, el("strong", {}, f.text), " ", el("span", { class: "meta" }, f.sentence))))] : [],
    el("h2", {}, t("body")),
    el("div", { class: "body" }, String(a.body || "").split(/\n\s*\n/).map((para) => el("p", {}, para)))));
}

function timelineCsv(data) {
  const quote = (v) => /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
  const lines = [["query", "period", "start", "count", "all", "share"].join(",")];
  for (const s of data.series) for (const pt of s.points) lines.push([s.query, pt.period, pt.start, pt.count, pt.all, pt.share].map(quote).join(","));
  return lines.join("\n") + "\n";
}

function chart(data, measure) {
  const W = 720, H = 300, L = 48, B = 28, T = 12, R = 12;
  const periods = [...new Set(data.series.flatMap((s) => s.points.map((p) => p.period)))].sort();
  const value = (pt) => measure === "share" ? pt.share : pt.count;
  const max = Math.max(1e-9, ...data.series.flatMap((s) => s.points.map(value)));
  const x = (i) => L + (periods.length < 2 ? (W - L - R) / 2 : i * (W - L - R) / (periods.length - 1));
  const y = (v) => H - B - (v / max) * (H - B - T);
  const colours = ["#0b5cad", "#c2410c", "#15803d", "#7c3aed", "#be123c", "#0e7490", "#a16207", "#4d7c0f", "#9d174d", "#1e3a8a"];
  const fmt = (v) => measure === "share" ? `${(v * 100).toFixed(1)}%` : String(Math.round(v));
  const parts = [svg("line", { x1: L, y1: H - B, x2: W - R, y2: H - B, stroke: "#999" }), svg("line", { x1: L, y1: T, x2: L, y2: H - B, stroke: "#999" }),
    svg("text", { x: 4, y: T + 10, "font-size": 11, fill: "#555" }, fmt(max)), svg("text", { x: 4, y: H - B, "font-size": 11, fill: "#555" }, fmt(0))];
  const step = Math.max(1, Math.ceil(periods.length / 8));
  periods.forEach((p, i) => { if (i % step === 0) parts.push(svg("text", { x: x(i), y: H - 8, "font-size": 11, "text-anchor": "middle", fill: "#555" }, p)); });
  data.series.forEach((s, k) => {
    const byPeriod = new Map(s.points.map((pt) => [pt.period, value(pt)]));
    const pts = periods.map((p, i) => `${x(i)},${y(byPeriod.get(p) || 0)}`);
    const colour = colours[k % colours.length];
    parts.push(svg("polyline", { points: pts.join(" "), fill: "none", stroke: colour, "stroke-width": 2, class: "series-line" }));
    parts.push(svg("text", { x: L + 6, y: T + 14 + 14 * k, "font-size": 12, fill: colour }, `${s.query || "*"} (${s.total})`));
  });
  return svg("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": t("timeline") }, parts);
}

async function renderTimeline(p) {
  $("facets").replaceChildren();
  let queries = p.getAll("tq");
  if (!queries.length) queries = [p.get("q") || ""];
  const by = p.get("by") || "month";
  const measure = p.get("measure") === "count" ? "count" : "share";
  const inputs = el("div", { class: "series" }, el("label", {}, t("queries")),
    queries.map((q) => el("input", { type: "search", value: q, class: "tq" })),
    el("button", { type: "button", onclick: () => inputs.insertBefore(el("input", { type: "search", class: "tq" }), inputs.lastChild) }, t("addQuery")));
  const bySel = el("select", { "aria-label": t("by"), id: "period" }, ["day", "week", "month", "year"].map((b) => el("option", { value: b, selected: b === by }, t(b === "year" ? "yearP" : b))));
  const measureSel = el("select", { "aria-label": t("share"), id: "measure" }, ["share", "count"].map((m) => el("option", { value: m, selected: m === measure }, t(m))));
  const draw = el("button", { type: "button", id: "draw", onclick: () => go(withParams((q) => {
    q.delete("tq");
    for (const i of inputs.querySelectorAll("input.tq")) if (i.value.trim()) q.append("tq", i.value.trim());
    q.set("by", bySel.value); q.set("measure", measureSel.value);
  })) }, t("draw"));
  const params = selection(p, [...FILTERS, "from", "to", "dedup"]);
  queries.forEach((q) => params.append("q", q));
  params.set("by", by);
  const data = await api("timeline", params);
  const csv = URL.createObjectURL(new Blob([timelineCsv(data)], { type: "text/csv" }));
  const periods = [...new Set(data.series.flatMap((s) => s.points.map((pt) => pt.period)))].sort();
  const table = el("div", { class: "tablewrap" }, el("table", { id: "timeline-table" },
    el("thead", {}, el("tr", {}, el("th", {}, t("period")), data.series.map((s) => el("th", {}, s.query || "*")), el("th", {}, t("all")))),
    el("tbody", {}, periods.map((period) => {
      const cells = data.series.map((s) => { const pt = s.points.find((x) => x.period === period); return el("td", {}, pt ? `${pt.count} (${(pt.share * 100).toFixed(1)}%)` : "0"); });
      const any = data.series.flatMap((s) => s.points).find((x) => x.period === period);
      return el("tr", {}, el("td", {}, period), cells, el("td", {}, any ? any.all : ""));
    }))));
  $("content").replaceChildren(inputs, el("div", { class: "summary" }, bySel, measureSel, draw,
    el("a", { href: csv, download: "warta-timeline.csv", id: "timeline-csv" }, t("downloadCsv"))), chart(data, measure), outside(data), table);
}

// The matching articles no period holds: undated, or dated more coarsely than the periods.
function outside(data) {
  const rows = data.series.filter((s) => (s.undated || 0) + (s.coarser || 0) > 0)
    .map((s) => el("li", {}, t("outside", s.query || "*", s.undated || 0, s.coarser || 0)));
  return el("ul", { class: "meta", id: "timeline-outside" }, rows);
}

async function render() {
  const p = state();
  document.documentElement.lang = lang();
  $("q").value = p.get("q") || "";
  $("q").placeholder = t("placeholder");
  $("go").textContent = t("search");
  $("tab-search").textContent = t("results");
  $("tab-timeline").textContent = t("timeline");
  $("lang").textContent = t("lang");
  const view = p.get("view") || "search";
  $("tab-search").setAttribute("aria-pressed", String(view === "search"));
  $("tab-timeline").setAttribute("aria-pressed", String(view === "timeline"));
  $("help").querySelector("summary").textContent = t("help");
  $("help-body").replaceChildren(el("ul", {}, t("helpText").map(([code, what]) => el("li", {}, el("code", {}, code), " — ", what))));
  chips(p);
  showError(null);
  document.body.dataset.state = "loading";
  try {
    if (view === "article") await renderArticle(p);
    else if (view === "timeline") await renderTimeline(p);
    else await renderSearch(p);
  } catch (e) {
    showError(e);
  }
  document.body.dataset.state = "ready";
}

document.addEventListener("DOMContentLoaded", () => {
  $("search").addEventListener("submit", (e) => {
    e.preventDefault();
    go(withParams((p) => { p.set("q", $("q").value.trim()); p.delete("offset"); if (p.get("view") === "article") { p.delete("view"); p.delete("id"); } }));
  });
  for (const b of document.querySelectorAll("nav [data-view]")) {
    b.addEventListener("click", () => go(withParams((p) => { p.set("view", b.dataset.view); p.delete("id"); })));
  }
  $("lang").addEventListener("click", () => go(withParams((p) => p.set("lang", lang() === "en" ? "id" : "en")), true));
  window.addEventListener("popstate", render);
  render();
});
