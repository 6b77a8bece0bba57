// runlift gym mode: one exercise at a time, one-tap logging through the offline outbox,
// quick edits, rest and hold timers, undo, and the screen kept awake while training.
"use strict";

(function () {
  const gym = document.querySelector(".gym[data-date]");
  if (!gym) return;
  const day = gym.dataset.date;
  const units = gym.dataset.units;
  const outbox = window.runlift.outbox;
  const timer = window.runlift.timer;
  const cards = Array.prototype.slice.call(document.querySelectorAll(".exercise"));
  let current = 0;
  let wakeLock = null;

  function text(s) {
    const parts = [];
    if (s.reps != null) parts.push(s.reps + " reps");
    if (s.seconds != null) parts.push(s.seconds + " s");
    let out = parts.join(", ");
    if (s.load) out += " @ " + s.load.value + " " + s.load.unit;
    if (s.rir != null) out += " · RIR " + s.rir;
    return out;
  }

  function cardOf(exercise) {
    return cards.filter(function (c) { return c.dataset.exercise === exercise; })[0] || null;
  }

  function show(index, scroll) {
    if (!cards.length) return;
    current = Math.max(0, Math.min(cards.length - 1, index));
    cards.forEach(function (card, i) { card.hidden = i !== current; });
    if (scroll) cards[current].scrollIntoView({ block: "start" });
  }

  function firstOpen() {
    for (let i = 0; i < cards.length; i += 1) {
      if (Number(cards[i].dataset.done) < Number(cards[i].dataset.sets)) return i;
    }
    return cards.length - 1;
  }

  function setCount(card, done) {
    card.dataset.done = String(done);
    card.querySelector(".count").textContent = String(done);
  }

  /** Show a set the outbox holds (or just took) in its exercise's list. */
  function addRow(entry) {
    const card = cardOf(entry.body.exercise);
    if (!card || card.querySelector('[data-client-id="' + CSS.escape(entry.client_id) + '"]')) return;
    const number = Number(card.dataset.next);
    card.dataset.next = String(number + 1);
    const row = document.createElement("li");
    row.dataset.clientId = entry.client_id;
    row.append("Set " + number + ": " + text(entry.body) + " ");
    const mark = document.createElement("span");
    mark.className = "pending";
    mark.textContent = "waiting";
    row.append(mark);
    card.querySelector(".done-sets").append(row);
    setCount(card, Number(card.dataset.done) + 1);
  }

  function dropRow(entry) {
    const card = cardOf(entry.body.exercise);
    const row = card && card.querySelector('[data-client-id="' + CSS.escape(entry.client_id) + '"]');
    if (!row) return;
    row.remove();
    card.dataset.next = String(Number(card.dataset.next) - 1);
    setCount(card, Number(card.dataset.done) - 1);
  }

  function refresh(entries) {
    const waiting = entries.filter(function (e) { return e.state === "waiting"; });
    const refused = entries.filter(function (e) { return e.state === "refused"; });
    const status = document.getElementById("sync");
    status.textContent = waiting.length
      ? waiting.length + (waiting.length === 1 ? " set" : " sets") + " waiting to sync"
      : "";
    status.classList.toggle("waiting", waiting.length > 0);
    const known = {};
    entries.forEach(function (e) { known[e.client_id] = e; });
    document.querySelectorAll(".done-sets [data-client-id]").forEach(function (row) {
      const entry = known[row.dataset.clientId];
      const mark = row.querySelector(".pending, .ok, .error");
      if (!entry) { mark.className = "ok"; mark.textContent = "saved"; }
      else if (entry.state === "refused") { mark.className = "error"; mark.textContent = "refused"; }
    });
    const box = document.getElementById("refused");
    box.replaceChildren();
    refused.forEach(function (entry) {
      const line = document.createElement("p");
      line.textContent = "Not saved: " + text(entry.body) + " (" + entry.message + ") ";
      const dismiss = document.createElement("button");
      dismiss.type = "button";
      dismiss.className = "link";
      dismiss.textContent = "Dismiss";
      dismiss.addEventListener("click", function () {
        dropRow(entry);
        outbox.remove(entry.client_id);
      });
      line.append(dismiss);
      box.append(line);
    });
  }

  function number(form, name) {
    const field = form.elements.namedItem(name);
    if (!field || field.value === "") return null;
    return Number(field.value);
  }

  function keepAwake() {
    if (!("wakeLock" in navigator) || wakeLock || document.visibilityState !== "visible") return;
    navigator.wakeLock.request("screen").then(function (lock) {
      wakeLock = lock;
      lock.addEventListener("release", function () { wakeLock = null; });
    }).catch(function () {});
  }

  function rest(card) {
    const seconds = Number(card.dataset.rest);
    if (seconds > 0) timer.start("rest", seconds, "Rest");
  }

  function logSet(event) {
    event.preventDefault();
    const form = event.target;
    if (!form.reportValidity()) return;
    const card = form.closest(".exercise");
    const load = number(form, "load");
    const body = {
      client_id: crypto.randomUUID(),
      exercise: form.elements.namedItem("exercise").value,
      date: day,
      reps: number(form, "reps"),
      seconds: number(form, "seconds"),
      rir: number(form, "rir"),
    };
    if (load !== null) body.load = { value: load, unit: units };
    keepAwake();
    outbox.add(body).then(function (entry) {
      addRow(entry);
      const finished = Number(card.dataset.done) >= Number(card.dataset.sets);
      const more = !finished || cards.indexOf(card) < cards.length - 1;
      if (more) rest(card);
      if (finished && cards.indexOf(card) < cards.length - 1) show(cards.indexOf(card) + 1, true);
      else if (finished) document.querySelector(".finish").scrollIntoView({ block: "start" });
      outbox.flush();
    });
  }

  function stepper(field) {
    const input = field.querySelector("input");
    const step = Number(field.dataset.step) || 1;
    // Named without the field's label, so "Reps", "Load"... each name exactly one control.
    [["−", -step, "Step down"], ["+", step, "Step up"]].forEach(function (spec, i) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "nudge";
      button.tabIndex = -1;  // the arrow keys do the same from the field itself
      button.textContent = spec[0];
      button.setAttribute("aria-label", spec[2]);
      button.addEventListener("click", function () {
        const value = Math.max(0, (Number(input.value) || 0) + spec[1]);
        input.value = String(Math.round(value * 100) / 100);
      });
      if (i === 0) input.before(button); else input.after(button);
    });
  }

  function undo(event) {
    outbox.all().then(function (entries) {
      const waiting = entries.filter(function (e) { return e.state === "waiting"; });
      if (!waiting.length) { event.target.submit(); return; }
      const last = waiting[waiting.length - 1];
      dropRow(last);
      outbox.remove(last.client_id);
    });
    event.preventDefault();
  }

  function finish(event) {
    const form = event.target;
    event.preventDefault();
    if (!form.reportValidity()) return;
    const problem = form.querySelector(".finish-error");
    outbox.flush().then(outbox.all).then(function (entries) {
      const waiting = entries.filter(function (e) { return e.state === "waiting"; }).length;
      if (!waiting) {
        if (wakeLock) wakeLock.release();
        form.submit();
        return;
      }
      problem.textContent = waiting + (waiting === 1 ? " set is" : " sets are") +
        " waiting to sync: finish once you are back online.";
    });
  }

  function cacheForOffline() {
    // The first visit is not yet looked after by the service worker: keep a copy of this page.
    if (!("caches" in window) || !("serviceWorker" in navigator)) return;
    const here = location.pathname + location.search;
    navigator.serviceWorker.ready.then(function () {
      return caches.match(here).then(function (hit) {
        return hit || caches.open("runlift-pages").then(function (cache) { return cache.add(here); });
      });
    }).then(function () { document.documentElement.dataset.offline = "ready"; })
      .catch(function () {});
  }

  document.querySelectorAll("[data-js-only]").forEach(function (el) { el.hidden = false; });
  document.querySelectorAll(".log-form .field").forEach(stepper);
  document.querySelectorAll(".log-form").forEach(function (f) { f.addEventListener("submit", logSet); });
  cards.forEach(function (card, i) {
    const prev = card.querySelector(".prev");
    const next = card.querySelector(".next");
    if (prev) prev.addEventListener("click", function () { show(i - 1, true); });
    if (next) next.addEventListener("click", function () { show(i + 1, true); });
    const restButton = card.querySelector(".start-rest");
    if (restButton) restButton.addEventListener("click", function () { keepAwake(); rest(card); });
    const hold = card.querySelector(".start-hold");
    if (hold) hold.addEventListener("click", function () {
      const seconds = number(card.querySelector(".log-form"), "seconds") || Number(card.dataset.hold);
      keepAwake();
      if (card.dataset.perSide) timer.sides(seconds); else timer.start("hold", seconds, "Hold");
    });
  });
  const undoForm = document.querySelector(".undo-form");
  if (undoForm) undoForm.addEventListener("submit", undo);
  const finishForm = document.querySelector(".finish-form");
  if (finishForm) finishForm.addEventListener("submit", finish);
  document.addEventListener("visibilitychange", function () { if (timer.running()) keepAwake(); });

  const anchored = location.hash ? cards.indexOf(document.getElementById(location.hash.slice(1))) : -1;
  show(anchored >= 0 ? anchored : firstOpen());
  outbox.onChange(refresh);
  outbox.all().then(function (entries) {
    entries.filter(function (e) { return e.body.date === day; }).forEach(addRow);
    show(anchored >= 0 ? anchored : firstOpen());
    refresh(entries);
    outbox.flush();
  });
  cacheForOffline();
})();
