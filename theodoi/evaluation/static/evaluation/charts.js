/* Dashboard charts: read JSON embedded by the page (json_script) and draw with the vendored ECharts.
   Every mark is a link: clicking a bar opens the targets (or the target) behind it. */
(function () {
  "use strict";
  var COLORS = {
    exceeded: "#1e7d32", achieved: "#4caf50", on_track: "#1d4f91", at_risk: "#e0a100",
    off_track: "#d9534f", not_achieved: "#b3261e", no_data: "#9aa5b1", forecast: "#c5ccd3"
  };
  // Words come from Django's JavaScript catalogue (jsi18n, loaded before this file) in the page's
  // language; without it they stay as written, in Vietnamese.
  var gettext = window.gettext || function (s) { return s; };
  var interpolate = window.interpolate || function (fmt, obj) {
    return fmt.replace(/%\((\w+)\)s/g, function (m, k) { return obj[k]; });
  };
  function month(m, year) {
    // "T6/2021" (tháng 6); the same words as the server's month labels (investment.selectors)
    return interpolate(gettext("T%(month)s/%(year)s"), { month: m, year: year }, true);
  }
  var FONT = { fontFamily: '"Segoe UI", "Noto Sans", "Liberation Sans", Arial, sans-serif' };

  function vn(value, decimals) {
    // Vietnamese number format: 1.234,5 (dots group thousands, comma before decimals).
    if (value === null || value === undefined || isNaN(value)) return "—";
    var d = decimals === undefined ? 2 : decimals;
    var fixed = Math.abs(value).toFixed(d);
    if (d > 0) fixed = fixed.replace(/\.?0+$/, "");
    var parts = fixed.split(".");
    var whole = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    return (value < 0 ? "-" : "") + whole + (parts[1] ? "," + parts[1] : "");
  }
  function esc(text) {
    // Names come from uploaded documents and reports: a tooltip is HTML, so they go in as text only.
    return String(text === null || text === undefined ? "" : text).replace(/[&<>"'`]/g, function (c) {
      return "&#" + c.charCodeAt(0) + ";";
    });
  }
  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }
  function init(id) {
    var el = document.getElementById(id);
    if (!el || !window.echarts) return null;
    var chart = window.echarts.init(el, null, { renderer: "canvas" });
    window.addEventListener("resize", function () { chart.resize(); });
    el.dataset.rendered = "1";
    return chart;
  }
  function go(url) { window.location.href = url; }

  function fields() {
    var d = data("data-fields"), chart = d && init("chart-fields");
    if (!chart) return;
    chart.setOption({
      textStyle: FONT, animation: false,
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { bottom: 0, textStyle: FONT },
      grid: { left: 8, right: 16, top: 8, bottom: 44, containLabel: true },
      xAxis: { type: "value", minInterval: 1, name: gettext("chỉ tiêu"), nameLocation: "end" },
      yAxis: { type: "category", data: d.categories, inverse: true, axisLabel: { width: 230, overflow: "break" } },
      series: d.series.map(function (s) {
        return { name: s.name, type: "bar", stack: "all", data: s.data, itemStyle: { color: COLORS[s.status] },
                 label: { show: true, formatter: function (p) { return p.value ? p.value : ""; } },
                 status: s.status, cursor: "pointer" };
      })
    });
    chart.on("click", function (p) {
      var status = d.series[p.seriesIndex].status;
      go(d.base_url + "?linh_vuc=" + d.keys[p.dataIndex] + "&trang_thai=" + status);
    });
  }

  function progress() {
    var d = data("data-progress"), chart = d && init("chart-progress");
    if (!chart) return;
    if (!d.ids.length) {
      chart.setOption({ title: { text: gettext("Chưa có số liệu để tính tiến độ"), left: "center", top: "middle",
                                 textStyle: { color: "#5f6b76", fontSize: 14, fontWeight: "normal" } } });
      return;
    }
    var capped = d.progress.map(function (v) { return Math.min(v, 200); });
    chart.setOption({
      textStyle: FONT, animation: false,
      tooltip: { trigger: "item", formatter: function (p) {
        var i = p.dataIndex;
        return esc(d.full_names[i]) + "<br>" +
          interpolate(gettext("Thực hiện: %(pct)s% chỉ tiêu"), { pct: vn(d.progress[i], 1) }, true) +
          (d.expected[i] !== null ? "<br>" + interpolate(gettext("Cần theo tiến độ: %(pct)s%"),
            { pct: vn(d.expected[i], 1) }, true) : "") +
          "<br>" + interpolate(gettext("Đánh giá: %(label)s"), { label: esc(d.labels[i]) }, true);
      } },
      grid: { left: 8, right: 48, top: 28, bottom: 24, containLabel: true },
      xAxis: { type: "value", max: function (v) { return Math.max(100, Math.ceil(v.max / 10) * 10); },
               axisLabel: { formatter: function (v) { return vn(v, 0) + "%"; } } },
      yAxis: { type: "category", data: d.names, axisLabel: { width: 340, overflow: "truncate", fontSize: 11, interval: 0 } },
      series: [
        { type: "bar", data: capped.map(function (v, i) {
            return { value: v, itemStyle: { color: COLORS[d.statuses[i]] || "#9aa5b1" } }; }),
          label: { show: true, position: "right", fontSize: 10,
                   formatter: function (p) { return vn(d.progress[p.dataIndex], 1) + "%"; } },
          markLine: { symbol: "none", silent: true, lineStyle: { color: "#1f2933", type: "dashed" },
                      data: [{ xAxis: 100, label: { formatter: "100%" } }] },
          cursor: "pointer" },
        { type: "scatter", symbol: "rect", symbolSize: [3, 14], itemStyle: { color: "#5f6b76" },
          data: d.expected.map(function (v) { return v === null ? null : Math.min(v, 200); }), tooltip: { show: false } }
      ]
    });
    chart.on("click", function (p) { go(d.detail_url + d.ids[p.dataIndex] + "/"); });
  }

  function timeliness() {
    var d = data("data-timeliness"), chart = d && init("chart-timeliness");
    if (!chart) return;
    var labels = {};
    d.data.forEach(function (c) { labels[c[0] + ":" + c[1]] = c[3]; });
    chart.setOption({
      textStyle: FONT, animation: false,
      tooltip: { formatter: function (p) {
        return esc(d.units[p.value[1]]) + "<br>" + esc(d.periods[p.value[0]]) + ": " + esc(labels[p.value[0] + ":" + p.value[1]]);
      } },
      grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
      xAxis: { type: "category", data: d.periods, splitArea: { show: true }, axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: "category", data: d.units, inverse: true, axisLabel: { width: 200, overflow: "truncate" } },
      visualMap: { type: "piecewise", orient: "horizontal", left: "center", bottom: 0, dimension: 2,
        pieces: [ { value: 2, label: gettext("Đúng hạn"), color: "#4caf50" }, { value: 1, label: gettext("Trễ hạn"), color: "#e0a100" },
                  { value: 0, label: gettext("Quá hạn, chưa gửi"), color: "#d9534f" }, { value: -1, label: gettext("Chưa đến hạn"), color: "#d9dee3" } ] },
      series: [{ type: "heatmap", data: d.data.map(function (c) { return [c[0], c[1], c[2]]; }),
                 itemStyle: { borderColor: "#fff", borderWidth: 2 } }]
    });
  }

  // Round an axis end to two significant figures, so the ticks stay readable.
  function niceStep(v) { var p = Math.pow(10, Math.floor(Math.log10(Math.abs(v) || 1)) - 1); return p; }
  function niceFloor(v) { var p = niceStep(v); return Math.floor(v / p) * p; }
  function niceCeil(v) { var p = niceStep(v); return Math.ceil(v / p) * p; }

  // The x-axis of a target's chart. Values are dated at their period's end (30/6 for June): on a
  // time axis whose ticks are month starts, June's figure sat beside the "T7" tick and read as
  // July's. A one-year target is drawn on the months T1..T12 instead, each figure on the month it
  // runs to; a target over several years keeps a time axis over all of them (not its first year).
  function seriesAxis(d) {
    var years = d.years || [];
    function ymd(iso) { var p = iso.split("-"); return { y: +p[0], m: +p[1] }; }
    if (years.length && years[0] === years[1]) {
      var y = years[0], months = [];
      for (var m = 1; m <= 12; m++) months.push(month(m, y));
      var inYear = function (pt) { return ymd(pt[0]).y === y; };
      var points = d.points.filter(inYear).map(function (pt) { return [month(ymd(pt[0]).m, y), pt[1]]; });
      var pace = [];
      if (d.pace.length === 2) {
        var v0 = d.pace[0][1], v1 = d.pace[1][1];
        for (var k = 1; k <= 12; k++) pace.push([month(k, y), v0 + (v1 - v0) * k / 12]);
      }
      return { points: points, pace: pace,
               xAxis: { type: "category", data: months, boundaryGap: false, axisLabel: { interval: 0, hideOverlap: true } } };
    }
    return { points: d.points, pace: d.pace,
             xAxis: { type: "time", min: years.length ? years[0] + "-01-01" : null, max: years.length ? years[1] + "-12-31" : null,
                      axisLabel: { formatter: function (v) { var t = new Date(v); return month(t.getMonth() + 1, t.getFullYear()); } } } };
  }

  function series() {
    var d = data("data-series"), chart = d && init("chart-series");
    if (!chart) return;
    var unit = d.unit ? " " + d.unit : "";
    // The axis reaches the target (and its upper bound): a chart "against the target" whose line
    // falls outside the scaled axis shows no target at all.
    var levels = [d.target, d.target_max].filter(function (v) { return v !== null && v !== undefined; });
    function reach(pick) {
      return function (extent) {
        var lo = Math.min.apply(null, [extent.min].concat(levels)), hi = Math.max.apply(null, [extent.max].concat(levels));
        var pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.08 || 1;
        if (pick === Math.min) return d.flow && lo >= 0 ? 0 : niceFloor(lo - pad);
        return niceCeil(hi + pad);
      };
    }
    var marks = [{ yAxis: d.target, name: gettext("Chỉ tiêu"), label: { formatter: interpolate(gettext("Chỉ tiêu %(value)s"), { value: vn(d.target) + unit }, true), position: "insideEndTop" } }];
    if (d.target_max !== null) marks.push({ yAxis: d.target_max, label: { formatter: interpolate(gettext("Cận trên %(value)s"), { value: vn(d.target_max) + unit }, true), position: "insideEndTop" } });
    var axis = seriesAxis(d);
    var option = {
      textStyle: FONT, animation: false,
      tooltip: { trigger: "axis", valueFormatter: function (v) { return vn(v) + esc(unit); } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 24, top: 24, bottom: 40, containLabel: true },
      xAxis: axis.xAxis,
      yAxis: { type: "value", scale: !d.flow, min: reach(Math.min), max: reach(Math.max),
               axisLabel: { formatter: function (v) { return vn(v); } } },
      series: [{ name: d.flow ? gettext("Lũy kế thực hiện") : gettext("Thực hiện"), type: "line", data: axis.points, symbolSize: 8,
                 itemStyle: { color: "#b3261e" }, label: { show: true, formatter: function (p) { return vn(p.value[1]); } },
                 markLine: { symbol: "none", lineStyle: { color: "#1e7d32", type: "solid", width: 2 }, data: marks } }]
    };
    if (axis.pace.length) option.series.push({ name: gettext("Tiến độ cần đạt"), type: "line", data: axis.pace, symbol: "none",
      lineStyle: { type: "dashed", color: "#5f6b76" }, itemStyle: { color: "#5f6b76" } });
    chart.setOption(option);
  }

  function disbursement() {
    var d = data("data-disbursement"), chart = d && init("chart-disbursement");
    if (!chart) return;
    var year = (d.months[0] || "").split("/")[1];
    var ticks = d.marks.map(function (m) { return [month(m.month, year), m.share]; })
      .filter(function (t) { return d.months.indexOf(t[0]) >= 0; });
    chart.setOption({
      textStyle: FONT, animation: false,
      tooltip: { trigger: "axis", valueFormatter: function (v) { return vn(v, 1) + "%"; } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 24, top: 24, bottom: 40, containLabel: true },
      xAxis: { type: "category", data: d.months },
      yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
      series: [
        { name: gettext("Lũy kế giải ngân / kế hoạch vốn"), type: "bar", data: d.points, itemStyle: { color: "#1d4f91" },
          label: { show: true, position: "insideTop", color: "#fff", fontSize: 11,
                   formatter: function (p) { return vn(p.value, 1) + "%"; } } },
        { name: gettext("Ngưỡng điều chuyển vốn"), type: "scatter", data: ticks, symbol: "rect", symbolSize: [56, 4],
          itemStyle: { color: "#b3261e" }, z: 5,
          label: { show: true, position: "top", color: "#b3261e", fontWeight: "bold",
                   formatter: function (p) { return interpolate(gettext("ngưỡng %(pct)s%"), { pct: p.value[1] }, true); } } }
      ]
    });
  }

  function start() { fields(); progress(); timeliness(); series(); disbursement(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
