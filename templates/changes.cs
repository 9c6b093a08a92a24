<?cs include:"header.cs" ?>
<h1>Замены и переносы на <?cs var:Page.date ?></h1>
<form method="get" action="<?cs var:Base ?>/changes" class="form tt-bar noprint">
  <label for="date">Дата</label>
  <input id="date" name="date" type="date" value="<?cs var:Page.date ?>">
  <button type="submit">Показать</button>
</form>
<?cs if:Errors.conflict ?><p class="error tt-conflict" role="alert"><?cs var:Errors.conflict ?></p><?cs /if ?>
<section class="card">
  <h2>Изменения дня</h2>
  <?cs if:subcount(Changes) == 0 ?>
  <p class="state none-state">На этот день изменений нет.</p>
  <?cs else ?>
  <table class="grid changes-list">
    <thead><tr><th class="num">Урок</th><th>Группа</th><th>Предмет</th><th>По расписанию</th><th>Изменение</th><th>Причина</th><?cs if:Page.CanEdit ?><th></th><?cs /if ?></tr></thead>
    <tbody>
    <?cs each:c = Changes ?>
      <tr data-change="<?cs var:c.id ?>">
        <td class="num"><?cs var:c.number ?></td>
        <td><?cs var:c.group ?></td>
        <td><?cs var:c.subject ?></td>
        <td><?cs var:c.teacher ?><?cs if:c.plan_room ?>, каб. <?cs var:c.plan_room ?><?cs /if ?><?cs if:c.on_date != Page.date ?> (<?cs var:c.on_date ?>)<?cs /if ?></td>
        <td><?cs if:c.cancelled == "1" ?>отменён<?cs /if ?><?cs if:c.substitute ?>замена: <?cs var:c.substitute ?> <?cs /if ?><?cs if:c.room ?>кабинет <?cs var:c.room ?> <?cs /if ?><?cs if:c.new_date || c.new_number ?>перенесён на <?cs var:c.new_date ?><?cs if:c.new_number ?>, <?cs var:c.new_number ?>-й урок<?cs /if ?><?cs /if ?></td>
        <td><?cs var:c.reason ?></td>
        <?cs if:Page.CanEdit ?><td><form method="post" action="<?cs var:Base ?>/changes" class="inline">
          <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
          <input type="hidden" name="date" value="<?cs var:Page.date ?>">
          <input type="hidden" name="change" value="<?cs var:c.id ?>">
          <button type="submit" name="action" value="delete">отменить изменение</button>
        </form></td><?cs /if ?>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs /if ?>
</section>
<?cs if:Page.CanEdit ?>
<section class="card narrow-left">
  <h2>Учитель отсутствует</h2>
  <form method="get" action="<?cs var:Base ?>/changes" class="form tt-bar">
    <input type="hidden" name="date" value="<?cs var:Page.date ?>">
    <label for="absent">Учитель</label>
    <select id="absent" name="absent">
      <?cs each:t = Teachers ?><option value="<?cs var:t.id ?>"<?cs if:Absent.id == t.id ?> selected<?cs /if ?>><?cs var:t.name ?></option><?cs /each ?>
    </select>
    <button type="submit">Показать уроки</button>
  </form>
  <?cs if:Absent.id ?>
  <?cs if:subcount(Absent.Lessons) == 0 ?>
  <p class="state none-state">У учителя <?cs var:Absent.Person.name ?> в этот день нет уроков.</p>
  <?cs else ?>
  <form method="post" action="<?cs var:Base ?>/changes" class="form absent-form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="date" value="<?cs var:Page.date ?>">
    <input type="hidden" name="absent" value="<?cs var:Absent.id ?>">
    <table class="grid">
      <thead><tr><th class="num">Урок</th><th>Группа</th><th>Предмет</th><th>Замена</th></tr></thead>
      <tbody>
      <?cs each:l = Absent.Lessons ?>
        <tr><td class="num"><?cs var:l.number ?></td><td><?cs var:l.group ?></td><td><?cs var:l.subject ?><?cs if:l.current ?> <span class="meta">(сейчас: <?cs var:l.current ?>)</span><?cs /if ?><?cs if:l.cancelled ?> <span class="meta">(отменён)</span><?cs /if ?></td>
        <td><input type="hidden" name="l" value="<?cs var:l.tt_id ?>">
          <select name="s" aria-label="Замена на <?cs var:l.number ?>-м уроке">
            <option value="">— не менять —</option>
            <option value="cancel">отменить урок</option>
            <?cs each:t = Teachers ?><?cs if:t.id != Absent.id ?><option value="<?cs var:t.id ?>"><?cs var:t.name ?></option><?cs /if ?><?cs /each ?>
          </select></td></tr>
      <?cs /each ?>
      </tbody>
    </table>
    <label for="a-reason">Причина</label>
    <input id="a-reason" name="reason" type="text" maxlength="255" value="болезнь учителя">
    <button type="submit" name="action" value="absent">Сохранить замены</button>
  </form>
  <?cs /if ?>
  <?cs /if ?>
