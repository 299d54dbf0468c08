(function (P) {
  "use strict";
  // The names on the map. vis-network draws each name with its node, so a later node's dot
  // covers an earlier name, and it never avoids overlaps. The page draws the names itself,
  // on top of everything (the "afterDrawing" hook), and chooses them: at the opening zoom
  // only the nodes that matter (``labelled``), biggest first, each kept only when its box
  // meets no box already kept; from twice as close every node competes. A name keeps one
  // screen size at every zoom (10-15 px, larger for larger nodes). The rest show on hover
  // (tooltip) and in the focus panel.
  var network = P.network, rawNodes = P.rawNodes;
  var opts = P.cfg.options;
  var baseFont = (opts.nodes && opts.nodes.font) || {};
  var ctx = document.createElement("canvas").getContext("2d");
  var PAD = 3;                  // px kept free between two names
  var LINE = 1.2;               // box height per font size
  var SMALL = 10, LARGE = 15;   // px of the least and the most important name
  var INK = "#1b1f24", FADED_INK = "#c4cad1";
  var gated = rawNodes.some(function (n) { return n.labelled !== undefined; });
  var sizes = rawNodes.map(function (n) { return n.size || 0; });
  var least = Math.min.apply(null, sizes.concat([0])), most = Math.max.apply(null, sizes.concat([1]));
  var order = rawNodes.slice().sort(function (a, b) {
    return (b.labelled === true) - (a.labelled === true) || (b.size || 0) - (a.size || 0);
  });
  var openingScale = null;
  var kept = [];                // [{node, text, px, font}] drawn now

  var pxOf = function (n) {
    var share = most > least ? ((n.size || 0) - least) / (most - least) : 1;
    return SMALL + (LARGE - SMALL) * Math.sqrt(Math.max(0, share));
  };
  var fontOf = function (n, px) {
    var f = n.font || {};
    return (f.bold ? "bold " : "") + px + "px " + (f.face || baseFont.face || "arial");
  };
  // Where a name goes: centred under its node, 3 px below the shape (DOM pixels).
  var boxOf = function (item) {
    var body = network.body.nodes[item.node.id];
    if (!body || body.options.hidden) { return null; }
    ctx.font = item.font;
    var w = ctx.measureText(item.text).width;
    var p = network.canvasToDOM({x: body.x, y: body.y + body.shape.height / 2});
    return {id: item.node.id, label: item.text, left: p.x - w / 2, top: p.y + 3, right: p.x + w / 2,
            bottom: p.y + 3 + item.px * LINE};
  };
  var meets = function (a, b) {
    return a.left < b.right + PAD && b.left < a.right + PAD && a.top < b.bottom + PAD && b.top < a.bottom + PAD;
  };
  var place = function () {
    var scale = network.getScale();
    if (openingScale === null) { openingScale = scale; }
    var all = !gated || scale >= openingScale * 2;
    // The focused node and its neighbours (focus.js) are named first, whatever their rank.
    var first = P.named || new Set();
    var queue = order.filter(function (n) { return first.has(n.id); })
      .concat(order.filter(function (n) { return !first.has(n.id); }));
    var boxes = [];
    kept = [];
    queue.forEach(function (n) {
      if (!(all || n.labelled || first.has(n.id))) { return; }
      var text = P.labelOf(n), px = pxOf(n);
      var item = {node: n, text: text, px: px, font: fontOf(n, px)};
      var box = text ? boxOf(item) : null;
      if (box && !boxes.some(function (k) { return meets(k, box); })) {
        boxes.push(box);
        kept.push(item);
      }
    });
    network.redraw();
  };
  // Drawn in canvas units (the hook's context is scaled to the view): font and offsets are
  // divided by the scale, so a name keeps its screen size.
  network.on("afterDrawing", function (c) {
    if (!kept.length) { return; }
    var scale = network.getScale();
    c.save();
    c.textAlign = "center";
    c.textBaseline = "top";
    c.lineJoin = "round";
    kept.forEach(function (item) {
      var body = network.body.nodes[item.node.id];
      if (!body || body.options.hidden) { return; }
      c.font = fontOf(item.node, item.px / scale);
      var y = body.y + body.shape.height / 2 + 3 / scale + item.px * (LINE - 1) / 2 / scale;
      c.lineWidth = 3 / scale;
      c.strokeStyle = "rgba(255,255,255,0.9)";       // a halo, so lines under a name do not cut it
      c.strokeText(item.text, body.x, y);
      c.fillStyle = P.faded && P.faded.has(item.node.id) ? FADED_INK : INK;
      c.fillText(item.text, body.x, y);
    });
    c.restore();
  });
  // vis-network's own names stay off: the page draws them.
  P.nodes.update(rawNodes.map(function (n) { return {id: n.id, label: ""}; }));

  var timer = null;
  var later = function () { clearTimeout(timer); timer = setTimeout(place, 120); };
  P.onStable(function () {
    place();
    network.on("zoom", later);
    network.on("dragEnd", later);
    network.on("stabilized", later);
    network.on("animationFinished", later);
    // A new size (a window resized, a print laid out) rescales the view: place at once.
    network.on("resize", place);
  });
  P.placeLabels = place;
  // The names drawn now, with their boxes in DOM pixels (for the SVG export and tests).
  P.drawnLabels = function () {
    return kept.map(function (item) {
      var box = boxOf(item);
      return box && Object.assign(box, {px: item.px, font: item.font,
                                        faded: !!(P.faded && P.faded.has(item.node.id))});
    }).filter(Boolean);
  };

  // The boxes of the names drawn at the present view: positions and scale from the network,
  // widths from the page's font, measured on a canvas. A test checks they do not intersect.
  window.samspilLabelBoxes = function () {
    return P.drawnLabels().map(function (b) {
      return {id: b.id, label: b.label, left: b.left, top: b.top, right: b.right, bottom: b.bottom};
    });
  };
})(window.samspilPage);
