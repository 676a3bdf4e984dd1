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
      window.vegaEmbed(target, spec, {
        renderer: "svg", actions: false, formatLocale: VI_NUMBER, timeFormatLocale: VI_TIME
      }).catch(function (err) { console.error("chitieu: chart failed", err); });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", embedAll);
  } else {
    embedAll();
  }
})();
