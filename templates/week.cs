<?cs include:"header.cs" ?>
<h1>Расписание<?cs if:Week.title ?>: <?cs var:Week.title ?><?cs /if ?></h1>
<form method="get" action="<?cs var:Base ?>/week" class="form tt-bar noprint week-choose">
  <?cs if:subcount(Classes) > 0 ?>
  <label for="class">Класс</label>
  <select id="class" name="class">
    <option value="">—</option>
    <?cs each:c = Classes ?><?cs if:Page.AllClasses || c.own == "1" ?><option value="<?cs var:c.id ?>"<?cs if:Class.id == c.id && Week.view == "1" ?> selected<?cs /if ?>><?cs var:c.name ?></option><?cs /if ?><?cs /each ?>
  </select>
  <?cs /if ?>
  <label for="date">Неделя с даты</label>
  <input id="date" name="date" type="date" value="<?cs var:Form.date ?>">
  <button type="submit">Показать</button>
</form>
<?cs if:Page.Teachers ?>
<form method="get" action="<?cs var:Base ?>/week" class="form tt-bar noprint week-choose">
  <label for="teacher">Учитель</label>
  <select id="teacher" name="teacher">
    <?cs each:t = Teachers ?><option value="<?cs var:t.id ?>"<?cs if:Week.teacher == t.id ?> selected<?cs /if ?>><?cs var:t.name ?></option><?cs /each ?>
  </select>
  <input type="hidden" name="date" value="<?cs var:Form.date ?>">
  <button type="submit">Показать</button>
</form>
<?cs /if ?>
<?cs if:Page.Rooms && subcount(Rooms) > 0 ?>
<form method="get" action="<?cs var:Base ?>/week" class="form tt-bar noprint week-choose">
  <label for="room">Кабинет</label>
  <select id="room" name="room">
    <?cs each:m = Rooms ?><option<?cs if:Week.room == m.name ?> selected<?cs /if ?>><?cs var:m.name ?></option><?cs /each ?>
  </select>
  <input type="hidden" name="date" value="<?cs var:Form.date ?>">
  <button type="submit">Показать</button>
</form>
<?cs /if ?>
<?cs if:Week.view != "0" ?>
<?cs if:Week.room ?><?cs set:q = "room=" + url_escape(Week.room) ?><?cs else ?><?cs set:q = Week.query ?><?cs /if ?>
<p class="week-nav noprint">
  <a href="<?cs var:Base ?>/week?<?cs var:q ?>&amp;date=<?cs var:Week.prev ?>" rel="prev">← предыдущая неделя</a>
  <span>неделя <?cs var:Week.Days.1.label ?> — <?cs var:Week.Days.6.label ?></span>
  <a href="<?cs var:Base ?>/week?<?cs var:q ?>&amp;date=<?cs var:Week.next ?>" rel="next">следующая неделя →</a>
  <button type="button" data-print>Печать</button>
</p>
<p class="print-only">Неделя <?cs var:Week.monday ?> — <?cs var:Week.sunday ?></p>
<?cs include:"week_grid.cs" ?>
<?cs else ?>
<p class="hint">Выберите класс, учителя или кабинет.</p>
<?cs /if ?>
<?cs include:"footer.cs" ?>
