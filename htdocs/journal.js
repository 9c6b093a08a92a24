/*
 * journal.js: fast entry in the journal grid (journal.cs).  Arrow keys,
 * Enter and Tab move between cells; a changed cell is saved at once by a
 * POST with the page's CSRF token, and shows saving / saved / failed /
 * conflict.  Concurrency: each request carries the value the cell showed
 * when the page was loaded or last saved (data-old); when someone changed
 * the cell meanwhile the server answers 409 with the current value, which
 * replaces what was typed, so nothing is lost silently.  Without this
 * script each lesson column posts as one form.
 */
(function () {
	'use strict';
	var grid = document.querySelector('table.journal-grid[data-csrf]');
	if (!grid)
		return;
	var status = document.querySelector('.journal-status');
	var cells = {};
	Array.prototype.forEach.call(grid.querySelectorAll('input.cell'),
	    function (el) {
		cells[el.dataset.r + ':' + el.dataset.c] = el;
	});
	var messages = {
		403: 'Нет права менять эту клетку.',
		404: 'Урок или ученик не найден: обновите страницу.',
		500: 'Ошибка сервера: отметка не сохранена.',
		503: 'Сервер временно недоступен: отметка не сохранена.'
	};

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
		body.set('work', el.dataset.work);
		body.set('student', el.dataset.student);
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
		var next = cells[(+el.dataset.r + dr) + ':' + (+el.dataset.c + dc)];
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
	/* The column forms are for pages without this script. */
	Array.prototype.forEach.call(grid.querySelectorAll('.save-row'),
	    function (row) { row.hidden = true; });
})();
