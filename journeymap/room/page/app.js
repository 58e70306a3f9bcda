// journeymap room: the participant page. Plain DOM; participant text only ever goes
// through textContent (never an HTML parser), so a "<script>" in a name stays text.
"use strict";

const T = {
  en: {
    yourName: "Your name", join: "Join", takeNumber: "Take a number", voting: "Voting",
    kindPain: "Pain point", kindComment: "Comment", severity: "Severity (1–5)",
    send: "Send", cancel: "Cancel", suggest: "Suggest…", closed: "The room is closed.",
    stageOf: (i, n, name) => `Stage ${i} of ${n}: ${name}`, you: (n) => `You: ${n}`,
    dotsLeft: (l, d) => `${l} of ${d} dots left`, waiting: "Waiting for the facilitator…",
    pendingMine: (t) => `Sent, waiting for the facilitator: ${t}`, sent: "Sent to the facilitator.",
    action: "Action", pain: "Pain point", total: (n) => `${n} in the room`,
    placeDot: "Place a dot", takeBack: "Take a dot back", titlePlaceholder: "What is the problem?",
    offline: "Reconnecting…",
    errors: {
      bad_name: "Type a name (at most 60 characters).",
      name_taken: "Someone in the room already has that name. Choose another.",
      room_full: "The room is full.", not_joined: "Join the room first.",
      slow_down: "Too fast. Wait a moment.", no_round: "No voting round is open.",
      unknown_target: "That can no longer be voted on.",
      no_dots: "You have placed all your dots. Take one back first.",
      no_dot_there: "You have no dot there.", unknown_card: "That card is no longer shown.",
      bad_title: "Type a title (at most 200 characters; a comment at most 1000).",
      bad_severity: "Choose a severity from 1 to 5.", too_many: "Too many suggestions are waiting. Try again later.",
      too_large: "That is too long.", bad_request: "Something went wrong. Reload the page.",
      network: "No connection. Check the Wi-Fi and try again.",
    },
  },
  ja: {
    yourName: "お名前", join: "参加する", takeNumber: "番号で参加", voting: "投票",
    kindPain: "ペインポイント", kindComment: "コメント", severity: "深刻度（1〜5）",
    send: "送信", cancel: "やめる", suggest: "提案する…", closed: "ルームは閉じられました。",
    stageOf: (i, n, name) => `ステージ ${i}/${n}：${name}`, you: (n) => `参加者：${n}`,
    dotsLeft: (l, d) => `残り ${l} / ${d} ドット`, waiting: "ファシリテーターを待っています…",
    pendingMine: (t) => `送信済み・確認待ち：${t}`, sent: "ファシリテーターに送りました。",
    action: "施策", pain: "ペインポイント", total: (n) => `全体で ${n}`,
    placeDot: "ドットを置く", takeBack: "ドットを戻す", titlePlaceholder: "どんな問題ですか？",
    offline: "再接続しています…",
    errors: {
      bad_name: "お名前を入力してください（60文字まで）。",
      name_taken: "その名前はすでに使われています。別の名前にしてください。",
      room_full: "ルームは満員です。", not_joined: "先に参加してください。",
      slow_down: "操作が速すぎます。少し待ってください。", no_round: "投票は行われていません。",
      unknown_target: "その項目にはもう投票できません。",
      no_dots: "ドットをすべて使いました。先に1つ戻してください。",
      no_dot_there: "そこにはあなたのドットがありません。", unknown_card: "そのカードは表示されていません。",
      bad_title: "タイトルを入力してください（200文字まで、コメントは1000文字まで）。",
      bad_severity: "深刻度を1〜5から選んでください。", too_many: "確認待ちの提案が多すぎます。後でもう一度どうぞ。",
      too_large: "長すぎます。", bad_request: "エラーが発生しました。ページを再読み込みしてください。",
      network: "接続できません。Wi-Fiを確認してもう一度どうぞ。",
    },
  },
};

