/* Map Explorer's exported page: a time slider and a details panel around the app's map page.
 *
 * The app's Python side is replaced by this script: it reads the catalogue from the page's JSON,
 * computes the time window as the app's model does (window mode: time ± window/2; cumulative:
 * everything that began by the time) and sends the map the same JSON messages the app sends.
 * The map answers through an object with the app's bridge methods. Text from the data is only
 * ever set with textContent.
 */
"use strict";

var MapExplorerExport = (function () {
  var data = JSON.parse(document.getElementById("me-data").textContent);
  window.MAPEXPLORER_BASEMAP = JSON.parse(document.getElementById("me-basemap-data").textContent);

  var catalogue = data.catalogue;
  var T = data.time; // null when the catalogue has no events
  var list = data.events; // in time order
  var OTHERS_MOST = 25; // "Other events here" at a busy place: the nearest in time
  var colours = data.colours;
  var events = {};
  list.forEach(function (e) { events[e.id] = e; });
  var state = {
    now: T ? T.now : 0,
    mode: T ? T.mode : "window",
    windowDays: T ? T.windowDays : 3653,
    selected: null,
  };
  var shown = 0;
  var $ = function (id) { return document.getElementById(id); };
  var grouped = MapExplorer.grouped; // counts as the app writes them ("100,000")

  // --- days and words (the map page's civil_from_days: the model's, in JavaScript) -----------
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  var ymd = MapExplorer.ymdOfDay;

  function yearWords(y) { return y > 0 ? String(y) : (1 - y) + " BC"; }

  function dayWords(n) {
    var p = ymd(n);
    return p[2] + " " + MONTHS[p[1] - 1] + " " + yearWords(p[0]);
  }

  function spanWords(days) {
    if (days >= 700) return Math.round(days / 365.25) + " years";
    if (days >= 60) return Math.round(days / 30.44) + " months";
    return days + " days";
  }

  // --- messages to the map ---------------------------------------------------------------------
  function send(message) { MapExplorer.receive(JSON.stringify(message)); }

  /* The days shown now, inclusive: as ExplorerState.window() computes them. */
  function windowOf() {
    if (state.mode === "cumulative") return [T.firstStart, state.now];
    var half = Math.floor(state.windowDays / 2);
    return [state.now - half, state.now + half];
  }

  function sendTime() {
    var w = windowOf();
    send({ type: "time", start: w[0], end: w[1], now: state.now, mode: state.mode, rangeStart: T.start });
    showDate();
  }

  // --- the slider ------------------------------------------------------------------------------
  var slider = $("me-slider");

  /* The first slider value whose day is after `day` (`orAt`: at or after it). */
  function firstValueAfter(day, orAt) {
    var lo = 0, hi = T.steps.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (T.steps[mid] < day || (!orAt && T.steps[mid] === day)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /* The slider value of `day`: the middle of the values showing it, where the app's slider
   * draws a day and the ticks stand. In a story of a few days each day has hundreds of values:
   * the first of them put the handle of the last day two thirds along, off its tick. */
  function valueOf(day) {
    var first = firstValueAfter(day, true), after = firstValueAfter(day, false);
    if (after > first) return (first + after - 1) >> 1;
    return Math.min(first, T.steps.length - 1);
  }

  function setTime(day, fromSlider) {
    state.now = Math.max(T.start, Math.min(T.end, Math.floor(day)));
    if (!fromSlider) slider.value = String(valueOf(state.now));
    sendTime();
  }

  function eraAt(day) {
    for (var i = 0; i < T.eras.length; i++) {
      if (T.eras[i].start <= day && day <= T.eras[i].end) return T.eras[i];
    }
    return null;
  }

  function showDate() {
    $("me-date").textContent = dayWords(state.now);
    var era = eraAt(state.now);
    $("me-era").textContent = era ? era.label : "";
    var w = windowOf();
    $("me-date").title = state.mode === "cumulative"
      ? "Everything up to " + dayWords(state.now)
      : "Events from " + dayWords(w[0]) + " to " + dayWords(w[1]);
    $("me-window-label").hidden = state.mode === "cumulative";
  }

  function buildTrack() {
    slider.max = String(T.steps.length - 1);
    var eras = $("me-eras"), marks = $("me-marks"), ticks = $("me-ticks");
    T.eras.forEach(function (era, i) {
      var band = document.createElement("button");
      band.type = "button";
      band.className = "me-era-band" + (i % 2 ? " me-era-odd" : "");
      band.style.left = era.from * 100 + "%";
      band.style.width = (era.to - era.from) * 100 + "%";
      band.textContent = era.label;
      band.title = era.label + " — show this era";
      band.addEventListener("click", function () { chooseEra(era); });
      eras.appendChild(band);
    });
    T.marks.forEach(function (m) {
      var mark = document.createElement("span");
      mark.className = "me-mark";
      mark.style.left = m.pos * 100 + "%";
      mark.style.background = colours[m.cat] || "#7f7f7f";
      marks.appendChild(mark);
    });
    T.ticks.forEach(function (t) {
      var tick = document.createElement("span");
      tick.className = "me-tick";
      tick.style.left = t.pos * 100 + "%";
      tick.textContent = t.label;
      ticks.appendChild(tick);
    });
    thinTicks();
    window.addEventListener("resize", thinTicks);
    var choose = $("me-window");
    // Not the widths longer than the story (50 and 100 years over an 11-day file): each shows
    // every event at every time, as the window greys them out.
    var storyDays = T.end - T.start + 1;
    var choices = data.windowChoices.filter(function (c, i) {
      return c[1] <= storyDays || c[1] === state.windowDays || i === 0;
    });
    if (!choices.some(function (c) { return c[1] === state.windowDays; })) {
      // The window's "Whole story" (or All eras) read "within 325 years", "within 11 days".
      var whole = state.windowDays >= T.end - T.start + 1;
      choices.push([whole ? "the whole story" : spanWords(state.windowDays), state.windowDays]);
      choices.sort(function (a, b) { return a[1] - b[1]; });
    }
    choices.forEach(function (c) {
      var option = document.createElement("option");
      option.value = String(c[1]);
      option.textContent = c[0];
      choose.appendChild(option);
    });
    choose.value = String(state.windowDays);
    $("me-mode").value = state.mode;
    slider.value = String(valueOf(state.now));

    slider.addEventListener("input", function () {
      setTime(T.steps[Number(slider.value)], true);
    });
    $("me-mode").addEventListener("change", function (e) {
      state.mode = e.target.value;
      sendTime();
    });
    choose.addEventListener("change", function (e) {
      state.windowDays = Number(e.target.value);
      sendTime();
    });
    $("me-play").addEventListener("click", togglePlay);
    $("me-play").disabled = T.end <= T.start; // a story of a single day does not play
  }

  /* The ticks are chosen for a wide page: on a narrow one (a phone) they ran into each other
   * ("Jul 202|2025"). Each one that would touch the one before it is hidden, left to right,
   * and shown again when the page is wide enough. */
  function thinTicks() {
    var right = -Infinity;
    Array.prototype.forEach.call($("me-ticks").children, function (tick) {
      tick.style.visibility = "";
      if (tick.offsetLeft < right + 6) tick.style.visibility = "hidden";
      else right = tick.offsetLeft + tick.offsetWidth;
    });
  }

  /* A chapter: the window spans the era (as ExplorerState.choose_era). */
  function chooseEra(era) {
    pause();
    state.mode = "window";
    state.windowDays = era.end - era.start + 1;
    $("me-mode").value = "window";
    var choose = $("me-window");
    if (!Array.prototype.some.call(choose.options, function (o) { return Number(o.value) === state.windowDays; })) {
      // One option for the chapter chosen, as the window's box has one "Custom" line: each
      // era clicked added another.
      var option = choose.querySelector("option[data-era]");
      if (!option) {
        option = document.createElement("option");
        option.setAttribute("data-era", "");
        choose.appendChild(option);
      }
      option.value = String(state.windowDays);
      option.textContent = era.label;
    }
    choose.value = String(state.windowDays);
    setTime(Math.floor((era.start + era.end) / 2), false);
  }

  // --- playback: the whole track in 30 s, as the app's 1× speed ------------------------------
  var CROSSING_MS = 30000;
  var playing = false, playPosition = 0, lastTick = 0;

  function frame(now) {
    if (!playing) return;
    var elapsed = Math.min(250, now - lastTick);
    lastTick = now;
    playPosition += elapsed / CROSSING_MS;
    var max = T.steps.length - 1;
    if (playPosition >= 1) {
      slider.value = String(max);
      setTime(T.end, true);
      pause();
      return;
    }
    var value = Math.round(playPosition * max);
    if (String(value) !== slider.value) {
      slider.value = String(value);
      setTime(T.steps[value], true);
    }
    requestAnimationFrame(frame);
  }

  function play() {
    if (playing || T.end <= T.start) return; // a story of a single day has no time to play through
    var max = T.steps.length - 1;
    if (Number(slider.value) >= max || state.now >= T.end) { // at the end: from the start
      slider.value = "0";
      setTime(T.steps[0], true);
    }
    playPosition = Number(slider.value) / max;
    playing = true;
    lastTick = performance.now();
    showPlaying();
    requestAnimationFrame(frame);
  }

  function pause() {
    playing = false;
    showPlaying();
  }

  function togglePlay() { if (playing) pause(); else play(); }

  function showPlaying() {
    var button = $("me-play");
    button.textContent = playing ? "\u275A\u275A" : "\u25B6";
    button.setAttribute("aria-label", playing ? "Pause" : "Play");
    button.title = playing ? "Pause" : "Play through time";
  }

  // --- selection and the details panel ---------------------------------------------------------
  /* Select an event; like ExplorerState.select(move_time=True), bring the time to it if hidden. */
  function select(id, fly) {
    if (!(id in events)) return;
    var e = events[id];
    if (T) {
      var w = windowOf();
      if (state.mode === "cumulative" && e.start > state.now) setTime(e.start, false);
      else if (state.mode === "window" && !(e.start <= w[1] && e.end >= w[0])) {
        setTime(Math.floor((e.start + e.end) / 2), false);
      }
    }
    state.selected = id;
    send({ type: "select", id: id, fly: !!fly });
    showDetails(id);
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  /* A text cut at its web addresses (text, address, text, …: html_export's split_links) into
   * `parent`: the text as text, each address a link that opens in a new tab, without giving
   * that page a hold on this one. Only http and https: anything else stays text. */
  function appendLinked(parent, parts) {
    parts.forEach(function (part, i) {
      if (i % 2 && /^https?:\/\//i.test(part)) {
        var link = element("a", null, part);
        link.href = part;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        parent.appendChild(link);
      } else if (part) {
        parent.appendChild(document.createTextNode(part));
      }
    });
    return parent;
  }

  function showDetails(id) {
    var e = events[id], d = e;
    $("me-details-empty").hidden = true;
    $("me-details-body").hidden = false;
    $("me-event-title").textContent = e.title;
    $("me-event-date").textContent = e.date;
    if (e.dateHint) { // how firm the date is ("known to the year"), as the window's panel says
      $("me-event-date").appendChild(element("span", "me-date-hint", " (" + e.dateHint + ")"));
    }
    $("me-event-note").textContent = d.note ? "How the date was resolved: " + d.note : "";
    $("me-event-summary").textContent = "";
    appendLinked($("me-event-summary"), d.summary || []);

    var facts = $("me-event-facts");
    facts.textContent = "";
    function fact(label, value, colour) {
      if (!value) return;
      facts.appendChild(element("dt", null, label));
      var dd = element("dd");
      if (colour) {
        var swatch = element("span", "me-swatch");
        swatch.style.background = colour;
        dd.appendChild(swatch);
      }
      dd.appendChild(MapExplorer.isolated(value)); // a place's or actor's name in its own direction
      facts.appendChild(dd);
    }
    var places = d.places || [];
    fact(places.length > 1 ? "Places" : "Place", places.join(", "));
    fact("Actors", (d.actors || []).join(", "));
    fact("Category", e.cat, colours[e.cat] || "#7f7f7f");
    fact("Era", d.era);
    (d.extra || []).forEach(function (row) { // the file's other fields, as the app shows them
      facts.appendChild(element("dt", null, row[0]));
      var value = element("bdi");
      facts.appendChild(element("dd")).appendChild(appendLinked(value, row[1]));
    });

    var excerpts = $("me-event-excerpts");
    excerpts.textContent = "";
    if (d.excerpts && d.excerpts.length) {
      excerpts.appendChild(element("h3", null, "From the article"));
      d.excerpts.forEach(function (text) {
        var quote = element("blockquote", null, text);
        quote.dir = "auto"; // a passage in Arabic or Hebrew reads from the right
        excerpts.appendChild(quote);
      });
    }

    var others = $("me-event-others");
    others.textContent = "";
    var here = (d.placeIds || [])[0];
    // In time order; where the selected one falls among them.
    var there = [], position = 0;
    list.forEach(function (o) {
      if (o.id === id) position = there.length;
      else if (o.placeIds.indexOf(here) >= 0) there.push(o);
    });
    // At a busy place, the OTHERS_MOST nearest in time, as the app lists them: a button for
    // each of a city's thousands of incidents held the page up at every click.
    var from = 0, to = there.length;
    if (there.length > OTHERS_MOST) {
      from = Math.max(0, Math.min(there.length - OTHERS_MOST, position - (OTHERS_MOST >> 1)));
      to = from + OTHERS_MOST;
    }
    if (there.length) {
      var heading = element("h3", null, "Other events here: ");
      heading.appendChild(MapExplorer.isolated(d.placeHere));
      others.appendChild(heading);
      if (from > 0) others.appendChild(element("p", "me-others-more", MapExplorer.grouped(from) + " earlier…"));
      there.slice(from, to).forEach(function (o) {
        var button = element("button", "me-other");
        button.type = "button";
        button.appendChild(element("span", "me-tip-date", o.date));
        button.appendChild(document.createTextNode(" "));
        button.appendChild(MapExplorer.isolated(o.title));
        button.addEventListener("click", function () { select(o.id, true); });
        others.appendChild(button);
      });
      if (to < there.length) {
        others.appendChild(element("p", "me-others-more", MapExplorer.grouped(there.length - to) + " later…"));
      }
    }
    $("me-details").scrollTop = 0;
  }

  // --- what the map calls back (the app's bridge methods) -------------------------------------
  var bridge = {
    ready: function () {},
    placeClicked: function (placeId, idsJson) {
      var ids = JSON.parse(idsJson);
      if (!ids.length) return;
      // Keep the selection if it is one of the events here; else the latest one here.
      select(ids.indexOf(state.selected) >= 0 ? state.selected : ids[0], false);
    },
    eventClicked: function (id) { select(id, false); },
    frameDrawn: function (count) {
      shown = count;
      $("me-count").textContent = count === 1 ? "1 event shown" : grouped(count) + " events shown";
    },
    log: function (level, text) {
      if (level === "error") console.error(text);
      else console.warn(text);
    },
  };

  /* What the colours mean (a picture's legend says it too): over the map's corner, above its
   * credits. Categories come from the file: written as text. */
  function addLegend(map) {
    if (!data.legend || !data.legend.length) return;
    var control = L.control({ position: "bottomright" });
    control.onAdd = function () {
      var box = L.DomUtil.create("div", "me-legend");
      box.setAttribute("role", "list");
      box.setAttribute("aria-label", "Categories");
      data.legend.forEach(function (entry) {
        var row = L.DomUtil.create("div", "me-legend-row", box);
        row.setAttribute("role", "listitem");
        L.DomUtil.create("span", "me-legend-swatch", row).style.background = entry[1];
        var name = L.DomUtil.create("span", "me-legend-name", row);
        name.dir = "auto";
        name.textContent = entry[0].charAt(0).toUpperCase() + entry[0].slice(1);
      });
      return box;
    };
    control.addTo(map);
  }

  /* Dark when the reader's system or browser is (as the app follows its desktop's), and when
   * it switches: the map's theme sets the page's "dark" class, which the page's own parts
   * (header, details, slider, legend) follow too. */
  function followColourScheme() {
    var scheme = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
    function follow() { send({ type: "theme", dark: !!(scheme && scheme.matches) }); }
    follow();
    if (scheme && scheme.addEventListener) scheme.addEventListener("change", follow);
  }

  // --- start -------------------------------------------------------------------------------------
  function start() {
    document.title = data.title;
    $("me-title").textContent = data.title;
    var s = data.source, bits = [];
    if (s.publisher) bits.push(s.publisher);
    if (s.published) bits.push(s.publishedWords || s.published);
    var filtered = data.filtered;
    if (filtered) {
      // As a filtered picture's header says it: the page holds only the events it let through.
      bits.push(grouped(list.length) + " of " + grouped(filtered.total) + " events");
      bits.push("filtered: " + filtered.described);
    } else {
      bits.push(list.length === 1 ? "1 event" : grouped(list.length) + " events");
    }
    $("me-source").textContent = bits.join(" · ");

    var map = L.map("me-map", {
      preferCanvas: true,
      zoomAnimation: false, // the event canvas redraws per frame; no CSS zoom transitions
      worldCopyJump: false,
      minZoom: 2,
      maxZoom: 16, // as the app's map (page_builder.py)
    }).setView([38, 45], 4);
    MapExplorer.start(map);
    MapExplorer.attach(bridge);
    followColourScheme();
    map.attributionControl.addAttribution("Base map: Natural Earth · made with Map Explorer");
    addLegend(map);
    send(catalogue);
    if (!T) {
      $("me-timeline").hidden = true;
      return;
    }
    buildTrack();
    data.initial.forEach(send);
    showDate();
    if (data.initial[2].id) {
      state.selected = data.initial[2].id;
      showDetails(state.selected);
    }
    document.addEventListener("keydown", function (e) {
      if (e.key === " " && e.target === document.body) {
        e.preventDefault();
        togglePlay();
      }
    });
  }

  start();

  return {
    state: function () { return { now: state.now, mode: state.mode, windowDays: state.windowDays, selected: state.selected, window: windowOf() }; },
    setTime: function (day) { setTime(day, false); },
    select: select,
    play: play,
    pause: pause,
    dayWords: dayWords,
    shown: function () { return shown; },
  };
})();
