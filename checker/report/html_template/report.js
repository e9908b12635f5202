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
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
})();
