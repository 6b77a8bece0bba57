// runlift's rest and hold timers. The END time is kept in localStorage (not a tick count), so a
// timer keeps running across reloads and while the phone sleeps; the face is redrawn from it.
"use strict";

window.runlift = window.runlift || {};
window.runlift.timer = (function () {
  const KEY = "runlift.timer";
  let ticking = null;
  let audio = null;
  const listeners = [];

  function bar() { return document.getElementById("timer"); }

  function stored() {
    try { return JSON.parse(localStorage.getItem(KEY) || "null"); } catch (e) { return null; }
  }

  function clock(ms) {
    const total = Math.max(0, Math.ceil(ms / 1000));
    const minutes = Math.floor(total / 60);
    const seconds = total % 60;
    return minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
  }

  function chime() {
    if (navigator.vibrate) navigator.vibrate([300, 120, 300]);
    if (!audio) return;
    try {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = 880;
      gain.gain.value = 0.2;
      tone.connect(gain).connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.4);
    } catch (e) { /* sound is a nicety */ }
  }

  function draw() {
    const face = bar();
    if (!face) return;
    const timer = stored();
    if (!timer) {
      face.hidden = true;
      return;
    }
    const left = timer.end - Date.now();
    face.hidden = false;
    face.classList.toggle("over", left <= 0);
    face.querySelector(".timer-label").textContent = left > 0 ? timer.label : timer.label + " over";
    face.querySelector(".timer-clock").textContent = clock(left);
    if (left <= 0 && !timer.rang) {
      timer.rang = true;
      localStorage.setItem(KEY, JSON.stringify(timer));
      chime();
      listeners.forEach(function (listener) { listener(timer); });
    }
    if (left <= -30000) stop();
  }

  function tick() {
    if (ticking) return;
    ticking = setInterval(draw, 250);
    draw();
  }

  /** Start a rest or hold timer of `seconds` (replacing any other). */
  function start(kind, seconds, label) {
    try {
      const Context = window.AudioContext || window.webkitAudioContext;
      if (!audio && Context) audio = new Context();  // made on a tap, so it may play later
    } catch (e) { audio = null; }
    const timer = { kind: kind, label: label, end: Date.now() + seconds * 1000, rang: false };
    localStorage.setItem(KEY, JSON.stringify(timer));
    tick();
  }

  function add(seconds) {
    const timer = stored();
    if (!timer) return;
    timer.end = Math.max(timer.end, Date.now()) + seconds * 1000;
    timer.rang = false;
    localStorage.setItem(KEY, JSON.stringify(timer));
    draw();
  }

  function stop() {
    localStorage.removeItem(KEY);
    if (ticking) clearInterval(ticking);
    ticking = null;
    draw();
  }

  function onEnd(listener) { listeners.push(listener); }

  document.addEventListener("DOMContentLoaded", function () {
    const face = bar();
    if (!face) return;
    face.querySelector(".timer-stop").addEventListener("click", stop);
    face.querySelector(".timer-add").addEventListener("click", function () { add(15); });
    if (stored()) tick();
  });

  return { start: start, stop: stop, add: add, onEnd: onEnd, running: stored };
})();
