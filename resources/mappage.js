/* Map Explorer's map page.
 *
 * Loaded once. Python sends small JSON messages with runJavaScript, MapExplorer.receive(text)
 * ("catalogue" once per file, then "time", "filter", "select", ...); the page answers through
 * the QWebChannel bridge's slots (ready, placeClicked, eventClicked, frameDrawn, log). Events are drawn on one canvas,
 * not as per-event DOM elements.
 *
 * Built for 100,000 events:
 * - the catalogue arrives once, as typed arrays (base64), events sorted by start;
 * - a time move diffs the visible set: events are grouped by duration class (< 2^k days) and
 *   each class is bisected by start, so a move touches only events near the window's edges;
 * - one point per 3-px screen cell (the latest event's marker covers the rest): a few hundred
 *   as sprites (drawImage), more as dots written into one pixel buffer;
 * - where places are on screen is worked out once per view (map move, zoom, resize), not per
 *   time move; past 300 shapes, regions are scan-filled and routes are one-pixel lines in the
 *   same buffer, their pixels kept for the view, and the buffer is put on the canvas in one go;
 * - cumulative mode moving forward only adds the new events to the last draw's cells;
 * - hit tests go through a spatial grid built once per catalogue.
 * Text from data files is only ever set with textContent, never as HTML.
 */
"use strict";

