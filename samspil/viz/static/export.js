(function (P) {
  "use strict";
  // Take-away pictures of the present view: a PNG of the canvas (on white), and an SVG
  // built from the node positions, edges and drawn names, so it stays sharp in a report.
  // Both are made in the page and saved by the browser; nothing leaves the machine.
  var network = P.network;
  var container = document.getElementById("samspil-network");
  var SVG = "http://www.w3.org/2000/svg";
  var title = document.title;

  var png = function () {
    var canvas = container.querySelector("canvas");
    var out = document.createElement("canvas");
    out.width = canvas.width;
    out.height = canvas.height;
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff";      // the map's canvas is transparent
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(canvas, 0, 0);
    return out.toDataURL("image/png");
  };

  var make = function (tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) { e.textContent = String(text); }
    return e;
  };
  var colourOf = function (c, key, fallback) {
    if (typeof c === "string") { return c; }
    return (c && c[key]) || fallback;
  };
  // Points of a node's outline around (0, 0) for radius r, by vis-network shape.
  var outline = function (shape, r) {
    var pts = function (list) { return list.map(function (p) { return (p[0] * r).toFixed(1) + "," + (p[1] * r).toFixed(1); }).join(" "); };
    var star = [], hex = [], i;
    for (i = 0; i < 10; i++) { var a = -Math.PI / 2 + i * Math.PI / 5, k = i % 2 ? 0.45 : 1; star.push([k * Math.cos(a), k * Math.sin(a)]); }
    for (i = 0; i < 6; i++) { var b = i * Math.PI / 3; hex.push([Math.cos(b), Math.sin(b)]); }
    return {
      diamond: pts([[0, -1], [1, 0], [0, 1], [-1, 0]]),
      square: pts([[-1, -1], [1, -1], [1, 1], [-1, 1]]),
      triangle: pts([[0, -1.1], [1, 0.7], [-1, 0.7]]),
      triangleDown: pts([[0, 1.1], [1, -0.7], [-1, -0.7]]),
      star: pts(star),
      hexagon: pts(hex)
    }[shape] || null;
  };
  var svg = function () {
    var w = container.clientWidth, h = container.clientHeight;
    var root = make("svg", {xmlns: SVG, width: w, height: h, viewBox: "0 0 " + w + " " + h,
                            "font-family": "DejaVu Sans, Arial, sans-serif"});
    root.appendChild(make("title", {}, title));
    root.appendChild(make("rect", {x: 0, y: 0, width: w, height: h, fill: "#ffffff"}));
    var scale = network.getScale();
    var lines = make("g", {"stroke-linecap": "round"});
    P.edges.get({filter: function (e) { return !e.hidden; }}).forEach(function (e) {
      var edge = network.body.edges[e.id];
      if (!edge || !edge.from || !edge.to) { return; }
      var a = network.canvasToDOM({x: edge.from.x, y: edge.from.y});
      var b = network.canvasToDOM({x: edge.to.x, y: edge.to.y});
      var o = edge.options;
      var attrs = {x1: a.x.toFixed(1), y1: a.y.toFixed(1), x2: b.x.toFixed(1), y2: b.y.toFixed(1),
                   stroke: colourOf(o.color, "color", "#9aa5b1"), "stroke-width": Math.max(0.5, (o.width || 1) * scale).toFixed(2)};
      if (Array.isArray(o.dashes)) { attrs["stroke-dasharray"] = o.dashes.map(function (d) { return (d * scale).toFixed(1); }).join(" "); }
      else if (o.dashes === true) { attrs["stroke-dasharray"] = (5 * scale) + " " + (5 * scale); }
      lines.appendChild(make("line", attrs));
    });
    root.appendChild(lines);
    var dots = make("g", {}), names = make("g", {fill: "#1b1f24", "text-anchor": "middle"});
    P.nodes.get({filter: function (n) { return !n.hidden; }}).forEach(function (n) {
      var node = network.body.nodes[n.id];
      if (!node) { return; }
      var o = node.options, p = network.canvasToDOM({x: node.x, y: node.y});
      var r = Math.max(1, (o.size || 10) * scale);
      var style = {fill: colourOf(o.color, "background", "#97c2fc"), stroke: colourOf(o.color, "border", "#2b7ce9"),
                   "stroke-width": Math.max(0.5, (o.borderWidth || 1) * scale).toFixed(2)};
      var dashes = o.shapeProperties && o.shapeProperties.borderDashes;
      if (Array.isArray(dashes)) { style["stroke-dasharray"] = dashes.map(function (d) { return (d * scale).toFixed(1); }).join(" "); }
      var points = outline(o.shape, r);
      var shape = points ? make("polygon", Object.assign({points: points}, style))
                         : make("circle", Object.assign({r: r.toFixed(1)}, style));
      shape.setAttribute("transform", "translate(" + p.x.toFixed(1) + " " + p.y.toFixed(1) + ")");
      dots.appendChild(shape);
    });
    P.drawnLabels().forEach(function (b) {
      var at = {x: ((b.left + b.right) / 2).toFixed(1), y: (b.top + b.px * 0.95).toFixed(1),
                "font-size": b.px.toFixed(1), stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke"};
      if (b.faded) { at.fill = "#c4cad1"; }
      if (b.font.indexOf("bold ") === 0) { at["font-weight"] = "bold"; }
      names.appendChild(make("text", at, b.label));
    });
    root.appendChild(dots);
    root.appendChild(names);
    return new XMLSerializer().serializeToString(root);
  };

  var save = function (href, name) {
    var a = document.createElement("a");
    a.href = href;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  };
  var stem = (title.replace(/[^\w\u00C0-\u017F-]+/g, "-").replace(/^-+|-+$/g, "") || "samspil-kort");
  document.getElementById("samspil-png").addEventListener("click", function () { save(png(), stem + ".png"); });
  document.getElementById("samspil-svg").addEventListener("click", function () {
    var url = URL.createObjectURL(new Blob([svg()], {type: "image/svg+xml"}));
    save(url, stem + ".svg");
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  });
  document.getElementById("samspil-print").addEventListener("click", function () { window.print(); });
  window.samspilExportPNG = png;
  window.samspilExportSVG = svg;
})(window.samspilPage);
