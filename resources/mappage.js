/* Map Explorer's map page.
 *
 * Loaded once. Python sends small JSON messages through the QWebChannel bridge ("catalogue"
 * once per file, then "time", "filter", "select", ...); the page answers through the bridge's
 * slots (ready, placeClicked, eventClicked, frameDrawn, log). Events are drawn on one canvas,
 * not as per-event DOM elements: a slider move only recomputes which places are lit and repaints.
 * Text from data files is only ever set with textContent, never as HTML.
 */
"use strict";

var MapExplorer = (function () {
  var map = null;
  var bridge = null;
  var onlineLayer = null;
  var basemapLayer = null;
  var labelLayer = null;
  var canvas = null;
  var ctx = null;
  var tooltip = null;
  var popup = null;

  // --- the catalogue, as flat arrays (built once per "catalogue" message) --------------------
  var places = []; // {id, name, kind, parts: [[x,y,...]], bbox:[minx,miny,maxx,maxy], events: []}
  var placeIndex = {};
  var events = []; // {id, title, date, start, end, soft, cat, places: [placeIdx]}
  var eventIndex = {};
  var evStart = new Float64Array(0);
  var evEnd = new Float64Array(0);
  var evPass = new Uint8Array(0); // 1 when the event passes the current filter
  var colours = {};

  // --- the current view -----------------------------------------------------------------------
  var view = { start: -Infinity, end: Infinity, now: 0, mode: "window", rangeStart: 0 };
  var visibleEvents = new Uint8Array(0);
  var placeStyle = []; // per place: index of the event whose colour it wears, or -1
  var placeCount = new Int32Array(0); // visible events per place
  var selected = -1;
  var hoverPlace = -1;
  var drawScheduled = false;
  var pendingTiming = null;
  var timings = [];
  var frames = 0;
  var dark = false;

  function log(level, message) {
    if (bridge) bridge.log(level, String(message));
  }

  window.addEventListener("error", function (e) {
    log("error", (e.message || "error") + " at " + (e.filename || "") + ":" + (e.lineno || 0));
  });

  // --- projection ------------------------------------------------------------------------------
  // Vertices are projected once to Web Mercator world pixels at zoom 0; a frame only scales and
  // shifts them, which is what keeps panning and scrubbing cheap.
  function project(lon, lat) {
    var p = map.project([lat, lon], 0);
    return [p.x, p.y];
  }

  function toFlatParts(kind, geometry) {
    var type = geometry.type, c = geometry.coordinates, parts = [];
    function ring(coords) {
      var flat = new Float64Array(coords.length * 2);
      for (var i = 0; i < coords.length; i++) {
        var p = project(coords[i][0], coords[i][1]);
        flat[2 * i] = p[0];
        flat[2 * i + 1] = p[1];
      }
      return flat;
    }
    if (type === "Point") parts.push(ring([c]));
    else if (type === "MultiPoint" || type === "LineString") {
      if (type === "MultiPoint") c.forEach(function (pt) { parts.push(ring([pt])); });
      else parts.push(ring(c));
    } else if (type === "MultiLineString") c.forEach(function (l) { parts.push(ring(l)); });
    else if (type === "Polygon") parts.push(c.map(ring));
    else if (type === "MultiPolygon") c.forEach(function (poly) { parts.push(poly.map(ring)); });
    return parts;
  }

  function bboxOf(parts, kind) {
    var b = [Infinity, Infinity, -Infinity, -Infinity];
    function add(flat) {
      for (var i = 0; i < flat.length; i += 2) {
        if (flat[i] < b[0]) b[0] = flat[i];
        if (flat[i + 1] < b[1]) b[1] = flat[i + 1];
        if (flat[i] > b[2]) b[2] = flat[i];
        if (flat[i + 1] > b[3]) b[3] = flat[i + 1];
      }
    }
    parts.forEach(function (p) { if (kind === "region") p.forEach(add); else add(p); });
    return b;
  }

  // --- messages from Python ---------------------------------------------------------------------
  var handlers = {
    catalogue: function (m) {
      colours = m.colours || {};
      places = m.places.map(function (p, i) {
        var parts = toFlatParts(p.kind, p.geometry);
        placeIndex[p.id] = i;
        return { id: p.id, name: p.name, kind: p.kind, parts: parts, bbox: bboxOf(parts, p.kind), events: [] };
      });
      events = m.events.map(function (e, i) {
        eventIndex[e.id] = i;
        e.places.forEach(function (pi) { places[pi].events.push(i); });
        return e;
      });
      evStart = new Float64Array(events.map(function (e) { return e.start; }));
      evEnd = new Float64Array(events.map(function (e) { return e.end; }));
      evPass = new Uint8Array(events.length).fill(1);
      visibleEvents = new Uint8Array(events.length);
      placeCount = new Int32Array(places.length);
      placeStyle = new Int32Array(places.length).fill(-1);
      selected = -1;
      closePopup();
      if (m.bounds) fit(m.bounds, false);
    },
    time: function (m) {
      view.start = m.start;
      view.end = m.end;
      view.now = m.now;
      view.mode = m.mode;
      view.rangeStart = m.rangeStart;
    },
    filter: function (m) {
      if (m.ids === null) evPass.fill(1);
      else {
        evPass.fill(0);
        m.ids.forEach(function (id) { if (id in eventIndex) evPass[eventIndex[id]] = 1; });
      }
    },
    select: function (m) {
      selected = m.id !== null && m.id in eventIndex ? eventIndex[m.id] : -1;
      if (selected >= 0 && m.fly) flyToEvent(selected);
    },
    fit: function (m) { fit(m.bounds, true); },
    basemap: function (m) {
      if (!onlineLayer) return;
      if (m.online) onlineLayer.addTo(map);
      else map.removeLayer(onlineLayer);
    },
    theme: function (m) {
      dark = !!m.dark;
      document.body.classList.toggle("dark", dark);
      styleBasemap();
    },
  };

  function receive(text) {
    var received = performance.now();
    var m;
    try {
      m = JSON.parse(text);
    } catch (err) {
      log("error", "bad message from Python: " + err);
      return;
    }
    var handler = handlers[m.type];
    if (!handler) {
      log("warning", "unknown message type " + m.type);
      return;
    }
    handler(m);
    if (m.type !== "basemap" && m.type !== "theme") {
      updateVisibility();
      // Time from the message's arrival to the layers updated, for the benchmark.
      if (pendingTiming === null) pendingTiming = received;
      requestDraw();
    }
  }

  // --- what is lit now --------------------------------------------------------------------------
  function updateVisibility() {
    var n = events.length, lo = view.start, hi = view.end;
    placeCount.fill(0);
    placeStyle.fill(-1);
    for (var i = 0; i < n; i++) {
      var on = evPass[i] === 1 && evStart[i] <= hi && evEnd[i] >= lo ? 1 : 0;
      visibleEvents[i] = on;
      if (!on) continue;
      var ps = events[i].places;
      for (var k = 0; k < ps.length; k++) {
        var p = ps[k];
        placeCount[p]++;
        // A place wears the colour of its latest visible event.
        var cur = placeStyle[p];
        if (cur < 0 || evStart[i] >= evStart[cur]) placeStyle[p] = i;
      }
    }
    if (selected >= 0 && visibleEvents[selected]) {
      events[selected].places.forEach(function (p) { placeStyle[p] = selected; });
    }
  }

  // --- drawing ----------------------------------------------------------------------------------
  function requestDraw() {
    if (drawScheduled) return;
    drawScheduled = true;
    requestAnimationFrame(draw);
  }

  function hexToRgba(hex, alpha) {
    var h = (hex || "#7f7f7f").replace("#", "");
    var v = parseInt(h, 16);
    return "rgba(" + ((v >> 16) & 255) + "," + ((v >> 8) & 255) + "," + (v & 255) + "," + alpha + ")";
  }

  function opacityOf(i) {
    // Cumulative mode fades older events; uncertain dates are softer in every mode.
    var a = events[i].soft ? 0.55 : 1.0;
    if (view.mode === "cumulative") {
      var span = Math.max(1, view.now - view.rangeStart);
      var age = Math.max(0, view.now - evEnd[i]) / span;
      a *= Math.max(0.3, 1 - 0.8 * age);
    }
    return a;
  }

  function draw() {
    drawScheduled = false;
    var size = map.getSize();
    var ratio = window.devicePixelRatio || 1;
    if (canvas.width !== size.x * ratio || canvas.height !== size.y * ratio) {
      canvas.width = size.x * ratio;
      canvas.height = size.y * ratio;
      canvas.style.width = size.x + "px";
      canvas.style.height = size.y + "px";
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, size.x, size.y);
    var scale = Math.pow(2, map.getZoom());
    var origin = map.getPixelBounds().min;
    var view_ = { scale: scale, ox: origin.x, oy: origin.y, w: size.x, h: size.y };
    ["region", "route", "point"].forEach(function (kind) {
      for (var p = 0; p < places.length; p++) {
        if (placeStyle[p] < 0 || places[p].kind !== kind) continue;
        if (!onScreen(places[p].bbox, view_)) continue;
        drawPlace(p, view_);
      }
    });
    frames++;
    var now = performance.now();
    if (pendingTiming !== null) {
      timings.push(now - pendingTiming);
      if (timings.length > 5000) timings.shift();
      pendingTiming = null;
      if (bridge) bridge.frameDrawn(countVisible());
    }
  }

  function onScreen(b, v) {
    var pad = 20;
    return !(b[2] * v.scale - v.ox < -pad || b[0] * v.scale - v.ox > v.w + pad ||
             b[3] * v.scale - v.oy < -pad || b[1] * v.scale - v.oy > v.h + pad);
  }

  function tracePath(flat, v, close) {
    ctx.moveTo(flat[0] * v.scale - v.ox, flat[1] * v.scale - v.oy);
    for (var i = 2; i < flat.length; i += 2) ctx.lineTo(flat[i] * v.scale - v.ox, flat[i + 1] * v.scale - v.oy);
    if (close) ctx.closePath();
  }

  function drawPlace(p, v) {
    var place = places[p], ev = placeStyle[p], e = events[ev];
    var colour = colours[e.cat] || "#7f7f7f";
    var alpha = opacityOf(ev);
    var isSelected = selected >= 0 && events[selected].places.indexOf(p) >= 0 && visibleEvents[selected];
    var hovered = p === hoverPlace;
    ctx.setLineDash(e.soft ? [5, 4] : []);
    if (place.kind === "region") {
      ctx.beginPath();
      place.parts.forEach(function (poly) { poly.forEach(function (ring) { tracePath(ring, v, true); }); });
      ctx.fillStyle = hexToRgba(colour, (e.soft ? 0.14 : 0.26) * alpha + (hovered ? 0.1 : 0));
      ctx.fill("evenodd");
      ctx.lineWidth = isSelected ? 3 : 1.5;
      ctx.strokeStyle = isSelected ? (dark ? "#ffe066" : "#1a1a1a") : hexToRgba(colour, 0.85 * alpha);
      ctx.stroke();
    } else if (place.kind === "route") {
      place.parts.forEach(function (line) {
        if (isSelected) {
          ctx.beginPath();
          tracePath(line, v, false);
          ctx.lineWidth = 8;
          ctx.strokeStyle = dark ? "rgba(255,224,102,0.6)" : "rgba(0,0,0,0.35)";
          ctx.stroke();
        }
        ctx.beginPath();
        tracePath(line, v, false);
        ctx.lineWidth = hovered ? 4.5 : 3;
        ctx.strokeStyle = hexToRgba(colour, 0.9 * alpha);
        ctx.stroke();
        drawArrowHead(line, v, hexToRgba(colour, 0.95 * alpha));
      });
    } else {
      var count = placeCount[p];
      var r = count > 1 ? 9 : 7;
      if (hovered) r += 2;
      place.parts.forEach(function (pt) {
        var x = pt[0] * v.scale - v.ox, y = pt[1] * v.scale - v.oy;
        if (isSelected) {
          ctx.beginPath();
          ctx.setLineDash([]);
          ctx.arc(x, y, r + 5, 0, 2 * Math.PI);
          ctx.lineWidth = 3;
          ctx.strokeStyle = dark ? "#ffe066" : "#1a1a1a";
          ctx.stroke();
          ctx.setLineDash(e.soft ? [5, 4] : []);
        }
        ctx.beginPath();
        ctx.arc(x, y, r, 0, 2 * Math.PI);
        ctx.fillStyle = hexToRgba(colour, (e.soft ? 0.5 : 0.92) * alpha);
        ctx.fill();
        ctx.lineWidth = 2;
        ctx.strokeStyle = e.soft ? hexToRgba(colour, alpha) : "rgba(255,255,255," + (0.95 * alpha) + ")";
        ctx.stroke();
        if (count > 1) {
          ctx.setLineDash([]);
          ctx.fillStyle = "#ffffff";
          ctx.font = "bold 10px sans-serif";
          ctx.textAlign = "center";
          ctx.textBaseline = "middle";
          ctx.fillText(String(count), x, y + 0.5);
        }
      });
    }
    ctx.setLineDash([]);
  }

  function drawArrowHead(line, v, fill) {
    var n = line.length;
    if (n < 4) return;
    var x2 = line[n - 2] * v.scale - v.ox, y2 = line[n - 1] * v.scale - v.oy;
    var x1 = line[n - 4] * v.scale - v.ox, y1 = line[n - 3] * v.scale - v.oy;
    var angle = Math.atan2(y2 - y1, x2 - x1), len = 13;
    ctx.beginPath();
    ctx.setLineDash([]);
    ctx.moveTo(x2, y2);
    ctx.lineTo(x2 - len * Math.cos(angle - 0.45), y2 - len * Math.sin(angle - 0.45));
    ctx.lineTo(x2 - len * Math.cos(angle + 0.45), y2 - len * Math.sin(angle + 0.45));
    ctx.closePath();
    ctx.fillStyle = fill;
    ctx.fill();
  }

  // --- hit testing ------------------------------------------------------------------------------
  function pointInRing(x, y, flat) {
    var inside = false;
    for (var i = 0, j = flat.length - 2; i < flat.length; j = i, i += 2) {
      var xi = flat[i], yi = flat[i + 1], xj = flat[j], yj = flat[j + 1];
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
   * smallest region wins, so Gaza is reachable inside a larger shape). */
  function placeAt(cx, cy) {
    var scale = Math.pow(2, map.getZoom()), o = map.getPixelBounds().min;
    var wx = (cx + o.x) / scale, wy = (cy + o.y) / scale, tol = 11 / scale;
    var best = -1, bestD = Infinity, p;
    for (p = 0; p < places.length; p++) {
      if (placeStyle[p] < 0 || places[p].kind !== "point") continue;
      places[p].parts.forEach(function (pt) {
        var d = Math.hypot(pt[0] - wx, pt[1] - wy);
        if (d <= tol && d < bestD) { best = p; bestD = d; }
      });
    }
    if (best >= 0) return best;
    for (p = 0; p < places.length; p++) {
      if (placeStyle[p] < 0 || places[p].kind !== "route") continue;
      places[p].parts.forEach(function (line) {
        for (var i = 0; i + 3 < line.length; i += 2) {
          var d = distanceToSegment(wx, wy, line[i], line[i + 1], line[i + 2], line[i + 3]);
          if (d <= tol * 0.7 && d < bestD) { best = p; bestD = d; }
        }
      });
    }
    if (best >= 0) return best;
    var bestArea = Infinity;
    for (p = 0; p < places.length; p++) {
      var pl = places[p], b = pl.bbox;
      if (placeStyle[p] < 0 || pl.kind !== "region") continue;
      if (wx < b[0] || wx > b[2] || wy < b[1] || wy > b[3]) continue;
      var hit = pl.parts.some(function (poly) {
        if (!pointInRing(wx, wy, poly[0])) return false;
        for (var h = 1; h < poly.length; h++) if (pointInRing(wx, wy, poly[h])) return false;
        return true;
      });
      var area = (b[2] - b[0]) * (b[3] - b[1]);
      if (hit && area < bestArea) { best = p; bestArea = area; }
    }
    return best;
  }

  function visibleEventsAt(p) {
    return places[p].events
      .filter(function (i) { return visibleEvents[i]; })
      .sort(function (a, b) { return evStart[b] - evStart[a]; });
  }

  function showTooltip(p, cx, cy) {
    var list = visibleEventsAt(p);
    tooltip.textContent = "";
    var head = document.createElement("div");
    head.className = "me-tip-place";
    head.textContent = places[p].name;
    tooltip.appendChild(head);
    list.slice(0, 5).forEach(function (i) {
      var row = document.createElement("div");
      var date = document.createElement("span");
      date.className = "me-tip-date";
      date.textContent = events[i].date;
      row.appendChild(date);
      row.appendChild(document.createTextNode(" " + events[i].title));
      tooltip.appendChild(row);
    });
    if (list.length > 5) {
      var more = document.createElement("div");
      more.className = "me-tip-more";
      more.textContent = "+" + (list.length - 5) + " more — click to list them";
      tooltip.appendChild(more);
    }
    tooltip.style.display = "block";
    var w = tooltip.offsetWidth, size = map.getSize();
    tooltip.style.left = Math.min(cx + 14, size.x - w - 4) + "px";
    tooltip.style.top = cy + 14 + "px";
  }

  function hideTooltip() { tooltip.style.display = "none"; }

  function closePopup() { if (popup) popup.style.display = "none"; }

  /* Several events at one place: all of them are listed, so each is one click away. */
  function showPlaceMenu(p, cx, cy) {
    var list = places[p].events.slice().sort(function (a, b) { return evStart[a] - evStart[b]; });
    popup.textContent = "";
    var head = document.createElement("div");
    head.className = "me-pop-head";
    head.textContent = places[p].name + " — " + list.length + " events";
    popup.appendChild(head);
    list.forEach(function (i) {
      var item = document.createElement("button");
      item.type = "button";
      item.className = "me-pop-item" + (visibleEvents[i] ? "" : " me-pop-hidden") + (i === selected ? " me-pop-selected" : "");
      item.setAttribute("data-event", events[i].id);
      var date = document.createElement("span");
      date.className = "me-tip-date";
      date.textContent = events[i].date;
      item.appendChild(date);
      item.appendChild(document.createTextNode(" " + events[i].title));
      item.addEventListener("click", function (ev) {
        ev.stopPropagation();
        closePopup();
        if (bridge) bridge.eventClicked(events[i].id);
      });
      popup.appendChild(item);
    });
    popup.style.display = "block";
    var size = map.getSize();
    popup.style.left = Math.max(4, Math.min(cx + 10, size.x - popup.offsetWidth - 4)) + "px";
    popup.style.top = Math.max(4, Math.min(cy + 10, size.y - popup.offsetHeight - 4)) + "px";
  }

  function clickAt(cx, cy) {
    var p = placeAt(cx, cy);
    closePopup();
    if (p < 0) return null;
    var here = visibleEventsAt(p).map(function (i) { return events[i].id; });
    if (bridge) bridge.placeClicked(places[p].id, JSON.stringify(here));
    if (places[p].events.length > 1) showPlaceMenu(p, cx, cy);
    return places[p].id;
  }

  // --- camera ----------------------------------------------------------------------------------
  function fit(b, animate) {
    // b = [west, south, east, north]
    if (!b) return;
    var bounds = L.latLngBounds([b[1], b[0]], [b[3], b[2]]);
    map.fitBounds(bounds.pad(0.08), { animate: !!animate, maxZoom: 6 });
  }

  function flyToEvent(i) {
    var minx = Infinity, miny = Infinity, maxx = -Infinity, maxy = -Infinity;
    events[i].places.forEach(function (p) {
      var b = places[p].bbox;
      minx = Math.min(minx, b[0]); miny = Math.min(miny, b[1]);
      maxx = Math.max(maxx, b[2]); maxy = Math.max(maxy, b[3]);
    });
    var sw = map.unproject([minx, maxy], 0), ne = map.unproject([maxx, miny], 0);
    var target = L.latLngBounds(sw, ne);
    // Keep the view when the event is already comfortably on screen.
    if (map.getBounds().pad(-0.1).contains(target)) return;
    map.flyToBounds(target.pad(0.3), { maxZoom: 6, duration: 0.6 });
  }

  // --- base map --------------------------------------------------------------------------------
  function styleBasemap() {
    if (!basemapLayer) return;
    basemapLayer.setStyle({
      color: dark ? "#6b7280" : "#9a9a8e",
      weight: 0.8,
      fillColor: dark ? "#2e3440" : "#f2efe6",
      fillOpacity: 1,
    });
  }

  function buildBasemap() {
    var data = window.MAPEXPLORER_BASEMAP;
    if (!data) {
      log("error", "basemap.js did not load: the offline base map is missing");
      return;
    }
    var renderer = L.canvas({ padding: 0.5 });
    basemapLayer = L.geoJSON(data.basemap, { renderer: renderer, interactive: false });
    basemapLayer.addTo(map);
    styleBasemap();
    labelLayer = L.layerGroup();
    (data.basemap_labels.features || []).forEach(function (f) {
      var c = f.geometry.coordinates, kind = (f.properties && f.properties.kind) || "country";
      var icon = L.divIcon({ className: "me-label me-label-" + kind, html: "", iconSize: null });
      var marker = L.marker([c[1], c[0]], { icon: icon, interactive: false, keyboard: false });
      marker.on("add", function () { marker.getElement().textContent = f.properties.name; });
      labelLayer.addLayer(marker);
    });
    labelLayer.addTo(map);
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
    map.attributionControl.setPrefix(false);
    buildBasemap();
    canvas = document.createElement("canvas");
    canvas.className = "me-events";
    map.getContainer().appendChild(canvas);
    ctx = canvas.getContext("2d");
    tooltip = document.createElement("div");
    tooltip.className = "me-tooltip";
    map.getContainer().appendChild(tooltip);
    popup = document.createElement("div");
    popup.className = "me-popup";
    popup.setAttribute("role", "menu");
    L.DomEvent.disableClickPropagation(popup);
    L.DomEvent.disableScrollPropagation(popup);
    map.getContainer().appendChild(popup);
    map.on("move zoom resize viewreset", requestDraw);
    function labelDensity() { map.getContainer().classList.toggle("me-zoomed-out", map.getZoom() < 4); }
    map.on("zoomend", labelDensity);
    labelDensity();
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
      bridge.message.connect(receive);
      bridge.ready();
    });
  }

  function countVisible() {
    var n = 0;
    for (var i = 0; i < visibleEvents.length; i++) n += visibleEvents[i];
    return n;
  }

  // --- for tests and the benchmark -------------------------------------------------------------
  function drawnEventIds() {
    var ids = [];
    for (var i = 0; i < events.length; i++) if (visibleEvents[i]) ids.push(events[i].id);
    return ids;
  }

  function litPlaceIds() {
    var ids = [];
    for (var p = 0; p < places.length; p++) if (placeStyle[p] >= 0) ids.push(places[p].id);
    return ids;
  }

  /* Container point of a place's marker (or a point inside its region): lets tests click it. */
  function screenPointOf(placeId) {
    var p = places[placeIndex[placeId]];
    if (!p) return null;
    var flat = p.kind === "region" ? null : p.parts[0];
    var wx, wy;
    if (flat) {
      var mid = p.kind === "route" ? 2 * Math.floor(flat.length / 4) : 0;
      wx = flat[mid]; wy = flat[mid + 1];
    } else {
      wx = (p.bbox[0] + p.bbox[2]) / 2; wy = (p.bbox[1] + p.bbox[3]) / 2;
    }
    var scale = Math.pow(2, map.getZoom()), o = map.getPixelBounds().min;
    return { x: wx * scale - o.x, y: wy * scale - o.y };
  }

  return {
    start: start,
    receive: receive,
    clickAt: clickAt,
    drawnEventIds: drawnEventIds,
    litPlaceIds: litPlaceIds,
    screenPointOf: screenPointOf,
    timings: function () { return timings; },
    frames: function () { return frames; },
    selectedEventId: function () { return selected >= 0 ? events[selected].id : null; },
  };
})();
