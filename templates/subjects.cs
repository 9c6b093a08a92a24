<?cs include:"header.cs" ?>
<?cs def:subject_kind(k) ?><?cs if:k == "elective" ?>элективный курс<?cs elif:k == "extracurricular" ?>внеурочная деятельность<?cs else ?>предмет учебного плана<?cs /if ?><?cs /def ?>
<?cs def:scale_label(sc) ?><?cs if:sc.kind == "five" ?>5 баллов<?cs elif:sc.kind == "pass" ?>зачёт<?cs elif:sc.kind == "ten" ?>10 баллов<?cs else ?><?cs var:sc.name ?><?cs /if ?><?cs /def ?>
<?cs def:kind_select(cur) ?>
    <select id="kind" name="kind">
      <option value="class"<?cs if:cur == "class" || !cur ?> selected<?cs /if ?>>предмет учебного плана</option>
      <option value="elective"<?cs if:cur == "elective" ?> selected<?cs /if ?>>элективный курс</option>
      <option value="extracurricular"<?cs if:cur == "extracurricular" ?> selected<?cs /if ?>>внеурочная деятельность</option>
    </select>
<?cs /def ?>
<?cs if:Subject.id ?>
<p class="meta"><a href="<?cs var:Base ?>/subjects">← Все предметы</a></p>
<h1><?cs var:Subject.name ?></h1>
<?cs if:Page.CanWrite ?>
<section class="card narrow-left">
  <h2>Изменить предмет</h2>
  <?cs if:Errors.Any ?><p class="error" role="alert">Изменения не сохранены: исправьте ошибки ниже.</p><?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/subjects" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="action" value="update">
    <input type="hidden" name="id" value="<?cs var:Subject.id ?>">
    <label for="name">Название</label>
    <input id="name" name="name" type="text" maxlength="150" required value="<?cs if:Form.Sent ?><?cs var:Form.name ?><?cs else ?><?cs var:Subject.name ?><?cs /if ?>">
    <?cs if:Errors.name ?><p class="field-error"><?cs var:Errors.name ?></p><?cs /if ?>
    <label for="short_name">Краткое название (для журнала)</label>
    <input id="short_name" name="short_name" type="text" maxlength="30" value="<?cs if:Form.Sent ?><?cs var:Form.short_name ?><?cs else ?><?cs var:Subject.short_name ?><?cs /if ?>">
    <?cs if:Errors.short_name ?><p class="field-error"><?cs var:Errors.short_name ?></p><?cs /if ?>
    <label for="kind">Вид</label>
    <?cs if:Form.Sent ?><?cs call:kind_select(Form.kind) ?><?cs else ?><?cs call:kind_select(Subject.kind) ?><?cs /if ?>
    <?cs if:Errors.kind ?><p class="field-error"><?cs var:Errors.kind ?></p><?cs /if ?>
    <label class="check"><input type="checkbox" name="archived" value="1"<?cs if:Subject.is_archived == "1" ?> checked<?cs /if ?>> в архиве (больше не преподаётся)</label>
    <button type="submit">Сохранить</button>
  </form>
</section>
<?cs else ?>
<section class="card">
  <p>Краткое название: <?cs var:Subject.short_name ?>; <?cs call:subject_kind(Subject.kind) ?><?cs if:Subject.is_archived == "1" ?>, в архиве<?cs /if ?>.</p>
</section>
<?cs /if ?>
<?cs else ?>
<h1>Предметы</h1>
<p class="hint">Для каждого предмета — шкала оценивания в каждой параллели. <?cs each:g = Grades ?><?cs if:g.no_marks ?><?cs var:g.n ?> кл. <?cs /if ?><?cs /each ?>— без отметок (настройка школы). Шкалы — в разделе <a href="<?cs var:Base ?>/scales">«Шкалы оценивания»</a>.</p>
<?cs if:Errors.grid ?><p class="error" role="alert"><?cs var:Errors.grid ?></p><?cs /if ?>
<?cs if:subcount(Subjects) == 0 ?>
<p class="hint">Предметов пока нет.</p>
<?cs else ?>
<?cs if:Page.CanWrite ?>
<form method="post" action="<?cs var:Base ?>/subjects" class="subject-grid-form">
  <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
  <input type="hidden" name="action" value="scales">
  <?cs /if ?>
  <div class="table-scroll">
  <table class="grid subject-grid">
    <thead><tr><th>Предмет</th><th>Вид</th><?cs each:g = Grades ?><th class="grade"><?cs var:g.n ?></th><?cs /each ?></tr></thead>
    <tbody>
    <?cs each:s = Subjects ?>
      <tr<?cs if:s.is_archived == "1" ?> class="archived"<?cs /if ?>>
        <th scope="row"><a href="<?cs var:Base ?>/subjects?id=<?cs var:url_escape(s.id) ?>"><?cs var:s.name ?></a><?cs if:s.short_name != s.name ?> <span class="meta">(<?cs var:s.short_name ?>)</span><?cs /if ?><?cs if:s.is_archived == "1" ?> <span class="meta">в архиве</span><?cs /if ?></th>
        <td class="kind"><?cs call:subject_kind(s.kind) ?></td>
        <?cs each:c = s.Cells ?>
        <td class="cell"><?cs if:c.no_marks ?><span class="no-marks">без отметок</span><?cs elif:Page.CanWrite && s.is_archived != "1" ?><select name="cell" aria-label="<?cs var:s.short_name ?>, <?cs var:c.grade ?> класс"><option value="<?cs var:s.id ?>:<?cs var:c.grade ?>:0">—</option><?cs each:sc = Scales ?><option value="<?cs var:s.id ?>:<?cs var:c.grade ?>:<?cs var:sc.id ?>"<?cs if:c.scale == sc.id ?> selected<?cs /if ?>><?cs call:scale_label(sc) ?></option><?cs /each ?></select><?cs else ?><?cs each:sc = Scales ?><?cs if:c.scale == sc.id ?><?cs call:scale_label(sc) ?><?cs /if ?><?cs /each ?><?cs if:!c.scale ?>—<?cs /if ?><?cs /if ?></td>
        <?cs /each ?>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs if:Page.CanWrite ?><button type="submit">Сохранить шкалы</button>
</form><?cs /if ?>
<?cs /if ?>
<?cs if:Page.CanWrite ?>
<section class="card narrow-left">
  <h2>Новый предмет</h2>
  <?cs if:Errors.name || Errors.short_name || Errors.kind ?><p class="error" role="alert">Предмет не создан: исправьте ошибки ниже.</p><?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/subjects" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="action" value="create">
    <label for="name">Название</label>
    <input id="name" name="name" type="text" maxlength="150" required value="<?cs var:Form.name ?>">
    <?cs if:Errors.name ?><p class="field-error"><?cs var:Errors.name ?></p><?cs /if ?>
    <label for="short_name">Краткое название (для журнала)</label>
    <input id="short_name" name="short_name" type="text" maxlength="30" value="<?cs var:Form.short_name ?>">
    <?cs if:Errors.short_name ?><p class="field-error"><?cs var:Errors.short_name ?></p><?cs /if ?>
    <label for="kind">Вид</label>
    <?cs call:kind_select(Form.kind) ?>
    <?cs if:Errors.kind ?><p class="field-error"><?cs var:Errors.kind ?></p><?cs /if ?>
    <button type="submit">Добавить предмет</button>
  </form>
  <p class="hint">Элективные курсы и внеурочная деятельность — тоже предметы: у них свои группы и свой журнал.</p>
</section>
<?cs /if ?>
<?cs /if ?>
<?cs include:"footer.cs" ?>
