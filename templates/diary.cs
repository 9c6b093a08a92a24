<?cs include:"header.cs" ?>
<h1>Дневник</h1>
<?cs if:Page.NoChild ?>
<p class="hint">Среди ваших детей нет обучающихся в школе сейчас: дневник не ведётся.</p>
<?cs elif:Page.NoStudent ?>
<p class="hint">Дневник ученика открывается со страницы его класса.</p>
<?cs else ?>
<?cs if:subcount(Children) > 1 ?>
<nav class="tabs" aria-label="Дети">
<?cs each:c = Children ?><?cs if:c.class ?><a href="<?cs var:Base ?>/diary?student=<?cs var:url_escape(c.id) ?>&amp;week=<?cs var:url_escape(Page.Monday) ?>"<?cs if:c.id == Student.id ?> aria-current="page"<?cs /if ?>><?cs var:c.name ?></a> <?cs /if ?><?cs /each ?>
</nav>
<?cs /if ?>
<p class="meta"><?cs var:Student.name ?>, <?cs var:Student.class ?> класс · <a href="<?cs var:Base ?>/marks?student=<?cs var:url_escape(Student.id) ?>">все отметки</a></p>
<nav class="weeknav" aria-label="Недели">
  <a href="<?cs var:Base ?>/diary?student=<?cs var:url_escape(Student.id) ?>&amp;week=<?cs var:url_escape(Page.Prev) ?>" rel="prev">← неделя</a>
  <strong><?cs var:Page.Span ?></strong>
  <a href="<?cs var:Base ?>/diary?student=<?cs var:url_escape(Student.id) ?>&amp;week=<?cs var:url_escape(Page.Next) ?>" rel="next">неделя →</a>
</nav>
<div class="diary-days">
<?cs each:d = Days ?>
<section class="card diary-day<?cs if:d.date == Page.Today ?> today<?cs /if ?>" id="day-<?cs var:d.date ?>">
  <h2><?cs var:d.name ?> <span class="meta"><?cs var:d.label ?></span></h2>
  <?cs if:d.holiday ?>
  <p class="holiday"><?cs var:d.holiday ?></p>
  <?cs elif:subcount(d.Lessons) == 0 ?>
  <p class="meta">Уроков нет.</p>
  <?cs else ?>
  <ol class="diary-lessons">
  <?cs each:l = d.Lessons ?>
    <li class="lesson-<?cs var:l.state ?>">
      <div class="dl-head"><span class="dl-num"><?cs var:l.number ?></span> <strong><?cs var:l.subject ?></strong><?cs if:l.starts ?> <span class="meta"><?cs var:l.starts ?>–<?cs var:l.ends ?></span><?cs /if ?><?cs if:l.room ?> <span class="meta">каб. <?cs var:l.room ?></span><?cs /if ?>
      <?cs each:m = l.Marks ?> <b class="mark" title="<?cs var:m.work_name ?>"><?cs var:m.code ?></b><?cs /each ?><?cs if:l.absent ?> <b class="absent" title="<?cs alt:l.absent_reason ?>причина не указана<?cs /alt ?>">н</b><?cs /if ?></div>
      <?cs if:l.note ?><p class="lnote"><?cs var:l.note ?><?cs if:l.reason ?>: <?cs var:l.reason ?><?cs /if ?><?cs if:l.state == "substitute" ?> (<?cs var:l.teacher ?>)<?cs /if ?></p><?cs /if ?>
      <?cs if:l.topic ?><p><span class="meta">Тема:</span> <?cs var:l.topic ?></p><?cs /if ?>
      <?cs each:h = l.Homework ?><p class="homework<?cs if:h.own ?> own<?cs /if ?>"><span class="meta"><?cs if:h.own ?>Лично<?cs else ?>Домашнее задание<?cs /if ?> (задано <?cs var:h.given ?>):</span> <?cs var:h.text ?></p><?cs /each ?>
      <?cs if:l.hw_due ?><p class="hw-set meta">Задано на дом — к <a href="#day-<?cs var:l.hw_due_date ?>"><?cs var:l.hw_due ?></a></p><?cs /if ?>
      <?cs each:h = l.Given ?><p class="hw-set"><span class="meta">Задано <?cs if:h.own ?>лично<?cs else ?>на дом<?cs /if ?> <?cs if:h.due ?>к <?cs var:h.due ?><?cs else ?>к следующему уроку<?cs /if ?>:</span> <?cs var:h.text ?></p><?cs /each ?>
      <?cs each:m = l.Marks ?><?cs if:m.comment ?><p class="comment"><span class="meta"><?cs var:m.work_name ?>, <?cs var:m.code ?>:</span> <?cs var:m.comment ?></p><?cs /if ?><?cs /each ?>
      <?cs if:l.absent_comment ?><p class="comment"><span class="meta">Пропуск, «н»:</span> <?cs var:l.absent_comment ?></p><?cs /if ?>
    </li>
  <?cs /each ?>
  </ol>
  <?cs /if ?>
</section>
<?cs /each ?>
</div>
<section class="card" id="tests">
  <h2>Контрольные работы в ближайшие две недели</h2>
  <?cs if:subcount(Tests.Days) == 0 ?>
  <p class="meta">Не запланированы.</p>
  <?cs else ?>
  <ul class="list">
  <?cs each:d = Tests.Days ?><?cs each:i = d.Items ?>
    <li><span class="meta"><?cs var:d.dow ?> <?cs var:d.short ?></span> <strong><?cs var:i.subject ?></strong><?cs if:i.what ?>: <?cs var:i.what ?><?cs /if ?></li>
  <?cs /each ?><?cs /each ?>
  </ul>
  <?cs /if ?>
</section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