var MapExplorer = (function () {
  var map = null;
  var bridge = null;
  var onlineLayer = null;
  var basemap = null; // BasemapCanvas: the countries, under Leaflet's panes
  var labelLayer = null;
  var labels = []; // per base map label: {lat, lng, text, kind, minZoom, markers} (placeLabels)
  var canvas = null;
  var ctx = null;
  var tooltip = null;
  var popup = null;
  var filterNote = null; // says a filter hides every event, or every one at this time

  var POINT = 0, ROUTE = 1, REGION = 2;
  var KIND_CODE = { point: POINT, route: ROUTE, region: REGION };

  // --- the catalogue, as flat typed arrays (built once per "catalogue" message) ---------------
  var nPlaces = 0;
  var placeIds = [], placeNames = [];
  var placeIndex = null; // id -> index, made at first use (see indexOfPlace)
  var placeKind = new Uint8Array(0), hasRoutes = false;
  var placeRing = new Int32Array(1); // place p's rings: [placeRing[p], placeRing[p+1])
  var ringStart = new Int32Array(1); // ring r's vertices: [ringStart[r], ringStart[r+1])
  var xy = new Float64Array(0); // vertices in Web Mercator world pixels at zoom 0 (see WORLD)
  var bbox = new Float64Array(0); // 4 per place
  var placeEvStart = new Int32Array(1); // events at place p (ascending = by start)
  var placeEvs = new Int32Array(0);

  var nEvents = 0;
  var evIds = [], evTitles = [];
  var dateWords = [], evDate = new Int32Array(0); // event i's date in words: dateWordsOf(i)
  var dayWords = { weekdays: [], months: [] }; // Python's names, to word a plain day as it does
  var eventIndex = null; // id -> index, made at first use (see indexOfEvent)
  var evStart = new Int32Array(0);
  var evEnd = new Int32Array(0);
  var evSoft = new Uint8Array(0);
  var evCat = new Uint8Array(0);
  var evPlaceStart = new Int32Array(1);
  var evPlaces = new Int32Array(0);
  var evStyleBase = new Uint16Array(0); // per event: category * 22 + soft (see styleIndex)
  var evPass = new Uint8Array(0); // 1 when the event passes the current filter
  var catColours = []; // per category index: "#rrggbb"
  var classes = []; // per duration class: {maxDur, starts: Int32Array, idx: Int32Array}

  // --- the current view -----------------------------------------------------------------------
  var view = { start: -Infinity, end: Infinity, now: 0, mode: "window", rangeStart: 0 };
  var visible = new Uint8Array(0);
  var visList = new Int32Array(0), visCount = 0, freshList = new Int32Array(0);
  var filterOff = true;
  var prefixMode = false; // the visible set is the events [0, visCount) (cumulative, no filter)
  var mark = new Uint8Array(0);
  var placeCount = new Int32Array(0); // visible events per place
  var placeTop = new Int32Array(0); // per place: its latest visible event, or -1
  var dirtyPlaces = new Int32Array(0), dirtyStamp = new Uint8Array(0);
  var selected = -1;
  var hoverPlace = -1;
  var needsDraw = true;
  var frameScheduled = false;
  var drewThisFrame = false; // a draw since the last animation frame
  var pendingAck = []; // arrivals of messages whose draw waits for the next frame
  var timings = [];
  var phases = []; // per message: [parse+handle, visibility, draw] ms, for profiling
  var frames = 0;
  var drawnSize = [0, 0]; // the map's size at the last draw told to Python
  var dark = false;

  function log(level, message) {
    if (bridge) bridge.log(level, String(message));
  }

  window.addEventListener("error", function (e) {
    log("error", (e.message || "error") + " at " + (e.filename || "") + ":" + (e.lineno || 0));
  });

  function decode(b64, Type) {
    // Uint8Array.fromBase64 (Chromium 140, so Qt 6.11's WebEngine) decodes megabytes ~10x
    // faster than atob and a loop; browsers without it (an HTML export opened elsewhere) loop.
    if (Uint8Array.fromBase64) return new Type(Uint8Array.fromBase64(b64 || "").buffer);
    var bin = atob(b64 || ""), n = bin.length, bytes = new Uint8Array(n);
    for (var i = 0; i < n; i++) bytes[i] = bin.charCodeAt(i);
    return new Type(bytes.buffer);
  }

  /* Event i's date in words. A plain day ("1854-09-30") comes as null and is worded here, as
   * Python's `describe` words it: most dates of a big file, not made nor sent one by one. */
  function dateWordsOf(i) {
    var words = dateWords[evDate[i]];
    return words === null ? plainDayWords(evStart[i]) : words;
  }

  function plainDayWords(n) {
    var ymd = ymdOfDay(n);
    return dayWords.weekdays[((n % 7) + 7) % 7] + " " + ymd[2] + " " + dayWords.months[ymd[1] - 1] + " " + ymd[0];
  }

  /* [year, month, day] of day number n (0 is 1970-01-01): model/time.py's ymd_from_day, Howard
   * Hinnant's civil_from_days. The HTML export's page uses it too (MapExplorer.ymdOfDay). */
  function ymdOfDay(n) {
    var z = n + 719468, era = Math.floor(z / 146097), doe = z - era * 146097;
    var yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    var doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    var mp = Math.floor((5 * doy + 2) / 153), day = doy - Math.floor((153 * mp + 2) / 5) + 1;
    var month = mp < 10 ? mp + 3 : mp - 9;
    return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
  }

  /* An event's or a place's index from its id. The maps are made when first asked for, not
   * with every catalogue: a 100,000-event file's first draw does not wait for them. */
  function indexOfEvent(id) {
    if (!eventIndex) {
      eventIndex = new Map();
      for (var i = 0; i < nEvents; i++) eventIndex.set(evIds[i], i);
    }
    return eventIndex.get(id);
  }

  function indexOfPlace(id) {
    if (!placeIndex) {
      placeIndex = new Map();
      for (var p = 0; p < nPlaces; p++) placeIndex.set(placeIds[p], p);
    }
    return placeIndex.get(id);
  }

  /* A count as the app writes it, whatever the browser's language: "1,200". */
  function grouped(n) {
    return n.toLocaleString("en-US");
  }

  function lowerBound(arr, value) {
    var lo = 0, hi = arr.length;
    while (lo < hi) {
      var mid = (lo + hi) >>> 1;
      if (arr[mid] < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // --- loading a catalogue --------------------------------------------------------------------
  function loadCatalogue(m) {
    var P = m.places, E = m.events, i, p, k;
    nPlaces = P.ids.length;
    placeIds = P.ids;
    placeNames = P.names;
    placeIndex = null;
    placeKind = decode(P.kinds, Uint8Array);
    hasRoutes = placeKind.indexOf(ROUTE) >= 0;
    placeRing = decode(P.placeRing, Int32Array);
    ringStart = decode(P.ringStart, Int32Array);
    var lonlat = decode(P.coords, Float64Array);
    // Project once to Web Mercator world pixels at zoom 0 (what L.CRS.EPSG3857 does).
    xy = new Float64Array(lonlat.length);
    var maxLat = 85.0511287798, d2r = Math.PI / 180;
    for (i = 0; i < lonlat.length; i += 2) {
      var lat = Math.max(-maxLat, Math.min(maxLat, lonlat[i + 1]));
      var s = Math.sin(lat * d2r);
      xy[i] = ((lonlat[i] + 180) / 360) * 256;
      xy[i + 1] = 256 * (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI));
    }
    bbox = new Float64Array(4 * nPlaces);
    centreWest = Infinity;
    centreEast = -Infinity;
    for (p = 0; p < nPlaces; p++) {
      var b0 = Infinity, b1 = Infinity, b2 = -Infinity, b3 = -Infinity;
      var v0 = ringStart[placeRing[p]], v1 = ringStart[placeRing[p + 1]];
      for (var v = v0; v < v1; v++) {
        var x = xy[2 * v], y = xy[2 * v + 1];
        if (x < b0) b0 = x;
        if (y < b1) b1 = y;
        if (x > b2) b2 = x;
        if (y > b3) b3 = y;
      }
      bbox[4 * p] = b0; bbox[4 * p + 1] = b1; bbox[4 * p + 2] = b2; bbox[4 * p + 3] = b3;
      centreWest = Math.min(centreWest, (b0 + b2) / 2);
      centreEast = Math.max(centreEast, (b0 + b2) / 2);
    }

    nEvents = E.ids.length;
    evIds = E.ids;
    evTitles = E.titles;
    dateWords = E.dateWords;
    dayWords = m.dayWords || { weekdays: [], months: [] };
    evDate = decode(E.dateIndex, Int32Array);
    eventIndex = null;
    evStart = decode(E.start, Int32Array);
    evEnd = decode(E.end, Int32Array);
    evSoft = decode(E.soft, Uint8Array);
    evCat = decode(E.cat, Uint8Array);
    evPlaceStart = decode(E.placeStart, Int32Array);
    evPlaces = decode(E.places, Int32Array);
    catColours = m.categories.map(function (c) { return (m.colours || {})[c] || "#7f7f7f"; });

    // Events per place (CSR), ascending event index = by start.
    placeEvStart = new Int32Array(nPlaces + 1);
    for (k = 0; k < evPlaces.length; k++) placeEvStart[evPlaces[k] + 1]++;
    for (p = 0; p < nPlaces; p++) placeEvStart[p + 1] += placeEvStart[p];
    placeEvs = new Int32Array(evPlaces.length);
    var fill = placeEvStart.slice(0, nPlaces);
    for (i = 0; i < nEvents; i++) {
      for (k = evPlaceStart[i]; k < evPlaceStart[i + 1]; k++) placeEvs[fill[evPlaces[k]]++] = i;
    }

    // Duration classes: class c holds events lasting fewer than 2^c days, in start order.
    var cls = new Uint8Array(nEvents), counts = [];
    for (i = 0; i < nEvents; i++) {
      var dur = evEnd[i] - evStart[i] + 1;
      var c = 32 - Math.clz32(dur); // ceil(log2(dur + 1)), without a float logarithm
      cls[i] = c;
      counts[c] = (counts[c] || 0) + 1;
    }
    classes = [];
    var slot = [];
    for (c = 0; c < counts.length; c++) {
      if (!counts[c]) continue;
      slot[c] = classes.length;
      classes.push({ maxDur: Math.pow(2, c) - 1, starts: new Int32Array(counts[c]), idx: new Int32Array(counts[c]), n: 0 });
    }
    for (i = 0; i < nEvents; i++) {
      var cl = classes[slot[cls[i]]];
      cl.starts[cl.n] = evStart[i];
      cl.idx[cl.n++] = i;
    }

    evPass = new Uint8Array(nEvents).fill(1);
    visible = new Uint8Array(nEvents);
    mark = new Uint8Array(nEvents);
    visList = new Int32Array(nEvents);
    freshList = new Int32Array(nEvents);
    visCount = 0;
    placeCount = new Int32Array(nPlaces);
    placeTop = new Int32Array(nPlaces).fill(-1);
    dirtyPlaces = new Int32Array(nPlaces);
    dirtyStamp = new Uint8Array(nPlaces);
    buildGrid();
    spriteByStyle = [];
    labelByCount = [];
    warmSpritesWhenIdle();
    catalogueGen++;
    dotColours = new Uint32Array(catColours.length * 22 + 2);
    evStyleBase = new Uint16Array(nEvents);
    for (i = 0; i < nEvents; i++) evStyleBase[i] = evCat[i] * 22 + evSoft[i];
    fillColours = new Uint32Array(catColours.length * 22 + 2);
    selected = -1;
    hoverPlace = -1;
    closePopup();
    if (m.bounds) fit(m.bounds, false);
  }

  /* What the map says over its middle about the filter (none: hidden); set as text. */
  function showNote(text) {
    if (!filterNote) return;
    filterNote.textContent = text || "";
    filterNote.style.display = text ? "block" : "none";
  }

  // --- messages from Python ---------------------------------------------------------------------
  var handlers = {
    catalogue: function (m) {
      loadCatalogue(m);
      return true;
    },
    // The filter's events are all outside the time shown (the window works it out as the time
    // moves, and sends it only when it changes): the note alone, nothing to draw again.
    note: function (m) {
      showNote(m.text);
      return false;
    },
    time: function (m) {
      var changed = view.mode !== m.mode || view.now !== m.now;
      view.start = m.start;
      view.end = m.end;
      view.now = m.now;
      view.mode = m.mode;
      view.rangeStart = m.rangeStart;
      return changed && view.mode === "cumulative"; // fading depends on "now"
    },
    filter: function (m) {
      filterOff = m.ids === null;
      // A filter that hides every event says so over the map (as text: it quotes the filter).
      showNote(m.note);
      if (m.ids === null) evPass.fill(1);
      else {
        evPass.fill(0);
        m.ids.forEach(function (id) {
          var i = indexOfEvent(id);
          if (i !== undefined) evPass[i] = 1;
        });
      }
      resetVisibility();
      return true;
    },
    select: function (m) {
      var i = m.id === null ? undefined : indexOfEvent(m.id);
      selected = i === undefined ? -1 : i;
      if (selected >= 0 && m.fly) flyToEvent(selected);
      return true;
    },
    fit: function (m) { fit(m.bounds, true); return true; },
    basemap: function (m) {
      if (!onlineLayer) return false;
      if (m.online) {
        onlineTiles = { loaded: 0, failed: 0 };
        onlineLayer.addTo(map);
      } else {
        map.removeLayer(onlineLayer);
        showOfflineLabels(true);
      }
      // The story's framing, still shown, comes as close as the map now drawn allows.
      if (framing && framing.story && !userMoved && showsFraming()) fit(framing.extent, true);
      return false;
    },
    theme: function (m) {
      dark = !!m.dark;
      document.body.classList.toggle("dark", dark);
      styleBasemap();
      return true;
    },
  };

  /* Python's messages, in the order sent. A big one (a catalogue) is fetched from Python's URL
   * scheme (ui/page_data.py) rather than sent as a script; messages sent after it wait here
   * until it has arrived and been handled. */
  var fetching = 0, inOrder = Promise.resolve();

  function receive(text) {
    if (fetching) inOrder = inOrder.then(function () { handle(text); }).catch(reportError);
    else handle(text);
  }

  function fetchMessage(url) {
    fetching++;
    var body = fetch(url).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.text();
    });
    // Each step catches its own error, so one failure cannot stop the messages after it.
    inOrder = inOrder.then(function () { return body; }).then(handle, function (err) {
      log("error", "a message from Python could not be fetched: " + err);
    }).catch(reportError).then(function () { fetching--; });
    return true;
  }

  function reportError(err) {
    log("error", (err && err.stack) || String(err));
  }

  function handle(text) {
    var received = performance.now();
    var m;
    try {
      m = JSON.parse(text);
    } catch (err) {
      log("error", "bad message from Python: " + err);
      return;
    }
    var batch = m.type === "batch" ? m.messages : [m], redraw = false, data = false;
    for (var k = 0; k < batch.length; k++) {
      var handler = handlers[batch[k].type];
      if (!handler) {
        log("warning", "unknown message type " + batch[k].type);
        continue;
      }
      if (handler(batch[k])) redraw = true;
      var type = batch[k].type;
      if (type !== "basemap" && type !== "theme" && type !== "note") data = true;
    }
    if (!data) {
      if (redraw) requestDraw();
      return;
    }
    var t0 = performance.now();
    if (updateVisibility() || redraw) needsDraw = true;
    refreshTooltip();
    var t1 = performance.now();
    if (needsDraw && drewThisFrame) {
      // A drag sends moves faster than frames: draw once per frame, at the frame, and answer
      // then — the layers are updated at most once per frame the compositor can show.
      pendingAck.push(received);
      scheduleFrame();
      return;
    }
    // The layers are updated now, in this task; the compositor shows them at its next frame.
    if (needsDraw) draw();
    phases.push([t0 - received, t1 - t0, performance.now() - t1]);
    if (phases.length > 5000) phases.shift();
    answer([received]);
  }

  /* Time from each message's arrival to the layers updated (for the benchmark); tell Python. */
  function answer(arrivals) {
    var now = performance.now();
    arrivals.forEach(function (t) { timings.push(now - t); });
    if (timings.length > 5000) timings.splice(0, timings.length - 5000);
    if (bridge) bridge.frameDrawn(visCount);
  }

  // --- what is lit now --------------------------------------------------------------------------
  function resetVisibility() {
    if (prefixMode) visible.fill(0, 0, visCount); // visList is not kept in prefix mode
    else for (var k = 0; k < visCount; k++) visible[visList[k]] = 0;
    visCount = 0;
    prefixMode = false;
    placeCount.fill(0);
    placeTop.fill(-1);
  }

  /* Cumulative with no filter: events are sorted by start, so what is visible is a prefix of
   * them and a move only adds or removes the events between the old end and the new one. */
  function updatePrefix() {
    if (!prefixMode) {
      if (visCount) resetVisibility();
      prefixMode = true;
    }
    var K = lowerBound(evStart, view.end + 1), i, j, p, k, nDirty = 0;
    if (K === visCount) return false;
    if (Math.abs(K - visCount) * 4 > nPlaces) {
      // A long jump: faster to ask every place for its events before K (a short search each)
      // than to walk all the events that came or went.
      if (K > visCount) visible.fill(1, visCount, K);
      else visible.fill(0, K, visCount);
      visCount = K;
      for (p = 0; p < nPlaces; p++) {
        var first = placeEvStart[p], lo = first, hi = placeEvStart[p + 1];
        while (lo < hi) {
          var m = (lo + hi) >> 1;
          if (placeEvs[m] < K) lo = m + 1; else hi = m;
        }
        placeCount[p] = lo - first;
        placeTop[p] = lo > first ? placeEvs[lo - 1] : -1;
      }
      return true;
    }
    for (i = visCount; i < K; i++) {
      visible[i] = 1;
      for (j = evPlaceStart[i]; j < evPlaceStart[i + 1]; j++) {
        p = evPlaces[j];
        placeCount[p]++;
        placeTop[p] = i; // i is the latest so far: events come in start order
      }
    }
    for (i = K; i < visCount; i++) {
      visible[i] = 0;
      for (j = evPlaceStart[i]; j < evPlaceStart[i + 1]; j++) {
        p = evPlaces[j];
        placeCount[p]--;
        if (!dirtyStamp[p]) { dirtyStamp[p] = 1; dirtyPlaces[nDirty++] = p; }
      }
    }
    visCount = K;
    for (k = 0; k < nDirty; k++) {
      p = dirtyPlaces[k];
      dirtyStamp[p] = 0;
      // The place's latest event before K: its events are in start order, search them.
      var lo = placeEvStart[p], hi = placeEvStart[p + 1];
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (placeEvs[mid] < K) lo = mid + 1; else hi = mid;
      }
      placeTop[p] = lo > placeEvStart[p] ? placeEvs[lo - 1] : -1;
    }
    return true;
  }

  /* Diff the visible set against the window: returns true when anything changed. */
  function updateVisibility() {
    if (view.mode === "cumulative" && filterOff) return updatePrefix();
    if (prefixMode) resetVisibility(); // prefix mode keeps no visList: start afresh
    prefixMode = false;
    var lo = view.start, hi = view.end, k, i, j, p;
    // 1. The new visible set, marked: per duration class, only starts in [lo - maxDur, hi].
    var fresh = freshList, nFresh = 0;
    for (var c = 0; c < classes.length; c++) {
      var cl = classes[c];
      var from = lowerBound(cl.starts, lo - cl.maxDur), to = lowerBound(cl.starts, hi + 1);
      for (k = from; k < to; k++) {
        i = cl.idx[k];
        if (evEnd[i] >= lo && evPass[i] === 1) {
          mark[i] = 1;
          fresh[nFresh++] = i;
        }
      }
    }
    var nDirty = 0, changed = false;
    // 2. Removals: visible before, not marked now.
    for (k = 0; k < visCount; k++) {
      i = visList[k];
      if (mark[i]) continue;
      visible[i] = 0;
      changed = true;
      for (j = evPlaceStart[i]; j < evPlaceStart[i + 1]; j++) {
        p = evPlaces[j];
        placeCount[p]--;
        if (placeTop[p] === i && !dirtyStamp[p]) { dirtyStamp[p] = 1; dirtyPlaces[nDirty++] = p; }
      }
    }
    // 3. Additions; the new set is the new list.
    for (k = 0; k < nFresh; k++) {
      i = fresh[k];
      mark[i] = 0;
      if (visible[i]) continue;
      visible[i] = 1;
      changed = true;
      for (j = evPlaceStart[i]; j < evPlaceStart[i + 1]; j++) {
        p = evPlaces[j];
        placeCount[p]++;
        if (i > placeTop[p]) placeTop[p] = i; // a place wears its latest visible event
      }
    }
    freshList = visList;
    visList = fresh;
    visCount = nFresh;
    // 4. Places whose top event left: find their latest visible event again.
    for (k = 0; k < nDirty; k++) {
      p = dirtyPlaces[k];
      dirtyStamp[p] = 0;
      var top = -1;
      for (j = placeEvStart[p + 1] - 1; j >= placeEvStart[p]; j--) {
        if (visible[placeEvs[j]]) { top = placeEvs[j]; break; }
      }
      placeTop[p] = top;
    }
    return changed;
  }

  /* The event whose style a lit place wears: the selection where it is, else its latest. */
  function styleOf(p) {
    if (selected >= 0 && visible[selected]) {
      for (var j = evPlaceStart[selected]; j < evPlaceStart[selected + 1]; j++) {
        if (evPlaces[j] === p) return selected;
      }
    }
    return placeTop[p];
  }

  function isSelectedPlace(p) {
    return selected >= 0 && visible[selected] && styleOf(p) === selected;
  }

  // --- drawing ----------------------------------------------------------------------------------
  function requestDraw() {
    needsDraw = true;
    scheduleFrame();
  }

  function scheduleFrame() {
    if (frameScheduled) return;
    frameScheduled = true;
    requestAnimationFrame(onFrame);
  }

  function onFrame() {
    frameScheduled = false;
    drewThisFrame = false;
    if (needsDraw) draw();
    if (pendingAck.length) {
      var arrivals = pendingAck;
      pendingAck = [];
      answer(arrivals);
    }
  }

  function rgba(hex, alpha) {
    var v = parseInt((hex || "#7f7f7f").slice(1), 16);
    return "rgba(" + ((v >> 16) & 255) + "," + ((v >> 8) & 255) + "," + (v & 255) + "," + alpha + ")";
  }

  function opacityOf(i) {
    // Cumulative mode fades older events; uncertain dates are softer in every mode.
    var a = evSoft[i] ? 0.55 : 1.0;
    if (view.mode === "cumulative") {
      var span = Math.max(1, view.now - view.rangeStart);
      var age = Math.max(0, view.now - evEnd[i]) / span;
      a *= Math.max(0.3, 1 - 0.8 * age);
    }
    return Math.round(a * 10) / 10; // quantised, so styles batch into few paths
  }

  var spriteCache = new Map();

  /* A point marker at full opacity, pre-rendered once per colour, softness and size: drawing
   * is then one drawImage per point, faded with globalAlpha. */
  function sprite(colour, soft, r) {
    var key = colour + "|" + soft + "|" + r;
    var s = spriteCache.get(key);
    if (s) return s;
    var ratio = window.devicePixelRatio || 1, half = r + 2;
    var c = document.createElement("canvas");
    c.width = c.height = Math.ceil(2 * half * ratio);
    var g = c.getContext("2d");
    g.scale(ratio, ratio);
    g.beginPath();
    g.arc(half, half, r, 0, 2 * Math.PI);
    g.fillStyle = rgba(colour, soft ? 0.5 : 0.92);
    g.fill();
    g.lineWidth = 2;
    g.setLineDash(soft ? [5, 4] : []);
    g.strokeStyle = soft ? colour : "rgba(255,255,255,0.95)";
    g.stroke();
    s = { image: c, half: half };
    asBitmap(s);
    spriteCache.set(key, s);
    return s;
  }

  /* The number of events at a place, white, pre-rendered once per number. */
  function labelSprite(text) {
    var key = "#" + text;
    var s = spriteCache.get(key);
    if (s) return s;
    var ratio = window.devicePixelRatio || 1, w = 24, h = 14;
    var c = document.createElement("canvas");
    c.width = w * ratio;
    c.height = h * ratio;
    var g = c.getContext("2d");
    g.scale(ratio, ratio);
    g.fillStyle = "#ffffff";
    g.font = "bold " + (text.length > 3 ? 8 : 10) + "px sans-serif";
    g.textAlign = "center";
    g.textBaseline = "middle";
    g.fillText(text, w / 2, h / 2 + 0.5);
    s = { image: c, w: w, h: h };
    asBitmap(s);
    spriteCache.set(key, s);
    return s;
  }

  /* A sprite drawn from an ImageBitmap rather than its canvas: ~17% less time drawing a few
   * hundred markers (measured at 10,000 events). Until the bitmap is ready, the canvas. */
  function asBitmap(s) {
    if (!window.createImageBitmap) return;
    createImageBitmap(s.image).then(function (bitmap) { s.image = bitmap; }, function () {});
  }

  // The same sprites by number, not by string key: no string built per point per frame.
  var spriteByStyle = [], labelByCount = [];

  /* Sprites are made on first use anyway; making the common ones ahead keeps a first drag
   * smooth. Not before the first frame: ~180 small canvases cost 100+ ms of start-up. */
  function warmSpritesWhenIdle() {
    if (window.requestIdleCallback) window.requestIdleCallback(warmSprites, { timeout: 3000 });
    else setTimeout(warmSprites, 500);
  }

  function warmSprites() {
    catColours.forEach(function (colour) {
      [0, 1].forEach(function (soft) {
        [7, 9, 12, 9 + 2, 7 + 2, 12 + 2].forEach(function (r) { sprite(colour, soft, r); });
      });
    });
    for (var n = 2; n < 100; n++) labelSprite(String(n));
  }

  // --- where things are on screen, per view -------------------------------------------------
  // Recomputed only when the map moves, zooms or resizes (or a catalogue arrives): a time move
  // then draws from these arrays without projecting anything.
  var catalogueGen = 0, viewKey = "";
  var vx = new Float32Array(0), vy = new Float32Array(0); // vertices, canvas (device) pixels
  var OFF = 0, DOTLIKE = 1, SHAPE = 2, MULTI = 3;
  var pMode = new Uint8Array(0); // per place: OFF (off screen), DOTLIKE, SHAPE or MULTI
  var pCell = new Int32Array(0); // DOTLIKE: its 3-px cell
  var pX = new Float32Array(0), pY = new Float32Array(0); // DOTLIKE: its marker, CSS pixels

  // --- copies of the world ---------------------------------------------------------------------
  // The map does not wrap round: a view near ±180° shows world pixels below 0 or past WORLD.
  // Python sends shapes across the antimeridian in one piece (messages.geometry_buffers: Fiji
  // at 170…190°, world x past WORLD), and each place is drawn, hit and framed at the copy of
  // itself, whole turns of WORLD apart, nearest the middle of the view.
  var WORLD = 256;
  var pShift = new Float64Array(0); // per place, this view: world x added to draw its copy
  var centreWest = 0, centreEast = 0; // the places' westmost and eastmost middles (world x)

  function copyShift(p, middle) {
    var b = 4 * p;
    return Math.round((middle - (bbox[b] + bbox[b + 2]) / 2) / WORLD) * WORLD;
  }

  /* The world x at the middle of the map as it is now. */
  function viewMiddle() {
    return (map.getPixelBounds().min.x + map.getSize().x / 2) / Math.pow(2, map.getZoom());
  }

  /* The shortest span [west, east] of world x covering every [wests[k], easts[k]] on a world
   * that repeats every WORLD: across the antimeridian when that is shorter. The page's copy
   * of antimeridian.tightest_span (for an event's few places). */
  function tightestSpan(wests, easts) {
    var n = wests.length, items = [], k, reach = [], far = -Infinity;
    for (k = 0; k < n; k++) {
      if (easts[k] - wests[k] >= WORLD) return [0, WORLD];
      var w = wests[k] - Math.floor(wests[k] / WORLD) * WORLD;
      items.push([w, w + easts[k] - wests[k]]);
    }
    items.sort(function (a, b) { return a[0] - b[0]; });
    for (k = 0; k < n; k++) reach.push(far = Math.max(far, items[k][1]));
    // The widest stretch no place covers is left out: east of everything, or between two.
    var bestGap = items[0][0] + WORLD - far, after = -1, covered;
    for (k = 1; k < n; k++) {
      covered = Math.max(reach[k - 1], far - WORLD);
      if (items[k][0] - covered > bestGap) { bestGap = items[k][0] - covered; after = k; }
    }
    if (bestGap <= 0) return [0, WORLD];
    if (after < 0) return [items[0][0], far];
    return [items[after][0], Math.max(reach[after - 1], far - WORLD) + WORLD];
  }

  function project(v, ratio, cols, rows) {
    var key = catalogueGen + "|" + v.scale + "|" + v.ox + "|" + v.oy + "|" + v.w + "|" + v.h + "|" + ratio;
    if (key === viewKey) return;
    viewKey = key;
    var nv = xy.length >> 1, q, p, end;
    if (vx.length !== nv) { vx = new Float32Array(nv); vy = new Float32Array(nv); }
    if (pMode.length !== nPlaces) {
      pShift = new Float64Array(nPlaces);
      pMode = new Uint8Array(nPlaces);
      pCell = new Int32Array(nPlaces);
      pX = new Float32Array(nPlaces);
      pY = new Float32Array(nPlaces);
    }
    viewGen++;
    poolUsed = 0;
    var scale = v.scale, s = scale * ratio, dx = v.ox * ratio, dy = v.oy * ratio;
    for (q = 0; q < nv; q++) {
      vx[q] = xy[2 * q] * s - dx;
      vy[q] = xy[2 * q + 1] * s - dy;
    }
    var left = (v.ox - 20) / scale, right = (v.ox + v.w + 20) / scale;
    var top = (v.oy - 20) / scale, bottom = (v.oy + v.h + 20) / scale;
    var middle = (v.ox + v.w / 2) / scale;
    // The usual case, a story in one part of the world: every place's nearest copy is its own.
    var turns = !(middle < centreWest + WORLD / 2 && middle >= centreEast - WORLD / 2);
    for (p = 0; p < nPlaces; p++) {
      var shift = pShift[p] = turns ? copyShift(p, middle) : 0;
      if (shift !== 0) {
        // Drawn a turn or more away: few places, and only in views near ±180°.
        for (q = ringStart[placeRing[p]], end = ringStart[placeRing[p + 1]]; q < end; q++) vx[q] += shift * s;
      }
      var b = 4 * p, x0 = bbox[b] + shift, x1 = bbox[b + 2] + shift;
      if (x1 < left || x0 > right || bbox[b + 3] < top || bbox[b + 1] > bottom) {
        pMode[p] = OFF;
        continue;
      }
      var kind = placeKind[p], sx, sy;
      // A shape a few pixels across is drawn as a point: as a path it would be a smudge, and
      // at 100,000 events, thousands of paths.
      var tiny = kind !== POINT &&
        (x1 - x0) * scale < TINY_PX && (bbox[b + 3] - bbox[b + 1]) * scale < TINY_PX;
      if (tiny) {
        sx = (x0 + x1) / 2 * scale - v.ox;
        sy = (bbox[b + 1] + bbox[b + 3]) / 2 * scale - v.oy;
      } else if (kind !== POINT) {
        pMode[p] = SHAPE;
        continue;
      } else if (placeRing[p + 1] - placeRing[p] !== 1) {
        pMode[p] = MULTI;
        continue;
      } else {
        q = ringStart[placeRing[p]];
        sx = (xy[2 * q] + pShift[p]) * scale - v.ox;
        sy = xy[2 * q + 1] * scale - v.oy;
      }
      if (sx < -20 || sy < -20 || sx > v.w + 20 || sy > v.h + 20) {
        pMode[p] = OFF;
        continue;
      }
      pMode[p] = DOTLIKE;
      pX[p] = sx;
      pY[p] = sy;
      pCell[p] = cellOf(sx, sy, cols, rows);
    }
  }

  // Per view, the pixels of each lit shape, made when first drawn: a region's spans (pairs:
  // first pixel, length) or a route's pixels, in `pool` from shapeOff[p] for shapeLen[p].
  // A time move then only writes colours. Capped; past the cap shapes are rasterised per frame.
  var viewGen = 0, shapeGen = new Int32Array(0), shapeOff = new Int32Array(0);
  var shapeLen = new Int32Array(0), pool = new Int32Array(0), poolUsed = 0, POOL_MAX = 1 << 21;
  var poolStart = 0;

  function poolPush(value) {
    if (poolUsed === pool.length) {
      if (pool.length >= POOL_MAX) return false;
      var bigger = new Int32Array(Math.min(POOL_MAX, Math.max(1 << 16, pool.length * 2)));
      bigger.set(pool);
      pool = bigger;
    }
    pool[poolUsed++] = value;
    return true;
  }

  /* Makes place p's pixels for this view; false when the pool is full. */
  function cacheShape(p, w, h) {
    if (shapeGen.length !== nPlaces) {
      shapeGen = new Int32Array(nPlaces);
      shapeOff = new Int32Array(nPlaces);
      shapeLen = new Int32Array(nPlaces);
    }
    if (shapeGen[p] === viewGen) return true;
    poolStart = poolUsed;
    var ok = placeKind[p] === REGION ? scanRegion(p, w, h) : traceRoute(p, w, h);
    if (!ok) { poolUsed = poolStart; return false; }
    shapeGen[p] = viewGen;
    shapeOff[p] = poolStart;
    shapeLen[p] = poolUsed - poolStart;
    return true;
  }

  function cellOf(sx, sy, cols, rows) {
    var cx = Math.floor(sx / CELL) + 1, cy = Math.floor(sy / CELL) + 1;
    if (cx < 0) cx = 0; else if (cx >= cols) cx = cols - 1;
    if (cy < 0) cy = 0; else if (cy >= rows) cy = rows - 1;
    return cy * cols + cx;
  }

  // Per 3-px screen cell: the frame that claimed it and its slot. Per slot (in claim order,
  // so drawing reads them in sequence): the place shown, its event and where.
  var cellStamp = new Int32Array(0), cellSlot = new Int32Array(0);
  var slotP = new Int32Array(0), slotEv = new Int32Array(0);
  var slotX = new Float32Array(0), slotY = new Float32Array(0);
  var nClaimed = 0, frameStamp = 0, CELL = 3;
  var shapeList = new Int32Array(0); // the lit shapes on screen, this frame

  function claim(p, sx, sy, cell) {
    var ev = placeTop[p], k;
    if (cellStamp[cell] !== frameStamp) {
      cellStamp[cell] = frameStamp;
      k = cellSlot[cell] = nClaimed++;
    } else {
      k = cellSlot[cell];
      // Dense points: the cell shows its latest event (its marker covers the others).
      if (ev <= slotEv[k]) return;
    }
    slotP[k] = p;
    slotEv[k] = ev;
    slotX[k] = sx;
    slotY[k] = sy;
  }

  // What the claimed cells and shapeList were made for (see draw).
  var drawn = { prefix: -1, view: "", hover: -1, selected: -1, anySelected: false };
  var nShapes = 0, shapeMark = new Int32Array(0); // shapeMark[p] === frameStamp: in shapeList

  /* A lit place on screen takes its cell(s) or joins the shapes. */
  function claimPlace(p, v, cols, rows, anySelected) {
    var mode = pMode[p];
    if (mode === OFF || p === hoverPlace || (anySelected && isSelectedPlace(p))) return;
    if (mode === DOTLIKE) claim(p, pX[p], pY[p], pCell[p]);
    else if (mode === SHAPE) {
      if (shapeMark[p] !== frameStamp) {
        shapeMark[p] = frameStamp;
        shapeList[nShapes++] = p;
      }
    } else {
      for (var r = placeRing[p]; r < placeRing[p + 1]; r++) {
        var q = ringStart[r], sx = (xy[2 * q] + pShift[p]) * v.scale - v.ox;
        var sy = xy[2 * q + 1] * v.scale - v.oy;
        if (sx < -20 || sy < -20 || sx > v.w + 20 || sy > v.h + 20) continue;
        claim(p, sx, sy, cellOf(sx, sy, cols, rows));
      }
    }
  }

  function draw() {
    needsDraw = false;
    if (!drewThisFrame) {
      drewThisFrame = true;
      scheduleFrame(); // clears the flag at the next frame
    }
    var size = map.getSize();
    var ratio = window.devicePixelRatio || 1;
    if (basemap) basemap.draw(); // only when the view changed: not on a time move
    if (canvas.width !== size.x * ratio || canvas.height !== size.y * ratio) {
      canvas.width = size.x * ratio;
      canvas.height = size.y * ratio;
      canvas.style.width = size.x + "px";
      canvas.style.height = size.y + "px";
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    var scale = Math.pow(2, map.getZoom());
    var origin = map.getPixelBounds().min;
    var v = { scale: scale, ox: origin.x, oy: origin.y, w: size.x, h: size.y, dense: false };
    var p, k, r;
    var cols = Math.ceil(size.x / CELL) + 2, rows = Math.ceil(size.y / CELL) + 2;
    if (cellStamp.length < cols * rows) {
      cellStamp = new Int32Array(cols * rows);
      cellSlot = new Int32Array(cols * rows);
      slotP = new Int32Array(cols * rows);
      slotEv = new Int32Array(cols * rows);
      slotX = new Float32Array(cols * rows);
      slotY = new Float32Array(cols * rows);
    }
    if (shapeList.length !== nPlaces) shapeList = new Int32Array(nPlaces);
    if (shapeMark.length !== nPlaces) shapeMark = new Int32Array(nPlaces);
    project(v, ratio, cols, rows);
    var anySelected = selected >= 0 && visible[selected];
    // Hovered and selected places are drawn last, on top, on their own.
    var special = [];
    if (hoverPlace >= 0) special.push(hoverPlace);
    if (anySelected) {
      for (k = evPlaceStart[selected]; k < evPlaceStart[selected + 1]; k++) special.push(evPlaces[k]);
    }
    special = special.filter(function (p, i) {
      return placeCount[p] > 0 && pMode[p] !== OFF && special.indexOf(p) === i;
    }).sort(function (a, b) { return a - b; });
    // Cumulative, moving forward in the same view: the cells and shapes claimed at the last
    // draw still hold; only the events added since can claim more. Otherwise, every place.
    if (prefixMode && drawn.prefix >= 0 && visCount >= drawn.prefix && drawn.view === viewKey &&
        drawn.hover === hoverPlace && drawn.selected === selected && drawn.anySelected === anySelected &&
        (visCount - drawn.prefix) * 2 < nPlaces) {
      for (var i = drawn.prefix; i < visCount; i++) {
        for (k = evPlaceStart[i]; k < evPlaceStart[i + 1]; k++) claimPlace(evPlaces[k], v, cols, rows, anySelected);
      }
    } else {
      frameStamp++;
      nClaimed = 0;
      nShapes = 0;
      for (p = 0; p < nPlaces; p++) {
        // This loop runs over every place: typed arrays only, nothing allocated.
        if (placeCount[p] !== 0 && pMode[p] !== OFF) claimPlace(p, v, cols, rows, anySelected);
      }
    }
    drawn.prefix = prefixMode ? visCount : -1;
    drawn.view = viewKey;
    drawn.hover = hoverPlace;
    drawn.selected = selected;
    drawn.anySelected = anySelected;
    // Thousands of shapes at once: fills and one-pixel lines written into a pixel buffer, with
    // the dots (no dashes, strokes or arrow heads: each would be a software-rasterised path);
    // a handful, as in an article: canvas paths with the full styling.
    var dots = nClaimed > DENSE_POINTS;
    // Among hundreds of dots, a hundred shapes join them in the buffer too: styled paths for
    // them cost 1-1.5 ms a frame, the slowest moves at 10,000 events.
    v.dense = nShapes > (dots ? DENSE_SHAPES_AMONG_DOTS : DENSE_SHAPES);
    lastDraw = { shapes: nShapes, points: nClaimed, dots: dots, dense: v.dense };
    setOpacityScale();
    if (v.dense) {
      var px = pixelBuffer(canvas.width, canvas.height);
      px.fill(0);
      var W = canvas.width, H = canvas.height;
      for (k = 0; k < nShapes; k++) {
        p = shapeList[k];
        if (placeKind[p] !== REGION) continue;
        if (cacheShape(p, W, H)) fillSpans(p, fillColour(placeTop[p]));
        else fillRegion(p, fillColour(placeTop[p]), W, H);
      }
      for (k = 0; k < nShapes; k++) {
        p = shapeList[k];
        if (placeKind[p] !== ROUTE) continue;
        var colour = dotColour(placeTop[p]);
        if (cacheShape(p, W, H)) {
          for (var e = shapeOff[p], end = e + shapeLen[p]; e < end; e++) px[pool[e]] = colour;
        } else {
          for (r = placeRing[p]; r < placeRing[p + 1]; r++) rasterLine(r, colour, W, H, null);
        }
      }
      if (dots) stampDots(ratio, canvas.width, canvas.height);
      // Everything is in the buffer: it replaces the canvas in one go.
      ctx.putImageData(dotImage, 0, 0);
    } else {
      ctx.clearRect(0, 0, size.x, size.y);
      var regions = new Map(), routes = new Map();
      for (k = 0; k < nShapes; k++) {
        p = shapeList[k];
        var ev = placeTop[p];
        var key = (evCat[ev] * 16 + Math.round(opacityOf(ev) * 10)) * 2 + evSoft[ev];
        var groups = placeKind[p] === REGION ? regions : routes;
        var list = groups.get(key);
        if (!list) groups.set(key, (list = []));
        list.push(p);
      }
      regions.forEach(function (list) { drawRegions(list, v, false, false); });
      if (dots) {
        pixelBuffer(canvas.width, canvas.height).fill(0);
        stampDots(ratio, canvas.width, canvas.height);
        dotCtx.putImageData(dotImage, 0, 0);
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.drawImage(dotCanvas, 0, 0);
        ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      }
      routes.forEach(function (list) { drawRoutes(list, v, false, false); });
    }
    if (!dots) {
      for (k = 0; k < nClaimed; k++) {
        drawPointAt(slotP[k], slotX[k], slotY[k], false, false);
      }
    }
    special.forEach(function (p) {
      var sel = isSelectedPlace(p), hov = p === hoverPlace;
      if (placeKind[p] === REGION) drawRegions([p], v, sel, hov);
      else if (placeKind[p] === ROUTE) drawRoutes([p], v, sel, hov);
      else {
        for (var r = placeRing[p]; r < placeRing[p + 1]; r++) {
          var q = ringStart[r];
          drawPointAt(p, (xy[2 * q] + pShift[p]) * scale - v.ox, xy[2 * q + 1] * scale - v.oy, sel, hov);
        }
      }
    });
    frames++;
    if (bridge && bridge.viewDrawn && size.x > 0 && size.y > 0 &&
        (size.x !== drawnSize[0] || size.y !== drawnSize[1])) {
      // A first draw at this size (the window laid out, resized): Python may wait for it.
      drawnSize = [size.x, size.y];
      bridge.viewDrawn(size.x, size.y, visCount);
    }
  }

  /* Many points at once (a researcher's dataset): each is a small dot written straight into
   * a pixel buffer, then put on the canvas in one go — no canvas call per point. Markers with
   * outlines and counts are for the few points an article has. */
  var DENSE_POINTS = 400;
  var DENSE_SHAPES = 300;
  var DENSE_SHAPES_AMONG_DOTS = 100;
  var lastDraw = null; // how the last frame was drawn (tests)
  var TINY_PX = 6;
  var PLAIN_DOTS = 5000;
  var dotCanvas = null, dotCtx = null, dotImage = null, dotPixels = null;
  var dotMask = new Uint8Array(0); // 1 where a dot's fill is, this frame (outlines go around)
  var dotColours = new Uint32Array(0), fillColours = new Uint32Array(0); // 0: not made yet
  var DOT = [ // 6x6, corners cut: 1 = outline, 2 = fill
    0, 1, 1, 1, 1, 0,
    1, 2, 2, 2, 2, 1,
    1, 2, 2, 2, 2, 1,
    1, 2, 2, 2, 2, 1,
    1, 2, 2, 2, 2, 1,
    0, 1, 1, 1, 1, 0,
  ];

  function pixelBuffer(w, h) {
    w = Math.max(1, w); // ImageData cannot be empty (a map not laid out yet)
    h = Math.max(1, h);
    if (!dotCanvas || dotCanvas.width !== w || dotCanvas.height !== h) {
      dotCanvas = document.createElement("canvas");
      dotCanvas.width = w;
      dotCanvas.height = h;
      dotCtx = dotCanvas.getContext("2d");
      dotImage = dotCtx.createImageData(w, h);
      dotPixels = new Uint32Array(dotImage.data.buffer);
      dotMask = new Uint8Array(w * h);
    }
    return dotPixels;
  }

  // opacityOf without a call per event: the fading's constants for this frame.
  var fadeOn = false, fadeNow = 0, fadeSpan = 1;
  function setOpacityScale() {
    fadeOn = view.mode === "cumulative";
    fadeNow = view.now;
    fadeSpan = Math.max(1, view.now - view.rangeStart);
  }

  /* The event's style as a small number: category, opacity (tenths) and softness. */
  function styleIndex(ev) {
    var base = evStyleBase[ev], a = base & 1 ? 0.55 : 1.0; // base: category * 22 + soft
    if (fadeOn) {
      var age = Math.max(0, fadeNow - evEnd[ev]) / fadeSpan;
      a *= Math.max(0.3, 1 - 0.8 * age);
    }
    return base + Math.round(a * 10) * 2;
  }

  /* The colour of a style index (see styleIndex), its opacity times `alpha`, as a pixel. */
  function packColour(key, alphaSoft, alphaCrisp) {
    // Pixels are little-endian RGBA: 0xAABBGGRR.
    var cat = Math.floor(key / 22), soft = key & 1, level = (key >> 1) % 11;
    var v = parseInt((catColours[cat] || "#7f7f7f").slice(1), 16);
    var a = Math.round(255 * (level / 10) * (soft ? alphaSoft : alphaCrisp));
    return ((a << 24) | ((v & 255) << 16) | (v & 0xff00) | ((v >> 16) & 255)) >>> 0;
  }

  function dotColour(ev) {
    var key = styleIndex(ev), c = dotColours[key];
    return c !== 0 ? c : (dotColours[key] = packColour(key, 0.6, 0.95));
  }

  function fillColour(ev) {
    var key = styleIndex(ev), c = fillColours[key];
    return c !== 0 ? c : (fillColours[key] = packColour(key, 0.14, 0.26));
  }

  // DOT's outline pixels as offsets for a buffer `outlineWidth` wide.
  var maskStamp = 0, outlineAt = new Int32Array(36), outlineCount = 0, outlineWidth = -1;

  function stampDots(ratio, w, h) {
    var outline = dark ? 0xd0202020 : 0xe6ffffff, plain = nClaimed > PLAIN_DOTS, k, x0, y0;
    var px = dotPixels, mask = dotMask, row, dy, S = 0;
    if (!plain) {
      // The mask marks this frame's dot fills with a stamp: cleared once in 255 frames.
      if (++maskStamp > 255) { mask.fill(0); maskStamp = 1; }
      S = maskStamp;
      if (outlineWidth !== w) {
        outlineWidth = w;
        for (var i0 = 0, n0 = 0; i0 < 36; i0++) {
          if (DOT[i0] === 1) outlineAt[n0++] = Math.floor(i0 / 6) * w + (i0 % 6);
        }
        outlineCount = n0;
      }
    }
    for (k = 0; k < nClaimed; k++) {
      var fill = dotColour(slotEv[k]);
      x0 = Math.round(slotX[k] * ratio) - 3;
      y0 = Math.round(slotY[k] * ratio) - 3;
      if (x0 < 0 || y0 < 0 || x0 + 6 > w || y0 + 6 > h) continue;
      row = (y0 + 1) * w + x0 + 1;
      // The 4x4 inside; very many dots are only that.
      for (dy = 0; dy < 4; dy++, row += w) {
        px[row] = fill; px[row + 1] = fill; px[row + 2] = fill; px[row + 3] = fill;
        if (!plain) { mask[row] = S; mask[row + 1] = S; mask[row + 2] = S; mask[row + 3] = S; }
      }
    }
    if (plain) return;
    // Outlines after all fills, only where no dot is: neighbours' fills stay whole.
    for (k = 0; k < nClaimed; k++) {
      x0 = Math.round(slotX[k] * ratio) - 3;
      y0 = Math.round(slotY[k] * ratio) - 3;
      if (x0 < 0 || y0 < 0 || x0 + 6 > w || y0 + 6 > h) continue;
      var at = y0 * w + x0;
      for (var j = 0; j < outlineCount; j++) {
        var o = at + outlineAt[j];
        if (mask[o] !== S) px[o] = outline;
      }
    }
  }

  /* A region's fill scan-converted (even-odd over its rings, so holes stay empty): its spans
   * of pixels, row by row, to the pool (or blended straight into the buffer: `colour`). */
  var crossings = new Float64Array(64);
  function scanRegion(p, w, h, colour) {
    var r0 = placeRing[p], r1 = placeRing[p + 1], v0 = ringStart[r0], v1 = ringStart[r1], q;
    if (v1 - v0 > crossings.length) crossings = new Float64Array(2 * (v1 - v0));
    var ymin = Infinity, ymax = -Infinity;
    for (q = v0; q < v1; q++) {
      if (vy[q] < ymin) ymin = vy[q];
      if (vy[q] > ymax) ymax = vy[q];
    }
    var ya = Math.max(0, Math.ceil(ymin - 0.5)), yb = Math.min(h - 1, Math.floor(ymax - 0.5));
    var xs = crossings;
    for (var y = ya; y <= yb; y++) {
      var cy = y + 0.5, n = 0, r, i, j;
      for (r = r0; r < r1; r++) {
        var a = ringStart[r], b = ringStart[r + 1];
        for (i = a, j = b - 1; i < b; j = i++) {
          var yi = vy[i], yj = vy[j];
          if ((yi > cy) !== (yj > cy)) xs[n++] = vx[i] + ((cy - yi) * (vx[j] - vx[i])) / (yj - yi);
        }
      }
      for (i = 1; i < n; i++) { // insertion sort: a handful of crossings
        var t = xs[i];
        for (j = i - 1; j >= 0 && xs[j] > t; j--) xs[j + 1] = xs[j];
        xs[j + 1] = t;
      }
      for (i = 0; i + 1 < n; i += 2) {
        var xa = Math.max(0, Math.ceil(xs[i] - 0.5)), xb = Math.min(w, Math.ceil(xs[i + 1] - 0.5));
        if (xa >= xb) continue;
        if (colour !== undefined) blendSpan(y * w + xa, xb - xa, colour);
        else if (!poolPush(y * w + xa) || !poolPush(xb - xa)) return false;
      }
    }
    return true;
  }

  function fillRegion(p, colour, w, h) { scanRegion(p, w, h, colour); }

  function fillSpans(p, colour) {
    for (var e = shapeOff[p], end = e + shapeLen[p]; e < end; e += 2) blendSpan(pool[e], pool[e + 1], colour);
  }

  /* `colour` over `n` pixels from `at`: source over destination, unpremultiplied (ImageData's
   * format); on empty pixels, just the colour. */
  function blendSpan(at, n, colour) {
    var px = dotPixels, sa = (colour >>> 24) / 255;
    var sr = colour & 255, sg = (colour >>> 8) & 255, sb = (colour >>> 16) & 255;
    for (var i = at, end = at + n; i < end; i++) {
      var d = px[i], da = d >>> 24;
      if (da === 0) { px[i] = colour; continue; }
      var fd = (da / 255) * (1 - sa), oa = sa + fd, inv = 1 / oa;
      var R = ((sr * sa + (d & 255) * fd) * inv + 0.5) | 0;
      var G = ((sg * sa + ((d >>> 8) & 255) * fd) * inv + 0.5) | 0;
      var B = ((sb * sa + ((d >>> 16) & 255) * fd) * inv + 0.5) | 0;
      px[i] = ((((oa * 255 + 0.5) | 0) << 24) | (B << 16) | (G << 8) | R) >>> 0;
    }
  }

  /* A route's pixels to the pool. */
  function traceRoute(p, w, h) {
    for (var r = placeRing[p]; r < placeRing[p + 1]; r++) {
      if (!rasterLine(r, 0, w, h, true)) return false;
    }
    return true;
  }

  /* Ring r as a one-pixel polyline (Bresenham, clipped per pixel): into the pixel buffer, or
   * its pixels to the pool (`record`; false when the pool is full). */
  function rasterLine(r, colour, w, h, record) {
    var a = ringStart[r], b = ringStart[r + 1], px = dotPixels;
    var x0 = Math.round(vx[a]), y0 = Math.round(vy[a]);
    for (var q = a + 1; q < b; q++) {
      var x1 = Math.round(vx[q]), y1 = Math.round(vy[q]);
      if ((x0 < 0 && x1 < 0) || (y0 < 0 && y1 < 0) || (x0 >= w && x1 >= w) || (y0 >= h && y1 >= h)) {
        x0 = x1; y0 = y1;
        continue; // the whole segment is off screen
      }
      var dx = Math.abs(x1 - x0), dy = -Math.abs(y1 - y0);
      var sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1, err = dx + dy, x = x0, y = y0;
      for (;;) {
        if (x >= 0 && y >= 0 && x < w && y < h) {
          if (!record) px[y * w + x] = colour;
          else if (!poolPush(y * w + x)) return false;
        }
        if (x === x1 && y === y1) break;
        var e2 = 2 * err;
        if (e2 >= dy) { err += dy; x += sx; }
        if (e2 <= dx) { err += dx; y += sy; }
      }
      x0 = x1; y0 = y1;
    }
    return true;
  }

  /* Adds ring r of place p to the current path, skipping vertices less than half a pixel apart. */
  function traceRing(p, r, v, close) {
    var a = ringStart[r], b = ringStart[r + 1], ox = v.ox - pShift[p] * v.scale;
    var lx = xy[2 * a] * v.scale - ox, ly = xy[2 * a + 1] * v.scale - v.oy;
    ctx.moveTo(lx, ly);
    for (var q = a + 1; q < b; q++) {
      var x = xy[2 * q] * v.scale - ox, y = xy[2 * q + 1] * v.scale - v.oy;
      if (q < b - 1 && Math.abs(x - lx) < 0.5 && Math.abs(y - ly) < 0.5) continue;
      ctx.lineTo(x, y);
      lx = x; ly = y;
    }
    if (close) ctx.closePath();
  }

  /* Regions of one style, as one path: one fill and one stroke for all of them. */
  function drawRegions(list, v, isSelected, hovered) {
    var ev = styleOf(list[0]), colour = catColours[evCat[ev]], soft = evSoft[ev];
    var alpha = opacityOf(ev);
    ctx.setLineDash(soft && !v.dense ? [5, 4] : []);
    ctx.beginPath();
    for (var k = 0; k < list.length; k++) {
      var p = list[k];
      for (var r = placeRing[p]; r < placeRing[p + 1]; r++) traceRing(p, r, v, true);
    }
    ctx.fillStyle = rgba(colour, (soft ? 0.14 : 0.26) * alpha + (hovered ? 0.1 : 0));
    // Holes wind against their outline (RFC 7946), so nonzero keeps them empty.
    ctx.fill(list.length === 1 ? "evenodd" : "nonzero");
    if (v.dense && !isSelected && !hovered) return; // thousands of shapes: fills carry them
    ctx.lineWidth = isSelected ? 3 : 1.5;
    ctx.strokeStyle = isSelected ? (dark ? "#ffe066" : "#1a1a1a") : rgba(colour, 0.85 * alpha);
    ctx.stroke();
    ctx.setLineDash([]);
  }

  /* Routes of one style: one stroke for the lines, one fill for their arrow heads. */
  function drawRoutes(list, v, isSelected, hovered) {
    var ev = styleOf(list[0]), colour = catColours[evCat[ev]], soft = evSoft[ev];
    var alpha = opacityOf(ev), k, p, r;
    if (isSelected) {
      ctx.beginPath();
      for (r = placeRing[list[0]]; r < placeRing[list[0] + 1]; r++) traceRing(list[0], r, v, false);
      ctx.lineWidth = 8;
      ctx.strokeStyle = dark ? "rgba(255,224,102,0.6)" : "rgba(0,0,0,0.35)";
      ctx.setLineDash(soft ? [5, 4] : []);
      ctx.stroke();
    }
    ctx.setLineDash(soft && !v.dense ? [5, 4] : []);
    ctx.beginPath();
    for (k = 0; k < list.length; k++) {
      p = list[k];
      for (r = placeRing[p]; r < placeRing[p + 1]; r++) traceRing(p, r, v, false);
    }
    ctx.lineWidth = hovered ? 4.5 : v.dense ? 1.5 : 3;
    ctx.strokeStyle = rgba(colour, 0.9 * alpha);
    ctx.stroke();
    ctx.setLineDash([]);
    if (v.dense) return;
    ctx.beginPath();
    for (k = 0; k < list.length; k++) {
      p = list[k];
      for (r = placeRing[p]; r < placeRing[p + 1]; r++) traceArrowHead(p, r, v);
    }
    ctx.fillStyle = rgba(colour, 0.95 * alpha);
    ctx.fill();
  }

  function traceArrowHead(p, r, v) {
    var a = ringStart[r], b = ringStart[r + 1], ox = v.ox - pShift[p] * v.scale;
    if (b - a < 2) return;
    var x2 = xy[2 * (b - 1)] * v.scale - ox, y2 = xy[2 * (b - 1) + 1] * v.scale - v.oy;
    var x1 = xy[2 * (b - 2)] * v.scale - ox, y1 = xy[2 * (b - 2) + 1] * v.scale - v.oy;
    var angle = Math.atan2(y2 - y1, x2 - x1), len = 13;
    ctx.moveTo(x2, y2);
    ctx.lineTo(x2 - len * Math.cos(angle - 0.45), y2 - len * Math.sin(angle - 0.45));
    ctx.lineTo(x2 - len * Math.cos(angle + 0.45), y2 - len * Math.sin(angle + 0.45));
    ctx.closePath();
  }

  function drawPointAt(p, x, y, isSelected, hovered) {
    var ev = styleOf(p), count = placeCount[p], soft = evSoft[ev];
    // A count of three figures, or "999+", is wider than a marker of 9: its first and last
    // figures fell on the white rim ("101" read "0"). Such a marker is bigger.
    var r = (count > 999 ? 14 : count > 99 ? 12 : count > 1 ? 9 : 7) + (hovered ? 2 : 0);
    if (isSelected) {
      ctx.beginPath();
      ctx.setLineDash([]);
      ctx.arc(x, y, r + 5, 0, 2 * Math.PI);
      ctx.lineWidth = 3;
      ctx.strokeStyle = dark ? "#ffe066" : "#1a1a1a";
      ctx.stroke();
    }
    var key = (evCat[ev] * 2 + soft) * 20 + r, s = spriteByStyle[key];
    if (!s) s = spriteByStyle[key] = sprite(catColours[evCat[ev]], soft, r);
    var alpha = opacityOf(ev);
    if (alpha !== 1) ctx.globalAlpha = alpha; // most markers are opaque: no state change
    // Whole pixels: an image at a fractional offset is resampled, a far slower blit.
    ctx.drawImage(s.image, Math.round(x - s.half), Math.round(y - s.half), 2 * s.half, 2 * s.half);
    if (alpha !== 1) ctx.globalAlpha = 1;
    if (count > 1) {
      var n = Math.min(count, 1000), t = labelByCount[n];
      if (!t) t = labelByCount[n] = labelSprite(count > 999 ? "999+" : String(count));
      ctx.drawImage(t.image, Math.round(x - t.w / 2), Math.round(y - t.h / 2), t.w, t.h);
    }
  }

  // --- hit testing ------------------------------------------------------------------------------
  // A grid over the zoom-0 world (1 world pixel a cell): each cell lists the places whose box
  // touches it, so a hover looks at a handful of places, not all of them. Two worlds wide: a
  // shape across the antimeridian reaches past the first (see WORLD).
  var GRID = 256, GRID_X = 2 * GRID;
  var gridStart = new Int32Array(GRID_X * GRID + 1), gridItems = new Int32Array(0);
  var bigPlaces = [], seen = new Int32Array(0), seenStamp = 0;

  function cellRange(p) {
    var b = 4 * p, clamp = function (x, n) { return Math.max(0, Math.min(n - 1, Math.floor(x))); };
    return [clamp(bbox[b], GRID_X), clamp(bbox[b + 1], GRID), clamp(bbox[b + 2], GRID_X), clamp(bbox[b + 3], GRID)];
  }

  function buildGrid() {
    var cells = GRID_X * GRID, counts = new Int32Array(cells + 1), ranges = [], p, x, y;
    bigPlaces = [];
    for (p = 0; p < nPlaces; p++) {
      var c = cellRange(p);
      if ((c[2] - c[0] + 1) * (c[3] - c[1] + 1) > 1024) { bigPlaces.push(p); ranges.push(null); continue; }
      ranges.push(c);
      for (y = c[1]; y <= c[3]; y++) for (x = c[0]; x <= c[2]; x++) counts[y * GRID_X + x + 1]++;
    }
    for (var i = 0; i < cells; i++) counts[i + 1] += counts[i];
    gridStart = counts;
    gridItems = new Int32Array(counts[cells]);
    var fill = counts.slice(0, cells);
    for (p = 0; p < nPlaces; p++) {
      var r = ranges[p];
      if (!r) continue;
      for (y = r[1]; y <= r[3]; y++) for (x = r[0]; x <= r[2]; x++) gridItems[fill[y * GRID_X + x]++] = p;
    }
    seen = new Int32Array(nPlaces);
    seenStamp = 0;
  }

  /* Lit places whose box is near world point (wx, wy) in some copy of the world: the grid is
   * asked at wx brought into the first world, and a turn east of it. */
  function candidatesNear(wx, wy, tol) {
    var out = bigPlaces.filter(function (p) { return placeCount[p] > 0; });
    var y0 = Math.max(0, Math.floor(wy - tol)), y1 = Math.min(GRID - 1, Math.floor(wy + tol));
    var inFirst = wx - Math.floor(wx / WORLD) * WORLD;
    seenStamp++;
    for (var turn = 0; turn < 2; turn++) {
      var at = inFirst + turn * WORLD;
      var x0 = Math.max(0, Math.floor(at - tol)), x1 = Math.min(GRID_X - 1, Math.floor(at + tol));
      for (var y = y0; y <= y1; y++) {
        for (var x = x0; x <= x1; x++) {
          var cell = y * GRID_X + x;
          for (var k = gridStart[cell]; k < gridStart[cell + 1]; k++) {
            var p = gridItems[k];
            if (seen[p] === seenStamp || placeCount[p] === 0) continue;
            seen[p] = seenStamp;
            out.push(p);
          }
        }
      }
    }
    return out;
  }

  function pointInRing(x, y, r) {
    var inside = false, a = ringStart[r], b = ringStart[r + 1];
    for (var i = a, j = b - 1; i < b; j = i++) {
      var xi = xy[2 * i], yi = xy[2 * i + 1], xj = xy[2 * j], yj = xy[2 * j + 1];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }

  function distanceToSegment(px, py, ax, ay, bx, by) {
    var dx = bx - ax, dy = by - ay, len = dx * dx + dy * dy;
    var t = len ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len)) : 0;
    var qx = ax + t * dx - px, qy = ay + t * dy - py;
    return Math.sqrt(qx * qx + qy * qy);
  }

  /* The lit place under a container point: points first, then routes, then regions (the
   * smallest region wins, so Gaza is reachable inside a larger shape). Each place is hit
   * where it is drawn: at its copy nearest the middle of the view. */
  function placeAt(cx, cy) {
    if (!map || nPlaces === 0) return -1;
    var scale = Math.pow(2, map.getZoom()), o = map.getPixelBounds().min, middle = viewMiddle();
    var wx = (cx + o.x) / scale, wy = (cy + o.y) / scale, tol = 11 / scale;
    var cands = candidatesNear(wx, wy, tol);
    var best = -1, bestD = Infinity, k, p, r, q, x;
    for (k = 0; k < cands.length; k++) {
      p = cands[k];
      if (placeKind[p] !== POINT) continue;
      x = wx - copyShift(p, middle); // the point in the place's own copy
      for (r = placeRing[p]; r < placeRing[p + 1]; r++) {
        q = ringStart[r];
        var d = Math.hypot(xy[2 * q] - x, xy[2 * q + 1] - wy);
        if (d <= tol && (d < bestD || (d === bestD && p < best))) { best = p; bestD = d; }
      }
    }
    if (best >= 0) return best;
    for (k = 0; k < cands.length; k++) {
      p = cands[k];
      if (placeKind[p] !== ROUTE) continue;
      x = wx - copyShift(p, middle);
      for (r = placeRing[p]; r < placeRing[p + 1]; r++) {
        for (q = ringStart[r]; q + 1 < ringStart[r + 1]; q++) {
          var ds = distanceToSegment(x, wy, xy[2 * q], xy[2 * q + 1], xy[2 * q + 2], xy[2 * q + 3]);
          if (ds <= tol * 0.7 && ds < bestD) { best = p; bestD = ds; }
        }
      }
    }
    if (best >= 0) return best;
    var bestArea = Infinity;
    for (k = 0; k < cands.length; k++) {
      p = cands[k];
      var b = 4 * p;
      if (placeKind[p] !== REGION) continue;
      x = wx - copyShift(p, middle);
      if (x < bbox[b] || x > bbox[b + 2] || wy < bbox[b + 1] || wy > bbox[b + 3]) continue;
      // Even-odd over all of a place's rings: inside an outline and not in one of its holes.
      var inside = false;
      for (r = placeRing[p]; r < placeRing[p + 1]; r++) if (pointInRing(x, wy, r)) inside = !inside;
      var area = (bbox[b + 2] - bbox[b]) * (bbox[b + 3] - bbox[b + 1]);
      if (inside && area < bestArea) { best = p; bestArea = area; }
    }
    return best;
  }

  /* Visible events at a place, latest first. */
  function visibleEventsAt(p) {
    var out = [];
    for (var j = placeEvStart[p + 1] - 1; j >= placeEvStart[p]; j--) {
      if (visible[placeEvs[j]]) out.push(placeEvs[j]);
    }
    return out;
  }

  var tipAt = [0, 0]; // where the tooltip was last shown (container point)

  /* The mouse still over a place while the time moves: its tooltip lists what is there now. */
  function refreshTooltip() {
    if (tooltip.style.display !== "block" || hoverPlace < 0) return;
    if (placeCount[hoverPlace] > 0) showTooltip(hoverPlace, tipAt[0], tipAt[1]);
    else hideTooltip();
  }

  /* A file's text (a title, a place's name) beside ours, in an element of its own direction:
   * a Hebrew or Arabic title's closing "!" or "?" stays at its end (on the left), not thrown
   * to the right of the line by the English date before it. As text, never markup. */
  function isolated(text) {
    var bdi = document.createElement("bdi");
    bdi.textContent = text;
    return bdi;
  }

  function showTooltip(p, cx, cy) {
    tipAt = [cx, cy];
    var list = visibleEventsAt(p);
    tooltip.textContent = "";
    var head = document.createElement("div");
    head.className = "me-tip-place";
    head.appendChild(isolated(placeNames[p]));
    tooltip.appendChild(head);
    list.slice(0, 5).forEach(function (i) {
      var row = document.createElement("div");
      var date = document.createElement("span");
      date.className = "me-tip-date";
      date.textContent = dateWordsOf(i);
      row.appendChild(date);
      row.appendChild(document.createTextNode(" "));
      row.appendChild(isolated(evTitles[i]));
      tooltip.appendChild(row);
    });
    if (list.length > 5) {
      var more = document.createElement("div");
      more.className = "me-tip-more";
      more.textContent = "+" + grouped(list.length - 5) + " more — click to list them";
      tooltip.appendChild(more);
    }
    tooltip.style.display = "block";
    var w = tooltip.offsetWidth, size = map.getSize();
    tooltip.style.left = Math.min(cx + 14, size.x - w - 4) + "px";
    tooltip.style.top = cy + 14 + "px";
  }

  function hideTooltip() { tooltip.style.display = "none"; }

  function closePopup() { if (popup) popup.style.display = "none"; }

  /* A line in the place's menu for the events it leaves out. */
  function menuNote(text) {
    var note = document.createElement("div");
    note.className = "me-tip-more";
    note.textContent = text;
    popup.appendChild(note);
  }

  // The most events the place's menu lists: the nearest the time shown, when there are more
  // (a button for each of a city's 20,000 incidents held the page up for four seconds).
  var MENU_MOST = 100;

  /* Several events at one place: each is one click away (up to MENU_MOST of them, round the
     time shown; moving the time brings the others). */
  function showPlaceMenu(p, cx, cy) {
    var all = placeEvs.subarray(placeEvStart[p], placeEvStart[p + 1]);
    var from = 0, to = all.length;
    if (all.length > MENU_MOST) {
      // In time order (ascending event index): the first that begins after the time shown.
      var lo = 0, hi = all.length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (evStart[all[mid]] <= view.now) lo = mid + 1; else hi = mid;
      }
      from = Math.max(0, Math.min(all.length - MENU_MOST, lo - MENU_MOST / 2));
      to = from + MENU_MOST;
    }
    var list = Array.prototype.slice.call(all.subarray(from, to));
    popup.textContent = "";
    var head = document.createElement("div");
    head.className = "me-pop-head";
    head.appendChild(isolated(placeNames[p]));
    head.appendChild(document.createTextNode(" — " + grouped(all.length) + " events"));
    popup.appendChild(head);
    if (to - from < all.length) {
      menuNote("The " + grouped(to - from) + " nearest the time shown; move the time for the others.");
    }
    if (from > 0) menuNote(grouped(from) + " earlier…");
    list.forEach(function (i) {
      var item = document.createElement("button");
      item.type = "button";
      item.className = "me-pop-item" + (visible[i] ? "" : " me-pop-hidden") + (i === selected ? " me-pop-selected" : "");
      item.setAttribute("data-event", evIds[i]);
      var date = document.createElement("span");
      date.className = "me-tip-date";
      date.textContent = dateWordsOf(i);
      item.appendChild(date);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(isolated(evTitles[i]));
      item.addEventListener("click", function (ev) {
        ev.stopPropagation();
        closePopup();
        if (bridge) bridge.eventClicked(evIds[i]);
      });
      popup.appendChild(item);
    });
    if (to < all.length) menuNote(grouped(all.length - to) + " later…");
    popup.style.display = "block";
    var size = map.getSize();
    popup.style.left = Math.max(4, Math.min(cx + 10, size.x - popup.offsetWidth - 4)) + "px";
    popup.style.top = Math.max(4, Math.min(cy + 10, size.y - popup.offsetHeight - 4)) + "px";
  }

  function clickAt(cx, cy) {
    var p = placeAt(cx, cy);
    closePopup();
    if (p < 0) return null;
    var here = visibleEventsAt(p).map(function (i) { return evIds[i]; });
    if (bridge) bridge.placeClicked(placeIds[p], JSON.stringify(here));
    if (placeEvStart[p + 1] - placeEvStart[p] > 1) showPlaceMenu(p, cx, cy);
    return placeIds[p];
  }

  // --- camera ----------------------------------------------------------------------------------
  // The last framing asked for, until the user moves the map: the page may load in a view
  // that is not yet shown (or is resized as the window lays out), and a frame computed for
  // the wrong size must be redone when the real size arrives.
  var framing = null, userMoved = false;

  // How close a story's framing may come. Data with some extent is framed whole, up to
  // OFFLINE_CLOSEST on the offline base map: its country outlines (1:110m) are off by 10 to
  // 20 km, and closer in a view shows blank land, no coast, no name (Valencia and Paiporta,
  // 5 km apart, were framed under a 2 km scale bar on beige). With the online map's tiles,
  // which have the streets, up to CLOSEST_FRAME: a 10 km hike or a city's incidents fill the
  // view. One place alone has no extent to fit: it is shown at STORY_ZOOM, in its country. A
  // story across countries (the bundled article) fits well below these, as before.
  // A route is its own picture (a hike's track is the story): data with routes come to
  // CLOSEST_FRAME on either map, the track filling the view rather than a squiggle.
  var STORY_ZOOM = 6, OFFLINE_CLOSEST = 8, CLOSEST_FRAME = 14;
  function closestFrame(b) {
    if (!(b[2] > b[0] || b[3] > b[1])) return STORY_ZOOM;
    if (hasRoutes || (onlineLayer && map.hasLayer(onlineLayer))) return CLOSEST_FRAME;
    return OFFLINE_CLOSEST;
  }

  function fit(b, animate) {
    // b = [west, south, east, north]; east past 180 (or west past -180) across the antimeridian.
    if (!b) return;
    // The copy of the bounds nearest the view, so the map does not travel round the world.
    var turn = Math.round((map.getCenter().lng - (b[0] + b[2]) / 2) / 360) * 360;
    var bounds = L.latLngBounds([b[1], b[0] + turn], [b[3], b[2] + turn]).pad(0.08);
    var closest = closestFrame(b);
    framing = { bounds: bounds, maxZoom: closest, story: true, extent: b };
    // Until its moveend (Leaflet begins a zoom's animation only at the next frame). Listened
    // for first: a jump of more zooms than Leaflet animates ends at once, within fitBounds.
    if (animate) {
      moving = true;
      map.once("moveend", noteFramedView);
    }
    map.fitBounds(bounds, { animate: !!animate, maxZoom: closest });
    if (!animate) noteFramedView();
  }

  function reframe() {
    if (framing && !userMoved) {
      map.fitBounds(framing.bounds, { animate: false, maxZoom: framing.maxZoom });
      noteFramedView();
    }
  }

  // Whether the view is on its way somewhere (an animated framing, a fly): tests wait for
  // the move's end rather than for a guess at how long it takes.
  var moving = false;

  // The view the last framing gave, to tell whether the map still shows it.
  var framedView = null;
  function noteFramedView() { framedView = { zoom: map.getZoom(), centre: map.getCenter() }; }
  function showsFraming() {
    // Within a pixel or two: an animated framing ends snapped to whole pixels.
    return !!framedView && map.getZoom() === framedView.zoom &&
      map.project(map.getCenter()).distanceTo(map.project(framedView.centre)) < 2;
  }

  function flyToEvent(i) {
    var wests = [], easts = [], miny = Infinity, maxy = -Infinity;
    for (var j = evPlaceStart[i]; j < evPlaceStart[i + 1]; j++) {
      var b = 4 * evPlaces[j];
      wests.push(bbox[b]); easts.push(bbox[b + 2]);
      miny = Math.min(miny, bbox[b + 1]); maxy = Math.max(maxy, bbox[b + 3]);
    }
    // The event's places in their tightest span (maybe across ±180°), at the copy nearest the view.
    var span = tightestSpan(wests, easts);
    var size = map.getSize(), laidOut = size.x > 0 && size.y > 0;
    var turn = laidOut ? Math.round((viewMiddle() - (span[0] + span[1]) / 2) / WORLD) * WORLD : 0;
    var sw = map.unproject([span[0] + turn, maxy], 0), ne = map.unproject([span[1] + turn, miny], 0);
    var target = L.latLngBounds(sw, ne);
    // Before the user moves the map, an event inside the story's framing is shown there, at
    // whatever size the page has now: QtWebEngine gives it 640×480 before the window's own
    // size, and judged by that view a launch with --select showed the story or a close-up of
    // the event by chance, depending on which came first.
    if (framing && framing.story && !userMoved && showsFraming() &&
        framing.bounds.pad(-0.05).contains(target)) return;
    if (!laidOut) {
      // A selection made before the map has a size (--select at launch): flying now would
      // work out a zoom from nothing (NaN). Frame it when the map is laid out (reframe).
      framing = { bounds: target.pad(0.3), maxZoom: 5 };
      return;
    }
    // Keep the view when the event is already comfortably on screen.
    if (map.getBounds().pad(-0.1).contains(target)) return;
    // A point has no extent: fly there without zooming far in, so its context stays.
    var maxZoom = Math.max(5, map.getZoom());
    if (!userMoved) framing = { bounds: target.pad(0.3), maxZoom: maxZoom };
    map.flyToBounds(target.pad(0.3), { maxZoom: maxZoom, duration: 0.6 });
  }
  // --- base map --------------------------------------------------------------------------------
  function styleBasemap() {
    if (!basemap) return;
    basemap.setDark(dark);
    requestDraw();
  }

  function buildBasemap() {
    var data = window.MAPEXPLORER_BASEMAP;
    if (!data) {
      log("error", "basemap.js did not load: the offline base map is missing");
      return;
    }
    basemap = BasemapCanvas.create(map, data.basemap); // drawn with the events (draw)
    styleBasemap();
    labelLayer = L.layerGroup();
    labels = (data.basemap_labels.features || []).map(function (f) {
      var c = f.geometry.coordinates, p = f.properties || {};
      return {
        lat: c[1], lng: c[0], text: p.text || p.name, kind: p.kind || "country",
        minZoom: p.minzoom || 0, markers: {},
      };
    });
    labelLayer.addTo(map);
    map.on("moveend", placeLabels);
    placeLabels();
  }

  /* Which names are on the map: each from the zoom at which its country has room for it
   * (`minzoom`, worked out with the base map's data: tools/build_geodata.py), each copy of it
   * a turn of the world apart that lies in or near the view (the map does not wrap round, and
   * a view at the lowest zoom spans up to three copies of the world). Only those are made and
   * moved: the world's ~200 names, three copies each, would be ~600 markers at every zoom. */
  function placeLabels() {
    var zoom = map.getZoom(), view = map.getBounds().pad(0.25);
    if (!isFinite(zoom) || !isFinite(view.getWest())) return;
    var west = view.getWest(), east = view.getEast(), south = view.getSouth(), north = view.getNorth();
    labels.forEach(function (label) {
      var wanted = {};
      if (label.minZoom <= zoom + 1e-6 && label.lat >= south && label.lat <= north) {
        var k0 = Math.ceil((west - label.lng) / 360), k1 = Math.floor((east - label.lng) / 360);
        for (var k = k0; k <= k1; k++) wanted[k] = true;
      }
      Object.keys(label.markers).forEach(function (k) {
        if (!wanted[k]) { labelLayer.removeLayer(label.markers[k]); delete label.markers[k]; }
      });
      Object.keys(wanted).forEach(function (k) {
        if (!label.markers[k]) label.markers[k] = labelMarker(label, label.lng + 360 * Number(k));
      });
    });
    declutterLabels();
  }

  function labelMarker(label, lng) {
    var icon = L.divIcon({ className: "me-label me-label-" + label.kind, html: "", iconSize: null });
    var marker = L.marker([label.lat, lng], { icon: icon, interactive: false, keyboard: false });
    marker.on("add", function () { marker.getElement().textContent = label.text; });
    labelLayer.addLayer(marker);
    return marker;
  }

  /* A name that would overlap one before it (the file lists the more important first) is
   * hidden until zooming in gives it room: never "ARMENAZERBAIJAN" where two names meet. So
   * is one cut by the map's edge ("KYRGY", "n Sea"), until panning brings it in whole. */
  function declutterLabels() {
    var boxes = [], kept = [], edge = map.getContainer().getBoundingClientRect();
    labels.forEach(function (label) {
      Object.keys(label.markers).forEach(function (k) {
        var e = label.markers[k].getElement();
        if (e) boxes.push({ element: e, rect: e.getBoundingClientRect() }); // all read, then written
      });
    });
    boxes.forEach(function (box) {
      var r = box.rect, inside = r.left >= edge.left && r.right <= edge.right &&
        r.top >= edge.top && r.bottom <= edge.bottom;
      var clear = inside && !kept.some(function (k) {
        return r.left < k.right && k.left < r.right && r.top < k.bottom && k.top < r.bottom;
      });
      if (clear && r.width > 0) kept.push(r);
      box.element.style.visibility = clear ? "" : "hidden";
    });
  }

  // --- the optional online map ------------------------------------------------------------------
  /* Our labels go once a tile has come (the tiles name places themselves: ours would double
   * them), not before: offline, or while the server is slow, the map keeps its names. A view
   * whose tiles all failed is said to Python, which turns the online map off and says why. */
  var onlineTiles = { loaded: 0, failed: 0 };

  function watchOnlineTiles() {
    onlineLayer.on("tileload", function () {
      if (!onlineTiles.loaded++) showOfflineLabels(false);
    });
    onlineLayer.on("tileerror", function () { onlineTiles.failed++; });
    onlineLayer.on("load", function () {
      if (onlineTiles.loaded || !onlineTiles.failed || !map.hasLayer(onlineLayer)) return;
      onlineTiles.failed = 0;  // said once for this attempt
      if (bridge && bridge.onlineMapFailed) bridge.onlineMapFailed();
    });
  }

  function showOfflineLabels(shown) {
    if (!labelLayer || shown === map.hasLayer(labelLayer)) return;
    if (shown) { labelLayer.addTo(map); placeLabels(); }
    else map.removeLayer(labelLayer);
  }

  // --- start-up --------------------------------------------------------------------------------
  function start(leafletMap, options) {
    map = leafletMap;
    options = options || {};
    map.eachLayer(function (layer) { if (layer instanceof L.TileLayer) onlineLayer = layer; });
    if (!onlineLayer && window.L) {
      // folium adds a hidden tile layer to the map object but not the map; find it by name.
      Object.keys(window).forEach(function (k) {
        if (k.indexOf("tile_layer_") === 0 && window[k] instanceof L.TileLayer) onlineLayer = window[k];
      });
    }
    if (onlineLayer) watchOnlineTiles();
    map.attributionControl.setPrefix(false);
    // Leaflet's default 100 px leaves a bar as short as 50 px: narrower than "1000 mi", whose
    // "i" its end then covered ("1000 m", a thousand metres, on a map of continents).
    L.control.scale({ maxWidth: 150 }).addTo(map);
    buildBasemap();
    canvas = document.createElement("canvas");
    canvas.className = "me-events";
    map.getContainer().appendChild(canvas);
    ctx = canvas.getContext("2d");
    tooltip = document.createElement("div");
    tooltip.className = "me-tooltip";
    map.getContainer().appendChild(tooltip);
    filterNote = document.createElement("div");
    filterNote.className = "me-note";
    filterNote.setAttribute("role", "status");
    map.getContainer().appendChild(filterNote);
    popup = document.createElement("div");
    popup.className = "me-popup";
    popup.setAttribute("role", "menu");
    L.DomEvent.disableClickPropagation(popup);
    L.DomEvent.disableScrollPropagation(popup);
    map.getContainer().appendChild(popup);
    // Escape closes the list of events at a place, as it closes any menu.
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { closePopup(); hideTooltip(); }
    });
    // The frame that says the map has the keyboard (mappage.css) is for the keyboard: a click
    // focuses the map too (Leaflet's arrow keys), and needs none. Not the browser's
    // :focus-visible, which the app's Tab (pressed outside the page) does not reach.
    var body = document.body;
    document.addEventListener("pointerdown", function () { body.classList.add("me-pointer"); }, true);
    document.addEventListener("keydown", function () { body.classList.remove("me-pointer"); }, true);
    map.getContainer().addEventListener("blur", function () { body.classList.remove("me-pointer"); });
    map.on("move zoom resize viewreset", requestDraw);
    map.on("resize", reframe);
    map.on("movestart", function () { moving = true; });
    map.on("moveend", function () { moving = false; });
    // The story's framing while the map still shows it ([west, south, east, north] and its
    // closest zoom), else null: a picture of the window frames the same (ui/image_export.py),
    // whatever size the window's map has at its text size.
    map.meFraming = function () {
      if (!framing || !framing.story || userMoved || !showsFraming()) return null;
      var b = framing.bounds;
      return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth(), framing.maxZoom];
    };
    // Leaflet notices a new size a frame late (it waits for an animation frame), and the draw
    // then waits for another: as the window lays out at start-up, two frames each time. Take
    // the new size at once and draw in this task.
    window.addEventListener("resize", function () {
      map.invalidateSize({ animate: false });
      if (needsDraw) draw();
    });
    ["mousedown", "wheel", "touchstart", "keydown"].forEach(function (type) {
      map.getContainer().addEventListener(type, function () { userMoved = true; }, true);
    });
    map.on("mousemove", function (e) {
      var p = placeAt(e.containerPoint.x, e.containerPoint.y);
      if (p !== hoverPlace) { hoverPlace = p; requestDraw(); }
      map.getContainer().style.cursor = p >= 0 ? "pointer" : "";
      if (p >= 0) showTooltip(p, e.containerPoint.x, e.containerPoint.y);
      else hideTooltip();
    });
    map.on("mouseout", function () { hoverPlace = -1; hideTooltip(); requestDraw(); });
    map.on("click", function (e) { clickAt(e.containerPoint.x, e.containerPoint.y); });
    map.on("movestart", closePopup);
    if (typeof QWebChannel === "undefined" || typeof qt === "undefined") {
      // Opened outside the app (e.g. a browser): the map still draws, nothing to talk to.
      return;
    }
    new QWebChannel(qt.webChannelTransport, function (channel) {
      bridge = channel.objects.bridge;
      bridge.ready(); // Python now sends messages: MapExplorer.receive(text), by runJavaScript
    });
  }

  // --- for tests and the benchmark -------------------------------------------------------------
  function drawnEventIds() {
    var ids = [];
    for (var i = 0; i < nEvents; i++) if (visible[i]) ids.push(evIds[i]);
    return ids;
  }

  function litPlaceIds() {
    var ids = [];
    for (var p = 0; p < nPlaces; p++) if (placeCount[p] > 0) ids.push(placeIds[p]);
    return ids;
  }

  /* Container point of a place's marker (or a point inside its region): lets tests click it. */
  function screenPointOf(placeId) {
    var p = indexOfPlace(placeId);
    if (p === undefined) return null;
    var wx, wy, b = 4 * p;
    if (placeKind[p] !== REGION) {
      var r = placeRing[p], a = ringStart[r], n = ringStart[r + 1] - a;
      var q = a + (placeKind[p] === ROUTE ? Math.floor(n / 2) : 0);
      wx = xy[2 * q]; wy = xy[2 * q + 1];
    } else {
      wx = (bbox[b] + bbox[b + 2]) / 2; wy = (bbox[b + 1] + bbox[b + 3]) / 2;
    }
    wx += copyShift(p, viewMiddle()); // where it is drawn
    var scale = Math.pow(2, map.getZoom()), o = map.getPixelBounds().min;
    return { x: wx * scale - o.x, y: wy * scale - o.y };
  }

  /* Frames the browser paints while something (a drag) goes on: one count per
   * requestAnimationFrame callback, which Chromium only runs when it can paint. */
  var counter = null;
  function startFrameCounter() {
    counter = { frames: 0, t0: performance.now(), t1: 0, on: true };
    var c = counter;
    (function tick() {
      if (!c.on) return;
      c.frames++;
      c.t1 = performance.now();
      requestAnimationFrame(tick);
    })();
    return true;
  }

  function stopFrameCounter() {
    if (!counter) return null;
    counter.on = false;
    return { frames: counter.frames, ms: counter.t1 - counter.t0 };
  }

  return {
    start: start,
    /* A page opened outside the app (the HTML export) passes an object with the bridge's
     * methods (ready, placeClicked, eventClicked, frameDrawn, log) to receive the clicks. */
    attach: function (bridgeLike) { bridge = bridgeLike; },
    receive: receive,
    grouped: grouped,
    fetchMessage: fetchMessage,
    ymdOfDay: ymdOfDay,
    clickAt: clickAt,
    isolated: isolated,
    drawnEventIds: drawnEventIds,
    /* [id, date in words] of every event, as tooltips and the place menu show them (tests). */
    eventDateWords: function () { return evIds.map(function (id, i) { return [id, dateWordsOf(i)]; }); },
    litPlaceIds: litPlaceIds,
    screenPointOf: screenPointOf,
    timings: function () { return timings; },
    /* {shapes, points, dots, dense}: how many of each the last frame drew, and how. */
    lastDraw: function () { return lastDraw; },
    clearTimings: function () { timings = []; phases = []; return true; },
    phases: function () { return phases; },
    frames: function () { return frames; },
    visibleCount: function () { return visCount; },
    startFrameCounter: startFrameCounter,
    stopFrameCounter: stopFrameCounter,
    zoom: function () { return map.getZoom(); },
    /* How many views the base map has drawn (tests: a time move must not redraw it). */
    basemapDraws: function () { return basemap ? basemap.draws() : 0; },
    /* Where a latitude and longitude are on the map's container; the view's [west, south,
     * east, north] (east past 180 across the antimeridian); a view to move to, at once. */
    containerPointAt: function (lat, lng) {
      var c = map.latLngToContainerPoint([lat, lng]);
      return { x: c.x, y: c.y };
    },
    viewBounds: function () {
      var b = map.getBounds();
      return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    },
    setView: function (lat, lng, zoom) { map.setView([lat, lng], zoom, { animate: false }); return true; },
    selectedEventId: function () { return selected >= 0 ? evIds[selected] : null; },
    /* The size Leaflet has taken (it learns a new one at the window's resize event). */
    mapSize: function () { var s = map.getSize(); return [s.x, s.y]; },
    /* Whether the view is moving on its own (an animated framing or fly): tests and
       `--screenshot` wait for its end. */
    moving: function () { return moving; },
  };
})();
