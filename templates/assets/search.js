/* 政策文件搜索 (search page) for Gongkai portals.
 *
 * Answers the search form of /search/ in the browser from the static index that `gongkai
 * build` writes under search/data/ (see Sources/GongkaiSearch/SearchIndexWriter.swift for the
 * file formats). A query downloads the small manifest.json, the shards of its terms, the
 * document lists of the filters in use and the display data of the results shown: never the
 * whole index. No framework, no third-party code, no request to any other host.
 *
 * Query terms follow the index builder's rules (SearchText.swift, TermExtractor.swift):
 * normalise (full-width to ASCII, A–Z to a–z), cut into CJK runs and letter-or-digit runs; a
 * CJK run of two or more characters must contain all its bigrams, one character is a term of
 * its own (stop characters are dropped), a letter-or-digit run is a term (a 5–8 digit run
 * starting 19/20 is cut after the year: 202311 → 2023 11, so 文号 work without 〔〕). Matching
 * therefore does not depend on where a segmenter puts word boundaries. Intl.Segmenter, when
 * the browser has it, adds the words of three or more characters as optional terms that rank
 * exact-word matches higher; without it the same documents are found.
 *
 * State lives in the URL (?q=…&year=…&issuer=…&page=…), so a result page can be shared and
 * the back button works. Results are announced in a polite live region.
 */