function pickLanguage() {
  const langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
  for (const l of langs) {
    const base = String(l).toLowerCase().split("-")[0];
    if (base === "ja" || base === "en") return base;
  }
  return document.documentElement.lang === "ja" ? "ja" : "en";
}
const LANG = pickLanguage();
const t = T[LANG];
document.documentElement.lang = LANG;

const $ = (id) => document.getElementById(id);
const STORE = "journeymap-room";
let me = null;          // {name, key}
let source = null;
let openForm = null;    // card id with an open suggestion form
let lastCards = "";
let lastState = null;

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = String(text);
  return e;
}

function toast(text) {
  const box = $("toast");
  box.textContent = text;
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { box.hidden = true; }, 3500);
}

async function api(path, body) {
  const opts = { method: body === undefined ? "GET" : "POST", headers: {} };
  if (me) opts.headers["X-Room-Key"] = me.key;
  if (body !== undefined) {
    opts.headers["Content-Type"] = "application/json";
    opts.body = JSON.stringify(body);
  }
  let r;
  try { r = await fetch(path, opts); } catch (e) { throw { code: "network" }; }
  if (r.status === 404 && !(r.headers.get("Content-Type") || "").includes("json")) {
    showClosed();
    throw { code: "closed" };
  }
  const data = await r.json().catch(() => ({}));
  if (!r.ok) throw { code: data.error || "bad_request" };
  return data;
}

function explain(err) {
  if (err && err.code === "closed") return;
  toast(t.errors[err && err.code] || t.errors.bad_request);
}

function showClosed() {
  if (source) { source.close(); source = null; }
  for (const id of ["join", "round", "cards", "prompt"]) $(id).hidden = true;
  $("closed").hidden = false;
}

function translateStatic() {
  for (const e of document.querySelectorAll("[data-t]")) e.textContent = t[e.dataset.t];
  $("name").placeholder = t.yourName;
  $("stage").textContent = t.waiting;
}

async function join(body) {
  const data = await api("api/join", body);
  me = { name: data.name, key: data.key };
  localStorage.setItem(STORE, JSON.stringify(me));
  $("join").hidden = true;
  $("who").textContent = t.you(me.name);
  render(await api("api/state"));
  listen();
}

function listen() {
  if (source) source.close();
  source = new EventSource("api/events?k=" + encodeURIComponent(me.key));
  source.onmessage = (ev) => { $("who").textContent = t.you(me.name); render(JSON.parse(ev.data)); };
  source.onerror = () => {
    $("who").textContent = t.offline;
    if (source && source.readyState === EventSource.CLOSED) {
      // The server refused the stream (room closed, or restarted): ask once, then retry.
      source = null;
      setTimeout(() => api("api/state").then((s) => { render(s); listen(); }).catch(() => {
        if (!$("closed").hidden) return;
        setTimeout(listen, 3000);
      }), 2000);
    }
  };
}

function render(s) {
  lastState = s;
  $("journey").textContent = s.journey || "";
  $("stage").textContent = s.stage ? t.stageOf(s.stage.index, s.stage.count, s.stage.name) : t.waiting;
  const prompt = $("prompt");
  prompt.textContent = s.prompt || "";
  prompt.hidden = !s.prompt;
  renderRound(s.round);
  const key = JSON.stringify([s.cards, s.pending]);
  if (openForm === null && key !== lastCards) {
    lastCards = key;
    renderCards(s.cards, s.pending);
  }
}

let rows = {};          // target id -> its list row, kept across updates
let rowsKey = "";

