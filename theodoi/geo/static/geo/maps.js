/* District maps: shapes and colours come from JSON embedded by the page (json_script); ECharts
   draws them from the shipped GeoJSON, no tile server. Every text is the server's (translated);
   names go into the tooltip's HTML escaped, and a click opens the district's page. */
(function () {
  "use strict";
  var FONT = { fontFamily: '"Segoe UI", "Noto Sans", "Liberation Sans", Arial, sans-serif' };

  function esc(text) {
    // Unit names come from uploaded documents: a tooltip is HTML, so they go in as text only.
    return String(text === null || text === undefined ? "" : text).replace(/[&<>"'`]/g, function (c) {
      return "&#" + c.charCodeAt(0) + ";";
    });
  }

  function draw(el) {
    var source = document.getElementById("data-" + el.id);
    if (!source || !window.echarts) return;
    var d = JSON.parse(source.textContent);
    window.echarts.registerMap(d.map, d.geo);
    var chart = window.echarts.init(el, null, { renderer: "canvas" });
    var byCode = {};
    d.regions.forEach(function (r) { byCode[r.code] = r; });
    chart.setOption({
      textStyle: FONT, animation: false,
      tooltip: { trigger: "item", formatter: function (p) {
        var r = byCode[p.name];
        if (!r) return "";
        return "<strong>" + esc(r.name) + "</strong><br>" + esc(r.label) + (r.detail ? "<br>" + esc(r.detail) : "");
      } },
      series: [{
        type: "map", map: d.map, roam: false, aspectScale: 0.95, layoutCenter: ["50%", "50%"], layoutSize: "96%",
        selectedMode: false,
        label: { show: true, fontSize: 11, color: "#1f2933", textBorderColor: "#fff", textBorderWidth: 2,
                 formatter: function (p) { var r = byCode[p.name]; return r ? r.place || r.name : ""; } },
        // small districts side by side: a label that would cover another is left to the tooltip
        labelLayout: { hideOverlap: true },
        itemStyle: { borderColor: "#fff", borderWidth: 1.5 },
        emphasis: { label: { show: true }, itemStyle: { borderColor: "#1f2933", borderWidth: 2 } },
        data: d.regions.map(function (r) {
          return { name: r.code, itemStyle: { areaColor: r.color }, emphasis: { itemStyle: { areaColor: r.color } },
                   cursor: r.url ? "pointer" : "default" };
        })
      }]
    });
    chart.on("click", function (p) {
      var r = byCode[p.name];
      if (r && r.url) window.location.href = r.url;
    });
    window.addEventListener("resize", function () { chart.resize(); });
    el.dataset.rendered = "1";
  }

  function start() {
    var maps = document.querySelectorAll("[data-geo-map]");
    for (var i = 0; i < maps.length; i++) draw(maps[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
