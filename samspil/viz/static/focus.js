(function (P) {
  "use strict";
  // Focus on one node: everything more than one step away fades, and the side panel lists
  // the node's facts and what it is tied to, each entry a link that focuses that node.
  // Esc or the panel's button brings the whole map back. Text only (textContent).
  var network = P.network, el = P.el;
  var panel = document.getElementById("samspil-focus");
  var body = document.getElementById("samspil-focus-body");
  var FADED = {background: "#eef0f2", border: "#dfe3e8",
               highlight: {background: "#eef0f2", border: "#dfe3e8"},
               hover: {background: "#eef0f2", border: "#dfe3e8"}};
  var FADED_EDGE = {color: "#eceff1", highlight: "#eceff1", hover: "#eceff1", inherit: false};
  var groups = P.cfg.options.groups || {};
  var edgeColor = (P.cfg.options.edges && P.cfg.options.edges.color) || {};
  var state = {id: null, near: new Set()};

  // What a node or edge looks like when nothing is faded (its own colour or its group's).
  var ownColor = function (n) {
    var g = groups[n.group] || {};
    return n.color || g.color || null;
  };

  var neighbours = function (id) {
    var near = new Set([id]);
    network.getConnectedNodes(id).forEach(function (m) { near.add(m); });
    return near;
  };
  var restyle = function () {
    var nu = [], eu = [];
    P.rawNodes.forEach(function (n) {
      var faded = state.id !== null && !state.near.has(n.id);
      nu.push({id: n.id, color: faded ? FADED : ownColor(n)});
    });
    P.rawEdges.forEach(function (e, i) {
      var faded = state.id !== null && e.from !== state.id && e.to !== state.id;
      eu.push({id: P.edgeIds[i], color: faded ? FADED_EDGE : (e.color || edgeColor)});
    });
    P.nodes.update(nu);
    P.edges.update(eu);
  };

  var link = function (item) {
    if (item.id && P.rawById.has(item.id)) {
      var a = el("a", "focus-link", item.text);
      a.href = "#";
      a.addEventListener("click", function (ev) { ev.preventDefault(); focus(item.id, true); });
      return a;
    }
    return el("span", null, item.text);
  };
  // Lists made in Python when the map has them; otherwise the nodes one step away.
  var sectionsOf = function (n) {
    if (n.focus) { return n.focus; }
    var items = Array.from(state.near).filter(function (m) { return m !== n.id; }).map(function (m) {
      return {id: m, text: P.nameOf(P.rawById.get(m))};
    }).sort(function (a, b) { return a.text.localeCompare(b.text, "da"); });
    return items.length ? [{title: "Forbundet med", items: items, more: 0}] : [];
  };
  var fill = function (n) {
    body.replaceChildren();
    body.appendChild(el("h2", "focus-name", P.nameOf(n)));
    var facts = el("dl", "focus-facts");
    (n.facts || [["Type", n.group || ""]]).forEach(function (f) {
      if (!f[1]) { return; }
      facts.appendChild(el("dt", null, f[0]));
      facts.appendChild(el("dd", null, f[1]));
    });
    body.appendChild(facts);
    sectionsOf(n).forEach(function (s) {
      body.appendChild(el("h3", null, s.title + " (" + (s.items.length + (s.more || 0)) + ")"));
      var ul = el("ul", "focus-list");
      s.items.forEach(function (item) {
        var li = el("li");
        li.appendChild(link(item));
        if (item.quote) { li.appendChild(el("q", null, item.quote)); }
        ul.appendChild(li);
      });
      if (s.more) { ul.appendChild(el("li", "more", "\u2026 og " + s.more + " til")); }
      body.appendChild(ul);
    });
  };
  var focus = function (id, move) {
    var n = P.rawById.get(id);
    if (!n) { return null; }
    state.id = id;
    state.near = neighbours(id);
    P.named = state.near;
    P.faded = new Set(P.rawNodes.filter(function (n) { return !state.near.has(n.id); })
      .map(function (n) { return n.id; }));
    restyle();
    if (P.placeLabels) { P.placeLabels(); }
    fill(n);
    panel.hidden = false;
    document.body.classList.add("focused");
    if (move) {
      network.selectNodes([id]);
      network.focus(id, {scale: Math.max(network.getScale(), 1.0), animation: {duration: 300}});
    }
    return id;
  };
  var clear = function () {
    if (state.id === null) { return; }
    state.id = null;
    state.near = new Set();
    P.named = null;
    P.faded = null;
    restyle();
    if (P.placeLabels) { P.placeLabels(); }
    panel.hidden = true;
    body.replaceChildren();
    document.body.classList.remove("focused");
    network.unselectAll();
  };
  P.focusNode = function (id) { return focus(id, false); };
  network.on("click", function (p) { if (!p.nodes.length && !p.edges.length) { clear(); } });
  document.getElementById("samspil-focus-close").addEventListener("click", clear);
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { clear(); } });

  window.samspilFocus = function (id) { return id === undefined || id === null ? (clear(), null) : focus(id, true); };
  // The focused node, the nodes within one step and the faded ones (for tests).
  window.samspilFocusState = function () {
    return {id: state.id, near: Array.from(state.near),
            faded: state.id === null ? [] : P.rawNodes.filter(function (n) { return !state.near.has(n.id); })
              .map(function (n) { return n.id; })};
  };
})(window.samspilPage);
