/* Charts drawn with the vendored Chart.js from data the page embeds with json_script.
 * Each chart has a table beside it with the same figures, for readers who cannot see it. */
(function () {
  "use strict";
  var PALETTE = ["#0b5cad", "#b35900", "#1a7f37", "#8250df", "#bf3989", "#57606a", "#9a6700", "#116329"];

  function read(canvas) {
    return JSON.parse(document.getElementById(canvas.dataset.source).textContent);
  }

  var builders = {
    // Agreements signed per year, stacked by kind.
    "per-year": function (data) {
      return {
        type: "bar",
        data: {
          labels: data.year_labels,
          datasets: data.series.map(function (s, i) {
            return { label: s.label, data: s.data, backgroundColor: PALETTE[i % PALETTE.length] };
          }),
        },
        options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
      };
    },
    // Issues by the number of pairs working on them.
    "issues": function (data) {
      return {
        type: "bar",
        data: { labels: data.labels, datasets: [{ label: data.label, data: data.counts, backgroundColor: PALETTE[0] }] },
        options: { indexAxis: "y", scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
      };
    },
    // A pair's activities per year, with the years in which it lay dormant shaded.
    "timeline": function (data) {
      var quiet = data.quiet.map(function (q) { return q ? 1 : 0; });
      return {
        type: "bar",
        data: {
          labels: data.year_labels,
          datasets: [
            { label: data.activities_label, data: data.counts, backgroundColor: "#0b5cad" },
            { label: data.signed_label, data: data.signed, backgroundColor: "#1a7f37" },
            { label: data.quiet_label, data: quiet, backgroundColor: "rgba(179, 89, 0, 0.35)", borderColor: "#b35900", borderWidth: 1 },
          ],
        },
        options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
      };
    },
  };

  function drawAll() {
    if (!window.Chart) return;
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      if (canvas.dataset.drawn) return;
      var config = builders[canvas.dataset.chart](read(canvas));
      config.options = Object.assign({ animation: false, responsive: true, maintainAspectRatio: false }, config.options);
      new window.Chart(canvas, config);
      canvas.dataset.drawn = "true";
    });
  }
  document.addEventListener("DOMContentLoaded", drawAll);
})();
