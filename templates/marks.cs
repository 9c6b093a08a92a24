<?cs include:"header.cs" ?>
<h1>Отметки</h1>
<?cs if:subcount(Children) > 1 ?>
<nav class="tabs" aria-label="Дети">
<?cs each:c = Children ?><?cs if:c.class ?><a href="<?cs var:Base ?>/marks?student=<?cs var:url_escape(c.id) ?>"<?cs if:c.id == Student.id ?> aria-current="page"<?cs /if ?>><?cs var:c.name ?></a> <?cs /if ?><?cs /each ?>
</nav>
<?cs /if ?>
<?cs if:Page.NoChild ?>
<p class="hint">Среди ваших детей нет обучающихся в школе сейчас: отметок нет.</p>
<?cs elif:Page.NoStudent ?>
<p class="hint">Отметки ученика открываются со страницы его класса (ссылка «отметки» у каждого ученика).</p>
<?cs else ?>
<p class="meta"><?cs var:Student.name ?>, <?cs var:Student.class ?> класс</p>
<?cs if:Page.NoMarks ?><p class="hint">В <?cs var:Student.grade ?> классе отметки не ставятся (безотметочное обучение): здесь видны предметы, учителя и посещаемость.</p><?cs /if ?>
<?cs if:subcount(Periods) == 0 ?>
<p class="state none-state">Учебные периоды для этого класса ещё не заданы.</p>
<?cs else ?>
<nav class="tabs" aria-label="Учебные периоды">
<?cs each:p = Periods ?><a href="<?cs var:Base ?>/marks?student=<?cs var:url_escape(Student.id) ?>&amp;period=<?cs var:url_escape(p.id) ?>"<?cs if:p.id == Period.id ?> aria-current="page"<?cs /if ?>><?cs var:p.name ?></a> <?cs /each ?>
</nav>
<?cs if:subcount(Subjects) == 0 ?>
<p class="state none-state">Предметов пока нет.</p>
<?cs /if ?>
<div class="subject-cards">
<?cs each:s = Subjects ?>
<section class="card subject" id="subject-<?cs var:s.id ?>">
  <h2><?cs var:s.name ?></h2>
  <p class="meta"><?cs var:s.teachers ?></p>
  <?cs if:Page.NoMarks ?>
  <?cs elif:subcount(s.Marks) == 0 ?>
  <p class="meta">Отметок за <?cs var:Period.name ?> пока нет.</p>
  <?cs else ?>
  <ul class="marks-list">
  <?cs each:m = s.Marks ?><li title="<?cs var:m.work_name ?><?cs if:m.comment ?>: <?cs var:m.comment ?><?cs /if ?>"><b class="mark"><?cs var:m.code ?></b> <small><?cs var:m.day ?> <?cs var:m.work ?></small><?cs if:m.comment ?> <small class="comment"><?cs var:m.comment ?></small><?cs /if ?></li><?cs /each ?>
  </ul>
  <?cs if:s.points ?>
  <svg class="chart" viewBox="0 0 200 40" width="200" height="40" role="img" aria-label="Отметки по датам">
    <polyline points="<?cs var:s.points ?>" fill="none" stroke="currentColor" stroke-width="1.5"/>
    <?cs each:m = s.Marks ?><?cs if:m.x ?><circle cx="<?cs var:m.x ?>" cy="<?cs var:m.y ?>" r="2.5"/><?cs /if ?><?cs /each ?>
  </svg>
  <?cs /if ?>
  <?cs /if ?>
  <dl class="counts">
    <?cs if:s.avg ?><dt>Средний балл</dt><dd class="avg"><?cs var:s.avg ?></dd>
    <dt>Взвешенный</dt><dd class="wavg"><?cs var:s.wavg ?></dd>
    <dt>Прогноз за период</dt><dd class="forecast"><?cs var:s.forecast ?></dd><?cs /if ?>
    <dt>Пропущено уроков</dt><dd class="missed"><?cs alt:s.missed ?>0<?cs /alt ?> из <?cs alt:s.lessons ?>0<?cs /alt ?><?cs if:s.excused > 0 ?> (по уважительной причине: <?cs var:s.excused ?>)<?cs /if ?></dd>
  </dl>
  <?cs if:subcount(s.Absences) > 0 ?><ul class="marks-list absences-list">
  <?cs each:a = s.Absences ?><li><b class="absent">н</b> <small><?cs var:a.day ?></small> <small class="comment"><?cs var:a.comment ?></small></li><?cs /each ?>
  </ul><?cs /if ?>
  <?cs if:!Page.NoMarks ?><p class="period-marks"><?cs each:p = Periods ?><?cs var:p.name ?>: <b><?cs alt:s.PM[p.id] ?>—<?cs /alt ?></b> · <?cs /each ?>год: <b><?cs alt:s.year ?>—<?cs /alt ?></b><?cs if:s.exam ?> · экзамен: <b><?cs var:s.exam ?></b><?cs /if ?><?cs if:s.final ?> · итоговая: <b><?cs var:s.final ?></b><?cs /if ?></p><?cs /if ?>
</section>
<?cs /each ?>
</div>
<?cs /if ?>
<?cs /if ?>
<?cs include:"footer.cs" ?>
