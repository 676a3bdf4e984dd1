// The book's own behaviour on every page (loaded with defer; nothing here is needed to read a page).
// - Charts are SVG drawn at build time (chitieu.book.charts.render): this only shows their tooltips, from
//   each mark's data-tip, kept inside the screen, on hover, on tap, and hidden by Escape.
// - The menus: the theme wires only the first of its two ☰ buttons (the hidden one); both work here, on a
//   phone (the drawer) and on a wide screen (the sidebar hides and comes back), by click and keyboard.
// - Printing opens every table alternative (<details>) and closes them again afterwards.
// - The theme's back-to-top button.
// - A wide table that scrolls says so and can be scrolled from the keyboard.
(function () {
  "use strict";

  // Labels hard-coded in English in sphinx-book-theme's templates (no message catalogue reaches them);
  // the others are translated at build time (_locales/vi/LC_MESSAGES/sphinx.po).
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
    // The theme's ☰ buttons are icons only: their name is their label (title).
    document.querySelectorAll(".sidebar-toggle").forEach(function (btn) {
      if (!btn.getAttribute("aria-label") && btn.getAttribute("title")) {
        btn.setAttribute("aria-label", btn.getAttribute("title"));
      }
    });
  }

  // ------------------------------------------------------------------ tooltips
  var tip = null;
  var tipMark = null;
  function tipElement() {
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "chitieu-tooltip";
      tip.className = "chitieu-tooltip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      document.body.appendChild(tip);
    }
    return tip;
  }
  function fillTip(el, text) {
    // Text only (textContent): names from the data can never become markup.
    var table = document.createElement("table");
    text.split("\n").forEach(function (line) {
      var at = line.indexOf(": ");
      var row = document.createElement("tr");
      var key = document.createElement("th");
      var value = document.createElement("td");
      key.textContent = at > 0 ? line.slice(0, at) : "";
      value.textContent = at > 0 ? line.slice(at + 2) : line;
      row.appendChild(key);
      row.appendChild(value);
      table.appendChild(row);
    });
    el.replaceChildren(table);
  }
  function placeTip(x, y) {
    var el = tipElement();
    var margin = 8;
    var w = el.offsetWidth;
    var h = el.offsetHeight;
    var vw = document.documentElement.clientWidth;
    var vh = window.innerHeight;
    var left = x + 14;
    if (left + w + margin > vw) { left = x - w - 14; }
    left = Math.max(margin, Math.min(left, vw - w - margin));
    var top = y + 14;
    if (top + h + margin > vh) { top = y - h - 14; }
    top = Math.max(margin, Math.min(top, vh - h - margin));
    el.style.left = left + "px";
    el.style.top = top + "px";
  }
  function showTip(mark, x, y) {
    var el = tipElement();
    if (mark !== tipMark) {
      fillTip(el, mark.getAttribute("data-tip"));
      tipMark = mark;
    }
    el.hidden = false;
    placeTip(x, y);
  }
  function hideTip() {
    if (tip) { tip.hidden = true; }
    tipMark = null;
  }
  // The mark a pointer or finger means: the one it is on, else, inside a chart, the nearest mark whose box
  // comes within `reach` px (a thin rule or a point under its label cannot always be hit exactly; a finger
  // is wider than either). Among boxes at the same distance the smallest (the most precise) wins.
  var TOUCH_REACH = 20;
  var MOUSE_REACH = 6;
  function markAt(target, x, y, reach) {
    if (!target || !target.closest) { return null; }
    var mark = target.closest(".chitieu-svg [data-tip]");
    var svg = mark ? null : target.closest(".chitieu-svg");
    if (mark || !svg || x === undefined) { return mark; }
    var best = null;
    var bestDistance = reach + 1;
    var bestArea = Infinity;
    svg.querySelectorAll("[data-tip]").forEach(function (m) {
      var r = m.getBoundingClientRect();
      if (!r.width && !r.height) { return; }
      var dx = Math.max(r.left - x, 0, x - r.right);
      var dy = Math.max(r.top - y, 0, y - r.bottom);
      var distance = Math.sqrt(dx * dx + dy * dy);
      var area = r.width * r.height;
      if (distance < bestDistance || (distance === bestDistance && area < bestArea)) {
        best = m; bestDistance = distance; bestArea = area;
      }
    });
    return best;
  }
  function setupTooltips() {
    document.addEventListener("pointermove", function (e) {
      if (e.pointerType === "touch") { return; }
      var mark = markAt(e.target, e.clientX, e.clientY, MOUSE_REACH);
      if (mark) { showTip(mark, e.clientX, e.clientY); } else if (tipMark) { hideTip(); }
    });
    // A tap shows the tooltip of the mark under the finger; a tap anywhere else hides it. A mark that links
    // to its passage of the report follows the link on a second tap, once its tooltip has been read.
    var tapShowedTip = false;
    document.addEventListener("pointerdown", function (e) {
      tapShowedTip = false;
      if (e.pointerType === "mouse") { return; }
      var mark = markAt(e.target, e.clientX, e.clientY, TOUCH_REACH);
      if (mark) {
        tapShowedTip = !(mark === tipMark && tip && !tip.hidden);
        showTip(mark, e.clientX, e.clientY);
      } else { hideTip(); }
    });
    document.addEventListener("click", function (e) {
      var mark = markAt(e.target, e.clientX, e.clientY, e.pointerType === "mouse" ? MOUSE_REACH : TOUCH_REACH);
      var link = mark ? mark.closest(".chitieu-svg [data-href]") : null;
      if (link && !tapShowedTip) {
        window.location.href = new URL(link.getAttribute("data-href"), window.location.href).href;
      }
      tapShowedTip = false;
    });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hideTip(); } });
    window.addEventListener("scroll", hideTip, { passive: true });
  }

  // ------------------------------------------------------------------ menus
  function offCanvas(sidebar) {
    var r = sidebar.getBoundingClientRect();
    return getComputedStyle(sidebar).visibility === "hidden" || r.width === 0 || r.right <= 0 ||
      r.left >= window.innerWidth;
  }
  function setupSidebar(side) {
    var sidebar = document.getElementById("pst-" + side + "-sidebar");
    var dialog = document.getElementById("pst-" + side + "-sidebar-modal");
    var toggles = Array.prototype.slice.call(document.querySelectorAll("." + side + "-toggle"));
    if (!sidebar || !toggles.length) { return; }
    var hidden = "chitieu-hide-" + side;
    var wired = toggles[0]; // the button pydata-sphinx-theme opens its drawer from
    function expanded(open) {
      toggles.forEach(function (btn) { btn.setAttribute("aria-expanded", open ? "true" : "false"); });
    }
    function addCloseButton() {
      if (!dialog || dialog.querySelector(".chitieu-close")) { return; }
      var close = document.createElement("button");
      close.type = "button";
      close.className = "btn chitieu-close";
      close.textContent = "Đóng ✕";
      close.setAttribute("aria-label", "Đóng mục lục");
      close.addEventListener("click", function () { dialog.close(); });
      dialog.insertBefore(close, dialog.firstChild);
      close.focus();
    }
    // The theme's breakpoints: below them a sidebar is a drawer, closed on load (read without a layout).
    var wide = window.matchMedia(side === "primary" ? "(min-width: 960px)" : "(min-width: 1200px)").matches;
    toggles.forEach(function (btn) {
      btn.setAttribute("aria-controls", sidebar.id);
      btn.setAttribute("aria-expanded", wide ? "true" : "false");
      if (btn === wired) { return; }
      btn.addEventListener("click", function (e) {
        e.preventDefault();
        e.stopPropagation();
        var root = document.documentElement;
        if (root.classList.contains(hidden)) {
          root.classList.remove(hidden);
          expanded(true);
        } else if (offCanvas(sidebar)) {
          wired.click();
        } else {
          root.classList.add(hidden);
          expanded(false);
        }
      });
    });
    if (dialog) {
      // Runs after the theme's own listeners: the drawer is filled, or emptied back into the sidebar.
      new MutationObserver(function () {
        if (dialog.open) { addCloseButton(); expanded(true); }
      }).observe(dialog, { attributes: true, attributeFilter: ["open"] });
      dialog.addEventListener("close", function () {
        var close = document.querySelector(".chitieu-close");
        if (close) { close.remove(); }
        expanded(false);
      });
    }
  }

  // ------------------------------------------------------------------ print
  function setupPrint() {
    window.addEventListener("beforeprint", function () {
      document.querySelectorAll("details:not([open])").forEach(function (d) {
        d.setAttribute("open", "");
        d.setAttribute("data-chitieu-print", "1");
      });
    });
    window.addEventListener("afterprint", function () {
      document.querySelectorAll("details[data-chitieu-print]").forEach(function (d) {
        d.removeAttribute("open");
        d.removeAttribute("data-chitieu-print");
      });
    });
  }

  // ------------------------------------------------------------------ back to top
  // The theme's "back to top" button (its script came with Bootstrap's, which the pages do not load): shown
  // while the reader scrolls back up below the header, and taking them to the top.
  function setupBackToTop() {
    var btn = document.getElementById("pst-back-to-top");
    var header = document.querySelector(".bd-header");
    if (!btn || !header) { return; }
    var headerBottom = header.getBoundingClientRect().bottom;
    var lastY = window.scrollY;
    btn.addEventListener("click", function () {
      document.body.scrollTop = 0;
      document.documentElement.scrollTop = 0;
    });
    window.addEventListener("scroll", function () {
      var y = window.scrollY;
      btn.style.display = lastY > y && y > headerBottom ? "block" : "none";
      lastY = y;
    }, { passive: true });
  }

  // ------------------------------------------------------------------ wide tables
  function markScrollingTable(wrap) {
    var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
    wrap.classList.toggle("chitieu-scrolls", scrolls);
    if (scrolls) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Bảng rộng: cuộn ngang để xem hết");
    } else {
      wrap.removeAttribute("tabindex");
      wrap.removeAttribute("role");
      wrap.removeAttribute("aria-label");
    }
  }

  // A table is measured when it nears the screen: measuring every table at once would lay out the whole
  // page (tables off screen are not laid out, chitieu.css: content-visibility), a long task on a phone.
  var nearScreen = null;
  function watchTables() {
    var wraps = document.querySelectorAll(".chitieu-table-wrap");
    if (!("IntersectionObserver" in window)) { wraps.forEach(markScrollingTable); return; }
    if (nearScreen) { nearScreen.disconnect(); }
    nearScreen = new IntersectionObserver(function (entries) {
      // Measured a frame later: by then the browser has laid the table out (until it nears the screen it
      // has only its placeholder size, which never scrolls).
      entries.forEach(function (e) {
        if (e.isIntersecting) { window.requestAnimationFrame(function () { markScrollingTable(e.target); }); }
      });
    }, { rootMargin: "200px 0px" });
    wraps.forEach(function (wrap) { nearScreen.observe(wrap); });
  }

  function start() {
    translateUi();
    setupTooltips();
    setupSidebar("primary");
    setupSidebar("secondary");
    setupPrint();
    setupBackToTop();
    // Tables are measured after the page has loaded and painted, and again when the width changes or a
    // table alternative opens (the observer reports every table's current state when it starts).
    var pending = 0;
    function later() {
      window.cancelAnimationFrame(pending);
      pending = window.requestAnimationFrame(watchTables);
    }
    if (document.readyState === "complete") { later(); } else { window.addEventListener("load", later); }
    window.addEventListener("resize", later);
    document.addEventListener("toggle", later, true);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