(function () {
  "use strict";

  var root = document.getElementById("gk-search");
  if (!root) {
    return;
  }
  if (typeof window.fetch !== "function" || typeof window.Promise !== "function" ||
      typeof window.Uint8Array !== "function" || !window.history || !window.history.pushState) {
    root.className += " gk-search--unsupported";
    return;
  }

  var PAGE_SIZE = 10;
  var FILTERS = ["body", "year", "issuer", "type", "topic", "validity"];
  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var VALUE = [];
  for (var a = 0; a < ALPHABET.length; a++) {
    VALUE[ALPHABET.charCodeAt(a)] = a;
  }

  var base = root.getAttribute("data-index");
  var form = document.getElementById("gk-search-form");
  var input = document.getElementById("gk-search-q");
  var status = document.getElementById("gk-search-status");
  var list = document.getElementById("gk-search-results");
  var pages = document.getElementById("gk-search-pages");

  var segmenter = null;
  try {
    if (typeof Intl !== "undefined" && typeof Intl.Segmenter === "function") {
      segmenter = new Intl.Segmenter("zh", { granularity: "word" });
    }
  } catch (error) {
    segmenter = null;
  }
  root.setAttribute("data-segmenter", segmenter ? "intl" : "bigram");

  var alphanumeric = null;
  try {
    alphanumeric = new RegExp("[\\p{L}\\p{N}]", "u");
  } catch (error) {
    alphanumeric = /[0-9A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/;
  }

  /* ---------------------------------------------------------------------------------------
   * Text rules shared with the index builder */

  function normalize(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      if (code >= 0xFF01 && code <= 0xFF5E) {
        code -= 0xFEE0;
      } else if (code === 0x3000) {
        code = 0x20;
      }
      if (code >= 0x41 && code <= 0x5A) {
        code += 0x20;
      }
      out += String.fromCharCode(code);
    }
    return out;
  }

  function isCJK(code) {
    return (code >= 0x4E00 && code <= 0x9FFF) || (code >= 0x3400 && code <= 0x4DBF) ||
      (code >= 0xF900 && code <= 0xFAFF) || (code >= 0x20000 && code <= 0x3134F) || code === 0x3007;
  }

  function tokenTerms(token) {
    if (/^(19|20)[0-9]{3,6}$/.test(token)) {
      return [token.slice(0, 4), token.slice(4)];
    }
    return token.length <= 32 ? [token] : [];
  }

  /* Characters of a string as code points (surrogate pairs joined). */
  function characters(text) {
    var out = [];
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      if (code >= 0xD800 && code <= 0xDBFF && i + 1 < text.length) {
        var low = text.charCodeAt(i + 1);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          out.push({ text: text.substr(i, 2), code: (code - 0xD800) * 0x400 + (low - 0xDC00) + 0x10000 });
          i++;
          continue;
        }
      }
      out.push({ text: text.charAt(i), code: code });
    }
    return out;
  }

  /* The words of a CJK run of three or more characters, by Intl.Segmenter. */
  function longWords(run) {
    if (!segmenter) {
      return [];
    }
    var words = [];
    var iterator = segmenter.segment(run)[Symbol.iterator]();
    for (var step = iterator.next(); !step.done; step = iterator.next()) {
      if (characters(step.value.segment).length >= 3) {
        words.push(step.value.segment);
      }
    }
    return words;
  }

  /* A query as terms: `required` (all must match), `bonus` (rank higher when they match),
   * `marks` (strings to highlight in titles). */
  function parse(query, stop) {
    var chars = characters(normalize(query));
    var required = [];
    var bonus = [];
    var marks = [];
    function add(target, term) {
      if (target.indexOf(term) < 0) {
        target.push(term);
      }
    }
    var i = 0;
    while (i < chars.length) {
      var end = i + 1;
      if (isCJK(chars[i].code)) {
        while (end < chars.length && isCJK(chars[end].code)) {
          end++;
        }
        var run = chars.slice(i, end);
        var text = run.map(function (c) { return c.text; }).join("");
        if (run.length === 1) {
          if (stop.indexOf(text) < 0) {
            add(required, text);
            add(marks, text);
          }
        } else {
          for (var k = 0; k + 1 < run.length; k++) {
            add(required, run[k].text + run[k + 1].text);
          }
          longWords(text).forEach(function (word) { add(bonus, word); });
          add(marks, text);
        }
      } else if (alphanumeric.test(chars[i].text)) {
        while (end < chars.length && !isCJK(chars[end].code) && alphanumeric.test(chars[end].text)) {
          end++;
        }
        var token = chars.slice(i, end).map(function (c) { return c.text; }).join("");
        tokenTerms(token).forEach(function (term) {
          add(required, term);
          add(marks, term);
        });
      }
      i = end;
    }
    return { required: required, bonus: bonus, marks: marks };
  }

  /* FNV-1a over UTF-8, as TermHash.swift. */
  function hash(term) {
    var bytes = unescape(encodeURIComponent(term));
    var value = 0x811C9DC5;
    for (var i = 0; i < bytes.length; i++) {
      value ^= bytes.charCodeAt(i);
      value = Math.imul(value, 16777619) >>> 0;
    }
    return value >>> 0;
  }

  /* ---------------------------------------------------------------------------------------
   * Index files */

  var manifest = null;
  var cache = {};

  function getJSON(path) {
    var url = base + path + (manifest ? "?v=" + manifest.build : "");
    if (!cache[url]) {
      cache[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) {
          throw new Error(url + ": " + response.status);
        }
        return response.json();
      });
      cache[url]["catch"](function () { delete cache[url]; });
    }
    return cache[url];
  }

  function loadManifest() {
    if (manifest) {
      return Promise.resolve(manifest);
    }
    return getJSON("manifest.json").then(function (loaded) {
      manifest = loaded;
      return manifest;
    });
  }

  /* Calls visit(id) for every document of a bitmap (6 documents a character). */
  function eachInBitmap(bitmap, visit) {
    for (var j = 0; j < bitmap.length; j++) {
      var bits = VALUE[bitmap.charCodeAt(j)];
      for (var b = 0; b < 6; b++) {
        if (bits & (1 << b)) {
          visit(j * 6 + b);
        }
      }
    }
  }

  /* The numbers of a string of them (PostingCoder.swift): groups of 5 bits, lowest first. */
  function numbersOf(data) {
    var numbers = [];
    var i = 0;
    while (i < data.length) {
      var result = 0;
      var shift = 0;
      var value;
      do {
        value = VALUE[data.charCodeAt(i++)];
        result += (value & 31) * Math.pow(2, shift);
        shift += 5;
      } while (value & 32);
      numbers.push(result);
    }
    return numbers;
  }

  /* Calls visit(id, value) for every document of a gap list; with `valued`, each gap is
   * followed by a number. */
  function eachInGaps(data, valued, visit) {
    var numbers = numbersOf(data);
    var previous = -1;
    for (var k = 0; k < numbers.length; k += valued ? 2 : 1) {
      previous += numbers[k] + 1;
      visit(previous, valued ? numbers[k + 1] : 1);
    }
  }

  /* Characters of a number in a gap list. */
  function numberLength(value) {
    var length = 1;
    for (; value >= 32; value = Math.floor(value / 32)) {
      length++;
    }
    return length;
  }

  /* A term's postings: ids (ascending) and values (4 × body count + 2 × heading + meta). */
  function postingsOf(data) {
    var postings = { ids: [], values: [] };
    eachInGaps(data, true, function (id, value) {
      postings.ids.push(id);
      postings.values.push(value);
    });
    return postings;
  }

  /* Scoring, as SearchScoring.swift: BM25 with k1 = 1.2, b = 0.75, plus bonuses for a hit in
   * the title or 文号 and in the metadata, quantised to 1–63. */
  var K1 = 1.2;
  var B = 0.75;
  var HEADING_BONUS = 2.5;
  var META_BONUS = 1.0;
  var MAXIMUM_PART = (K1 + 1) + HEADING_BONUS + META_BONUS;

  function quantize(part) {
    return Math.max(1, Math.min(63, Math.round(part / MAXIMUM_PART * 63)));
  }

  var DENSE_SCORE = quantize(1.0);

  function idfOf(df, count) {
    return Math.round(Math.log(1 + (count - df + 0.5) / (df + 0.5)) * 1000) / 1000;
  }

  /* Characters of the postings of `ids` numbered newest first (count - 1 - id). */
  function encodedLength(ids, count) {
    if (!ids.length) {
      return 0;
    }
    var length = numberLength(count - 1 - ids[ids.length - 1]) + ids.length;
    for (var k = 1; k < ids.length; k++) {
      length += numberLength(ids[k] - ids[k - 1] - 1);
    }
    return length;
  }

  /* Whether the index of format 1 stored the term as a bitmap, scoring the documents without
   * a heading or metadata hit DENSE_SCORE: kept, so that the ranking stays the same. */
  function isDense(postings, count) {
    var bitmapLength = Math.floor((count + 5) / 6);
    var sparse = encodedLength(postings.ids, count);
    if (sparse <= bitmapLength) {
      return false;
    }
    var featured = postings.ids.filter(function (id, k) { return (postings.values[k] & 3) !== 0; });
    return encodedLength(featured, count) + bitmapLength < Math.floor(sparse * 3 / 4);
  }

  /* Per-document scores q (0 = absent) of a term's postings; `lengths` holds the body length
   * of every document with the term in its body. */
  function scoresOf(postings, count, lengths) {
    var scores = new Uint8Array(count);
    var dense = isDense(postings, count);
    var average = Math.max(1, manifest.length / Math.max(1, count));
    for (var k = 0; k < postings.ids.length; k++) {
      var value = postings.values[k];
      if (dense && (value & 3) === 0) {
        scores[postings.ids[k]] = DENSE_SCORE;
        continue;
      }
      var part = 0;
      var tf = Math.floor(value / 4);
      if (tf > 0) {
        part = tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[postings.ids[k]] / average));
      }
      if (value & 2) {
        part += HEADING_BONUS;
      }
      if (value & 1) {
        part += META_BONUS;
      }
      scores[postings.ids[k]] = quantize(part);
    }
    return scores;
  }

  /* Loads into `lengths` the body lengths of the documents of `postings` (files l/<n>.json). */
  function loadLengths(postingsList, lengths) {
    var chunks = {};
    postingsList.forEach(function (postings) {
      for (var k = 0; k < postings.ids.length; k++) {
        if (postings.values[k] >= 4) {
          chunks[Math.floor(postings.ids[k] / manifest.lengthChunk)] = true;
        }
      }
    });
    return Promise.all(Object.keys(chunks).map(function (name) {
      return getJSON("l/" + name + ".json").then(function (data) {
        var first = Number(name) * manifest.lengthChunk;
        numbersOf(data).forEach(function (length, k) { lengths[first + k] = length; });
      });
    }));
  }

  /* The documents of one facet file (["b", bitmap] or ["l", gaps]), as a membership array. */
  function membersOf(file, count) {
    var members = new Uint8Array(count);
    function add(id) { members[id] = 1; }
    if (file[0] === "b") {
      eachInBitmap(file[1], add);
    } else {
      eachInGaps(file[1], false, add);
    }
    return members;
  }

  function facetValue(name, value) {
    var facets = manifest.facets;
    for (var i = 0; i < facets.length; i++) {
      if (facets[i].name === name) {
        for (var j = 0; j < facets[i].values.length; j++) {
          if (facets[i].values[j].value === value) {
            return facets[i].values[j];
          }
        }
      }
    }
    return null;
  }

  /* Runs a search: resolves to {ids (ranked), parsed}. */
  function search(state) {
    return loadManifest().then(function () {
      var count = manifest.documents;
      var parsed = parse(state.q, manifest.stop);
      if (state.q && !parsed.required.length) {
        return { ids: [], parsed: parsed, noTerms: true };
      }
      var terms = parsed.required.concat(parsed.bonus);
      var shardNames = {};
      terms.forEach(function (term) { shardNames[hash(term) & (manifest.shards - 1)] = true; });
      var loads = Object.keys(shardNames).map(function (shard) {
        return getJSON("t/" + shard + ".json").then(function (json) { return [shard, json]; });
      });
      var filters = [];
      FILTERS.forEach(function (name) {
        if (!state[name]) {
          return;
        }
        var entry = facetValue(name, state[name]);
        if (!entry) {
          filters.push({ none: true });
        } else if (entry.file) {
          loads.push(getJSON(entry.file).then(function (file) {
            filters.push({ members: membersOf(file, count) });
            return null;
          }));
        } else {
          filters.push({ from: entry.from, to: entry.to });
        }
      });
      return Promise.all(loads).then(function (loaded) {
        var shards = {};
        loaded.forEach(function (pair) {
          if (pair) {
            shards[pair[0]] = pair[1];
          }
        });
        function entry(term) {
          var shard = shards[hash(term) & (manifest.shards - 1)];
          return shard && Object.prototype.hasOwnProperty.call(shard, term) ? shard[term] : null;
        }
        var required = [];
        for (var r = 0; r < parsed.required.length; r++) {
          var found = entry(parsed.required[r]);
          if (!found) {
            return { ids: [], parsed: parsed };
          }
          required.push(postingsOf(found));
        }
        var bonus = [];
        parsed.bonus.forEach(function (term) {
          var found = entry(term);
          if (found) {
            bonus.push(postingsOf(found));
          }
        });
        var lengths = new Int32Array(count);
        return loadLengths(required.concat(bonus), lengths).then(function () {
          function scored(postings) {
            return { idf: idfOf(postings.ids.length, count), scores: scoresOf(postings, count, lengths) };
          }
          return rank(required.map(scored), bonus.map(scored), filters, count, parsed);
        });
      });
    });
  }

  /* The documents that have every required term and pass every filter, best first (ties:
   * the newer document, the higher id). */
  function rank(required, bonus, filters, count, parsed) {
    var results = [];
    for (var id = 0; id < count; id++) {
      var score = 0;
      var ok = true;
      for (var t = 0; t < required.length && ok; t++) {
        var q = required[t].scores[id];
        if (q) {
          score += required[t].idf * q;
        } else {
          ok = false;
        }
      }
      for (var f = 0; f < filters.length && ok; f++) {
        var filter = filters[f];
        ok = filter.none ? false : filter.members ? filter.members[id] === 1 : id >= filter.from && id < filter.to;
      }
      if (!ok) {
        continue;
      }
      for (var w = 0; w < bonus.length; w++) {
        score += bonus[w].idf * bonus[w].scores[id];
      }
      results.push({ id: id, score: score });
    }
    results.sort(function (x, y) { return y.score - x.score || y.id - x.id; });
    return { ids: results.map(function (result) { return result.id; }), parsed: parsed };
  }

  /* Display data of documents: [title, url, 文号, date, validity, notCurrent, issuer]. */
  function display(ids) {
    var chunks = {};
    ids.forEach(function (id) { chunks[Math.floor(id / manifest.chunk)] = true; });
    var names = Object.keys(chunks);
    return Promise.all(names.map(function (name) { return getJSON("d/" + name + ".json"); })).then(function (loaded) {
      var byChunk = {};
      names.forEach(function (name, index) { byChunk[name] = loaded[index]; });
      return ids.map(function (id) {
        return byChunk[Math.floor(id / manifest.chunk)][id % manifest.chunk];
      });
    });
  }

  /* ---------------------------------------------------------------------------------------
   * Page */

  function readState(search) {
    var state = { q: "", page: 1 };
    FILTERS.forEach(function (name) { state[name] = ""; });
    (search.charAt(0) === "?" ? search.slice(1) : search).split("&").forEach(function (pair) {
      if (!pair) {
        return;
      }
      var at = pair.indexOf("=");
      var key, value;
      try {
        key = decodeURIComponent((at < 0 ? pair : pair.slice(0, at)).replace(/\+/g, " "));
        value = at < 0 ? "" : decodeURIComponent(pair.slice(at + 1).replace(/\+/g, " "));
      } catch (error) {
        return;
      }
      if (key === "page") {
        state.page = Math.max(1, parseInt(value, 10) || 1);
      } else if (key === "q" || FILTERS.indexOf(key) >= 0) {
        state[key] = value;
      }
    });
    return state;
  }

  function query(state, page) {
    var parts = [];
    if (state.q) {
      parts.push("q=" + encodeURIComponent(state.q));
    }
    FILTERS.forEach(function (name) {
      if (state[name]) {
        parts.push(name + "=" + encodeURIComponent(state[name]));
      }
    });
    if (page > 1) {
      parts.push("page=" + page);
    }
    return parts.length ? "?" + parts.join("&") : location.pathname;
  }

  function stateFromForm() {
    var state = { q: input.value.replace(/^\s+|\s+$/g, ""), page: 1 };
    FILTERS.forEach(function (name) {
      var select = form.elements[name];
      state[name] = select ? select.value : "";
    });
    return state;
  }

  function fillForm(state) {
    input.value = state.q;
    FILTERS.forEach(function (name) {
      var select = form.elements[name];
      if (select) {
        select.value = state[name];
        if (select.value !== state[name]) {
          select.value = "";
        }
      }
    });
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.appendChild(document.createTextNode(text));
    }
    return node;
  }

  /* Appends `text` to `parent` with every occurrence of `marks` in <mark>. */
  function highlighted(parent, text, marks) {
    var normal = normalize(text);
    var flags = [];
    marks.forEach(function (mark) {
      if (!mark) {
        return;
      }
      for (var at = normal.indexOf(mark); at >= 0; at = normal.indexOf(mark, at + 1)) {
        for (var k = at; k < at + mark.length; k++) {
          flags[k] = true;
        }
      }
    });
    var start = 0;
    for (var i = 1; i <= text.length; i++) {
      if (i === text.length || !!flags[i] !== !!flags[start]) {
        var piece = text.slice(start, i);
        parent.appendChild(flags[start] ? element("mark", "gk-results__mark", piece) : document.createTextNode(piece));
        start = i;
      }
    }
  }

  function renderResults(rows, marks, first) {
    list.innerHTML = "";
    rows.forEach(function (row) {
      var item = element("li", "gk-results__item");
      var link = element("a", "gk-results__link");
      link.href = row[1];
      highlighted(link, row[0], marks);
      item.appendChild(link);
      var meta = element("span", "gk-list__meta");
      /* What the result is: its 文件类型 (政策解读, 通知…) or 常见问题. */
      meta.appendChild(element("span", "gk-results__kind", row[7] || "文件"));
      if (row[2]) {
        var number = element("span", "gk-list__number");
        highlighted(number, row[2], marks);
        meta.appendChild(number);
      }
      var date = element("time", "gk-list__date", row[3]);
      date.setAttribute("datetime", row[3]);
      meta.appendChild(date);
      if (row[6]) {
        meta.appendChild(element("span", "gk-results__issuer", row[6]));
      }
      if (row[4]) {
        meta.appendChild(element("span", row[5] ? "gk-badge gk-badge--warning" : "gk-badge", row[4]));
      }
      item.appendChild(meta);
      list.appendChild(item);
    });
    list.setAttribute("start", String(first + 1));
    list.hidden = rows.length === 0;
  }

  function renderPages(state, current, count) {
    pages.innerHTML = "";
    pages.hidden = count <= 1;
    if (count <= 1) {
      return;
    }
    pages.appendChild(element("p", "gk-pagination__summary", "第 " + current + " 页，共 " + count + " 页"));
    var ul = element("ul", "gk-pagination__list");
    function link(page, text, label) {
      var li = element("li");
      var a = element("a", "gk-pagination__link", text);
      a.href = query(state, page);
      a.setAttribute("data-page", String(page));
      if (label) {
        a.setAttribute("aria-label", label);
      }
      li.appendChild(a);
      ul.appendChild(li);
    }
    if (current > 1) {
      link(current - 1, "上一页");
    }
    var previous = 0;
    for (var page = 1; page <= count; page++) {
      if (page !== 1 && page !== count && Math.abs(page - current) > 2) {
        continue;
      }
      if (page > previous + 1) {
        var gap = element("li", "gk-pagination__gap", "…");
        gap.setAttribute("aria-hidden", "true");
        ul.appendChild(gap);
      }
      if (page === current) {
        var li = element("li");
        var span = element("span", "gk-pagination__current", "第 " + page + " 页");
        span.setAttribute("aria-current", "page");
        li.appendChild(span);
        ul.appendChild(li);
      } else {
        link(page, String(page), "第 " + page + " 页");
      }
      previous = page;
    }
    if (current < count) {
      link(current + 1, "下一页");
    }
    pages.appendChild(ul);
  }

  function announce(text) {
    status.textContent = text;
  }

  function describeFilters(state) {
    var parts = [];
    FILTERS.forEach(function (name) {
      if (state[name]) {
        var select = form.elements[name];
        var label = select && select.labels && select.labels[0] ? select.labels[0].textContent : name;
        parts.push(label + "：" + (name === "year" ? state[name] + "年" : state[name]));
      }
    });
    return parts.join("，");
  }

  var generation = 0;

  function run(state, focusResults) {
    var mine = ++generation;
    var filtered = FILTERS.some(function (name) { return !!state[name]; });
    if (!state.q && !filtered) {
      list.hidden = true;
      pages.hidden = true;
      announce("");
      document.title = document.title.replace(/^“.*?”的搜索结果 - /, "");
      return Promise.resolve();
    }
    root.setAttribute("aria-busy", "true");
    announce("正在搜索……");
    return search(state).then(function (found) {
      var total = found.ids.length;
      var count = Math.max(1, Math.ceil(total / PAGE_SIZE));
      var current = Math.min(state.page, count);
      var shown = found.ids.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
      return display(shown).then(function (rows) {
        if (mine !== generation) {
          return;
        }
        renderResults(rows, found.parsed.marks, (current - 1) * PAGE_SIZE);
        renderPages(state, current, count);
        var what = state.q ? "与“" + state.q + "”相关的" : "";
        var filters = describeFilters(state);
        var text;
        if (found.noTerms) {
          text = "“" + state.q + "”中没有可以搜索的词语。请输入文件标题、文号或正文中的词语；“的”“和”等常用字不能单独搜索。";
        } else if (total === 0) {
          text = "没有找到" + what + "文件" + (filters ? "（筛选条件：" + filters + "）" : "") +
            "。请检查有无错别字，换用更短或更常用的词语，用空格分开多个词，" +
            (filters ? "或者去掉筛选条件，" : "") + "也可以到政策文件库按类别浏览。";
        } else {
          text = "找到 " + total + " 条" + what + "结果" + (filters ? "（筛选条件：" + filters + "）" : "") +
            (count > 1 ? "，第 " + current + " 页，共 " + count + " 页" : "") + "。";
        }
        announce(text);
        var title = document.title.replace(/^“.*?”的搜索结果 - /, "");
        document.title = state.q ? "“" + state.q + "”的搜索结果 - " + title : title;
        if (focusResults && rows.length) {
          list.querySelector("a").focus();
        }
        return { total: total, shown: rows.length };
      });
    })["catch"](function () {
      if (mine === generation) {
        list.hidden = true;
        pages.hidden = true;
        announce("搜索暂时无法使用（索引文件读取失败）。请稍后再试，或者到政策文件库按类别浏览。");
      }
      return null;
    }).then(function (outcome) {
      if (mine === generation) {
        root.removeAttribute("aria-busy");
      }
      return outcome;
    });
  }

  function go(state, page, focusResults) {
    state.page = page;
    var target = query(state, page);
    if ((target.charAt(0) === "?" ? target : "") !== location.search) {
      history.pushState(null, "", target);
    }
    return run(state, focusResults);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    go(stateFromForm(), 1, false);
  });

  FILTERS.forEach(function (name) {
    var select = form.elements[name];
    if (select) {
      select.addEventListener("change", function () { go(stateFromForm(), 1, false); });
    }
  });

  pages.addEventListener("click", function (event) {
    var target = event.target;
    while (target && target !== pages && !target.getAttribute("data-page")) {
      target = target.parentNode;
    }
    if (!target || target === pages || event.ctrlKey || event.metaKey || event.shiftKey || event.button) {
      return;
    }
    event.preventDefault();
    var state = readState(location.search);
    go(state, parseInt(target.getAttribute("data-page"), 10), true);
  });

  window.addEventListener("popstate", function () {
    var state = readState(location.search);
    fillForm(state);
    run(state, false);
  });

  var initial = readState(location.search);
  fillForm(initial);
  root.className += " gk-search--ready";
  run(initial, false);

  /* For tests, the benchmark (bench/search) and curious developers: how a query is cut into
   * terms, and a search as if typed into the form (resolves to {total, shown}). */
  window.gongkaiSearch = {
    parse: function (text) { return parse(text, manifest ? manifest.stop : ""); },
    search: function (text) {
      input.value = text;
      return go(stateFromForm(), 1, false);
    }
  };
})();
