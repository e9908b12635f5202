(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (form) {
    var shown = document.getElementById("filter-shown");
    var apply = function () {
      var o = form.elements.outcome.value, i = form.elements.impact.value, s = form.elements.sc.value;
      var n = 0;
      document.querySelectorAll("li.finding").forEach(function (el) {
        var ok = (!o || el.getAttribute("data-outcome") === o) &&
          (!i || el.getAttribute("data-impact") === i) &&
          (!s || (" " + el.getAttribute("data-sc") + " ").indexOf(" " + s + " ") >= 0);
        el.hidden = !ok;
        if (ok) { n++; }
      });
      document.querySelectorAll(".fgroup").forEach(function (g) {
        g.hidden = !g.querySelector("li.finding:not([hidden])");
      });
      if (shown) { shown.textContent = shown.getAttribute("data-text").replace("{n}", String(n)); }
    };
    form.hidden = false;
    apply();
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
  }
  // A table that fits needs no tab stop of its own; one that scrolls
  // sideways gets one, so that it can be scrolled with the keyboard.
  var wraps = document.querySelectorAll(".table-wrap[tabindex]");
  var fit = function () {
    wraps.forEach(function (w) {
      if (w.scrollWidth > w.clientWidth + 1) {
        w.setAttribute("tabindex", "0");
      } else if (document.activeElement !== w) {
        w.removeAttribute("tabindex");
      }
    });
  };
  if (wraps.length) {
    fit();
    window.addEventListener("resize", fit);
  }
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
})();
