// The journal's shared script.  No inline scripts anywhere (the CSP forbids
// them): pages opt in to behaviour with data- attributes.
'use strict';

// POST with the session's CSRF token (from <meta name="csrf">); used by
// screens that save without a page load (the journal grid).
window.journal = {
  csrf: function () {
    var m = document.querySelector('meta[name="csrf"]');
    return m ? m.getAttribute('content') : '';
  },
  post: function (url, fields) {
    var body = new URLSearchParams(fields);
    body.set('csrf', window.journal.csrf());
    return fetch(url, {
      method: 'POST', body: body, credentials: 'same-origin',
      headers: { 'Accept': 'application/json' }
    });
  }
};

// <button data-print>: print the page (no inline onclick: the CSP forbids it).
document.addEventListener('click', function (e) {
  var b = e.target.closest && e.target.closest('[data-print]');
  if (b) { window.print(); }
});
