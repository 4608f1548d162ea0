// SPDX-License-Identifier: MIT
// Loaded by tests/site/test_browser.sh after assets/site.js into a copy of
// a person page: zooms with a button, the wheel and resets, drags the
// diagram, clicks a node right after the drag and again, and writes what
// happened (the viewBox each time) into <body data-pan-test> for the test
// to read from Chromium's DOM.
(function () {
  "use strict";
  var out = {};
  var fig = document.querySelector("figure.ego");
  var svg = fig && fig.querySelector("svg");
  if (!svg) {
    document.body.setAttribute("data-pan-test", JSON.stringify({ error: "no diagram" }));
    return;
  }
  function box() {
    return (svg.getAttribute("viewBox") || "").split(/\s+/).map(Number);
  }
  function button(what) {
    fig.querySelector('button[data-zoom="' + what + '"]').click();
  }
  out.initial = box();
  button("in");
  out.zoomIn = box();
  button("out");
  button("out");
  out.zoomOut = box();
  button("reset");
  out.reset = box();
  var r = svg.getBoundingClientRect();
  svg.dispatchEvent(new WheelEvent("wheel", {
    deltaY: -120, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2,
    bubbles: true, cancelable: true
  }));
  out.wheel = box();
  button("reset");
  var at = { clientX: r.left + 100, clientY: r.top + 60, bubbles: true, pointerId: 7, button: 0 };
  svg.dispatchEvent(new PointerEvent("pointerdown", at));
  svg.dispatchEvent(new PointerEvent("pointermove", Object.assign({}, at, { clientX: at.clientX + 80, clientY: at.clientY + 30 })));
  svg.dispatchEvent(new PointerEvent("pointerup", Object.assign({}, at, { clientX: at.clientX + 80, clientY: at.clientY + 30 })));
  out.drag = box();
  var link = svg.querySelector("a");
  var followed = null;
  link.addEventListener("click", function (event) {
    followed = !event.defaultPrevented;
    event.preventDefault(); // stay on the page
  });
  link.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
  out.clickAfterDrag = followed;
  followed = null;
  link.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
  out.clickAgain = followed;
  document.body.setAttribute("data-pan-test", JSON.stringify(out));
})();
