/* The offline base map: countries filled and outlined on a canvas of their own, under every
 * Leaflet pane (so the optional online tiles cover it, and the labels sit on it).
 *
 * Why not Leaflet's GeoJSON layer: it made an object per vertex and re-projected and
 * re-simplified every ring at every view change, 30–80 ms each on a 2-core machine, and a
 * start-up has three (the first view, the catalogue's framing, the window's layout). Here the
 * rings are projected once, to Web Mercator world pixels at zoom 0, and a view draws them as
 * one path (culled by box, vertices closer than half a pixel skipped): a few milliseconds.
 * The map does not wrap round; a view across ±180° draws each copy of the world it shows.
 */
"use strict";

var BasemapCanvas = (function () {
  var WORLD = 256; // world pixels at zoom 0 (Leaflet's EPSG:3857 tile size)
  var MAX_LAT = 85.0511287798;

  /* Each ring of a FeatureCollection of (Multi)Polygons, projected: {xy, ringStart, box}.
   * Outer rings run one way and holes the other, so that the one path of every country fills
   * with the nonzero rule: where two countries' outlines overlap (they do, along many
   * borders), the overlap stays land; a country in another's hole (Lesotho) is land too. */
  function project(collection) {
    var coords = [], starts = [0];
    (collection.features || []).forEach(function (f) {
      var g = f.geometry;
      if (!g) return;
      var polygons = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
      polygons.forEach(function (polygon) {
        polygon.forEach(function (ring, k) {
          var area = 0, j;
          for (j = 0; j < ring.length; j++) {
            var a = ring[j], b = ring[(j + 1) % ring.length];
            area += a[0] * b[1] - b[0] * a[1];
          }
          var forward = k === 0 ? area >= 0 : area < 0; // outer: counter-clockwise in lon/lat
          for (j = 0; j < ring.length; j++) {
            var c = ring[forward ? j : ring.length - 1 - j];
            coords.push(c[0], c[1]);
          }
          starts.push(coords.length / 2);
        });
      });
    });
    var n = starts.length - 1, xy = new Float64Array(coords.length), box = new Float64Array(4 * n);
    var d2r = Math.PI / 180;
    for (var i = 0; i < coords.length; i += 2) {
      // Antarctica's outline closes with a straight edge at 84.7° S, short of the map's edge
      // (85.05° S): that edge goes to the map's edge, so no band of sea and line lie below.
      var lat = coords[i + 1] < -84.5 ? -MAX_LAT : Math.max(-MAX_LAT, Math.min(MAX_LAT, coords[i + 1]));
      var s = Math.sin(lat * d2r);
      xy[i] = ((coords[i] + 180) / 360) * WORLD;
      xy[i + 1] = WORLD * (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI));
    }
    for (var r = 0; r < n; r++) {
      var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (var q = starts[r]; q < starts[r + 1]; q++) {
        var x = xy[2 * q], y = xy[2 * q + 1];
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
      box[4 * r] = x0; box[4 * r + 1] = y0; box[4 * r + 2] = x1; box[4 * r + 3] = y1;
    }
    return { xy: xy, ringStart: Int32Array.from(starts), box: box };
  }

  /* A base map drawn under `map`'s panes from `countries` (GeoJSON, lon/lat). */
  function create(map, countries) {
    var rings = project(countries);
    var canvas = document.createElement("canvas");
    canvas.className = "me-basemap";
    var container = map.getContainer();
    container.insertBefore(canvas, container.firstChild);
    var ctx = canvas.getContext("2d");
    var dark = false;
    var drawn = { w: -1, h: -1, ratio: 0, scale: 0, ox: NaN, oy: NaN, dark: false };
    var draws = 0;

    /* Draw for the map's view, unless that view is drawn already (a time move). */
    function draw() {
      var size = map.getSize(), ratio = window.devicePixelRatio || 1;
      var scale = Math.pow(2, map.getZoom()), origin = map.getPixelBounds().min;
      if (size.x === drawn.w && size.y === drawn.h && ratio === drawn.ratio && scale === drawn.scale &&
          origin.x === drawn.ox && origin.y === drawn.oy && dark === drawn.dark) return false;
      drawn = { w: size.x, h: size.y, ratio: ratio, scale: scale, ox: origin.x, oy: origin.y, dark: dark };
      var W = Math.round(size.x * ratio), H = Math.round(size.y * ratio);
      if (canvas.width !== W || canvas.height !== H) {
        canvas.width = W;
        canvas.height = H;
        canvas.style.width = size.x + "px";
        canvas.style.height = size.y + "px";
      }
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, W, H);
      if (!W || !H) return true;
      // World pixels (zoom 0) → device pixels: x * s - dx.
      var s = scale * ratio, dx = origin.x * ratio, dy = origin.y * ratio;
      var left = origin.x / scale, right = (origin.x + size.x) / scale;
      var top = origin.y / scale, bottom = (origin.y + size.y) / scale;
      var xy = rings.xy, starts = rings.ringStart, box = rings.box, n = starts.length - 1;
      ctx.beginPath();
      for (var r = 0; r < n; r++) {
        var b = 4 * r;
        if (box[b + 1] > bottom || box[b + 3] < top) continue;
        // Every whole turn of the world that puts this ring in the view.
        var k0 = Math.ceil((left - box[b + 2]) / WORLD), k1 = Math.floor((right - box[b]) / WORLD);
        for (var k = k0; k <= k1; k++) {
          var shift = k * WORLD * s - dx, q = starts[r], end = starts[r + 1];
          var px = xy[2 * q] * s + shift, py = xy[2 * q + 1] * s - dy;
          ctx.moveTo(px, py);
          for (q++; q < end; q++) {
            var x = xy[2 * q] * s + shift, y = xy[2 * q + 1] * s - dy;
            if (Math.abs(x - px) < 0.5 && Math.abs(y - py) < 0.5 && q < end - 1) continue;
            ctx.lineTo(x, y);
            px = x;
            py = y;
          }
          ctx.closePath();
        }
      }
      ctx.fillStyle = dark ? "#2e3440" : "#f2efe6";
      ctx.fill("nonzero"); // see `project`
      ctx.lineWidth = 0.8 * ratio;
      ctx.lineJoin = "round";
      ctx.strokeStyle = dark ? "#6b7280" : "#9a9a8e";
      ctx.stroke();
      draws++;
      return true;
    }

    return {
      draw: draw,
      setDark: function (on) { dark = !!on; },
      /* For tests: how many times a view was drawn. */
      draws: function () { return draws; },
    };
  }

  return { create: create, project: project, WORLD: WORLD };
})();
