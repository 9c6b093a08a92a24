<?cs include:"header.cs" ?>
<h1>Учебный план и нагрузка</h1>
<?cs if:!Page.Year ?>
<p class="hint">Нет открытого учебного года.</p>
<?cs else ?>
<?cs if:Page.Warnings > 0 ?>
<section class="card warnings" role="status">
  <h2>Нагрузка не покрывает учебный план (<?cs var:Page.Warnings ?>)</h2>
  <ul>
  <?cs each:w = Warnings ?><li><?cs var:w.text ?></li><?cs /each ?>
  </ul>
</section>
<?cs else ?>
<p class="state ok-state">Нагрузка покрывает учебный план.</p>
<?cs /if ?>
<?cs if:Page.CanEdit ?>
<section class="card narrow-left">
  <h2>Учебный план класса</h2>
  <?cs if:Errors.Any && Form.action == "plan" ?><p class="error" role="alert">План не изменён: исправьте ошибки ниже.</p><?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/load" class="form" id="plan">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="action" value="plan">
    <label for="plan-class">Класс</label>
    <select id="plan-class" name="class" required><option value="">— класс —</option><?cs each:c = Classes ?><option value="<?cs var:c.id ?>"<?cs if:c.id == Form.class ?> selected<?cs /if ?>><?cs var:c.name ?></option><?cs /each ?></select>
    <?cs if:Errors.class ?><p class="field-error"><?cs var:Errors.class ?></p><?cs /if ?>
    <label for="plan-subject">Предмет</label>
    <select id="plan-subject" name="subject" required><option value="">— предмет —</option><?cs each:s = Subjects ?><option value="<?cs var:s.id ?>"<?cs if:s.id == Form.subject && Form.action == "plan" ?> selected<?cs /if ?>><?cs var:s.name ?></option><?cs /each ?></select>
    <?cs if:Errors.subject && Form.action == "plan" ?><p class="field-error"><?cs var:Errors.subject ?></p><?cs /if ?>
    <label for="plan-hours">Часов в неделю (0 — убрать из плана)</label>
    <input id="plan-hours" name="hours" type="text" inputmode="decimal" maxlength="5" required>
    <?cs if:Errors.hours && Form.action == "plan" ?><p class="field-error"><?cs var:Errors.hours ?></p><?cs /if ?>
    <button type="submit">Установить</button>
  </form>
</section>
<section class="card narrow-left">
  <h2>Назначить нагрузку</h2>
  <?cs if:Errors.Any && Form.action != "plan" ?><p class="error" role="alert">Нагрузка не сохранена: исправьте ошибки ниже.</p><?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/load" class="form" id="add">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="action" value="add">
    <label for="teacher">Учитель</label>
    <select id="teacher" name="teacher" required><option value="">— учитель —</option><?cs each:t = Teachers ?><option value="<?cs var:t.id ?>"<?cs if:t.id == Form.teacher ?> selected<?cs /if ?>><?cs var:t.name ?> (<?cs var:t.hours ?> ч)</option><?cs /each ?></select>
    <?cs if:Errors.teacher ?><p class="field-error"><?cs var:Errors.teacher ?></p><?cs /if ?>
    <label for="subject">Предмет</label>
    <select id="subject" name="subject" required><option value="">— предмет —</option><?cs each:s = Subjects ?><option value="<?cs var:s.id ?>"<?cs if:s.id == Form.subject ?> selected<?cs /if ?>><?cs var:s.name ?></option><?cs /each ?></select>
    <?cs if:Errors.subject && Form.action != "plan" ?><p class="field-error"><?cs var:Errors.subject ?></p><?cs /if ?>
    <label for="group">Группа</label>
    <select id="group" name="group" required><option value="">— группа —</option><?cs each:g = Groups ?><option value="<?cs var:g.id ?>"<?cs if:g.id == Form.group ?> selected<?cs /if ?>><?cs var:g.name ?></option><?cs /each ?></select>
    <?cs if:Errors.group ?><p class="field-error"><?cs var:Errors.group ?></p><?cs /if ?>
    <label for="hours">Часов в неделю</label>
    <input id="hours" name="hours" type="text" inputmode="decimal" maxlength="5" required value="<?cs var:Form.hours ?>">
    <?cs if:Errors.hours && Form.action != "plan" ?><p class="field-error"><?cs var:Errors.hours ?></p><?cs /if ?>
    <button type="submit">Назначить</button>
  </form>
</section>
<?cs /if ?>
<?cs def:remove(id) ?><?cs if:Page.CanEdit ?><form method="post" action="<?cs var:Base ?>/load" class="inline"><input type="hidden" name="csrf" value="<?cs var:CSRF ?>"><input type="hidden" name="action" value="remove"><input type="hidden" name="id" value="<?cs var:id ?>"><button type="submit" class="small" title="Снять нагрузку">снять</button></form><?cs /if ?><?cs /def ?>
<h2>По классам</h2>
<table class="grid load">
  <thead><tr><th>Класс</th><th>Предмет</th><th class="num">План, ч</th><th class="num">Назначено, ч</th><th>Учителя: группа, часы</th></tr></thead>
  <tbody>
  <?cs each:row = Rows ?>
    <tr<?cs if:row.warn ?> class="warn"<?cs /if ?>>
      <td><a href="<?cs var:Base ?>/groups?class=<?cs var:url_escape(row.class_id) ?>"><?cs var:row.class ?></a></td>
      <td><?cs var:row.subject ?></td>
      <td class="num"><?cs var:row.plan ?></td>
      <td class="num"><?cs var:row.got_min ?><?cs if:row.got_min != row.got_max ?>–<?cs var:row.got_max ?><?cs /if ?></td>
      <td><?cs each:t = row.Teachers ?><div class="assignment"><?cs var:t.teacher ?> — <?cs var:t.group ?>, <?cs var:t.hours ?> ч <?cs call:remove(t.id) ?></div><?cs /each ?><?cs if:subcount(row.Teachers) == 0 ?><span class="bad-state">нет учителя</span><?cs /if ?></td>
    </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs if:subcount(Other) > 0 ?>
<h2>Вне учебного плана классов</h2>
<p class="hint">Элективные курсы, потоки и индивидуальные группы по предметам, которых нет в плане класса.</p>
<table class="grid load-other">
  <thead><tr><th>Группа</th><th>Предмет</th><th>Учитель</th><th class="num">Часов</th><th></th></tr></thead>
  <tbody>
  <?cs each:o = Other ?>
    <tr><td><?cs var:o.group ?></td><td><?cs var:o.subject ?></td><td><?cs var:o.teacher ?></td><td class="num"><?cs var:o.hours ?></td><td><?cs call:remove(o.id) ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs /if ?>
<h2>Нагрузка учителей</h2>
<table class="grid load-teachers">
  <thead><tr><th>Учитель</th><th>Должность</th><th class="num">Часов в неделю</th></tr></thead>
  <tbody>
  <?cs each:t = Teachers ?><tr><td><?cs var:t.name ?></td><td><?cs var:t.position ?></td><td class="num"><?cs var:t.hours ?></td></tr><?cs /each ?>
  </tbody>
</table>
<?cs /if ?>
<?cs include:"footer.cs" ?>