function renderRound(r) {
  const sec = $("round");
  sec.hidden = !r;
  if (!r) { rowsKey = ""; return; }
  $("dotsLeft").textContent = t.dotsLeft(r.left, r.dots);
  // Rows are updated in place so that a tap is never lost to a row being replaced.
  const key = JSON.stringify(r.targets);
  if (key !== rowsKey) {
    rowsKey = key;
    rows = {};
    const list = $("targets");
    list.replaceChildren();
    for (const x of r.targets) {
      const li = el("li");
      li.dataset.id = x.id;
      const what = el("span", "what");
      what.append(el("span", "kind", x.kind === "action" ? t.action : t.pain));
      what.append(el("span", "title", x.title));
      if (x.where) what.append(el("span", "where", x.where));
      const total = el("span", "total");
      what.append(total);
      const minus = el("button", "minus", "−");
      minus.setAttribute("aria-label", t.takeBack);
      minus.onclick = () => api("api/unvote", { target: x.id }).then(refresh).catch(explain);
      const plus = el("button", "plus", "+");
      plus.setAttribute("aria-label", t.placeDot);
      plus.onclick = () => api("api/vote", { target: x.id }).then(refresh).catch(explain);
      const mine = el("span", "mine");
      li.append(what, minus, mine, plus);
      list.append(li);
      rows[x.id] = { minus, plus, mine, total };
    }
  }
  for (const [id, row] of Object.entries(rows)) {
    const n = r.mine[id] || 0;
    row.mine.textContent = n ? "●".repeat(Math.min(n, 5)) + (n > 5 ? n : "") : "·";
    row.minus.disabled = n === 0;
    row.plus.disabled = r.left === 0;
    row.total.textContent = r.totals ? t.total(r.totals[id] || 0) : "";
    row.total.hidden = !r.totals;
  }
}

// The answer to one's own vote comes back at once; the event stream may lag behind it.
function refresh() {
  return api("api/state").then(render);
}

function renderCards(cards, pending) {
  const sec = $("cards");
  sec.hidden = !me;
  sec.replaceChildren();
  let role = null;
  for (const c of cards) {
    if (c.role !== role) { role = c.role; sec.append(el("h3", "", role)); }
    const box = el("div", "card");
    box.dataset.id = c.id;
    box.append(el("div", "title", c.title));
    const ul = el("ul", "pains");
    for (const p of c.pains) {
      const li = el("li");
      li.append(el("span", "sevbadge", p.severity), document.createTextNode(p.title));
      ul.append(li);
    }
    box.append(ul);
    for (const s of pending.filter((x) => x.card === c.id)) box.append(el("div", "pending", t.pendingMine(s.title)));
    const b = el("button", "suggestBtn", t.suggest);
    b.onclick = () => openSuggest(box, c.id, b);
    box.append(b);
    sec.append(box);
  }
}

function openSuggest(box, card, button) {
  if (openForm !== null) return;
  openForm = card;
  button.hidden = true;
  const form = $("suggestForm").content.firstElementChild.cloneNode(true);
  for (const e of form.querySelectorAll("[data-t]")) e.textContent = t[e.dataset.t];
  form.text.placeholder = t.titlePlaceholder;
  const sev = form.querySelector(".sev");
  form.kind.onchange = () => { sev.hidden = form.kind.value !== "pain"; };
  const close = () => { openForm = null; form.remove(); button.hidden = false; if (lastState) { lastCards = ""; render(lastState); } };
  form.cancel.onclick = close;
  form.onsubmit = (ev) => {
    ev.preventDefault();
    const body = { card, kind: form.kind.value, title: form.text.value };
    if (body.kind === "pain") body.severity = Number(form.severity.value);
    api("api/suggest", body).then(() => { toast(t.sent); close(); }).catch(explain);
  };
  box.append(form);
  form.text.focus();
}

function start() {
  translateStatic();
  $("joinBtn").onclick = () => join({ name: $("name").value }).catch(explain);
  $("name").addEventListener("keydown", (e) => { if (e.key === "Enter") $("joinBtn").click(); });
  $("numberBtn").onclick = () => join({ number: true }).catch(explain);
  let saved = null;
  try { saved = JSON.parse(localStorage.getItem(STORE) || "null"); } catch (e) { saved = null; }
  if (saved && saved.name && saved.key) {
    join({ name: saved.name, key: saved.key }).catch((e) => {
      if (e.code === "closed") return;
      $("name").value = saved.name;
      $("join").hidden = false;
      explain(e);
    });
  } else {
    $("join").hidden = false;
  }
}

document.addEventListener("DOMContentLoaded", start);
