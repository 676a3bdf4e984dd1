/* The report's text (chitieu.book.reporttext): Escape closes a number's popover. Jupyter Book loads every
   _static/*.js on every page; this does nothing on a page without the report's text. The popovers work
   without it (CSS :hover, :focus-within, :target). */
(function () {
  "use strict";
  function init() {
    var root = document.querySelector("[data-ct-report]");
    if (!root) { return; }
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      root.querySelectorAll(".ct-n:target, .ct-n:focus-within, .ct-n:hover").forEach(function (n) {
        n.classList.add("ct-closed");
      });
    });
    function reopen(event) {
      var n = event.target.closest && event.target.closest(".ct-n");
      if (n) { n.classList.remove("ct-closed"); }
    }
    root.addEventListener("focusin", reopen);
    root.addEventListener("mouseover", reopen);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