</section>
<section class="card narrow-left">
  <h2>Изменить один урок</h2>
  <?cs if:Errors.Any && !Errors.conflict ?><p class="error" role="alert">Изменение не сохранено: исправьте ошибки ниже.</p><?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/changes" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="date" value="<?cs var:Page.date ?>">
    <label for="c-lesson">Урок по расписанию</label>
    <select id="c-lesson" name="lesson" required>
      <option value="">—</option>
      <?cs each:l = Lessons ?><option value="<?cs var:l.id ?>"<?cs if:Form.lesson == l.id ?> selected<?cs /if ?>><?cs var:l.group ?>, <?cs var:l.number ?>-й урок: <?cs var:l.subject ?> (<?cs var:l.teacher ?>)</option><?cs /each ?>
    </select>
    <?cs if:Errors.lesson ?><p class="field-error"><?cs var:Errors.lesson ?></p><?cs /if ?>
    <label for="c-teacher">Замена: учитель</label>
    <select id="c-teacher" name="teacher">
      <option value="">— как по расписанию —</option>
      <?cs each:t = Teachers ?><option value="<?cs var:t.id ?>"<?cs if:Form.teacher == t.id ?> selected<?cs /if ?>><?cs var:t.name ?></option><?cs /each ?>
    </select>
    <?cs if:Errors.teacher ?><p class="field-error"><?cs var:Errors.teacher ?></p><?cs /if ?>
    <label><input type="checkbox" name="cancel" value="1"> урок отменён</label>
    <?cs if:Errors.cancel ?><p class="field-error"><?cs var:Errors.cancel ?></p><?cs /if ?>
    <label for="c-room">Другой кабинет</label>
    <input id="c-room" name="room" type="text" maxlength="20" value="<?cs var:Form.room ?>">
    <?cs if:Errors.room ?><p class="field-error"><?cs var:Errors.room ?></p><?cs /if ?>
    <label for="c-new-date">Перенести на день</label>
    <input id="c-new-date" name="new_date" type="date" value="<?cs var:Form.new_date ?>">
    <?cs if:Errors.new_date ?><p class="field-error"><?cs var:Errors.new_date ?></p><?cs /if ?>
    <label for="c-new-number">и/или на урок №</label>
    <input id="c-new-number" name="new_number" type="number" min="1" max="10" value="<?cs var:Form.new_number ?>">
    <?cs if:Errors.new_number ?><p class="field-error"><?cs var:Errors.new_number ?></p><?cs /if ?>
    <label for="c-reason">Причина</label>
    <input id="c-reason" name="reason" type="text" maxlength="255" required value="<?cs var:Form.reason ?>">
    <?cs if:Errors.reason ?><p class="field-error"><?cs var:Errors.reason ?></p><?cs /if ?>
    <button type="submit" name="action" value="save">Сохранить изменение</button>
  </form>
</section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
