// The v2m studio page: plain fetch() calls to the JSON API in web.py. Every text from the server is set
// with textContent (never innerHTML), so a reply can never become markup.
"use strict";
const $ = (id) => document.getElementById(id);
let sid = null, config = null, busy = false;

function showError(message) {
  $("error").textContent = message;
  $("error").hidden = !message;
}

function setBusy(on, stage, fraction) {
  busy = on;
  for (const b of document.querySelectorAll("button")) b.disabled = on;
  $("progress").hidden = !on;
  $("progress-stage").textContent = stage || "";
  $("progress-bar").value = fraction || 0;
}

async function api(path, options) {
  const r = await fetch(path, options);
  let body = null;
  try { body = await r.json(); } catch (e) { body = { error: `the server answered ${r.status}` }; }
  if (!r.ok) throw new Error(body.error || `the server answered ${r.status}`);
  return body;
}

async function waitFor(job) {
  const t0 = Date.now();
  for (;;) {
    const j = await api(`/api/jobs/${job}`);
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    setBusy(true, `${j.stage} … ${secs} s`, j.fraction);
    if (j.state === "done") return j;
    if (j.state === "error") throw new Error(j.error);
    await new Promise((ok) => setTimeout(ok, 300));
  }
}

async function run(task) {  // one thing at a time; errors are shown in the page, state reloaded
  if (busy) return;
  showError("");
  setBusy(true, "starting", 0);
  try { await task(); } catch (e) { showError(e.message); }
  finally { setBusy(false); }
}

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function fileUrl(path, download) {
  return `/files/${sid}/${path.split("/").map(encodeURIComponent).join("/")}` + (download ? "?download=1" : "");
}

function showVersion(state, v) {
  const files = v.files, video = $("video");
  if (files.video && video.dataset.path !== files.video) {
    video.dataset.path = files.video;
    video.src = fileUrl(files.video);
  }
  $("timeline").src = `/api/sessions/${sid}/timeline/${v.n}.png`;
  const links = $("downloads");
  links.replaceChildren(el("strong", `Version ${v.n}: `));
  const names = { video: "MP4", wav: "WAV", midi: "MIDI", plan: "plan.json", symbolic: "symbolic WAV" };
  for (const [key, path] of Object.entries(files)) {
    if (!names[key]) continue;
    const a = el("a", names[key]);
    a.href = fileUrl(path, true); a.id = `download-${key}`; a.setAttribute("download", "");
    links.append(a);
  }
  for (const kind of ["abc", "musicxml"]) {
    const a = el("a", kind === "abc" ? "ABC" : "MusicXML");
    a.href = `/api/sessions/${sid}/notation/${v.n}/${kind}`; a.id = `download-${kind}`; a.setAttribute("download", "");
    links.append(a);
  }
}

async function load(id) {
  sid = id;
  const s = await api(`/api/sessions/${sid}`);
  const p = s.plan;
  $("where").textContent = `${s.video} · session ${s.id} · version ${s.version} on ${s.branch}`;
  $("summary").textContent = `${p.style}, ${p.tempo_bpm} BPM, ${p.meter}, ${p.key} ${p.mode}, ${s.route} route; ` +
    `${p.sections.length} sections, ${p.hit_points_s.length} hit points, ${s.cuts_s.length} cuts`;
  const log = $("chat-log");
  log.replaceChildren();
  for (const h of s.history) {
    if (h.kind !== "open") log.append(el("li", h.text, "you"));
    log.append(el("li", h.reply, h.question ? "v2m question" : "v2m"));
  }
  log.scrollTop = log.scrollHeight;
  const takes = $("take-section");
  takes.replaceChildren(...p.sections.map((x) =>
    Object.assign(el("option", `${x.i + 1}. ${x.name} (${x.start_s.toFixed(1)}–${x.end_s.toFixed(1)} s, take ${x.take})`),
                  { value: x.i })));
  $("versions").replaceChildren(...s.versions.map((v) => {
    const li = el("li", `v${v.n}` + (v.head ? " (current)" : ""), v.head ? "current" : "");
    li.onclick = () => showVersion(s, v);
    return li;
  }));
  $("branches").replaceChildren(...s.branches.map((b) =>
    el("li", `${b.name} (v${b.version})`, b.name === s.branch ? "current" : "")));
  showVersion(s, s.versions.find((v) => v.head));
  await listSessions();
}

async function listSessions() {
  const rows = await api("/api/sessions");
  if (!rows.length) { $("sessions").replaceChildren(el("li", "none yet: score a video", "hint")); return; }
  $("sessions").replaceChildren(...rows.map((r) => {
    const li = el("li", `${r.video} · “${r.request}” · ${r.turns} turn${r.turns === 1 ? "" : "s"} · ${r.created}`, r.id === sid ? "current" : "");
    li.dataset.sid = r.id;
    li.onclick = () => run(() => load(r.id));
    return li;
  }));
}

async function turn(body) {
  if (!sid) throw new Error("open or start a session first");
  const { job } = await api(`/api/sessions/${sid}/turn`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  await waitFor(job);
  await load(sid);
}

$("new-form").onsubmit = (ev) => {
  ev.preventDefault();
  run(async () => {
    const file = $("file").files[0];
    if (!file) throw new Error("choose a video or image file first");
    const data = new FormData($("new-form"));
    const { job } = await api("/api/sessions", { method: "POST", body: data });
    const done = await waitFor(job);
    await load(done.sid);
  });
};
$("say-form").onsubmit = (ev) => {
  ev.preventDefault();
  const text = $("say").value.trim();
  if (!text) return;
  run(async () => { await turn({ action: "say", text }); $("say").value = ""; });
};
$("undo").onclick = () => run(() => turn({ action: "undo" }));
$("redo").onclick = () => run(() => turn({ action: "redo" }));
$("take").onclick = () => run(() => turn({ action: "take", section: Number($("take-section").value) }));
$("switch").onclick = () => run(() => turn({ action: "route", route: $("route-switch").value }));
$("branch").onclick = () => run(() => turn({ action: "branch", name: $("branch-name").value.trim() }));

(async () => {
  try {
    config = await api("/api/config");
    for (const s of config.styles) $("style").append(Object.assign(el("option", s), { value: s }));
    for (const r of config.routes) {
      $("route").append(Object.assign(el("option", r), { value: r }));
      $("route-switch").append(Object.assign(el("option", r), { value: r }));
    }
    $("limit").textContent = `Up to ${Math.round(config.max_upload_bytes / 1e6)} MB; video or image files.`;
    await listSessions();
  } catch (e) { showError(e.message); }
})();
