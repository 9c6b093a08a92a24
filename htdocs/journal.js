/*
 * journal.js: fast entry in the journal grid (journal.cs).  The page sends
 * the cells as text; this script makes each an input, knowing the student
 * from its row (tr data-s), the form of work from its column's header
 * (th data-w) and the value from its text.  Arrow keys, Enter and Tab move
 * between cells; a changed cell is saved by a POST with the page's CSRF
 * token, and shows saving / saved / failed / conflict.
 *
 * No typed value may be lost: the cell is saved by the key that leaves it
 * (Enter on the last row has nowhere to go, and saves all the same), by
 * leaving it with the mouse (change), and when the page goes away
 * (pagehide, or hidden: a phone may never come back).  Every save is a
 * keepalive fetch, so it completes after the page is gone; beforeunload
 * warns while a save is still in flight, as its answer (a refusal, a
 * conflict) can no longer be shown.
 *
 * Comments: F2 (or a double click) in a cell opens a one-line comment for
 * the family on the cell's mark or «н»; Enter saves it with the cell,
 * Escape drops it.  A cell with a comment has a marker (td.has-comment)
 * and the comment as its title.
 *
 * Concurrency: each request carries the value (and comment) the cell
 * showed when the page was loaded or last saved (data-old, data-cm); when
 * someone changed the cell meanwhile the server answers 409 with the
 * current value, which replaces what was typed, so nothing is lost
 * silently.  One request per cell at a time: what is typed meanwhile goes
 * when the answer is in.  Without this script the link «ввести» under a
 * date opens that lesson as one form.
 *
 * The timetable's lessons not entered yet are greyed columns (th.planned
 * with data-day and data-num; data-open when they may be typed into:
 * today and before).  A cell typed there is sent with the day and number
 * instead of a form of work; the server makes the lesson with the cell
 * and answers with its column (data-work), which the column keeps from
 * then on.  Cells typed before that answer go with the day and number
 * too: the server finds the lesson made by the first.
 *
 * Today's lesson form above the grid (form.today-lesson: topic from the
 * plan, homework) is sent the same way; the page opens with the cursor in
 * the homework of today's first lesson that has none, and Enter there
 * saves the form and goes on to the lesson's first cell, so that the
 * teacher's lesson is: homework, Enter, then a mark or «н» and Enter per
 * student.
 */
