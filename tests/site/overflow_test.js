// SPDX-License-Identifier: MIT
// Loaded by tests/site/test_browser.sh into a copy of a page opened in a
// narrow window: writes into <body data-overflow> the window's width, the
// page's scroll width and the first elements outside the window (the
// diagram aside, which pans inside its own frame), for the test to read
// from Chromium's DOM.
(function () {
  "use strict";
  var width = window.innerWidth;
  var outside = [];
  document.querySelectorAll("body *").forEach(function (el) {
    var r = el.getBoundingClientRect();
    if (r.right > width + 1 && !el.closest("figure.ego") && outside.length < 5) {
      outside.push(el.tagName.toLowerCase() + (el.className ? "." + el.className : "") +
                   " (right edge " + Math.round(r.right) + ")");
    }
  });
  document.body.setAttribute("data-overflow", JSON.stringify({
    width: width,
    scrollWidth: document.documentElement.scrollWidth,
    outside: outside
  }));
})();
