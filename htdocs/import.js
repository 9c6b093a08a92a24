// /import (and /schoolslips): a large file takes seconds to send, check
// and load.  A form with data-busy gets its submit button switched off (no
// second upload) and its "busy" line shown.  A form that also has a
// [data-progress] block and a file sends itself with XMLHttpRequest to
// show real progress: the bytes of the file going up, then «проверяем
// строки» while the server reads it; the answer then replaces the page,
// as an ordinary submit would.  Without JavaScript (or XHR upload events)
// the form is an ordinary multipart POST and the page works the same.
// Loaded by the templates that use it; no inline scripts (the CSP).
'use strict';

(function () {
  function busy(form) {
    var b = form.querySelectorAll('button[type="submit"]');
    for (var i = 0; i < b.length; i++) { b[i].disabled = true; }
    var t = form.querySelector('[data-busy-text]');
    if (t) { t.hidden = false; }
  }

  function mb(n) {
    return (n / 1048576).toFixed(n < 10485760 ? 2 : 1).replace('.', ',') + ' МБ';
  }

  // Replace this page by the server's answer, as a normal submit would.
  function show(xhr, action) {
    var url = xhr.responseURL || action;
    if (url && url.split('#')[0] !== new URL(action, location.href).href) {
      location.href = url;		// a redirect: go where it pointed
      return;
    }
    // The new page's scripts do not run again (DOMParser marks them so);
    // the listeners of app.js and this file are on document and stay.
    var doc = new DOMParser().parseFromString(xhr.responseText, 'text/html');
    document.replaceChild(document.adoptNode(doc.documentElement),
      document.documentElement);
    window.scrollTo(0, 0);
  }

  function upload(form, box, e) {
    var file = form.querySelector('input[type="file"]');
    if (!window.FormData || !window.XMLHttpRequest || !file || !file.files ||
        !file.files.length) { return false; }
    var xhr = new XMLHttpRequest();
    if (!xhr.upload) { return false; }
    e.preventDefault();
    var bar = box.querySelector('progress');
    var text = box.querySelector('[data-progress-text]');
    var data = new FormData(form);
    var action = form.getAttribute('action') || location.pathname;
    busy(form);
    var busyText = form.querySelector('[data-busy-text]');
    if (busyText) { busyText.hidden = true; }
    box.hidden = false;
    box.setAttribute('data-phase', 'upload');
    bar.max = 100;
    bar.value = 0;
    text.textContent = 'Загрузка файла: 0 %';
    xhr.upload.addEventListener('progress', function (ev) {
      if (!ev.lengthComputable) { return; }
      var p = Math.floor(100 * ev.loaded / ev.total);
      bar.value = p;
      text.textContent = 'Загрузка файла: ' + p + ' % (' + mb(ev.loaded) +
        ' из ' + mb(ev.total) + ')';
    });
    xhr.upload.addEventListener('load', function () {
      // The file is on the server; now it reads and checks every row.
      box.setAttribute('data-phase', 'check');
      bar.removeAttribute('value');	// indeterminate
      text.textContent = 'Файл загружен, проверяем строки…';
    });
    xhr.addEventListener('load', function () { show(xhr, action); });
    xhr.addEventListener('error', function () {
      box.setAttribute('data-phase', 'error');
      text.textContent = 'Связь с сервером прервалась. Проверьте сеть и отправьте файл ещё раз.';
      var b = form.querySelectorAll('button[type="submit"]');
      for (var i = 0; i < b.length; i++) { b[i].disabled = false; }
    });
    xhr.open('POST', action);
    xhr.send(data);
    return true;
  }

  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form.hasAttribute || !form.hasAttribute('data-busy')) { return; }
    var box = form.querySelector('[data-progress]');
    if (box && upload(form, box, e)) { return; }
    // After this event the browser has the form data: disabling is safe.
    setTimeout(function () { busy(form); }, 0);
  });
})();
