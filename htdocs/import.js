// /import: a large file takes seconds to check and to load.  On submit the
// button is switched off (no second upload) and the "busy" line shown.
// Loaded by templates/import.cs only; no inline scripts (the CSP).
'use strict';

document.addEventListener('submit', function (e) {
  var form = e.target;
  if (!form.hasAttribute || !form.hasAttribute('data-busy')) { return; }
  // After this event the browser has the form data: disabling is safe.
  setTimeout(function () {
    var b = form.querySelectorAll('button[type="submit"]');
    for (var i = 0; i < b.length; i++) { b[i].disabled = true; }
    var t = form.querySelector('[data-busy-text]');
    if (t) { t.hidden = false; }
  }, 0);
});
