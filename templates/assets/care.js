/* 关怀模式 (care mode) for Gongkai portals.
 *
 * Text size and whole-page zoom (100%–200%, both reflow), colour schemes (标准, 黑底白字, 黑底黄字,
 * 蓝底白字, 黄底黑字), wider spacing, a reading guide line (pointer, keyboard focus or touch), a
 * cross-hair (十字光标), large black or white pointers (大鼠标), a caption bar showing the
 * pointed text in large type (大字幕), plain-text mode, read-aloud with the browser's own
 * speech synthesis (zh-CN) with 指读 (speak what is pointed at or focused) and a speech rate.
 * Every control is a real <button>; there are no keyboard shortcuts, no network requests and no
 * third-party code. Settings are kept in localStorage under "gongkai.care" and applied on every
 * page (an inline script in <head> applies the visual ones before the first paint). Without
 * JavaScript the toolbar stays hidden and the page works as it is.
 *
 * Also here: the 栏目导航 button that folds the main navigation on phones and 打印本页.
 */
(function () {
  "use strict";

  var KEY = "gongkai.care";
  var STEPS = [100, 125, 150, 175, 200];
  var RATES = [0.6, 0.8, 1, 1.25, 1.5];
  var RATE_NAMES = ["很慢", "较慢", "正常", "较快", "很快"];
  var SCHEMES = ["", "contrast", "black-yellow", "blue-white", "yellow-black"];
  var TOGGLES = ["spacing", "guide", "cross", "caption", "plain", "point"];
  var root = document.documentElement;

  function load() {
    var saved = {};
    try {
      saved = JSON.parse(window.localStorage.getItem(KEY) || "{}") || {};
    } catch (error) {
      saved = {};
    }
    var state = {
      open: saved.open === true,
      text: STEPS.indexOf(saved.text) >= 0 ? saved.text : 100,
      zoom: STEPS.indexOf(saved.zoom) >= 0 ? saved.zoom : 100,
      scheme: saved.contrast === true ? "contrast" : (SCHEMES.indexOf(saved.scheme) > 1 ? saved.scheme : ""),
      cursor: saved.cursor === "black" || saved.cursor === "white" ? saved.cursor : "",
      rate: RATES.indexOf(saved.rate) >= 0 ? saved.rate : 1
    };
    TOGGLES.forEach(function (name) {
      state[name] = saved[name] === true;
    });
    return state;
  }

  var state = load();

  function save() {
    state.contrast = state.scheme === "contrast";
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

  function pressed(id, on) {
    var button = byId(id);
    if (button) {
      button.setAttribute("aria-pressed", String(on));
    }
  }

  /* Bands and lines that follow the pointer, the focused element or a finger. */
  var overlays = {};

  function overlay(name, on, className) {
    if (on && !overlays[name]) {
      var element = document.createElement("div");
      element.className = className;
      element.setAttribute("aria-hidden", "true");
      document.body.appendChild(element);
      overlays[name] = element;
    } else if (!on && overlays[name]) {
      overlays[name].parentNode.removeChild(overlays[name]);
      delete overlays[name];
    }
    return overlays[name];
  }

  function follow(x, y) {
    if (overlays.guide) {
      overlays.guide.style.top = Math.max(0, y - overlays.guide.offsetHeight / 2) + "px";
    }
    if (overlays.crossX) {
      overlays.crossX.style.top = Math.max(0, y - 1) + "px";
      overlays.crossY.style.left = Math.max(0, x - 1) + "px";
    }
  }

  function onPointerMove(event) {
    follow(event.clientX, event.clientY);
  }

  function onTouch(event) {
    var touch = event.touches && event.touches[0];
    if (touch) {
      follow(touch.clientX, touch.clientY);
    }
  }

  /* The element whose text 指读 and 大字幕 use: the innermost block or control. */
  var POINTABLE = "a, button, summary, label, input, select, textarea, h1, h2, h3, h4, p, li, dt, dd, th, td, caption, figcaption";

  function pointedText(target) {
    var element = target && target.closest ? target.closest(POINTABLE) : null;
    if (!element || element.closest("#gk-care, .gk-caption-bar")) {
      return "";
    }
    var text = element.getAttribute("aria-label") || element.innerText || element.textContent || element.value || "";
    return text.replace(/\s+/g, " ").trim().slice(0, 300);
  }

  var lastPointed = "";
  var pointTimer = 0;

  function pointAt(target, immediately) {
    var text = pointedText(target);
    if (!text || text === lastPointed) {
      return;
    }
    lastPointed = text;
    if (overlays.caption) {
      overlays.caption.textContent = text;
    }
    if (state.point) {
      window.clearTimeout(pointTimer);
      pointTimer = window.setTimeout(function () {
        speakNow([{ text: text, element: null }]);
      }, immediately ? 0 : 350);
    }
  }

  function onFocusIn(event) {
    var box = event.target.getBoundingClientRect();
    follow(box.left + Math.min(box.width / 2, 40), box.top + box.height / 2);
    pointAt(event.target, true);
  }

  function onPointerOver(event) {
    pointAt(event.target, false);
  }

  var listening = false;

  function listen() {
    var wanted = state.guide || state.cross || state.caption || state.point;
    if (wanted === listening) {
      return;
    }
    listening = wanted;
    var method = wanted ? "addEventListener" : "removeEventListener";
    document[method]("mousemove", onPointerMove, { passive: true });
    document[method]("touchstart", onTouch, { passive: true });
    document[method]("touchmove", onTouch, { passive: true });
    document[method]("focusin", onFocusIn);
    document[method]("mouseover", onPointerOver, { passive: true });
  }

  function showOverlays() {
    overlay("guide", state.guide, "gk-guide");
    overlay("crossX", state.cross, "gk-cross gk-cross--x");
    overlay("crossY", state.cross, "gk-cross gk-cross--y");
    var bar = overlay("caption", state.caption, "gk-caption-bar");
    if (bar && !bar.textContent) {
      bar.textContent = "大字幕：把鼠标移到文字上，或用 Tab 键移动，这里用大字显示该处文字。";
    }
    if (state.guide && overlays.guide && !overlays.guide.style.top) {
      follow(0, window.innerHeight / 3);
    }
    listen();
  }

  /* 纯文本模式: images give way to their text alternative. */
  function plainText(on) {
    var images = document.querySelectorAll("main img");
    for (var i = 0; i < images.length; i += 1) {
      var image = images[i];
      var next = image.nextSibling;
      var shown = next && next.nodeType === 1 && next.classList.contains("gk-plain-alt");
      if (on && !shown && image.alt) {
        var note = document.createElement("span");
        note.className = "gk-plain-alt";
        note.textContent = "［图片：" + image.alt + "］";
        image.parentNode.insertBefore(note, image.nextSibling);
      } else if (!on && shown) {
        next.parentNode.removeChild(next);
      }
    }
  }

  function apply() {
    root.setAttribute("data-gk-text", String(state.text));
    root.setAttribute("data-gk-zoom", String(state.zoom));
    SCHEMES.forEach(function (scheme) {
      if (scheme) {
        setClass(scheme === "contrast" ? "gk-care-contrast" : "gk-scheme-" + scheme, state.scheme === scheme);
      }
      pressed(scheme === "contrast" ? "gk-care-contrast" : "gk-care-scheme-" + (scheme || "default"), state.scheme === scheme);
    });
    setClass("gk-scheme", state.scheme !== "");
    setClass("gk-cursor-black", state.cursor === "black");
    setClass("gk-cursor-white", state.cursor === "white");
    pressed("gk-care-cursor-black", state.cursor === "black");
    pressed("gk-care-cursor-white", state.cursor === "white");
    TOGGLES.forEach(function (name) {
      setClass("gk-care-" + name, state[name]);
      pressed("gk-care-" + name, state[name]);
    });
    plainText(state.plain);
    showOverlays();
    byId("gk-care").hidden = !state.open;
    byId("gk-care-toggle").setAttribute("aria-expanded", String(state.open));
    byId("gk-care-size").textContent = "字号 " + state.text + "%";
    byId("gk-care-zoom").textContent = "页面 " + state.zoom + "%";
    byId("gk-care-rate").textContent = "语速 " + RATE_NAMES[RATES.indexOf(state.rate)];
  }

  function step(name, list, direction, status) {
    var index = list.indexOf(state[name]) + direction;
    if (index < 0 || index >= list.length) {
      apply();
      byId(status).textContent += direction > 0 ? "（已是最大）" : "（已是最小）";
      return;
    }
    state[name] = list[index];
    save();
    apply();
  }

  function toggle(name) {
    state[name] = !state[name];
    save();
    apply();
  }

  function choose(name, value) {
    state[name] = state[name] === value && name === "cursor" ? "" : value;
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
      if (/^(zh|cmn)([-_](CN|Hans))?/i.test(voices[i].lang) && !/^zh[-_](HK|TW)/i.test(voices[i].lang)) {
        return voices[i];
      }
    }
    return null;
  }

  /* Calls `then` with the Chinese voice, or null when none is installed. Voices may arrive a
   * moment after the page loads, so an empty list is asked again once they change. */
  function withVoice(then) {
    var voice = chineseVoice();
    if (voice || (speech.getVoices && speech.getVoices().length)) {
      then(voice);
      return;
    }
    var done = false;
    function finish() {
      if (!done) {
        done = true;
        then(chineseVoice());
      }
    }
    if (speech.addEventListener) {
      speech.addEventListener("voiceschanged", finish);
    }
    window.setTimeout(finish, 700);
  }

  var NO_VOICE = "无法朗读：本机没有安装中文语音。请在系统设置的“语音”或“讲述人”中添加中文（普通话）语音后再试。";

  function speakNext(voice) {
    var block = queue.shift();
    if (!block) {
      mark(null);
      speechStatus("朗读结束");
      return;
    }
    var utterance = new window.SpeechSynthesisUtterance(block.text);
    utterance.lang = "zh-CN";
    try {
      utterance.voice = voice;
    } catch (error) {
      /* Not a SpeechSynthesisVoice (a test double): the lang still says zh-CN. */
    }
    utterance.rate = state.rate;
    utterance.onstart = function () {
      mark(block.element);
    };
    utterance.onend = function () {
      speakNext(voice);
    };
    utterance.onerror = function () {
      mark(null);
    };
    speech.speak(utterance);
  }

  function speakNow(blocks) {
    speech.cancel();
    queue = blocks;
    withVoice(function (voice) {
      if (!voice) {
        queue = [];
        speechStatus(NO_VOICE);
        return;
      }
      speechStatus(queue.length ? "正在朗读" : "没有可朗读的内容");
      speakNext(voice);
    });
  }

  function stop() {
    queue = [];
    speech.cancel();
    mark(null);
    speechStatus("已停止朗读");
  }

  function reset() {
    state = { open: state.open, text: 100, zoom: 100, scheme: "", cursor: "", rate: 1 };
    TOGGLES.forEach(function (name) {
      state[name] = false;
    });
    save();
    apply();
  }

  function on(id, handler) {
    var element = byId(id);
    if (element) {
      element.addEventListener("click", handler);
    }
  }

  /* 栏目导航: folded on narrow screens so that the content starts in the first screen. */
  function menu() {
    var button = byId("gk-menu-toggle");
    var nav = byId("gk-nav");
    if (!button || !nav || !window.matchMedia) {
      return;
    }
    var narrow = window.matchMedia("(max-width: 599px)");
    function set(open) {
      button.setAttribute("aria-expanded", String(open));
      nav.classList.toggle("gk-nav--folded", !open);
    }
    function fit() {
      button.hidden = !narrow.matches;
      set(!narrow.matches);
    }
    button.addEventListener("click", function () {
      set(button.getAttribute("aria-expanded") !== "true");
    });
    if (narrow.addEventListener) {
      narrow.addEventListener("change", fit);
    }
    fit();
  }

  function start() {
    menu();
    var print = byId("gk-print");
    if (print && window.print) {
      print.hidden = false;
      print.addEventListener("click", function () {
        window.print();
      });
    }
    if (!byId("gk-care") || !byId("gk-care-toggle")) {
      return;
    }
    byId("gk-care-toggle").hidden = false;
    on("gk-care-toggle", function () {
      toggle("open");
    });
    on("gk-care-close", function () {
      toggle("open");
      byId("gk-care-toggle").focus();
    });
    on("gk-care-larger", function () {
      step("text", STEPS, 1, "gk-care-size");
    });
    on("gk-care-smaller", function () {
      step("text", STEPS, -1, "gk-care-size");
    });
    on("gk-care-zoom-in", function () {
      step("zoom", STEPS, 1, "gk-care-zoom");
    });
    on("gk-care-zoom-out", function () {
      step("zoom", STEPS, -1, "gk-care-zoom");
    });
    SCHEMES.forEach(function (scheme) {
      on(scheme === "contrast" ? "gk-care-contrast" : "gk-care-scheme-" + (scheme || "default"), function () {
        choose("scheme", state.scheme === scheme && scheme !== "" ? "" : scheme);
      });
    });
    on("gk-care-cursor-black", function () {
      choose("cursor", "black");
    });
    on("gk-care-cursor-white", function () {
      choose("cursor", "white");
    });
    TOGGLES.forEach(function (name) {
      if (name !== "point") {
        on("gk-care-" + name, function () {
          toggle(name);
        });
      }
    });
    on("gk-care-reset", reset);
    var speechIDs = ["gk-care-read", "gk-care-pause", "gk-care-resume", "gk-care-stop", "gk-care-point",
      "gk-care-slower", "gk-care-faster"];
    if (speech && window.SpeechSynthesisUtterance) {
      on("gk-care-read", function () {
        speakNow(readableBlocks());
      });
      on("gk-care-pause", function () {
        speech.pause();
        speechStatus("已暂停");
      });
      on("gk-care-resume", function () {
        speech.resume();
        speechStatus("正在朗读");
      });
      on("gk-care-stop", stop);
      on("gk-care-point", function () {
        toggle("point");
        lastPointed = "";
        if (state.point) {
          withVoice(function (voice) {
            speechStatus(voice ? "指读已打开：鼠标指向或用 Tab 键移到哪里，就朗读哪里" : NO_VOICE);
          });
        } else {
          stop();
        }
      });
      on("gk-care-slower", function () {
        step("rate", RATES, -1, "gk-care-rate");
      });
      on("gk-care-faster", function () {
        step("rate", RATES, 1, "gk-care-rate");
      });
      window.addEventListener("pagehide", function () {
        speech.cancel();
      });
    } else {
      speechIDs.forEach(function (id) {
        byId(id).disabled = true;
      });
      state.point = false;
      speechStatus("当前浏览器不支持朗读");
    }
    apply();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
