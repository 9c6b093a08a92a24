/*
 * journal.js: fast entry in the journal grid (journal.cs).  The page sends
 * the cells as text; this script makes each an input, knowing the student
 * from its row (tr data-s), the form of work from its column's header
 * (th data-w) and the value from its text.  Arrow keys, Enter and Tab move
 * between cells; a changed cell is saved at once by a POST with the page's
 * CSRF token, and shows saving / saved / failed / conflict.  Concurrency:
 * each request carries the value the cell showed when the page was loaded
 * or last saved (data-old); when someone changed the cell meanwhile the
 * server answers 409 with the current value, which replaces what was
 * typed, so nothing is lost silently.  Without this script the link
 * «ввести» under a date opens that lesson as one form.
 */
(function () {
	'use strict';
	var grid = document.querySelector('table.journal-grid[data-csrf]');
	if (!grid || !grid.tBodies.length)
		return;
	var status = document.querySelector('.journal-status');
	var works = Array.prototype.map.call(
	    grid.tHead.querySelectorAll('th[data-w]'),
	    function (th) { return th.dataset.w; });
	var rows = grid.tBodies[0].rows;
	var cells = [];		/* cells[r][c]: the inputs */
	var messages = {
		403: 'Нет права менять эту клетку.',
		404: 'Урок или ученик не найден: обновите страницу.',
		500: 'Ошибка сервера: отметка не сохранена.',
		503: 'Сервер временно недоступен: отметка не сохранена.'
	};

	Array.prototype.forEach.call(rows, function (tr, r) {
		var who = tr.cells[0].textContent;
		var row = [];
		for (var c = 0; c < works.length; c++) {
			var td = tr.cells[c + 1];
			var el = document.createElement('input');
			el.className = 'cell';
			el.value = td.textContent.trim();
			el.dataset.old = el.value;
			el.dataset.r = r;
			el.dataset.c = c;
			el.size = 2;
			el.maxLength = 8;
			el.autocomplete = 'off';
			el.setAttribute('aria-label', who);
			td.className = '';
			td.textContent = '';
			td.appendChild(el);
			row.push(el);
		}
		cells.push(row);
	});

	function say(text) {
		if (status)
			status.textContent = text || '';
	}

	function normal(v) {
		v = v.trim();
		/* «н» typed on a Latin layout. */
		if (v === 'n' || v === 'N' || v === 'Н' || v === 'y' || v === 'Y')
			return 'н';
		return v;
	}

	function mark(el, state, title) {
		el.classList.remove('saving', 'saved', 'failed', 'conflict');
		if (state)
			el.classList.add(state);
		el.title = title || '';
	}

	function save(el) {
		var value = normal(el.value);
		el.value = value;
		if (value === el.dataset.old)
			return;
		mark(el, 'saving');
		var body = new URLSearchParams();
		body.set('csrf', grid.dataset.csrf);
		body.set('ajax', '1');
		body.set('group', grid.dataset.group);
		body.set('subject', grid.dataset.subject);
		body.set('work', works[+el.dataset.c]);
		body.set('student', rows[+el.dataset.r].dataset.s);
		body.set('value', value);
		body.set('old', el.dataset.old);
		fetch('/journal', { method: 'POST', body: body,
		    credentials: 'same-origin' }).then(function (res) {
			return res.text().then(function (text) {
				var doc = new DOMParser().parseFromString(text,
				    'text/html');
				var p = doc.getElementById('cell');
				if (!p) {
					mark(el, 'failed', messages[res.status] ||
					    'Отметка не сохранена.');
					say(el.title);
					return;
				}
				var msg = p.textContent;
				if (p.dataset.state === 'saved') {
					el.dataset.old = p.dataset.value;
					mark(el, 'saved');
					if (!msg)
						say('');
				} else if (p.dataset.state === 'conflict') {
					el.dataset.old = p.dataset.value;
					el.value = p.dataset.value;
					mark(el, 'conflict', msg);
				} else
					mark(el, 'failed', msg);
				if (msg)
					say(msg);
			});
		}).catch(function () {
			mark(el, 'failed', 'Нет связи с сервером: отметка не ' +
			    'сохранена.');
			say(el.title);
		});
	}

	function move(el, dr, dc) {
		var row = cells[+el.dataset.r + dr];
		var next = row && row[+el.dataset.c + dc];
		if (next) {
			next.focus();
			next.select();
		}
	}

	grid.addEventListener('change', function (e) {
		if (e.target.classList.contains('cell'))
			save(e.target);
	});
	grid.addEventListener('keydown', function (e) {
		var el = e.target;
		if (!el.classList || !el.classList.contains('cell'))
			return;
		switch (e.key) {
		case 'ArrowUp':		move(el, -1, 0); break;
		case 'ArrowDown':
		case 'Enter':		move(el, 1, 0); break;
		case 'ArrowLeft':
			if (el.selectionStart !== 0)
				return;
			move(el, 0, -1);
			break;
		case 'ArrowRight':
			if (el.selectionEnd !== el.value.length)
				return;
			move(el, 0, 1);
			break;
		default:
			return;
		}
		e.preventDefault();
	});
	grid.addEventListener('focusin', function (e) {
		if (e.target.classList && e.target.classList.contains('cell'))
			e.target.select();
	});
	/* The entry links are for pages without this script. */
	Array.prototype.forEach.call(grid.querySelectorAll('.entry-row'),
	    function (row) { row.hidden = true; });
})();
