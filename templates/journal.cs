<?cs include:"header.cs" ?><?cs include:"macros.cs" ?>
<link rel="stylesheet" href="<?cs var:Static ?>/journal.css">
<link rel="stylesheet" href="<?cs var:Static ?>/print.css">
<h1><?cs var:Journal.subject ?> — <?cs var:Journal.group ?></h1>
<p class="meta">Период:
<?cs each:p = Periods ?><?cs if:name(p) != "0" ?> · <?cs /if ?><?cs if:p.id == Journal.period_id ?><strong><?cs var:p.name ?></strong><?cs else ?><a href="<?cs var:Base ?>/journal?group=<?cs var:url_escape(Journal.group_id) ?>&amp;subject=<?cs var:url_escape(Journal.subject_id) ?>&amp;period=<?cs var:url_escape(p.id) ?>"><?cs var:p.name ?></a><?cs /if ?><?cs /each ?>
<?cs if:Page.CanWrite ?> · <a href="<?cs var:Base ?>/lesson?group=<?cs var:url_escape(Journal.group_id) ?>&amp;subject=<?cs var:url_escape(Journal.subject_id) ?>">Новый урок</a><?cs /if ?>
</p>
<?cs if:Page.Error ?><p class="error" role="alert">Колонка не сохранена: <?cs var:Page.Error ?></p><?cs /if ?>
<section class="card journal-wrap">
<?cs if:subcount(Cols) == 0 ?><p class="state none-state">В этом периоде уроков ещё нет.</p><?cs /if ?>
<?cs if:Page.CanWrite && Journal.entry ?><form id="col" method="post" action="<?cs var:Base ?>/journal" class="hint"><input type="hidden" name="csrf" value="<?cs var:CSRF ?>"><input type="hidden" name="group" value="<?cs var:Journal.group_id ?>"><input type="hidden" name="subject" value="<?cs var:Journal.subject_id ?>"><input type="hidden" name="period" value="<?cs var:Journal.period_id ?>"><input type="hidden" name="lesson" value="<?cs var:Journal.entry ?>"><?cs if:Page.NoMarks ?>Пропуски за урок <?cs var:Journal.entry_date ?>: отметьте «н» (под ним — необязательный комментарий для семьи) в колонке урока<?cs else ?>Оценки за урок <?cs var:Journal.entry_date ?>: введите отметки или «н» (под отметкой — необязательный комментарий для семьи) в колонке урока<?cs /if ?> и нажмите <button type="submit">Сохранить урок</button> — сохранится вся колонка или ничего. <a href="<?cs var:Base ?>/journal?group=<?cs var:url_escape(Journal.group_id) ?>&amp;subject=<?cs var:url_escape(Journal.subject_id) ?>&amp;period=<?cs var:url_escape(Journal.period_id) ?>">Отмена</a></form>
<?cs elif:Page.CanWrite && Page.NoMarks ?><p class="hint">В <?cs var:Journal.grade ?> классе отметки не ставятся: отмечайте отсутствие буквой «н» и нажмите Enter, Tab или стрелку — клетка сохраняется сразу. Комментарий к «н» — F2 или двойной щелчок по клетке. Без JavaScript — ссылка «ввести» под датой открывает урок одной формой.</p><p class="journal-status" role="status" aria-live="polite"></p>
<?cs elif:Page.CanWrite ?><p class="hint">Введите отметку или «н» и нажмите Enter, Tab или стрелку: клетка сохраняется сразу. Комментарий к отметке или «н» — F2 или двойной щелчок по клетке; клетка с комментарием помечена уголком. Без JavaScript — ссылка «ввести» под датой открывает урок одной формой.</p><p class="journal-status" role="status" aria-live="polite"></p><?cs /if ?>
<?cs each:t = Today ?><form method="post" action="<?cs var:Base ?>/journal" class="today-lesson" data-day="<?cs var:t.day ?>" data-num="<?cs var:t.num ?>"<?cs if:t.lesson ?> data-lesson="<?cs var:t.lesson ?>"<?cs /if ?><?cs if:t.focus ?> data-focus="1"<?cs /if ?>><input type="hidden" name="csrf" value="<?cs var:CSRF ?>"><input type="hidden" name="group" value="<?cs var:Journal.group_id ?>"><input type="hidden" name="subject" value="<?cs var:Journal.subject_id ?>"><input type="hidden" name="period" value="<?cs var:Journal.period_id ?>"><input type="hidden" name="head" value="1"><input type="hidden" name="day" value="<?cs var:t.day ?>"><input type="hidden" name="number" value="<?cs var:t.num ?>">
<span class="today-title">Сегодня<?cs if:t.num ?>, <?cs var:t.num ?>-й урок<?cs /if ?><?cs if:!t.lesson ?> <span class="meta">(по расписанию, ещё не внесён)</span><?cs /if ?></span>
<label>Тема <input name="topic" type="text" maxlength="255" required value="<?cs var:t.topic ?>" autocomplete="off"></label>
<label>Домашнее задание <input name="homework" type="text" maxlength="1000" value="<?cs var:t.homework ?>" autocomplete="off"></label>
<button type="submit">Сохранить урок</button> <span class="today-state" role="status" aria-live="polite"></span></form>
<?cs /each ?>
<table class="journal-grid<?cs if:Page.CanWrite ?> editable<?cs /if ?>"<?cs if:Page.CanWrite && !Journal.entry ?> data-csrf="<?cs var:CSRF ?>" data-url="<?cs var:Base ?>/journal" data-group="<?cs var:Journal.group_id ?>" data-subject="<?cs var:Journal.subject_id ?>"<?cs /if ?> data-print-split="1">
<thead>
<tr><th rowspan="<?cs if:Page.CanWrite ?>3<?cs else ?>2<?cs /if ?>" class="who">Ученик</th>
<?cs each:c = Cols ?><?cs if:c.planned ?><th class="day planned <?cs var:c.state ?>" data-day="<?cs var:c.day ?>" data-num="<?cs var:c.num ?>" title="По расписанию<?cs if:c.num ?>, <?cs var:c.num ?>-й урок<?cs /if ?>: <?cs if:c.state == "past" ?>не заполнено<?cs else ?>ещё не внесён<?cs /if ?>"><?cs if:Page.CanWrite && c.state != "future" ?><a href="<?cs var:Base ?>/lesson?group=<?cs var:url_escape(Journal.group_id) ?>&amp;subject=<?cs var:url_escape(Journal.subject_id) ?>&amp;on_date=<?cs var:url_escape(c.day) ?>&amp;number=<?cs var:url_escape(c.num) ?>"><?cs var:c.date ?></a><?cs else ?><?cs var:c.date ?><?cs /if ?></th><?cs elif:c.first ?><th colspan="<?cs var:c.span ?>" class="day"><?cs if:Page.CanWrite ?><a href="<?cs var:Base ?>/lesson?id=<?cs var:url_escape(c.lesson) ?>" title="Урок: тема и задание"><?cs var:c.date ?></a><?cs else ?><?cs var:c.date ?><?cs /if ?></th><?cs /if ?><?cs /each ?>
<?cs if:!Page.NoMarks ?><th rowspan="<?cs if:Page.CanWrite ?>3<?cs else ?>2<?cs /if ?>" class="num" title="Средний балл">Ср.</th><th rowspan="<?cs if:Page.CanWrite ?>3<?cs else ?>2<?cs /if ?>" class="num" title="Средневзвешенный балл">Ср. взв.</th><?cs /if ?></tr>
<tr><?cs each:c = Cols ?><?cs if:c.planned ?><th class="work planned" data-w="" data-day="<?cs var:c.day ?>" data-num="<?cs var:c.num ?>"<?cs if:Page.CanWrite && c.state != "future" && !Journal.entry ?> data-open="1"<?cs /if ?> title="Ответ на уроке"><?cs if:c.num ?><?cs var:c.num ?>-й<?cs /if ?></th><?cs else ?><th class="work" data-w="<?cs var:c.work ?>" data-l="<?cs var:c.lesson ?>" title="<?cs var:c.name ?>"><?cs var:c.short ?></th><?cs /if ?><?cs /each ?></tr>
<?cs if:Page.CanWrite ?><tr class="entry-row"><?cs each:c = Cols ?><?cs if:c.planned ?><th><?cs if:c.state != "future" ?><a href="<?cs var:Base ?>/lesson?group=<?cs var:url_escape(Journal.group_id) ?>&amp;subject=<?cs var:url_escape(Journal.subject_id) ?>&amp;on_date=<?cs var:url_escape(c.day) ?>&amp;number=<?cs var:url_escape(c.num) ?>" title="Внести урок <?cs var:c.date ?> по расписанию">ввести</a><?cs /if ?></th><?cs elif:c.first ?><th colspan="<?cs var:c.span ?>"><?cs if:c.lesson == Journal.entry ?><button type="submit" form="col" class="small">Сохранить</button><?cs else ?><a href="<?cs var:Base ?>/journal?group=<?cs var:url_escape(Journal.group_id) ?>&amp;subject=<?cs var:url_escape(Journal.subject_id) ?>&amp;period=<?cs var:url_escape(Journal.period_id) ?>&amp;lesson=<?cs var:url_escape(c.lesson) ?>" title="<?cs if:Page.NoMarks ?>Отметить пропуски<?cs else ?>Ввести оценки<?cs /if ?> за <?cs var:c.date ?> одной формой">ввести</a><?cs /if ?></th><?cs /if ?><?cs /each ?></tr><?cs /if ?>
</thead>
<tbody>
<?cs each:s = Students ?>
<tr data-s="<?cs var:s.id ?>"><th class="who"><?cs var:s.name ?></th>
<?cs each:c = s.C ?><?cs if:Cols[name(c)].planned ?><td class="planned"></td><?cs elif:c.w ?><td<?cs if:c.cm ?> class="has-comment" title="<?cs var:c.cm ?>"<?cs /if ?>><input type="hidden" name="cell" form="col" value="<?cs var:c.w ?>.<?cs var:s.id ?>.<?cs var:c ?>"><input class="cell" name="v" form="col" value="<?cs var:c ?>" size="2" maxlength="8" autocomplete="off" aria-label="<?cs var:s.name ?>"><input class="cell-note" name="cm" form="col" value="<?cs var:c.cm ?>" maxlength="200" autocomplete="off" placeholder="комментарий" aria-label="<?cs var:s.name ?>: комментарий"><input type="hidden" name="cmo" form="col" value="<?cs var:c.cm ?>"></td><?cs elif:c.m ?><td<?cs if:c.cm ?> class="has-comment" title="<?cs var:c.cm ?>"<?cs /if ?>><a href="<?cs var:Base ?>/unlock?mark=<?cs var:url_escape(c.m) ?>" title="Разрешить исправление"><?cs var:c ?></a></td><?cs elif:c == "н" ?><td class="absent<?cs if:c.cm ?> has-comment<?cs /if ?>"<?cs if:c.cm ?> title="<?cs var:c.cm ?>"<?cs /if ?>>н</td><?cs else ?><td<?cs if:c.cm ?> class="has-comment" title="<?cs var:c.cm ?>"<?cs /if ?>><?cs var:c ?></td><?cs /if ?><?cs /each ?>
<?cs if:!Page.NoMarks ?><td class="num avg"><?cs var:s.avg ?></td><td class="num wavg"><?cs var:s.wavg ?></td><?cs /if ?></tr>
<?cs /each ?>
</tbody>
</table>
</section>
<section class="card">
<h2>Уроки</h2>
<?cs if:subcount(Lessons) == 0 ?><p class="state none-state">Уроков нет.</p><?cs else ?>
<div class="table-wrap"><table class="grid lessons">
<thead><tr><th>Дата</th><th>№</th><th>Тема</th><th>Что пройдено</th><th>Домашнее задание</th></tr></thead>
<tbody>
<?cs each:l = Lessons ?>
<tr><td><?cs if:Page.CanWrite ?><a href="<?cs var:Base ?>/lesson?id=<?cs var:url_escape(l.id) ?>"><?cs var:l.date ?></a><?cs else ?><?cs var:l.date ?><?cs /if ?></td><td><?cs var:l.number ?></td><td><?cs var:l.topic ?><?cs if:l.substitute ?> <span class="meta">(замена: <?cs var:l.substitute ?>)</span><?cs /if ?></td><td><?cs var:l.covered ?></td><td><?cs var:l.homework ?><?cs if:l.hw_own ?><br><span class="meta">Индивидуально: <?cs var:l.hw_own ?></span><?cs /if ?></td></tr>
<?cs /each ?>
</tbody>
</table></div>
<?cs /if ?>
</section>
<?cs def:note(n) ?><li class="note-<?cs var:n.kind ?>"><?cs if:n.kind == "late_lesson" ?>Урок <?cs var:n.date ?> внесён позже дня урока (<?cs var:n.extra ?>).<?cs elif:n.kind == "late_homework" ?>Домашнее задание к уроку <?cs var:n.date ?> задано поздно (<?cs var:n.extra ?>).<?cs elif:n.kind == "late_mark" ?><?cs var:n.student ?>: отметка «<?cs var:n.code ?>» за <?cs var:n.date ?> выставлена поздно (<?cs var:n.extra ?>).<?cs elif:n.kind == "no_retest" ?><?cs var:n.student ?>: после неудовлетворительной отметки «<?cs var:n.code ?>» за <?cs var:n.date ?> нет повторной проверки.<?cs elif:n.kind == "after_absence" ?><?cs var:n.student ?>: неудовлетворительная отметка «<?cs var:n.code ?>» <?cs var:n.date ?> сразу после длительного пропуска.<?cs elif:n.kind == "after_holiday" ?><?cs var:n.student ?>: неудовлетворительная отметка «<?cs var:n.code ?>» <?cs var:n.date ?> сразу после каникул.<?cs elif:n.kind == "not_entered" ?>Урок <?cs var:n.date ?><?cs if:n.extra ?> (<?cs var:n.extra ?>-й по расписанию)<?cs /if ?> не внесён в журнал: не заполнено.<?cs elif:n.kind == "few_marks" ?><?cs var:n.student ?>: отметок в периоде <?cs var:n.code ?>, нужно не меньше <?cs var:n.extra ?>.<?cs /if ?></li><?cs /def ?>
<section class="card notes">
<h2>Замечания</h2>
<?cs if:subcount(Notes) + subcount(MarkNotes) == 0 ?><p class="state">Замечаний нет.</p><?cs else ?>
<ul class="list">
<?cs each:n = MarkNotes ?><?cs call:note(n) ?><?cs /each ?>
<?cs each:n = Notes ?><?cs call:note(n) ?><?cs /each ?>
</ul>
<?cs /if ?>
</section>
<?cs if:Page.CanWrite ?><script src="<?cs var:Static ?>/journal.js" defer></script><?cs /if ?>
<script src="<?cs var:Static ?>/print.js" defer></script>
<?cs include:"footer.cs" ?>
