/* The report entry grid: keyboard moves, autosave with a version check, and a local draft that
   survives a dropped connection or a reload (localStorage), replayed to the server when it can. */
(function () {
  "use strict";
  // Words come from Django's JavaScript catalogue (jsi18n, loaded before this file) in the page's
  // language; without it they stay as written, in Vietnamese.
  var gettext = window.gettext || function (s) { return s; };
  var interpolate = window.interpolate || function (fmt, obj) {
    return fmt.replace(/%\((\w+)\)s/g, function (m, k) { return obj[k]; });
  };
  var grid = document.getElementById("report-grid");
  if (!grid || grid.dataset.editable !== "1") return;
  var url = grid.dataset.autosaveUrl;
  var version = parseInt(grid.dataset.version, 10);
  var storeKey = "theodoi-report-" + grid.dataset.formId;
  var state = document.getElementById("save-state");
  var pending = {};      // "t:12:value" -> text typed but not yet acknowledged by the server
  var timer = null, inFlight = null, blocked = false;

  function csrf() {
    var m = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    if (m) return decodeURIComponent(m[1]);
    var h = document.body.getAttribute("hx-headers");
    try { return JSON.parse(h)["X-CSRFToken"]; } catch (e) { return ""; }
  }
  function show(text, cls) { state.textContent = text; state.className = cls || "muted"; }
  function keyOf(el) {
    var tr = el.closest("tr");
    return tr.dataset.target ? "t:" + tr.dataset.target + ":" + el.dataset.field : "k:" + tr.dataset.task + ":" + el.dataset.field;
  }
  function persist() {
    try {
      if (Object.keys(pending).length) localStorage.setItem(storeKey, JSON.stringify({ version: version, pending: pending }));
      else localStorage.removeItem(storeKey);
    } catch (e) { /* private mode: the server autosave still works */ }
  }
  function payload(snapshot) {
    var values = {}, tasks = {};
    Object.keys(snapshot).forEach(function (k) {
      var p = k.split(":"), bucket = p[0] === "t" ? values : tasks, idKey = p[0] === "t" ? "target" : "task";
      bucket[p[1]] = bucket[p[1]] || {}; bucket[p[1]][idKey] = parseInt(p[1], 10); bucket[p[1]][p[2]] = snapshot[k];
    });
    return { expected_version: version, values: Object.values(values), tasks: Object.values(tasks) };
  }
  function renderIssues(issues) {
    Object.keys(issues).forEach(function (tid) {
      var cell = document.getElementById("issues-" + tid);
      if (!cell) return;
      cell.innerHTML = "";
      if (!issues[tid].length) { cell.innerHTML = '<span class="badge b-ok">' + gettext("Hợp lệ") + "</span>"; return; }
      issues[tid].forEach(function (i) {
        var d = document.createElement("div"); d.className = "issue " + i.severity; d.textContent = i.message; cell.appendChild(d);
      });
    });
  }
  function save() {
    clearTimeout(timer); timer = null;
    if (blocked || inFlight) return inFlight || Promise.resolve(!blocked);
    var snapshot = Object.assign({}, pending);
    if (!Object.keys(snapshot).length) return Promise.resolve(true);
    show(gettext("Đang lưu…"));
    inFlight = fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf() },
      body: JSON.stringify(payload(snapshot))
    }).then(function (r) {
      return r.json().then(function (data) { return { status: r.status, data: data }; });
    }).then(function (res) {
      inFlight = null;
      if (res.status === 200) {
        version = res.data.version;
        document.getElementById("form-version").textContent = version;
        var iv = document.getElementById("import-version"); if (iv) iv.value = version;
        document.querySelectorAll(".form-version-field").forEach(function (f) { f.value = version; });
        Object.keys(snapshot).forEach(function (k) { if (pending[k] === snapshot[k]) delete pending[k]; });
        persist(); renderIssues(res.data.issues || {});
        grid.querySelectorAll("input.dirty").forEach(function (el) { if (!(keyOf(el) in pending)) { el.classList.remove("dirty"); el.classList.add("saved"); } });
        show(interpolate(gettext("Đã lưu lúc %(time)s (phiên bản %(version)s)."), { time: res.data.saved_at, version: version }, true), "ok");
        if (Object.keys(pending).length) schedule();
        return true;
      }
      if (res.status === 409 && res.data.conflict) { blocked = true; show(res.data.error, "err"); return false; }
      if (res.status === 409 || res.status === 403) { blocked = true; show(res.data.error, "err"); return false; }
      show(res.data.error || gettext("Không lưu được."), "err");
      return false;
    }).catch(function () {
      inFlight = null;
      show(gettext("Mất kết nối: chưa lưu lên máy chủ. Số liệu đã giữ trên máy này và sẽ tự lưu khi có mạng."), "warn");
      setTimeout(save, 10000);
      return false;
    });
    return inFlight;
  }
  function schedule() { clearTimeout(timer); timer = setTimeout(save, 700); }

  grid.addEventListener("input", function (ev) {
    var el = ev.target; if (!el.dataset || !el.dataset.field) return;
    pending[keyOf(el)] = el.value; el.classList.add("dirty"); el.classList.remove("saved");
    persist(); schedule();
  });
  grid.addEventListener("change", function (ev) { if (ev.target.tagName === "SELECT") { pending[keyOf(ev.target)] = ev.target.value; persist(); save(); } });
  grid.addEventListener("focusout", function (ev) { if (ev.target.classList && ev.target.classList.contains("dirty")) save(); });
  grid.addEventListener("keydown", function (ev) {
    var el = ev.target; if (el.tagName !== "INPUT") return;
    var down = ev.key === "Enter" || ev.key === "ArrowDown", up = ev.key === "ArrowUp";
    if (!down && !up) return;
    ev.preventDefault();
    var col = el.dataset.field, tr = el.closest("tr");
    var next = down ? tr.nextElementSibling : tr.previousElementSibling;
    while (next && !next.querySelector('[data-field="' + col + '"]')) next = down ? next.nextElementSibling : next.previousElementSibling;
    if (next) { var t = next.querySelector('[data-field="' + col + '"]'); t.focus(); t.select && t.select(); }
  });
  window.addEventListener("online", function () { save(); });
  window.addEventListener("beforeunload", function (ev) { if (Object.keys(pending).length) { persist(); } });

  var submitForm = document.getElementById("submit-form");
  if (submitForm) submitForm.addEventListener("submit", function (ev) {
    if (!Object.keys(pending).length && !inFlight) return;
    ev.preventDefault();
    Promise.resolve(inFlight).then(save).then(function (ok) { if (ok && !Object.keys(pending).length) submitForm.submit(); });
  });

  // A draft left by a reload or a dropped connection: replay it if it was typed on this version.
  var saved = null;
  try { saved = JSON.parse(localStorage.getItem(storeKey) || "null"); } catch (e) { saved = null; }
  if (saved && saved.pending && Object.keys(saved.pending).length) {
    var restore = function () {
      Object.keys(saved.pending).forEach(function (k) {
        var p = k.split(":"), sel = (p[0] === "t" ? 'tr[data-target="' : 'tr[data-task="') + p[1] + '"] [data-field="' + p[2] + '"]';
        var el = grid.querySelector(sel); if (!el) return;
        el.value = saved.pending[k]; el.classList.add("dirty"); pending[k] = saved.pending[k];
      });
    };
    if (saved.version === version) {
      restore(); show(interpolate(gettext("Đã khôi phục %(n)s ô chưa lưu từ lần trước; đang lưu…"), { n: Object.keys(saved.pending).length }, true), "warn"); save();
    } else {
      var n = Object.keys(saved.pending).length;
      show(interpolate(gettext("Trên máy này còn %(n)s ô nhập dở từ phiên bản %(old)s, nhưng báo cáo đã được lưu tiếp (phiên bản %(version)s). "), { n: n, old: saved.version, version: version }, true), "warn");
      var b = document.createElement("button"); b.className = "btn small secondary"; b.textContent = gettext("Áp dụng bản nhập dở");
      b.onclick = function () { restore(); save(); b.remove(); };
      var d = document.createElement("button"); d.className = "btn small secondary"; d.textContent = gettext("Bỏ");
      d.onclick = function () { localStorage.removeItem(storeKey); show(""); };
      state.appendChild(b); state.appendChild(document.createTextNode(" ")); state.appendChild(d);
    }
  }
})();
