(function (P) {
  "use strict";
  // Which names are drawn: at the opening zoom only the nodes that matter (``labelled``),
  // and only as many as fit without touching; zooming in lets more in. vis-network draws
  // on a canvas and never avoids overlaps itself, so the page places the labels: it
  // measures each name with the canvas's own font, where vis-network will put it (under
  // the node), and keeps a name only when its box meets no box already kept, biggest
  // nodes first. The rest show on hover (tooltip) and in the focus panel.
  var network = P.network, rawNodes = P.rawNodes;
  var opts = P.cfg.options;
  var baseFont = (opts.nodes && opts.nodes.font) || {};
  var ctx = document.createElement("canvas").getContext("2d");
  var PAD = 3;               // px kept free between two names
  var LINE = 1.25;           // line height per font size, a little over vis-network's own
  var SMALL = 10, LARGE = 15; // px of the least and the most important name on screen
  var gated = rawNodes.some(function (n) { return n.labelled !== undefined; });
  var sizes = rawNodes.map(function (n) { return n.size || 0; });
  var least = Math.min.apply(null, sizes.concat([0])), most = Math.max.apply(null, sizes.concat([1]));
  var order = rawNodes.slice().sort(function (a, b) {
    return (b.labelled === true) - (a.labelled === true) || (b.size || 0) - (a.size || 0);
  });
  var openingScale = null;
  var shown = new Map();     // id -> [label, font size] currently drawn

  // Screen size of a name, as sigma.js does it: the same at every zoom, larger for the
  // nodes that matter more.
  var pxOf = function (n) {
    var share = most > least ? ((n.size || 0) - least) / (most - least) : 1;
    return SMALL + (LARGE - SMALL) * Math.sqrt(Math.max(0, share));
  };
  var faceOf = function (n) {
    var f = n.font || {};
    return (f.bold ? "bold " : "") + "%spx " + (f.face || baseFont.face || "arial");
  };
  // The box (DOM pixels) of node n's name drawn at ``size`` canvas units, or null when the
  // node is not drawn. In canvas units, as vis-network's Label.calculateLabelSize has it for
  // a name "hanging" under a shape: top = y + height/2 + size/2 + 4.
  var boxOf = function (n, text, size) {
    var body = network.body.nodes[n.id];
    if (!body || !text || body.options.hidden) { return null; }
    ctx.font = faceOf(n).replace("%s", size);
    var w = ctx.measureText(text).width;
    var top = body.y + body.shape.height / 2 + size / 2 + 4;
    var a = network.canvasToDOM({x: body.x - w / 2, y: top});
    var b = network.canvasToDOM({x: body.x + w / 2, y: top + size * LINE});
    return {id: n.id, left: a.x, top: a.y, right: b.x, bottom: b.y};
  };
  var meets = function (a, b) {
    return a.left < b.right + PAD && b.left < a.right + PAD && a.top < b.bottom + PAD && b.top < a.bottom + PAD;
  };
  var place = function () {
    var scale = network.getScale();
    if (openingScale === null) { openingScale = scale; }
    // At the opening zoom only the nodes that matter; from twice as close, every node.
    var all = !gated || scale >= openingScale * 2;
    var kept = [], updates = [];
    // The focused node and its neighbours (focus.js) are named first, whatever their rank.
    var first = P.named || new Set();
    var queue = order.filter(function (n) { return first.has(n.id); })
      .concat(order.filter(function (n) { return !first.has(n.id); }));
    queue.forEach(function (n) {
      var text = P.labelOf(n);
      var size = Math.round(pxOf(n) / scale * 10) / 10;
      var box = (all || n.labelled || first.has(n.id)) ? boxOf(n, text, size) : null;
      var ok = box !== null && !kept.some(function (k) { return meets(k, box); });
      if (ok) { kept.push(box); }
      var was = shown.get(n.id);
      if (ok ? (!was || was[0] !== text || was[1] !== size) : (!was || was[0] !== "")) {
        shown.set(n.id, ok ? [text, size] : [""]);
        var u = {id: n.id, label: ok ? text : ""};
        if (ok) { u.font = Object.assign({}, P.nodes.get(n.id).font, {size: size}); }
        updates.push(u);
      }
    });
    if (updates.length) { P.nodes.update(updates); }
  };
  var timer = null;
  var later = function () { clearTimeout(timer); timer = setTimeout(place, 120); };
  P.onStable(function () {
    place();
    network.on("zoom", later);
    network.on("dragEnd", later);
    network.on("stabilized", later);
    network.on("animationFinished", later);
  });
  P.placeLabels = place;

  // The boxes of the names vis-network drew last, from its own label geometry (not from
  // the placement above), in DOM pixels: what a test checks for overlaps.
  window.samspilLabelBoxes = function () {
    var out = [];
    network.redraw();        // the geometry of the present data and view, not of the last frame
    P.nodes.get({filter: function (n) { return !n.hidden && n.label; }}).forEach(function (n) {
      var body = network.body.nodes[n.id];
      var lm = body && body.labelModule;
      if (!lm || !lm.visible() || !lm.size || !lm.size.width) { return; }
      var a = network.canvasToDOM({x: lm.size.left, y: lm.size.top});
      var b = network.canvasToDOM({x: lm.size.left + lm.size.width, y: lm.size.top + lm.size.height});
      out.push({id: n.id, label: n.label, left: a.x, top: a.y, right: b.x, bottom: b.y});
    });
    return out;
  };
})(window.samspilPage);
