(function () {
  "use strict";
  var cfg = JSON.parse(document.getElementById("samspil-data").textContent);
  var byId = function (id) { return document.getElementById(id); };
  var el = function (tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  };
  var tipText = function (item) {
    var t = (item.tooltip !== undefined && item.tooltip !== null) ? item.tooltip : item.title;
    return (t === undefined || t === null || t === "") ? null : String(t);
  };
  // Tooltips become elements built from plain text: vis-network never sees an HTML string.
  var prepare = function (item) {
    var o = Object.assign({}, item);
    var t = tipText(item);
    delete o.tooltip;
    delete o.title;
    if (t !== null) {
      var tip = el("div", "samspil-tip", t);
      o.title = tip;
    }
    return o;
  };
  var labelOf = function (n) {
    return (n.label !== undefined && n.label !== null && n.label !== "") ? String(n.label) : String(n.id);
  };
  // The full name (a drawn label may be shortened): searched, listed and shown in details.
  var nameOf = function (n) {
    return (n.name !== undefined && n.name !== null && n.name !== "") ? String(n.name) : labelOf(n);
  };

  var rawNodes = cfg.nodes, rawEdges = cfg.edges;
  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();
  nodes.add(rawNodes.map(prepare));
  var edgeIds = edges.add(rawEdges.map(prepare));
  var rawById = new Map();
  rawNodes.forEach(function (n) { rawById.set(n.id, n); });

  var container = byId("samspil-network");
  var network = new vis.Network(container, {nodes: new vis.DataSet(), edges: new vis.DataSet()},
                                cfg.options);
  window.samspilNetwork = network;
  window.samspilData = {nodes: nodes, edges: edges};
  window.samspilStable = false;

  var ph = cfg.options.physics;
  var physicsOn = !(ph === false || (ph && typeof ph === "object" && ph.enabled === false));
  var settled = !physicsOn || rawNodes.length === 0;
  // What the other parts of the page script (labels, focus, export) build on.
  var stableHooks = [];
  var P = {cfg: cfg, network: network, nodes: nodes, edges: edges, rawNodes: rawNodes,
           rawEdges: rawEdges, rawById: rawById, edgeIds: edgeIds, el: el, nameOf: nameOf,
           labelOf: labelOf, tipText: tipText,
           // fn runs once the finished layout is drawn (at once if it already is)
           onStable: function (fn) { if (window.samspilStable) { fn(); } else { stableHooks.push(fn); } },
           // set by focus.js: what a click on a node or a search hit does
           focusNode: null};
  window.samspilPage = P;
  var markStable = function () {
    if (window.samspilStable) { return; }
    window.samspilStableMs = performance.now();
    window.samspilStable = true;
    document.body.setAttribute("data-stable", "true");
    stableHooks.splice(0).forEach(function (fn) { fn(); });
  };
  // The first drawing: the map can be read and searched from here on.
  network.once("afterDrawing", function () { window.samspilDrawnMs = performance.now(); });
  var settle = function () {
    if (!settled) { settled = true; network.redraw(); }
  };
  window.samspilSettled = !physicsOn;
  network.on("stabilizationIterationsDone", settle);
  network.on("stabilized", function () { window.samspilSettled = true; settle(); });
  network.on("afterDrawing", function () { if (settled) { markStable(); } });
  // Listeners first, data second: no event can fire before we listen.
  network.setData({nodes: nodes, edges: edges});
  if (!physicsOn) {
    network.fit();
    // fit() frames the dots, not their labels: step back a little so outer labels show.
    network.moveTo({scale: network.getScale() * 0.9});
    network.redraw();
  }

  // ---- details panel (selected node or edge), text only
  var details = byId("samspil-details");
  var showDetails = function (title, text) {
    details.replaceChildren();
    details.appendChild(el("div", "dname", title));
    if (text) { details.appendChild(el("div", "dtext", text)); }
  };
  network.on("selectNode", function (p) {
    var n = rawById.get(p.nodes[0]);
    if (n) { showDetails(nameOf(n), tipText(n)); }
    if (n && P.focusNode) { P.focusNode(n.id); }
  });
  network.on("selectEdge", function (p) {
    if (p.nodes.length) { return; }
    var i = edgeIds.indexOf(p.edges[0]);
    if (i >= 0) {
      var e = rawEdges[i];
      var a = rawById.get(e.from), b = rawById.get(e.to);
      var head = (a ? nameOf(a) : String(e.from)) + " \u2192 " + (b ? nameOf(b) : String(e.to));
      var extra = [e.label, tipText(e)].filter(function (x) { return x !== undefined && x !== null && x !== ""; });
      showDetails(head, extra.map(String).join("\n"));
    }
  });
  network.on("deselectNode", function () { details.replaceChildren(); });

  // ---- filters (the first one is the legend: colour per kind)
  var checked = cfg.filters.map(function (f) { return f.values.map(function () { return true; }); });
  var status = byId("samspil-status");
  var counter = byId("samspil-count");
  var apply = function () {
    var hiddenNode = new Map(), nodeUpd = [], edgeUpd = [], shownN = 0, shownE = 0;
    rawNodes.forEach(function (n, i) {
      var ok = cfg.filters.every(function (f, k) { return f.target !== "nodes" || checked[k][f.assign[i]]; });
      hiddenNode.set(n.id, !ok);
      if (ok) { shownN += 1; }
      nodeUpd.push({id: n.id, hidden: !ok});
    });
    rawEdges.forEach(function (e, i) {
      var ok = !hiddenNode.get(e.from) && !hiddenNode.get(e.to) &&
        cfg.filters.every(function (f, k) { return f.target !== "edges" || checked[k][f.assign[i]]; });
      if (ok) { shownE += 1; }
      edgeUpd.push({id: edgeIds[i], hidden: !ok});
    });
    nodes.update(nodeUpd);
    edges.update(edgeUpd);
    counter.textContent = "Viser " + shownN + " af " + rawNodes.length + " noder og " +
      shownE + " af " + rawEdges.length + " forbindelser";
    if (P.placeLabels) { P.placeLabels(); }     // hidden nodes free their names' places
  };
  var filterBox = byId("samspil-filters");
  var SWATCHES = ["dot", "diamond", "square", "triangle", "triangleDown", "star", "hexagon", "ring",
                  "dashed-ring", "line", "dashed"];
  var boxes = [];
  cfg.filters.forEach(function (f, k) {
    filterBox.appendChild(el("h2", null, f.label));
    var group = el("div", "filter-group");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", f.label);
    f.values.forEach(function (v, j) {
      var row = el("label", "filter-row" + (v.count ? "" : " empty"));
      var box = document.createElement("input");
      box.type = "checkbox";
      box.checked = true;
      box.disabled = !v.count;
      box.addEventListener("change", function () { checked[k][j] = box.checked; apply(); });
      boxes.push({box: box, k: k, j: j});
      row.appendChild(box);
      if (v.color) {
        // The swatch kind is a class name from a fixed list, the colour a style property.
        var kind = SWATCHES.indexOf(v.swatch) >= 0 ? v.swatch : "dot";
        var sw = el("span", "swatch " + kind);
        if (kind === "line" || kind === "dashed") { sw.style.borderTopColor = v.color; }
        else if (kind === "ring" || kind === "dashed-ring") { sw.style.borderColor = v.color; }
        else { sw.style.backgroundColor = v.color; }
        row.appendChild(sw);
      }
      row.appendChild(el("span", "name", v.label));
      row.appendChild(el("span", "count", v.count));
      group.appendChild(row);
    });
    filterBox.appendChild(group);
  });
  // "Vis alle" shows everything; "Skjul alle" clears the legend (types) only, so ticking a
  // few types afterwards shows them with all their sectors and relations.
  var setAll = function (on) {
    boxes.forEach(function (b) {
      if (!b.box.disabled && (on || b.k === 0)) { b.box.checked = on; checked[b.k][b.j] = on; }
    });
    apply();
  };
  byId("samspil-all").addEventListener("click", function () { setAll(true); });
  byId("samspil-none").addEventListener("click", function () { setAll(false); });
  if (!cfg.filters.length) { byId("samspil-filter-buttons").hidden = true; }

  // ---- search
  var norm = function (s) { return String(s).normalize("NFC").toLocaleLowerCase("da").trim(); };
  var list = byId("samspil-names");
  var seen = new Set();
  rawNodes.forEach(function (n) {
    var name = nameOf(n);
    if (!seen.has(name)) { seen.add(name); var o = document.createElement("option"); o.value = name; list.appendChild(o); }
  });
  var find = function (query) {
    var q = norm(query);
    if (!q) { return null; }
    var i, hit = null;
    for (i = 0; i < rawNodes.length; i++) { if (norm(nameOf(rawNodes[i])) === q) { return rawNodes[i]; } }
    for (i = 0; i < rawNodes.length; i++) { if (norm(labelOf(rawNodes[i])) === q) { return rawNodes[i]; } }
    for (i = 0; i < rawNodes.length; i++) { if (norm(rawNodes[i].id) === q) { return rawNodes[i]; } }
    for (i = 0; i < rawNodes.length; i++) {
      if (norm(nameOf(rawNodes[i])).indexOf(q) >= 0) { hit = rawNodes[i]; break; }
    }
    return hit;
  };
  var search = function (query) {
    var n = find(query);
    if (!n) {
      status.textContent = "Ingen node matcher \u201c" + String(query) + "\u201d";
      return null;
    }
    var hidden = nodes.get(n.id).hidden === true;
    status.textContent = "Fundet: " + nameOf(n) + (hidden ? " (skjult af filteret)" : "");
    showDetails(nameOf(n), tipText(n));
    if (!hidden) {
      network.selectNodes([n.id]);
      network.focus(n.id, {scale: Math.max(network.getScale(), 1.2), animation: {duration: 300}});
      if (P.focusNode) { P.focusNode(n.id); }
    }
    return n.id;
  };
  window.samspilSearch = search;
  byId("samspil-search").addEventListener("submit", function (ev) {
    ev.preventDefault();
    search(byId("samspil-query").value);
  });
  P.apply = apply;
  apply();
})();
