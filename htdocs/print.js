/*
 * print.js: wide tables print as the paper journal does (issue 12).  A
 * table[data-print-split="K"] (the journal grid, the period marks) is
 * copied for print into sheets of columns that fit the width of an A4
 * landscape page (print.css: @page wide), each sheet repeating the first K
 * columns (the students' names); a lesson's columns under one date stay
 * on one sheet; the last sheet ends with the averages.  In the copy, the
 * inputs become their values.  On screen the copy is hidden; in print it
 * replaces the table (print.css).  Built on load and again before
 * printing, so what was typed since is printed.
 */
(function () {
	'use strict';

	/* The width of the printable area in CSS px: A4 landscape (297 mm)
	 * less print.css's @page wide margins (2 x 10 mm), at 96 px per inch,
	 * less a little for rounding. */
	var PAGE_PX = (297 - 2 * 10) * 96 / 25.4 - 6;

	/* The slots of rows: m[r][c] = { cell, row (its first row) }. */
	function matrix(rows) {
		var m = rows.map(function () { return []; });
		rows.forEach(function (tr, r) {
			var c = 0;
			Array.prototype.forEach.call(tr.cells, function (cell) {
				while (m[r][c])
					c++;
				for (var i = 0; i < cell.rowSpan && r + i < rows.length; i++)
					for (var j = 0; j < cell.colSpan; j++)
						m[r + i][c + j] = { cell: cell, row: r };
				c += cell.colSpan;
			});
		});
		return m;
	}

	function isoToRu(v) {
		var p = /^(\d{4})-(\d\d)-(\d\d)$/.exec(v);
		return p ? p[3] + '.' + p[2] + '.' + p[1] : v;
	}

	/* A cell as printed: inputs become text, buttons go. */
	function printable(cell) {
		var n = cell.cloneNode(true);
		n.removeAttribute('id');
		Array.prototype.forEach.call(n.querySelectorAll('[id]'), function (e) {
			e.removeAttribute('id');
		});
		Array.prototype.forEach.call(n.querySelectorAll('button, input[type="hidden"]'),
		    function (e) { e.remove(); });
		Array.prototype.forEach.call(n.querySelectorAll('input, select, textarea'),
		    function (e) {
			var v = e.tagName === 'SELECT' ?
			    (e.selectedIndex >= 0 ? e.options[e.selectedIndex].text : '') :
			    e.type === 'checkbox' || e.type === 'radio' ? (e.checked ? '✓' : '') :
			    e.type === 'date' ? isoToRu(e.value) : e.value;
			var s = document.createElement('span');
			s.className = 'print-value';
			if (v !== '' && e.title)
				v = e.title + ' ' + v;
			s.textContent = v;
			e.replaceWith(s);
		});
		return n;
	}

	/* A table of the columns cols (ascending) of the rows. */
	function copy(rows, m, keep, cols, nhead, pairs) {
		var t = document.createElement('table');
		var head = t.createTHead(), body = t.createTBody();
		var done = new Set();
		t.className = 'print-chunk';
		rows.forEach(function (tr, r) {
			if (!keep[r])
				return;
			var out = document.createElement('tr');
			for (var k = 0; k < cols.length; k++) {
				var s = m[r][cols[k]];
				if (!s || done.has(s.cell))
					continue;
				done.add(s.cell);
				var span = 1, rs = 0, i;
				while (k + span < cols.length && m[r][cols[k + span]] &&
				    m[r][cols[k + span]].cell === s.cell)
					span++;
				for (i = r; i < s.row + s.cell.rowSpan && i < rows.length; i++)
					if (keep[i])
						rs++;
				var n = printable(s.cell);
				n.colSpan = span;
				n.rowSpan = Math.max(rs, 1);
				out.appendChild(n);
				if (pairs)
					pairs.push([n, cols[k], span]);
			}
			(r < nhead ? head : body).appendChild(out);
		});
		return t;
	}

	function split(table) {
		var key = parseInt(table.getAttribute('data-print-split'), 10) || 1;
		var thead = table.tHead ? Array.prototype.slice.call(table.tHead.rows) : [];
		var rows = thead.slice();
		Array.prototype.forEach.call(table.tBodies, function (b) {
			rows = rows.concat(Array.prototype.slice.call(b.rows));
		});
		/* Rows hidden on screen (the entry links under journal.js)
		 * or marked .noprint stay off paper. */
		var keep = rows.map(function (tr) {
			return !tr.classList.contains('noprint') && !tr.hidden &&
			    getComputedStyle(tr).display !== 'none';
		});
		var m = matrix(rows);
		var ncols = m.reduce(function (a, row) { return Math.max(a, row.length); }, 0);
		var all = [], c, r;
		for (c = 0; c < ncols; c++)
			all.push(c);

		/* The width of each column, as print.css lays the copy out. */
		var pairs = [];
		var probe = document.createElement('div');
		probe.className = 'print-measure';
		probe.appendChild(copy(rows, m, keep, all, thead.length, pairs));
		document.body.appendChild(probe);
		var width = all.map(function () { return 0; });
		pairs.forEach(function (p) {
			var w = p[0].getBoundingClientRect().width / p[2];
			for (var j = 0; j < p[2]; j++)
				width[p[1] + j] = Math.max(width[p[1] + j], w);
		});
		probe.remove();

		/* Columns joined by a header cell (a date over its forms of
		 * work) stay together. */
		var groups = [];
		for (c = key; c < ncols; c++) {
			var join = false;
			for (r = 0; r < thead.length && c > key; r++)
				if (keep[r] && m[r][c] && m[r][c - 1] && m[r][c].cell === m[r][c - 1].cell)
					join = true;
			if (join)
				groups[groups.length - 1].push(c);
			else
				groups.push([c]);
		}
		var keyw = 0;
		for (c = 0; c < key; c++)
			keyw += width[c];
		var chunks = [], cur = [], curw = 0;
		groups.forEach(function (g) {
			var w = g.reduce(function (a, x) { return a + width[x]; }, 0);
			if (cur.length && keyw + curw + w > PAGE_PX) {
				chunks.push(cur);
				cur = [];
				curw = 0;
			}
			cur = cur.concat(g);
			curw += w;
		});
		if (cur.length || !chunks.length)
			chunks.push(cur);

		var box = document.createElement('div');
		box.className = 'print-chunks';
		var h1 = document.querySelector('main h1');
		chunks.forEach(function (cols, i) {
			var keys = [];
			for (c = 0; c < key; c++)
				keys.push(c);
			var t = copy(rows, m, keep, keys.concat(cols), thead.length, null);
			t.setAttribute('data-sheet', String(i + 1));
			if (i > 0 && h1) {
				var cap = t.createCaption();
				cap.textContent = h1.textContent + ' (продолжение, ' + (i + 1) +
				    '-я часть из ' + chunks.length + ')';
			}
			box.appendChild(t);
		});
		var old = table.nextElementSibling;
		if (old && old.classList.contains('print-chunks'))
			old.remove();
		table.after(box);
		table.setAttribute('data-print-ready', String(chunks.length));
	}

	function build() {
		Array.prototype.forEach.call(document.querySelectorAll('table[data-print-split]'),
		    function (t) {
			try {
				split(t);
			} catch (e) {
				/* The table itself prints instead. */
				t.removeAttribute('data-print-ready');
			}
		});
	}

	if (document.readyState === 'loading')
		document.addEventListener('DOMContentLoaded', build);
	else
		build();
	window.addEventListener('beforeprint', build);
	if (window.matchMedia) {
		var mq = window.matchMedia('print');
		var on = function (e) { if (e.matches) build(); };
		if (mq.addEventListener)
			mq.addEventListener('change', on);
	}
}());
