// runlift's rest and hold timers. The START time and the phases are kept in localStorage (not a
// tick count), so a timer keeps running across reloads and while the phone sleeps; the face is
// redrawn from the clock. A hold done per side runs: first side, switch, second side.
"use strict";

window.runlift = window.runlift || {};
window.runlift.timer = (function () {
  const KEY = "runlift.timer";
  const SWITCH_SECONDS = 5;
  let ticking = null;
  let audio = null;
  const listeners = [];

  function bar() { return document.getElementById("timer"); }

  function stored() {
    try {
      const timer = JSON.parse(localStorage.getItem(KEY) || "null");
      return timer && Array.isArray(timer.phases) ? timer : null;
    } catch (e) { return null; }
  }

  function save(timer) { localStorage.setItem(KEY, JSON.stringify(timer)); }

  function clock(ms) {
    const total = Math.max(0, Math.ceil(ms / 1000));
    const minutes = Math.floor(total / 60);
    const seconds = total % 60;
    return minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
  }

  function chime(long) {
    if (navigator.vibrate) navigator.vibrate(long ? [300, 120, 300] : [150]);
    if (!audio) return;
    try {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = long ? 880 : 660;
      gain.gain.value = 0.2;
      tone.connect(gain).connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + (long ? 0.5 : 0.2));
    } catch (e) { /* sound is a nicety */ }
  }

  /** Where the clock stands: the phase index (phases.length when over), the ms left in it,
   *  and the ms since the end once over. */
  function position(timer) {
    let elapsed = Date.now() - timer.start;
    for (let i = 0; i < timer.phases.length; i += 1) {
      const length = timer.phases[i].seconds * 1000;
      if (elapsed < length) return { index: i, left: length - elapsed, past: 0 };
      elapsed -= length;
    }
    return { index: timer.phases.length, left: 0, past: elapsed };
  }

  function draw() {
    const face = bar();
    if (!face) return;
    const timer = stored();
    if (!timer) {
      face.hidden = true;
      return;
    }
    const at = position(timer);
    const over = at.index >= timer.phases.length;
    const phase = timer.phases[Math.min(at.index, timer.phases.length - 1)];
    face.hidden = false;
    face.classList.toggle("over", over);
    face.querySelector(".timer-label").textContent = over ? phase.label + " over" : phase.label;
    face.querySelector(".timer-clock").textContent = over ? "0:00" : clock(at.left);
    if (at.index > (timer.rang || 0)) {
      timer.rang = at.index;
      save(timer);
      chime(over);
      if (over) listeners.forEach(function (listener) { listener(timer); });
    }
    if (over && at.past >= 30000) stop();
  }

  function tick() {
    if (ticking) return;
    ticking = setInterval(draw, 250);
    draw();
  }

  /** Start a timer (replacing any other): `phases` is a list of {label, seconds}. */
  function run(kind, phases) {
    try {
      const Context = window.AudioContext || window.webkitAudioContext;
      if (!audio && Context) audio = new Context();  // made on a tap, so it may play later
    } catch (e) { audio = null; }
    save({ kind: kind, phases: phases, start: Date.now(), rang: 0 });
    tick();
  }

  /** A rest or hold of `seconds`. */
  function start(kind, seconds, label) { run(kind, [{ label: label, seconds: seconds }]); }

  /** A hold on each side in turn, with a few seconds to switch. */
  function sides(seconds) {
    run("hold", [
      { label: "Hold: first side", seconds: seconds },
      { label: "Switch sides", seconds: SWITCH_SECONDS },
      { label: "Hold: second side", seconds: seconds },
    ]);
  }

  function add(seconds) {
    const timer = stored();
    if (!timer) return;
    const at = position(timer);
    if (at.index >= timer.phases.length) {
      // One more phase after the end: the time already over plus `seconds`, so it ends then.
      const label = timer.phases[timer.phases.length - 1].label;
      timer.phases.push({ label: label, seconds: at.past / 1000 + seconds });
    } else {
      timer.phases[at.index].seconds += seconds;
    }
    save(timer);
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

  return { start: start, sides: sides, stop: stop, add: add, onEnd: onEnd, running: stored };
})();