(function () {
	'use strict';
	var grid = document.querySelector('table.journal-grid[data-csrf]');
	if (!grid || !grid.tBodies.length)
		return;
	var status = document.querySelector('.journal-status');
	var heads = Array.prototype.slice.call(
	    grid.tHead.querySelectorAll('th[data-w]'));
	var works = heads.map(function (th) { return th.dataset.w; });
	var names = heads.map(function (th) { return th.title; });
	/* A column that takes input: a lesson's, or one of the timetable
	 * open for entry. */
	var typable = heads.map(function (th) {
		return th.dataset.w !== '' || th.dataset.open === '1';
	});
	var rows = grid.tBodies[0].rows;
	var cells = [];		/* cells[r][c]: the inputs */
	var all = [];
	var pending = 0;	/* requests in flight */
	var COMMENT_MAX = 200;
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
			if (!typable[c]) {
				row.push(null);
				continue;
			}
			var el = document.createElement('input');
			el.className = 'cell';
			el.value = td.textContent.trim();
			el.dataset.old = el.value;
			el.dataset.cm = td.classList.contains('has-comment') ?
			    td.title : '';
			el.dataset.r = r;
			el.dataset.c = c;
			el.size = 2;
			el.maxLength = 8;
			el.autocomplete = 'off';
			el.setAttribute('aria-label', who);
			td.classList.remove('absent');
			td.removeAttribute('title');
			td.textContent = '';
			td.appendChild(el);
			row.push(el);
			all.push(el);
			show(el);
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

	/* The cell's title and marker: the state's message, else the
	 * comment. */
	function show(el) {
		var cm = el.dataset.cm;
		el.parentNode.classList.toggle('has-comment', cm !== '');
		el.title = el._msg || (cm ? 'Комментарий: ' + cm : '');
	}

	function mark(el, state, msg) {
		el.classList.remove('saving', 'saved', 'failed', 'conflict');
		if (state)
			el.classList.add(state);
		el._msg = msg || '';
		show(el);
	}

	/* Something typed (or a comment) that the server has not got. */
	function unsent(el) {
		var value = normal(el.value);
		if (el._busy)
			return value !== el._sent || el._cm !== undefined;
		return value !== el.dataset.old || el._cm !== undefined;
	}

	/*
	 * Send the cell.  leaving: the page goes away, so nothing waits for
	 * the answer in flight: the new value goes at once, on top of what
	 * is being sent.
	 */
	function save(el, leaving) {
		var value = normal(el.value), cm = el._cm, old, oldcm;
		if (!unsent(el))
			return;
		if (el._busy && !leaving) {
			el._again = true;
			return;
		}
		if (!leaving)
			el.value = value;
		old = el._busy ? el._sent : el.dataset.old;
		oldcm = el._busy && el._sentCm !== undefined ? el._sentCm :
		    el.dataset.cm;
		delete el._cm;
		el._busy = true;
		el._sent = value;
		el._sentCm = cm;
		pending++;
		mark(el, 'saving');
		var body = new URLSearchParams();
		body.set('csrf', grid.dataset.csrf);
		body.set('ajax', '1');
		body.set('group', grid.dataset.group);
		body.set('subject', grid.dataset.subject);
		if (works[+el.dataset.c])
			body.set('work', works[+el.dataset.c]);
		else {
			/* A lesson of the timetable, made with this cell. */
			body.set('day', heads[+el.dataset.c].dataset.day);
			body.set('number', heads[+el.dataset.c].dataset.num);
		}
		body.set('student', rows[+el.dataset.r].dataset.s);
		body.set('value', value);
		body.set('old', old);
		if (cm !== undefined) {
			body.set('comment_set', '1');
			body.set('comment', cm);
			body.set('comment_old', oldcm);
		}
		/* The page names the URL (data-url): the journal may be
		 * served under a base path such as /cgi-bin. */
		fetch(grid.dataset.url, { method: 'POST', body: body,
		    credentials: 'same-origin', keepalive: true
		}).then(function (res) {
			return res.text().then(function (text) {
				answer(el, res.status, text);
			});
		}).catch(function () {
			if (cm !== undefined && el._cm === undefined)
				el._cm = cm;	/* kept for the next try */
			mark(el, 'failed', 'Нет связи с сервером: отметка не ' +
			    'сохранена.');
			say(el._msg);
		}).then(function () {
			pending--;
			el._busy = false;
			delete el._sentCm;
			if (el._again) {
				el._again = false;
				save(el);
			}
		});
	}

	function answer(el, code, text) {
		var doc = new DOMParser().parseFromString(text, 'text/html');
		var p = doc.getElementById('cell');
		if (!p) {
			mark(el, 'failed', messages[code] ||
			    'Отметка не сохранена.');
			say(el._msg);
			return;
		}
		var msg = p.textContent;
		var state = p.dataset.state;
		if (p.dataset.work)
			entered(+el.dataset.c, p.dataset.work, p.dataset.lesson);
		if (state === 'saved' || state === 'conflict') {
			el.dataset.old = p.dataset.value;
			el.dataset.cm = p.dataset.comment || '';
		}
		if (state === 'saved') {
			mark(el, 'saved');
			if (!msg)
				say('');
		} else if (state === 'conflict') {
			/* What is stored now replaces what was typed. */
			if (!el._again)
				el.value = p.dataset.value;
			mark(el, 'conflict', msg);
		} else
			mark(el, 'failed', msg);
		if (msg)
			say(msg);
	}

	/* A greyed column's lesson is made: the column is the lesson's. */
	function entered(c, work, lesson) {
		var th = heads[c];
		if (works[c])
			return;
		works[c] = work;
		th.dataset.w = work;
		th.dataset.l = lesson;
		th.classList.remove('planned');
		grid.tHead.querySelectorAll('th.day.planned').forEach(
		    function (d) {
			if (d.dataset.day === th.dataset.day &&
			    d.dataset.num === th.dataset.num) {
				d.classList.remove('planned', 'past', 'today');
				d.title = 'Урок внесён';
			}
		});
		cells.forEach(function (row) {
			if (row[c])
				row[c].parentNode.classList.remove('planned');
		});
	}

	function move(el, dr, dc) {
		var row = cells[+el.dataset.r + dr];
		var c = +el.dataset.c + dc;
		/* Sideways past the columns that take no input. */
		while (dc !== 0 && row && c >= 0 && c < works.length && !row[c])
			c += dc;
		var next = row && row[c];
		if (next) {
			next.focus();
			next.select();
		} else
			el.select();
	}

	/* ---------------------------------------------------------- comments */
	var editor = document.createElement('div');
	editor.className = 'cell-comment';
	editor.hidden = true;
	editor.setAttribute('role', 'dialog');
	var label = document.createElement('label');
	var field = document.createElement('input');
	field.type = 'text';
	field.maxLength = COMMENT_MAX;
	field.autocomplete = 'off';
	label.appendChild(document.createTextNode(''));
	label.appendChild(field);
	var bar = document.createElement('p');
	var ok = document.createElement('button');
	ok.type = 'button';
	ok.textContent = 'Сохранить';
	var cancel = document.createElement('button');
	cancel.type = 'button';
	cancel.className = 'secondary';
	cancel.textContent = 'Отмена';
	var help = document.createElement('span');
	help.className = 'meta';
	help.textContent = 'Enter — сохранить, Esc — отмена; пустой — ' +
	    'удалить. До ' + COMMENT_MAX + ' символов, семья видит его в ' +
	    'дневнике.';
	bar.appendChild(ok);
	bar.appendChild(document.createTextNode(' '));
	bar.appendChild(cancel);
	bar.appendChild(document.createTextNode(' '));
	bar.appendChild(help);
	editor.appendChild(label);
	editor.appendChild(bar);
	document.body.appendChild(editor);
	var target = null;	/* the cell whose comment is open */

	function open(el) {
		var value = normal(el.value);
		if (value === '') {
			say('Комментарий пишется к отметке или «н»: сначала ' +
			    'введите её.');
			return;
		}
		target = el;
		label.firstChild.nodeValue = 'Комментарий: ' +
		    rows[+el.dataset.r].cells[0].textContent + ', «' + value +
		    '», ' + names[+el.dataset.c] + ' ';
		editor.setAttribute('aria-label', label.firstChild.nodeValue);
		field.value = el._cm !== undefined ? el._cm : el.dataset.cm;
		editor.hidden = false;
		/* Under the cell, inside the window. */
		var box = el.getBoundingClientRect();
		var left = Math.max(4, Math.min(box.left, window.innerWidth -
		    editor.offsetWidth - 4));
		editor.style.left = (left + window.scrollX) + 'px';
		editor.style.top = (box.bottom + window.scrollY + 2) + 'px';
		field.focus();
		field.select();
	}

	/* Close the editor; keep: save what it holds with the cell. */
	function close(keep) {
		var el = target;
		if (!el)
			return;
		target = null;
		editor.hidden = true;
		if (keep && field.value.trim() !== el.dataset.cm) {
			el._cm = field.value.trim();
			save(el);
		}
		el.focus();
	}

	field.addEventListener('keydown', function (e) {
		if (e.key === 'Enter') {
			close(true);
			e.preventDefault();
		} else if (e.key === 'Escape') {
			close(false);
			e.preventDefault();
		}
	});
	ok.addEventListener('click', function () { close(true); });
	cancel.addEventListener('click', function () { close(false); });
	/* Clicking elsewhere keeps what was written, as a cell does. */
	editor.addEventListener('focusout', function (e) {
		if (target && !editor.contains(e.relatedTarget))
			close(true);
	});

	/* ---------------------------------------------------------- events */
	grid.addEventListener('change', function (e) {
		if (e.target.classList.contains('cell'))
			save(e.target);
	});
	grid.addEventListener('keydown', function (e) {
		var el = e.target;
		if (!el.classList || !el.classList.contains('cell'))
			return;
		switch (e.key) {
		case 'ArrowUp':
			save(el);
			move(el, -1, 0);
			break;
		case 'ArrowDown':
		case 'Enter':
			save(el);
			move(el, 1, 0);
			break;
		case 'ArrowLeft':
			if (el.selectionStart !== 0)
				return;
			save(el);
			move(el, 0, -1);
			break;
		case 'ArrowRight':
			if (el.selectionEnd !== el.value.length)
				return;
			save(el);
			move(el, 0, 1);
			break;
		case 'Tab':
			save(el);
			return;		/* the browser moves on */
		case 'F2':
			open(el);
			break;
		default:
			return;
		}
		e.preventDefault();
	});
	grid.addEventListener('dblclick', function (e) {
		if (e.target.classList && e.target.classList.contains('cell'))
			open(e.target);
	});
	grid.addEventListener('focusin', function (e) {
		if (e.target.classList && e.target.classList.contains('cell'))
			e.target.select();
	});

	/* The page goes away: send whatever is not sent yet. */
	function flush() {
		if (target && field.value.trim() !== target.dataset.cm)
			target._cm = field.value.trim();
		all.forEach(function (el) { save(el, true); });
	}
	window.addEventListener('beforeunload', function (e) {
		flush();
		if (pending > 0) {
			e.preventDefault();
			e.returnValue = '';
		}
	});
	window.addEventListener('pagehide', flush);
	document.addEventListener('visibilitychange', function () {
		if (document.visibilityState === 'hidden')
			flush();
	});

	/* ---------------------------------------------------- today's lesson */
	/* The column of a lesson (data-l), else of a timetable slot. */
	function column(lesson, day, num) {
		for (var c = 0; c < heads.length; c++)
			if (lesson ? heads[c].dataset.l === lesson :
			    heads[c].dataset.day === day &&
			    heads[c].dataset.num === num)
				return c;
		return -1;
	}

	Array.prototype.forEach.call(
	    document.querySelectorAll('form.today-lesson'), function (form) {
		var state = form.querySelector('.today-state');
		function tell(text, failed) {
			state.textContent = text;
			state.classList.toggle('failed', !!failed);
		}
		form.addEventListener('submit', function (e) {
			var body = new URLSearchParams(new FormData(form));
			var c = column(form.dataset.lesson, form.dataset.day,
			    form.dataset.num);
			e.preventDefault();
			body.set('ajax', '1');
			tell('Сохраняется…');
			pending++;
			fetch(form.action, { method: 'POST', body: body,
			    credentials: 'same-origin', keepalive: true
			}).then(function (res) {
				return res.text().then(function (text) {
					var p = new DOMParser().parseFromString(
					    text, 'text/html').getElementById('cell');
					if (!p || p.dataset.state !== 'saved') {
						tell(p ? p.textContent : messages[
						    res.status] || 'Урок не сохранён.',
						    true);
						return;
					}
					tell('Урок сохранён.');
					form.dataset.lesson = p.dataset.lesson;
					if (c >= 0)
						entered(c, p.dataset.work,
						    p.dataset.lesson);
				});
			}).catch(function () {
				tell('Нет связи с сервером: урок не сохранён.',
				    true);
			}).then(function () {
				pending--;
			});
			/* On to the marks at once: a cell typed meanwhile
			 * finds the lesson this makes. */
			if (c >= 0 && cells.length && cells[0][c]) {
				cells[0][c].focus();
				cells[0][c].select();
			}
		});
	});
	var first = document.querySelector(
	    'form.today-lesson[data-focus] input[name="homework"]');
	if (first)
		first.focus();

	/* The entry links are for pages without this script. */
	Array.prototype.forEach.call(grid.querySelectorAll('.entry-row'),
	    function (row) { row.hidden = true; });
})();
