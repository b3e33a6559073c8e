// Parallax reading interface: draws the story timeline with uPlot. The pages
// work without this file; the chart's numbers are also in a table.
(function () {
  "use strict";

  function cssVar(el, name, fallback) {
    var v = getComputedStyle(el).getPropertyValue(name).trim();
    return v || fallback;
  }

  function drawChart(box) {
    if (typeof uPlot === "undefined") return;
    var src = document.getElementById(box.dataset.chart);
    if (!src) return;
    var data;
    try {
      data = JSON.parse(src.textContent);
    } catch (e) {
      return;
    }
    if (!data || !data.x || data.x.length === 0) return;
    var hover = document.getElementById(box.dataset.hover);
    var fg = cssVar(box, "--fg", "#222");
    var line = cssVar(box, "--line", "#ccc");
    var pubColor = cssVar(box, "--oc0", "#0072b2");
    var evColor = cssVar(box, "--accent", "#b3261e");
    // Bins are drawn by index, labelled with their dates; zero counts are
    // left out, so only bins with something get a bar or a dot.
    var idx = data.x.map(function (_, i) { return i; });
    var nz = function (n) { return n > 0 ? n : null; };
    var events = data.events.map(nz);
    var published = data.published.map(nz);
    var bars = uPlot.paths && uPlot.paths.bars ? uPlot.paths.bars({ size: [0.6, 48] }) : undefined;
    var short = function (i) {
      var l = data.labels[i];
      if (l == null) return "";
      return data.unit === "day" ? l.replace(/ \d{4}$/, "") : l;
    };

    function width() { return Math.max(200, box.clientWidth); }
    function height() { return window.innerWidth < 640 ? 200 : 260; }

    var opts = {
      width: width(),
      height: height(),
      scales: { x: { time: false, range: function () { return [-0.5, idx.length - 0.5]; } }, y: { range: function (u, lo, hi) { return [0, Math.max(2, Math.ceil(hi * 1.15))]; } } },
      axes: [
        { stroke: fg, grid: { show: false }, ticks: { stroke: line },
          incrs: [1, 2, 3, 7, 14, 28, 56, 91, 182, 364], space: 56,
          values: function (u, splits) { return splits.map(function (i) { return Number.isInteger(i) ? short(i) : ""; }); } },
        { stroke: fg, grid: { stroke: line, width: 1 }, ticks: { stroke: line }, size: 40,
          incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] }
      ],
      series: [
        { label: data.unit === "month" ? "Month" : "Day",
          value: function (u, v, i) { return i == null ? "" : data.labels[i] || ""; } },
        { label: "Articles published", stroke: pubColor, width: 1,
          fill: pubColor + "55", paths: bars, points: { show: false } },
        { label: "Dated events", stroke: evColor, width: 0,
          paths: function () { return null; },
          points: { show: true, size: 10, fill: evColor, stroke: evColor } }
      ],
      legend: { live: false },
      hooks: {
        setCursor: [function (u) {
          if (!hover) return;
          var i = u.cursor.idx;
          if (i == null) { hover.textContent = ""; return; }
          var texts = data.texts[i] || [];
          var s = data.labels[i] + ": " + data.published[i] + " article(s) published";
          if (texts.length) s += "; events: " + texts.join(" · ");
          hover.textContent = s;
        }]
      }
    };
    var plot = new uPlot(opts, [idx, published, events], box);
    // uPlot's legend is a table of header cells with no data cells; it is a
    // key to the colors, not data, so it is read as plain text.
    var legend = box.querySelector(".u-legend");
    if (legend) legend.setAttribute("role", "presentation");
    var t;
    window.addEventListener("resize", function () {
      clearTimeout(t);
      t = setTimeout(function () { plot.setSize({ width: width(), height: height() }); }, 100);
    });
  }

  function init() {
    var boxes = document.querySelectorAll("[data-chart]");
    for (var i = 0; i < boxes.length; i++) drawChart(boxes[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
