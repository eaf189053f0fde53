/* 关怀模式 (care mode) for Gongkai portals.
 *
 * Text size (100%–200%), high contrast, wider spacing, a reading guide line and read-aloud with
 * the browser's own speech synthesis (zh-CN). Every control is a real <button>; there are no
 * keyboard shortcuts, no network requests and no third-party code. Settings are kept in
 * localStorage under "gongkai.care" and applied on every page (an inline script in <head>
 * applies them before the first paint). Without JavaScript the toolbar stays hidden and the
 * page works as it is.
 */
(function () {
  "use strict";

  var KEY = "gongkai.care";
  var STEPS = [100, 125, 150, 175, 200];
  var root = document.documentElement;

  function load() {
    var saved = {};
    try {
      saved = JSON.parse(window.localStorage.getItem(KEY) || "{}") || {};
    } catch (error) {
      saved = {};
    }
    return {
      open: saved.open === true,
      text: STEPS.indexOf(saved.text) >= 0 ? saved.text : 100,
      contrast: saved.contrast === true,
      spacing: saved.spacing === true,
      guide: saved.guide === true
    };
  }

  var state = load();

  function save() {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(state));
    } catch (error) {
      /* Private browsing: the settings last for this page only. */
    }
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function setClass(name, on) {
    root.classList.toggle(name, on);
  }

  /* The reading guide: a band that follows the pointer, or the focused element. */
  var guide = null;

  function moveGuide(y) {
    if (guide) {
      guide.style.top = Math.max(0, y - guide.offsetHeight / 2) + "px";
    }
  }

  function onPointerMove(event) {
    moveGuide(event.clientY);
  }

  function onFocusIn(event) {
    var box = event.target.getBoundingClientRect();
    moveGuide(box.top + box.height / 2);
  }

  function showGuide(on) {
    if (on && !guide) {
      guide = document.createElement("div");
      guide.className = "gk-guide";
      guide.setAttribute("aria-hidden", "true");
      document.body.appendChild(guide);
      moveGuide(window.innerHeight / 3);
      document.addEventListener("mousemove", onPointerMove, { passive: true });
      document.addEventListener("focusin", onFocusIn);
    } else if (!on && guide) {
      document.removeEventListener("mousemove", onPointerMove);
      document.removeEventListener("focusin", onFocusIn);
      guide.parentNode.removeChild(guide);
      guide = null;
    }
  }

  function apply() {
    root.setAttribute("data-gk-text", String(state.text));
    setClass("gk-care-contrast", state.contrast);
    setClass("gk-care-spacing", state.spacing);
    setClass("gk-care-guide", state.guide);
    byId("gk-care-contrast").setAttribute("aria-pressed", String(state.contrast));
    byId("gk-care-spacing").setAttribute("aria-pressed", String(state.spacing));
    byId("gk-care-guide").setAttribute("aria-pressed", String(state.guide));
    showGuide(state.guide);
    byId("gk-care").hidden = !state.open;
    byId("gk-care-toggle").setAttribute("aria-expanded", String(state.open));
  }

  function announceSize(limit) {
    byId("gk-care-size").textContent = "字号 " + state.text + "%" + (limit ? "（" + limit + "）" : "");
  }

  function resize(direction) {
    var index = STEPS.indexOf(state.text) + direction;
    if (index < 0 || index >= STEPS.length) {
      announceSize(direction > 0 ? "已是最大" : "已是最小");
      return;
    }
    state.text = STEPS[index];
    save();
    apply();
    announceSize("");
  }

  function toggle(name) {
    state[name] = !state[name];
    save();
    apply();
  }

  /* Read-aloud: one utterance per block of the main content (or the selected text), the block
   * being read highlighted and scrolled into view. */
  var speech = window.speechSynthesis;
  var queue = [];
  var reading = null;

  function speechStatus(text) {
    byId("gk-care-speech").textContent = text;
  }

  function readableBlocks() {
    var selection = window.getSelection ? window.getSelection() : null;
    var selected = selection && !selection.isCollapsed ? selection.toString().trim() : "";
    if (selected) {
      return [{ text: selected, element: null }];
    }
    var main = byId("main");
    var candidates = main.querySelectorAll("h1, h2, h3, h4, p, li, dt, dd, th, td, caption, figcaption");
    var blocks = [];
    for (var i = 0; i < candidates.length; i += 1) {
      var element = candidates[i];
      /* Read the innermost blocks only, so that nothing is read twice. */
      if (element.querySelector("p, li, dt, dd, th, td") || element.closest("[hidden], svg")) {
        continue;
      }
      var text = (element.innerText || element.textContent || "").trim();
      if (text) {
        blocks.push({ text: text, element: element });
      }
    }
    return blocks;
  }

  function mark(element) {
    if (reading) {
      reading.classList.remove("gk-reading");
    }
    reading = element;
    if (element) {
      element.classList.add("gk-reading");
      var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      element.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
    }
  }

  function chineseVoice() {
    var voices = speech.getVoices ? speech.getVoices() : [];
    for (var i = 0; i < voices.length; i += 1) {
      if (/^zh[-_]CN/i.test(voices[i].lang)) {
        return voices[i];
      }
    }
    return null;
  }

  function speakNext() {
    var block = queue.shift();
    if (!block) {
      mark(null);
      speechStatus("朗读结束");
      return;
    }
    var utterance = new window.SpeechSynthesisUtterance(block.text);
    utterance.lang = "zh-CN";
    var voice = chineseVoice();
    if (voice) {
      utterance.voice = voice;
    }
    utterance.onstart = function () {
      mark(block.element);
    };
    utterance.onend = speakNext;
    utterance.onerror = function () {
      mark(null);
    };
    speech.speak(utterance);
  }

  function read() {
    speech.cancel();
    queue = readableBlocks();
    speechStatus(queue.length ? "正在朗读" : "没有可朗读的内容");
    speakNext();
  }

  function stop() {
    queue = [];
    speech.cancel();
    mark(null);
    speechStatus("已停止朗读");
  }

  function reset() {
    state = { open: state.open, text: 100, contrast: false, spacing: false, guide: false };
    save();
    apply();
    announceSize("");
  }

  function on(id, handler) {
    byId(id).addEventListener("click", handler);
  }

  function start() {
    if (!byId("gk-care") || !byId("gk-care-toggle")) {
      return;
    }
    byId("gk-care-toggle").hidden = false;
    on("gk-care-toggle", function () {
      toggle("open");
    });
    on("gk-care-larger", function () {
      resize(1);
    });
    on("gk-care-smaller", function () {
      resize(-1);
    });
    on("gk-care-contrast", function () {
      toggle("contrast");
    });
    on("gk-care-spacing", function () {
      toggle("spacing");
    });
    on("gk-care-guide", function () {
      toggle("guide");
    });
    on("gk-care-reset", reset);
    if (speech && window.SpeechSynthesisUtterance) {
      on("gk-care-read", read);
      on("gk-care-pause", function () {
        speech.pause();
        speechStatus("已暂停");
      });
      on("gk-care-resume", function () {
        speech.resume();
        speechStatus("正在朗读");
      });
      on("gk-care-stop", stop);
      window.addEventListener("pagehide", function () {
        speech.cancel();
      });
    } else {
      ["gk-care-read", "gk-care-pause", "gk-care-resume", "gk-care-stop"].forEach(function (id) {
        byId(id).disabled = true;
      });
      speechStatus("当前浏览器不支持朗读");
    }
    apply();
    announceSize("");
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
