<?cs include:"header.cs" ?>
<h1>Редактор расписания<?cs if:Class.name ?>: <?cs var:Class.name ?> класс<?cs /if ?></h1>
<form method="get" action="<?cs var:Base ?>/timetable" class="form tt-bar noprint">
  <label for="class">Класс</label>
  <select id="class" name="class">
    <?cs each:c = Classes ?><option value="<?cs var:c.id ?>"<?cs if:Class.id == c.id ?> selected<?cs /if ?>><?cs var:c.name ?></option><?cs /each ?>
  </select>
  <label for="date">Расписание на дату</label>
  <input id="date" name="date" type="date" value="<?cs var:Page.date ?>">
  <button type="submit">Показать</button>
  <?cs if:Class.id ?><a href="<?cs var:Base ?>/week?class=<?cs var:Class.id ?>&amp;date=<?cs var:Page.date ?>">неделя класса с заменами</a><?cs /if ?>
</form>
<?cs if:Class.id ?>
<?cs if:Page.NoYear ?><p class="error" role="alert">На эту дату нет учебного года.</p><?cs /if ?>
<?cs if:Errors.conflict ?><p class="error tt-conflict" role="alert"><?cs var:Errors.conflict ?></p><?cs /if ?>
<table class="grid week-grid tt-grid">
  <thead><tr><th class="num">№</th><?cs loop:d = 1, 6, 1 ?><th><?cs if:d == 1 ?>Понедельник<?cs elif:d == 2 ?>Вторник<?cs elif:d == 3 ?>Среда<?cs elif:d == 4 ?>Четверг<?cs elif:d == 5 ?>Пятница<?cs else ?>Суббота<?cs /if ?></th><?cs /loop ?></tr></thead>
  <tbody>
  <?cs loop:n = 1, Grid.rows, 1 ?>
    <tr><th class="num"><?cs var:n ?></th>
    <?cs loop:d = 1, 6, 1 ?>
      <td><?cs each:e = Grid[d][n] ?>
        <div class="lesson" data-tt="<?cs var:e.id ?>">
          <strong><?cs var:e.subject ?></strong>
          <?cs if:e.group != Class.name ?><span class="lgroup"><?cs var:e.group ?></span><?cs /if ?>
          <span class="lteacher"><?cs var:e.teacher ?></span>
          <?cs if:e.room ?><span class="lroom">каб. <?cs var:e.room ?></span><?cs /if ?>
          <span class="meta"><?cs var:e.valid_from ?> — <?cs var:e.valid_to ?></span>
          <?cs if:Page.CanEdit ?>
          <span class="tt-edit"><a href="<?cs var:Base ?>/timetable?class=<?cs var:Class.id ?>&amp;date=<?cs var:Page.date ?>&amp;edit=<?cs var:e.id ?>#entry">изменить</a>
          <form method="post" action="<?cs var:Base ?>/timetable" class="inline">
            <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
            <input type="hidden" name="class" value="<?cs var:Class.id ?>">
            <input type="hidden" name="date" value="<?cs var:Page.date ?>">
            <input type="hidden" name="id" value="<?cs var:e.id ?>">
            <button type="submit" name="action" value="delete">убрать с <?cs var:Page.date ?></button>
          </form></span>
          <?cs /if ?>
        </div>
      <?cs /each ?></td>
    <?cs /loop ?>
    </tr>
  <?cs /loop ?>
  </tbody>
</table>
<?cs if:Page.CanEdit ?>
<section class="card narrow-left tt-edit" id="entry">
  <h2><?cs if:Form.id ?>Изменить урок<?cs else ?>Добавить урок<?cs /if ?></h2>
  <?cs if:Errors.Any && !Errors.conflict ?><p class="error" role="alert">Урок не сохранён: исправьте ошибки ниже.</p><?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/timetable" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="class" value="<?cs var:Class.id ?>">
    <input type="hidden" name="date" value="<?cs var:Page.date ?>">
    <?cs if:Form.id ?><input type="hidden" name="id" value="<?cs var:Form.id ?>"><?cs /if ?>
    <label for="f-group">Группа</label>
    <select id="f-group" name="group" required>
      <?cs each:g = Groups ?><option value="<?cs var:g.id ?>"<?cs if:Form.group_id == g.id ?> selected<?cs /if ?>><?cs var:g.name ?></option><?cs /each ?>
    </select>
    <?cs if:Errors.group ?><p class="field-error"><?cs var:Errors.group ?></p><?cs /if ?>
    <label for="f-subject">Предмет</label>
    <select id="f-subject" name="subject" required>
      <option value="">—</option>
      <?cs each:s = Subjects ?><option value="<?cs var:s.id ?>"<?cs if:Form.subject_id == s.id ?> selected<?cs /if ?>><?cs var:s.name ?></option><?cs /each ?>
    </select>
    <?cs if:Errors.subject ?><p class="field-error"><?cs var:Errors.subject ?></p><?cs /if ?>
    <label for="f-teacher">Учитель</label>
    <select id="f-teacher" name="teacher" required>
      <option value="">—</option>
      <?cs each:t = Teachers ?><option value="<?cs var:t.id ?>"<?cs if:Form.teacher_id == t.id ?> selected<?cs /if ?>><?cs var:t.name ?></option><?cs /each ?>
    </select>
    <?cs if:Errors.teacher ?><p class="field-error"><?cs var:Errors.teacher ?></p><?cs /if ?>
    <label for="f-weekday">День недели</label>
    <select id="f-weekday" name="weekday" required>
      <?cs loop:d = 1, 6, 1 ?><option value="<?cs var:d ?>"<?cs if:Form.weekday == d ?> selected<?cs /if ?>><?cs if:d == 1 ?>понедельник<?cs elif:d == 2 ?>вторник<?cs elif:d == 3 ?>среда<?cs elif:d == 4 ?>четверг<?cs elif:d == 5 ?>пятница<?cs else ?>суббота<?cs /if ?></option><?cs /loop ?>
    </select>
    <?cs if:Errors.weekday ?><p class="field-error"><?cs var:Errors.weekday ?></p><?cs /if ?>
    <label for="f-number">Номер урока</label>
    <input id="f-number" name="number" type="number" min="1" max="10" required value="<?cs var:Form.number ?>">
    <?cs if:Errors.number ?><p class="field-error"><?cs var:Errors.number ?></p><?cs /if ?>
    <label for="f-room">Кабинет</label>
    <input id="f-room" name="room" type="text" maxlength="20" value="<?cs var:Form.room ?>">
    <?cs if:Errors.room ?><p class="field-error"><?cs var:Errors.room ?></p><?cs /if ?>
    <label for="f-from">Действует с</label>
    <input id="f-from" name="valid_from" type="date" required value="<?cs var:Form.valid_from ?>">
    <?cs if:Errors.valid_from ?><p class="field-error"><?cs var:Errors.valid_from ?></p><?cs /if ?>
    <label for="f-to">по</label>
    <input id="f-to" name="valid_to" type="date" required value="<?cs var:Form.valid_to ?>">
    <?cs if:Errors.valid_to ?><p class="field-error"><?cs var:Errors.valid_to ?></p><?cs /if ?>
    <button type="submit" name="action" value="save">Сохранить</button>
  </form>
  <p class="hint">Расписание меняется с даты: чтобы урок шёл по-новому со следующей недели, уберите старый урок с этой даты и добавьте новый. Один учитель, кабинет или группа (и класс со своей подгруппой) не могут быть в двух местах на одном уроке.</p>
</section>
<?cs /if ?>
<?cs /if ?>
<?cs include:"footer.cs" ?>
