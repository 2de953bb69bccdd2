// Small progressive enhancements; every page works without them.
(function () {
  "use strict";
  // A form marked data-once cannot be posted twice by a double click.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute("data-once")) return;
    if (form.dataset.sent === "1") { event.preventDefault(); return; }
    form.dataset.sent = "1";
    form.querySelectorAll("button[type=submit], button:not([type])").forEach(function (b) { b.disabled = true; });
  });
  function flash(el) {
    if (!el) return;
    el.classList.add("flash");
    setTimeout(function () { el.classList.remove("flash"); }, 1500);
  }
  document.addEventListener("click", function (event) {
    var mark = event.target.closest && event.target.closest("mark[data-item]");
    if (mark) {
      var item = document.getElementById("item-" + mark.dataset.item);
      if (item) { item.scrollIntoView({ block: "center", behavior: "smooth" }); flash(item); }
      return;
    }
    var jump = event.target.closest && event.target.closest("a.jump");
    if (jump) {
      var anchor = document.getElementById(jump.getAttribute("href").slice(1));
      if (anchor) {
        event.preventDefault();
        anchor.scrollIntoView({ block: "center", behavior: "smooth" });
        flash(anchor.nextElementSibling);
      }
    }
  });
  // The viewer opened at an offset: bring the marked sentence into view.
  window.addEventListener("load", function () {
    var active = document.querySelector("#doctext mark.active");
    if (active) active.scrollIntoView({ block: "center" });
  });
})();
