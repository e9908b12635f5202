/* Delaktig components: progressive enhancement only; every page works without it. */
(function () {
  "use strict";
  var doc = document;

  /* Error summary: focus it, so screen readers read it first. A link in it
     focuses its field and scrolls the field's label or legend into view. */
  var summary = doc.querySelector("[data-dk-error-summary]");
  if (summary) {
    if (doc.activeElement !== summary) { summary.focus(); }
    summary.addEventListener("click", function (e) {
      var link = e.target.closest ? e.target.closest("a[href^='#']") : null;
      if (!link) { return; }
      var field = doc.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
      if (!field) { return; }
      e.preventDefault();
      var fieldset = field.closest("fieldset");
      var legend = fieldset ? fieldset.querySelector("legend") : null;
      var label = legend || doc.querySelector("label[for='" + field.id + "']") || field;
      label.scrollIntoView();
      field.focus({ preventScroll: true });
    });
  }

  /* Character count: show how many characters are left at once, and tell
     screen readers a moment after typing stops. */
  var count = function (s) { return Array.from(s.replace(/\r\n/g, "\n")).length; };
  doc.querySelectorAll("[data-dk-count]").forEach(function (box) {
    var max = parseInt(box.getAttribute("data-dk-count"), 10);
    var area = box.querySelector("textarea");
    var shown = box.querySelector("[data-dk-count-status]");
    var live = box.querySelector("[data-dk-count-live]");
    var msgs;
    try { msgs = JSON.parse(box.getAttribute("data-dk-messages")); } catch (err) { return; }
    if (!area || !shown || !live || !msgs || !(max > 0)) { return; }
    var say = function (m, n) {
      var form = "other";
      try { form = new Intl.PluralRules(m.lang).select(n); } catch (err) { /* keep "other" */ }
      var text = m.forms[form] || m.forms.other || m.forms.many || "";
      return text.replace("{count}", String(n));
    };
    var timer = 0;
    var update = function (announce) {
      var left = max - count(area.value);
      var m = left >= 0 ? msgs.left : msgs.over;
      var text = say(m, Math.abs(left));
      shown.textContent = text;
      shown.lang = m.lang;
      shown.className = "dk-count__status" + (left < 0 ? " dk-count__status--over" : "");
      if (announce) {
        clearTimeout(timer);
        timer = setTimeout(function () { live.lang = m.lang; live.textContent = text; }, 1000);
      }
    };
    area.addEventListener("input", function () { update(true); });
    update(false);
  });

  /* Time-out warning: open it in time; "more time" posts in the background
     and closes it; Escape counts as asking for more time. */
  var dialog = doc.querySelector("dialog[data-dk-timeout]");
  if (dialog && typeof dialog.showModal === "function") {
    var after = parseInt(dialog.getAttribute("data-dk-timeout"), 10) * 1000;
    var form = dialog.querySelector("form");
    var clock = 0;
    var arm = function () {
      clearTimeout(clock);
      clock = setTimeout(function () { if (!dialog.open) { dialog.showModal(); } }, after);
    };
    form.addEventListener("submit", function (e) {
      if (!window.fetch) { return; }
      e.preventDefault();
      fetch(form.action, { method: "POST", credentials: "same-origin", headers: { "X-Requested-With": "delaktig" } })
        .then(function (r) {
          if (!r.ok) { throw new Error(String(r.status)); }
          dialog.close();
          arm();
        })
        .catch(function () { form.submit(); });
    });
    dialog.addEventListener("cancel", function (e) {
      e.preventDefault();
      if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
    });
    if (after > 0) { arm(); }
  }
})();
