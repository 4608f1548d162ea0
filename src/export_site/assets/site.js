// SPDX-License-Identifier: MIT
// entente site: search over every name and spelling (index.html) and pan
// and zoom of the ego diagrams.  No library, no network, no storage; names
// are untrusted text, so results are built with textContent only.
(function () {
  "use strict";

  // ---- Search --------------------------------------------------------------

  /** Lower case, without accents, punctuation as single spaces. */
  function normalise(text) {
    return String(text)
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  }

  /** How well `name` matches the query words: 0 (not at all) to 4. */
  function score(name, words, whole) {
    if (name === whole) {
      return 4;
    }
    var all = true;
    var prefixes = true;
    var parts = name.split(" ");
    for (var i = 0; i < words.length && all; ++i) {
      if (name.indexOf(words[i]) < 0) {
        all = false;
      } else if (!parts.some(function (p) { return p.indexOf(words[i]) === 0; })) {
        prefixes = false;
      }
    }
    if (!all) {
      return 0;
    }
    if (name.indexOf(whole) === 0) {
      return 3;
    }
    return prefixes ? 2 : 1;
  }

  function setUpSearch() {
    var box = document.getElementById("search");
    var list = document.getElementById("results");
    var data = document.getElementById("search-data");
    if (!box || !list || !data) {
      return;
    }
    var entries;
    try {
      entries = JSON.parse(data.textContent);
    } catch (e) {
      return;
    }
    if (!Array.isArray(entries)) {
      return;
    }
    var index = entries.map(function (e, order) {
      var aliases = Array.isArray(e.a) ? e.a : [];
      return {
        entry: e,
        order: order,
        name: normalise(e.n || ""),
        aliases: aliases.map(function (a) { return { text: a, norm: normalise(a) }; })
      };
    });
    var count = document.getElementById("result-count");

    function run() {
      var whole = normalise(box.value);
      while (list.firstChild) {
        list.removeChild(list.firstChild);
      }
      if (!whole) {
        if (count) {
          count.textContent = "";
        }
        return;
      }
      var words = whole.split(" ");
      var found = [];
      index.forEach(function (item) {
        // A match on the name itself ranks above one on an alias.
        var best = score(item.name, words, whole) * 2;
        var alias = null;
        item.aliases.forEach(function (a) {
          var s = score(a.norm, words, whole) * 2 - 1;
          if (s > best) {
            best = s;
            alias = a.text;
          }
        });
        if (best > 0) {
          found.push({ item: item, score: best, alias: alias });
        }
      });
      found.sort(function (a, b) {
        return b.score - a.score || a.item.order - b.item.order;
      });
      found.slice(0, 50).forEach(function (f) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.setAttribute("href", String(f.item.entry.u || ""));
        a.textContent = String(f.item.entry.n || "");
        // Names are isolated, as on the pages: a right-to-left name (or a
        // bidirectional control in one) does not turn the line around.
        a.dir = "auto";
        li.appendChild(a);
        li.appendChild(document.createTextNode(" "));
        var kind = document.createElement("span");
        kind.className = "kind";
        kind.textContent = String(f.item.entry.k || "");
        li.appendChild(kind);
        if (f.alias) {
          li.appendChild(document.createTextNode(" "));
          var also = document.createElement("span");
          also.className = "also";
          also.dir = "auto";
          also.textContent = f.alias;
          li.appendChild(also);
        }
        list.appendChild(li);
      });
      if (count) {
        count.textContent = found.length === 0 ? "No match."
          : found.length === 1 ? "1 match."
          : found.length > 50 ? found.length + " matches; the first 50 are shown."
          : found.length + " matches.";
      }
    }

    box.addEventListener("input", run);
    box.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        var first = list.querySelector("a");
        if (first) {
          event.preventDefault();
          window.location.href = first.getAttribute("href");
        }
      }
    });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) {
      box.value = query;
    }
    run();
  }

  // ---- Pan and zoom ------------------------------------------------------------

  function viewBoxOf(svg) {
    var vb = svg.viewBox && svg.viewBox.baseVal;
    if (vb && vb.width > 0 && vb.height > 0) {
      return { x: vb.x, y: vb.y, w: vb.width, h: vb.height };
    }
    var w = parseFloat(svg.getAttribute("width")) || 400;
    var h = parseFloat(svg.getAttribute("height")) || 300;
    return { x: 0, y: 0, w: w, h: h };
  }

  function setUpDiagram(figure) {
    var svg = figure.querySelector("svg");
    if (!svg) {
      return;
    }
    var home = viewBoxOf(svg);
    var view = { x: home.x, y: home.y, w: home.w, h: home.h };
    // Fit the figure's width, in the drawing's proportions, at most as tall
    // as most of the window and never taller than the drawing itself.
    var naturalHeight = parseFloat(svg.getAttribute("height")) || home.h;
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
    svg.style.width = "100%";
    svg.style.height = "auto";
    svg.style.aspectRatio = home.w + " / " + home.h;
    svg.style.maxHeight = "min(70vh, " + Math.max(240, naturalHeight * 1.34) + "px)";
    if (!figure.hasAttribute("tabindex")) {
      figure.setAttribute("tabindex", "0");
    }

    function apply() {
      svg.setAttribute("viewBox", view.x + " " + view.y + " " + view.w + " " + view.h);
    }

    /** Zoom by `factor` (>1 zooms in) around the point (px, py) of the box. */
    function zoom(factor, px, py) {
      var w = view.w / factor;
      var h = view.h / factor;
      var scale = home.w / w;
      if (scale < 0.2 || scale > 20) {
        return;
      }
      view.x = px - (px - view.x) / factor;
      view.y = py - (py - view.y) / factor;
      view.w = w;
      view.h = h;
      apply();
    }

    function centre() {
      return { x: view.x + view.w / 2, y: view.y + view.h / 2 };
    }

    /** The drawing's point under a client position. */
    function pointAt(clientX, clientY) {
      var box = svg.getBoundingClientRect();
      var s = Math.max(view.w / box.width, view.h / box.height);
      var offX = (box.width * s - view.w) / 2;
      var offY = (box.height * s - view.h) / 2;
      return {
        x: view.x + (clientX - box.left) * s - offX,
        y: view.y + (clientY - box.top) * s - offY,
        scale: s
      };
    }

    figure.querySelectorAll("button[data-zoom]").forEach(function (button) {
      button.addEventListener("click", function () {
        var what = button.getAttribute("data-zoom");
        var c = centre();
        if (what === "in") {
          zoom(1.25, c.x, c.y);
        } else if (what === "out") {
          zoom(0.8, c.x, c.y);
        } else {
          view = { x: home.x, y: home.y, w: home.w, h: home.h };
          apply();
        }
      });
    });

    svg.addEventListener("wheel", function (event) {
      event.preventDefault();
      var p = pointAt(event.clientX, event.clientY);
      zoom(event.deltaY < 0 ? 1.15 : 1 / 1.15, p.x, p.y);
    }, { passive: false });

    var drag = null;
    var dragged = false;
    svg.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) {
        return;
      }
      drag = { x: event.clientX, y: event.clientY, view: { x: view.x, y: view.y },
               scale: pointAt(event.clientX, event.clientY).scale, id: event.pointerId };
      dragged = false;
    });
    svg.addEventListener("pointermove", function (event) {
      if (!drag || event.pointerId !== drag.id) {
        return;
      }
      var dx = event.clientX - drag.x;
      var dy = event.clientY - drag.y;
      if (!dragged && Math.abs(dx) + Math.abs(dy) > 4) {
        dragged = true;
        try {
          svg.setPointerCapture(event.pointerId);
        } catch (e) {
          // A pointer the browser no longer tracks: drag without capture.
        }
        svg.classList.add("dragging");
      }
      if (dragged) {
        view.x = drag.view.x - dx * drag.scale;
        view.y = drag.view.y - dy * drag.scale;
        apply();
      }
    });
    function endDrag(event) {
      if (drag && event.pointerId === drag.id) {
        drag = null;
        svg.classList.remove("dragging");
      }
    }
    svg.addEventListener("pointerup", endDrag);
    svg.addEventListener("pointercancel", endDrag);
    // A drag is not a click on the node it ends on.
    svg.addEventListener("click", function (event) {
      if (dragged) {
        event.preventDefault();
        event.stopPropagation();
        dragged = false;
      }
    }, true);

    figure.addEventListener("keydown", function (event) {
      var c = centre();
      if (event.key === "+" || event.key === "=") {
        zoom(1.25, c.x, c.y);
      } else if (event.key === "-") {
        zoom(0.8, c.x, c.y);
      } else if (event.key === "0") {
        view = { x: home.x, y: home.y, w: home.w, h: home.h };
        apply();
      } else {
        return;
      }
      event.preventDefault();
    });
    apply();
  }

  function start() {
    setUpSearch();
    document.querySelectorAll("figure.ego, figure.diagram").forEach(setUpDiagram);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
