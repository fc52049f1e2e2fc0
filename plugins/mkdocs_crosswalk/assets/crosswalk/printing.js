/* Paper is white: a page printed while the reader uses the dark scheme prints in the light one. Otherwise the
   dark scheme's pale text and badges land on white paper, and with background graphics on, the dark canvas
   fills the margins and hides the page numbers. Material keeps the scheme in <body data-md-color-scheme> and
   in <meta name="color-scheme"> (which colours the canvas); both are swapped for the printing only and put
   back afterwards. */
(function () {
  "use strict";
  var before = null;  // [the body's scheme, the meta's content] while printing
  window.addEventListener("beforeprint", function () {
    if (before !== null) return;  // already printing (a print started from within another): keep the reader's
    var meta = document.querySelector('meta[name="color-scheme"]');
    before = [document.body.getAttribute("data-md-color-scheme"), meta ? meta.getAttribute("content") : null];
    if (before[0] && before[0] !== "default") document.body.setAttribute("data-md-color-scheme", "default");
    if (meta) meta.setAttribute("content", "light");
  });
  window.addEventListener("afterprint", function () {
    if (before === null) return;
    var meta = document.querySelector('meta[name="color-scheme"]');
    if (before[0]) document.body.setAttribute("data-md-color-scheme", before[0]);
    if (meta && before[1] !== null) meta.setAttribute("content", before[1]);
    before = null;
  });
})();
