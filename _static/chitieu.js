// Embeds every chart of the page with the Vega bundle served by the site itself (_static/vendor).
// Specs are inert JSON next to their div (see chitieu.charts), so no inline script runs from data.
(function () {
  "use strict";
  var VI_NUMBER = { decimal: ",", thousands: ".", grouping: [3], currency: ["", " ₫"] };
  var VI_TIME = {
    dateTime: "%A, %e %B %Y, %X", date: "%d/%m/%Y", time: "%H:%M:%S",
    periods: ["SA", "CH"],
    days: ["Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy"],
    shortDays: ["CN", "T2", "T3", "T4", "T5", "T6", "T7"],
    months: ["tháng 1", "tháng 2", "tháng 3", "tháng 4", "tháng 5", "tháng 6", "tháng 7", "tháng 8", "tháng 9", "tháng 10", "tháng 11", "tháng 12"],
    shortMonths: ["Th1", "Th2", "Th3", "Th4", "Th5", "Th6", "Th7", "Th8", "Th9", "Th10", "Th11", "Th12"]
  };
  function escapeHtml(value) {
    return String(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }
  function embedAll() {
    var specs = document.querySelectorAll("script.chitieu-spec");
    specs.forEach(function (node) {
      var target = document.getElementById(node.getAttribute("data-for"));
      if (!target || target.getAttribute("data-embedded")) { return; }
      target.setAttribute("data-embedded", "1");
      if (typeof window.vegaEmbed !== "function") {
        console.error("chitieu: Vega bundle missing (_static/vendor/vega-bundle.js)");
        return;
      }
      var spec = JSON.parse(node.textContent);
      // Vega sets its own role and aria attributes on the element it draws into: draw into a child so the
      // figure keeps role="img" and the one-sentence description written by chitieu.charts.
      var holder = document.createElement("div");
      holder.className = "chitieu-chart-canvas";
      target.appendChild(holder);
      window.vegaEmbed(holder, spec, {
        renderer: "svg", actions: false, formatLocale: VI_NUMBER, timeFormatLocale: VI_TIME,
        // vega-tooltip escapes HTML in tooltip text (names from the data stay text).
        tooltip: { theme: "light", sanitize: escapeHtml }
      }).catch(function (err) { console.error("chitieu: chart failed", err); });
    });
  }
  // Labels hard-coded in English in sphinx-book-theme's templates (no message catalogue reaches them);
  // the others are translated at build time (_static/locales/vi/LC_MESSAGES/sphinx.po).
  var UI_VI = {
    "Toggle primary sidebar": "Hiện/ẩn mục lục sách",
    "Toggle secondary sidebar": "Hiện/ẩn mục lục trang",
    "Main": "Mục lục chính",
    "Page": "Trang"
  };
  function translateUi() {
    ["title", "aria-label", "data-bs-original-title"].forEach(function (attr) {
      document.querySelectorAll("[" + attr + "]").forEach(function (el) {
        var vi = UI_VI[el.getAttribute(attr)];
        if (vi) { el.setAttribute(attr, vi); }
      });
    });
  }
  function start() {
    translateUi();
    embedAll();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
