/* strikemap: draws the events payload on a Leaflet map.
 * Markers are built only for what is in view (supercluster index), and every popup is
 * built from the compact record with DOM nodes and textContent, so article text is never
 * parsed as HTML. Part of strikemap (not vendored). */
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";
  var state = { handler: null, legend: null, map: null };

  // Shapes drawn in a 20x20 box; the name comes from the payload's symbol table.
  var SHAPES = {
    circle: function (g) { return el(g, "circle", { cx: 10, cy: 10, r: 7 }); },
    square: function (g) { return el(g, "rect", { x: 3.5, y: 3.5, width: 13, height: 13 }); },
    triangle: function (g) { return el(g, "polygon", { points: "10,2 18.5,17 1.5,17" }); },
    diamond: function (g) { return el(g, "polygon", { points: "10,1.5 18.5,10 10,18.5 1.5,10" }); },
    star: function (g) { return el(g, "polygon", { points: "10,1.5 12.4,7.4 18.6,7.6 13.8,11.6 15.4,17.8 10,14.3 4.6,17.8 6.2,11.6 1.4,7.6 7.6,7.4" }); },
    cross: function (g) { return el(g, "polygon", { points: "7,2 13,2 13,7 18,7 18,13 13,13 13,18 7,18 7,13 2,13 2,7 7,7" }); }
  };

  function el(parent, name, attrs) {
    var node = document.createElementNS(SVG_NS, name);
    for (var k in attrs) { node.setAttribute(k, attrs[k]); }
    parent.appendChild(node);
    return node;
  }

  function symbolSvg(shape, colour, size) {
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 20 20");
    svg.setAttribute("width", size);
    svg.setAttribute("height", size);
    var node = (SHAPES[shape] || SHAPES.circle)(svg);
    node.setAttribute("fill", colour);
    node.setAttribute("stroke", "#222");
    node.setAttribute("stroke-width", "1.3");
    return svg;
  }

  function text(tag, value, cls) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    node.textContent = value == null ? "" : String(value);
    return node;
  }

  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }

  // One event's fields, decoded from the columnar payload.
  function record(p, i) {
    var s = p.strings, c = p.columns;
    function str(name) { var k = c[name][i]; return k < 0 ? null : s[k]; }
    return {
      date: str("date"), tp: c.tp[i], type: str("type"), sub: str("sub"),
      actor1: str("actor1"), actor2: str("actor2"), location: str("location"),
      admin1: str("admin1"), country: str("country"), gp: c.gp[i], reason: str("reason"),
      killed: str("killed"), injured: str("injured"), disputed: c.disputed[i] === 1,
      excerpt: str("excerpt"), language: str("language"),
      sources: c.sources[i].map(function (k) { return s[k]; }), claims: str("claims"),
      gone: c.gone ? c.gone[i] === 1 : false
    };
  }

  function row(parent, label, value) {
    var line = document.createElement("div");
    line.className = "sm-row";
    line.appendChild(text("b", label + ": "));
    if (value instanceof Node) { line.appendChild(value); } else { line.appendChild(text("span", value)); }
    parent.appendChild(line);
    return line;
  }

  // p: the payload (labels); src: where this event's fields are (the payload or a detail chunk).
  function buildPopup(p, src, i) {
    var r = record(src, i), t = p.text;
    var box = document.createElement("div");
    box.className = "sm-popup";
    if (r.gone) {  // the store changed between drawing the markers and writing the details
      box.appendChild(text("div", "This event has changed since the map was drawn: reload the page to see it."));
      return box;
    }
    box.appendChild(text("div", (r.sub || r.type || "") + (r.type && r.sub && r.sub !== r.type ? " (" + r.type + ")" : ""), "sm-title"));
    row(box, "Date", (r.date || "unknown") + " (" + (t.time_precision[r.tp] || "precision unknown") + ")");
    row(box, "Attacker \u2192 target", (r.actor1 || "unknown") + " \u2192 " + (r.actor2 || "unknown"));
    var killed = row(box, "Killed", r.killed == null ? "not reported" : r.killed);
    var injured = row(box, "Injured", r.injured == null ? "not reported" : r.injured);
    if (r.disputed) {
      killed.appendChild(text("span", " disputed", "sm-disputed"));
      injured.appendChild(text("span", " disputed", "sm-disputed"));
    }
    var place = [r.location, r.admin1, r.country].filter(Boolean).join(", ") || "unknown";
    row(box, "Place", place + " (" + (t.geo_precision[r.gp] || "precision unknown") + ")");
    if (r.reason) { row(box, "Why here", r.reason); }
    if (r.excerpt) {
      var quote = text("blockquote", r.excerpt, "sm-excerpt");
      quote.setAttribute("dir", r.language === "ar" ? "rtl" : "auto");
      if (r.language) { quote.setAttribute("lang", r.language); }
      box.appendChild(quote);
    }
    var sources = [];
    r.sources.forEach(function (entry) { try { sources.push(JSON.parse(entry)); } catch (e) { /* skip */ } });
    if (sources.length) {
      var list = document.createElement("ul");
      list.className = "sm-sources";
      sources.forEach(function (src) {
        var item = document.createElement("li");
        var label = (src.outlet || "unknown outlet") + (src.published ? " (" + src.published + ")" : "");
        var url = safeUrl(src.url);
        if (url) {
          var link = text("a", label);
          link.href = url;
          link.target = "_blank";
          link.rel = "noopener noreferrer";
          item.appendChild(link);
        } else {
          item.appendChild(text("span", label));
        }
        list.appendChild(item);
      });
      row(box, "Sources", "");
      box.appendChild(list);
    }
    var claims = [];
    try { claims = r.claims ? JSON.parse(r.claims) : []; } catch (e) { claims = []; }
    if (claims.length) {
      var clist = document.createElement("ul");
      clist.className = "sm-claims";
      claims.forEach(function (cl) {
        clist.appendChild(text("li", (cl.claimant || "someone") + " " + (t.stance[cl.stance] || cl.stance || "says")));
      });
      row(box, "Claims", "");
      box.appendChild(clist);
    }
    return box;
  }

  // Panning a popup into view keeps it clear of the zoom buttons (top left) and the legend (right).
  var POPUP_OPTIONS = { maxWidth: 380, minWidth: 260, autoPanPaddingTopLeft: [60, 12], autoPanPaddingBottomRight: [250, 12] };

  // Large result sets keep popup details in static chunks, fetched when a popup opens. The
  // server writes them in the background after sending the markers: a chunk not written yet
  // answers 404, so ask again until it is there (or give up after DETAILS_WAIT_MS).
  var DETAILS_RETRY_MS = 300, DETAILS_WAIT_MS = 60000;

  function fetchChunk(url, deadline) {
    return fetch(url, { cache: "no-store" }).then(function (r) {
      if (r.ok) { return r.json(); }
      if (Date.now() > deadline) { throw new Error("details not written: " + r.status); }
      return new Promise(function (resolve) { setTimeout(resolve, DETAILS_RETRY_MS); })
        .then(function () { return fetchChunk(url, deadline); });
    });
  }

  function loadDetails(p, k) {
    var n = Math.floor(k / p.details.chunk);
    p._chunks = p._chunks || {};
    if (!p._chunks[n]) {
      p._chunks[n] = fetchChunk(p.details.url + n + ".json", Date.now() + DETAILS_WAIT_MS);
      p._chunks[n].catch(function () { delete p._chunks[n]; });  // a later click asks again
    }
    return p._chunks[n].then(function (chunk) { return { src: chunk, i: k - n * p.details.chunk }; });
  }

  // A map-level popup, not bound to the marker: redrawing markers (after the popup pans the
  // map into view) must not close it.
  function bindEventPopup(p, marker, k) {
    marker.on("click", function () {
      var popup = L.popup(POPUP_OPTIONS).setLatLng(marker.getLatLng());
      if (!p.details) {
        popup.setContent(buildPopup(p, p, k)).openOn(marker._map);
        return;
      }
      popup.setContent(text("div", "Loading details\u2026", "sm-loading")).openOn(marker._map);
      loadDetails(p, k).then(function (d) { popup.setContent(buildPopup(p, d.src, d.i)); })
        .catch(function () { popup.setContent(text("div", "Details could not be loaded.")); });
    });
  }

  function eventIcon(p, i) {
    var holder = document.createElement("div");
    holder.appendChild(symbolSvg(p.symbols[p.columns.symbol[i]], p.legend[p.columns.colour[i]].colour, 18));
    return L.divIcon({ html: holder, className: "sm-event", iconSize: [18, 18], iconAnchor: [9, 9], popupAnchor: [0, -8] });
  }

  // Clusters count their events per attacking side (legend index) in flat "a<index>" properties:
  // supercluster copies cluster properties shallowly, so nested objects would be shared.
  function sideCounts(props) {
    var counts = [];
    for (var key in props) {
      if (key.charAt(0) === "a" && props.hasOwnProperty(key)) { counts.push({ side: +key.slice(1), n: props[key] }); }
    }
    return counts.sort(function (x, y) { return y.n - x.n || x.side - y.side; });
  }

  function clusterOptions(p) {
    var colour = p.columns.colour;
    return {
      radius: 64, maxZoom: 16,  // px: wide enough that cluster discs (30-50 px) rarely cover each other
      map: function (props) { var o = {}; o["a" + colour[props.i]] = 1; return o; },
      reduce: function (acc, props) {
        for (var key in props) {
          if (key.charAt(0) === "a" && props.hasOwnProperty(key)) { acc[key] = (acc[key] || 0) + props[key]; }
        }
      }
    };
  }

  // A cluster: its disc in the colour of the side with most events, a ring showing every side's share.
  function clusterIcon(p, props) {
    var count = props.point_count, counts = sideCounts(props);
    var size = count < 10 ? 30 : count < 100 ? 36 : count < 1000 ? 42 : 50;
    var top = counts.length ? p.legend[counts[0].side] : { colour: "#444", label: "" };
    var stops = [], at = 0;
    counts.forEach(function (c) {
      var next = at + 100 * c.n / count;
      stops.push(p.legend[c.side].colour + " " + at.toFixed(2) + "% " + next.toFixed(2) + "%");
      at = next;
    });
    var holder = document.createElement("div");
    holder.style.background = stops.length ? "conic-gradient(" + stops.join(", ") + ")" : "#444";
    var disc = text("span", count >= 10000 ? Math.round(count / 1000) + "k" : String(count));
    disc.style.background = top.colour;
    holder.appendChild(disc);
    var title = count.toLocaleString("en") + " events; most by " + top.label + " (" +
      (counts.length ? counts[0].n : 0).toLocaleString("en") + ")";
    holder.setAttribute("data-side", top.label);
    holder.setAttribute("data-side-count", counts.length ? counts[0].n : 0);
    return { icon: L.divIcon({ html: holder, className: "sm-cluster", iconSize: [size, size] }), title: title };
  }

  function addLegend(map, p) {
    if (state.legend) { state.legend.remove(); state.legend = null; }
    var legend = L.control({ position: "bottomright" });
    legend.onAdd = function () {
      // A <details>: clicking its title folds the legend away from the markers under it.
      var box = L.DomUtil.create("details", "sm-legend");
      box.open = true;
      var summary = text("summary", "Attacker (actor 1)", "sm-legend-title");
      summary.title = "Click to fold or unfold the legend";
      box.appendChild(summary);
      p.legend.forEach(function (entry) {
        var line = document.createElement("div");
        line.appendChild(symbolSvg("circle", entry.colour, 12));
        line.appendChild(text("span", " " + entry.label + " (" + entry.count.toLocaleString("en") + ")"));
        box.appendChild(line);
      });
      box.appendChild(text("div", "Clusters: colour of the side with most events, ring: each side's share", "sm-legend-note"));
      box.appendChild(text("div", "Sub-event type", "sm-legend-title"));
      p.symbol_legend.forEach(function (entry) {
        var line = document.createElement("div");
        line.appendChild(symbolSvg(entry.shape, "#ffffff", 12));
        line.appendChild(text("span", " " + entry.label));
        box.appendChild(line);
      });
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    legend.addTo(map);
    state.legend = legend;
  }

  // The per-event map columns arrive packed (dashboard/payload.py pack_columns): 12 base-64
  // digits an event: latitude and longitude (1e-5 degrees, offset) in 5 each, colour, symbol*4+gp.
  var PACK_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  function unpackColumns(p) {
    var value = new Int8Array(128), s = p.packed, n = p.count, c = p.columns;
    for (var a = 0; a < 64; a++) { value[PACK_ALPHABET.charCodeAt(a)] = a; }
    var lat = new Float64Array(n), lon = new Float64Array(n);
    var colour = new Uint8Array(n), symbol = new Uint8Array(n), gp = new Uint8Array(n);
    for (var i = 0, at = 0; i < n; i++, at += 12) {
      var y = 0, x = 0;
      for (var k = 0; k < 5; k++) {
        y = y * 64 + value[s.charCodeAt(at + k)];
        x = x * 64 + value[s.charCodeAt(at + 5 + k)];
      }
      lat[i] = Math.round(y - 9000000) / 1e5;
      lon[i] = Math.round(x - 18000000) / 1e5;
      colour[i] = value[s.charCodeAt(at + 10)];
      var look = value[s.charCodeAt(at + 11)];
      symbol[i] = look >> 2;
      gp[i] = look & 3;
    }
    c.lat = lat; c.lon = lon; c.colour = colour; c.symbol = symbol; c.gp = gp;
    delete p.packed;
  }

  /* Draw the payload's events into `group` (a FeatureGroup on `map`); replaces any earlier draw. */
  function renderEvents(map, group, p) {
    if (typeof p.packed === "string") { unpackColumns(p); }
    if (state.handler && state.map) { state.map.off("moveend", state.handler); }
    var n = p.columns.lat.length;
    var points = new Array(n);
    for (var i = 0; i < n; i++) {
      points[i] = { type: "Feature", properties: { i: i }, geometry: { type: "Point", coordinates: [p.columns.lon[i], p.columns.lat[i]] } };
    }
    var index = new Supercluster(clusterOptions(p)).load(points);
    var circles = L.layerGroup().addTo(group);
    var markers = L.layerGroup().addTo(group);

    function draw() {
      var b = map.getBounds(), zoom = Math.round(map.getZoom());
      var found = index.getClusters([b.getWest() - 1, b.getSouth() - 1, b.getEast() + 1, b.getNorth() + 1], zoom);
      markers.clearLayers();
      circles.clearLayers();
      found.forEach(function (f) {
        var ll = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
        if (f.properties.cluster) {
          var look = clusterIcon(p, f.properties);
          var m = L.marker(ll, { icon: look.icon, title: look.title, keyboard: false });
          m.on("click", function () { map.setView(ll, index.getClusterExpansionZoom(f.properties.cluster_id)); });
          markers.addLayer(m);
          return;
        }
        var k = f.properties.i;
        var title = p.columns.location ? (p.strings[p.columns.location[k]] || "") : "";
        var marker = L.marker(ll, { icon: eventIcon(p, k), title: title });
        bindEventPopup(p, marker, k);
        markers.addLayer(marker);
        if (zoom >= p.circle_min_zoom) {
          var radius = p.precision_radius_m[p.columns.gp[k]] || p.precision_radius_m[0];
          circles.addLayer(L.circle(ll, { radius: radius, color: p.legend[p.columns.colour[k]].colour, weight: 1, fillOpacity: 0.08, interactive: false }));
        }
      });
    }
    state.handler = draw;
    var firstDraw = state.map !== map;
    state.map = map;
    map.on("moveend", draw);
    addLegend(map, p);
    if (firstDraw && n > 0) {
      // Open on the events themselves; later filter changes keep the analyst's view.
      var south = 90, west = 180, north = -90, east = -180;
      for (var j = 0; j < n; j++) {
        var la = p.columns.lat[j], lo = p.columns.lon[j];
        if (la < south) { south = la; } if (la > north) { north = la; }
        if (lo < west) { west = lo; } if (lo > east) { east = lo; }
      }
      var fit = function () {
        map.fitBounds([[south, west], [north, east]], { paddingTopLeft: [30, 30], paddingBottomRight: [260, 30], maxZoom: 9, animate: false });  // right: the legend
      };
      // The frame is resized after the map is made: fit again until the analyst moves the map.
      var touched = false;
      L.DomEvent.on(map.getContainer(), "mousedown wheel touchstart keydown", function () { touched = true; });
      map.on("resize", function () { if (!touched) { fit(); } });
      fit();
    }
    draw();
  }

  /* Offline base layer: country and governorate outlines that stay visible when tiles cannot load. */
  // Governorate names, shown once zoomed in enough to read them.
  function addGovernorateLabels(map, url) {
    var labels = L.layerGroup();
    if (!map.getPane("smLabels")) { map.createPane("smLabels").style.zIndex = 450; }  // under the markers
    fetch(url).then(function (r) { return r.json(); }).then(function (gj) {
      gj.features.forEach(function (f) {
        var c = f.geometry.coordinates;
        // Below the point, not on it: an event at the governorate's capital would hide its name.
        // Anchored by its left edge ("right") and centred by CSS, so no measured width is involved
        // (Leaflet measures labels once, possibly before the stylesheets have applied).
        labels.addLayer(L.tooltip({ permanent: true, direction: "right", offset: [0, 20], className: "sm-gov-label", interactive: false, pane: "smLabels" })
          .setLatLng([c[1], c[0]]).setContent(text("span", f.properties.name)));
      });
      var toggle = function () {
        if (map.getZoom() >= 7) { labels.addTo(map); } else { labels.remove(); }
      };
      map.on("zoomend", toggle);
      toggle();
    });
  }

  // Governorate (admin-1) boundaries: thin dashed grey lines above the country fill, under everything else.
  var ADMIN1_STYLE = { color: "#707070", weight: 0.9, opacity: 0.9, dashArray: "4 3", fill: false, className: "sm-admin1" };
  // Rivers: thin blue lines above the governorate lines, still under the markers (overlay pane).
  var RIVER_STYLE = { color: "#3f87c4", weight: 1.4, opacity: 0.85, fill: false, className: "sm-river" };

  function addBaseLayer(map, url, attribution, labelsUrl, admin1Url, riversUrl) {
    if (labelsUrl) { addGovernorateLabels(map, labelsUrl); }
    var offline = false, layer = null, admin1 = null, rivers = null, tiles = null;
    map.eachLayer(function (l) { if (l instanceof L.TileLayer) { tiles = l; } });
    var style = function () {
      return offline
        ? { color: "#6b6b6b", weight: 1, fillColor: "#f3efe6", fillOpacity: 1, className: "sm-country" }
        : { color: "#444", weight: 1.2, fillOpacity: 0, className: "sm-country" };
    };
    // The layers load on their own; whichever arrives, countries stay at the bottom, then admin-1, then rivers.
    var order = function () {
      if (rivers) { rivers.bringToBack(); }
      if (admin1) { admin1.bringToBack(); }
      if (layer) { layer.bringToBack(); }
    };
    if (tiles) {
      tiles.on("tileerror", function () {
        if (!offline) { offline = true; if (layer) { layer.setStyle(style()); } }
      });
    } else {
      offline = true;
    }
    fetch(url).then(function (r) { return r.json(); }).then(function (gj) {
      layer = L.geoJSON(gj, { style: style, interactive: false, attribution: attribution });
      layer.addTo(map);
      order();
    });
    if (admin1Url) {
      fetch(admin1Url).then(function (r) { return r.json(); }).then(function (gj) {
        admin1 = L.geoJSON(gj, { style: function () { return ADMIN1_STYLE; }, interactive: false });
        admin1.addTo(map);
        order();
      });
    }
    if (riversUrl) {
      fetch(riversUrl).then(function (r) { return r.json(); }).then(function (gj) {
        rivers = L.geoJSON(gj, { style: function () { return RIVER_STYLE; }, interactive: false });
        rivers.addTo(map);
        order();
      });
    }
  }

  window.StrikemapMap = { renderEvents: renderEvents, addBaseLayer: addBaseLayer, buildPopup: buildPopup };
})();
