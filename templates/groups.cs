<?cs include:"header.cs" ?>
<?cs def:group_kind(k) ?><?cs if:k == "class" ?>весь класс<?cs elif:k == "subgroup" ?>подгруппа<?cs elif:k == "stream" ?>поток<?cs else ?>индивидуальная<?cs /if ?><?cs /def ?>
<?cs def:subject_options(sel) ?><option value="">— предмет —</option><?cs each:s = Subjects ?><option value="<?cs var:s.id ?>"<?cs if:s.id == sel ?> selected<?cs /if ?>><?cs var:s.name ?></option><?cs /each ?><?cs /def ?>
<?cs if:!Class.id ?>
<h1>Группы</h1>
<p class="hint">Выберите класс.</p>
<ul class="class-list">
<?cs each:c = Classes ?><?cs if:Page.AllClasses || c.own == "1" ?>
  <li><a href="<?cs var:Base ?>/groups?class=<?cs var:url_escape(c.id) ?>"><?cs var:c.name ?></a></li>
<?cs /if ?><?cs /each ?>
</ul>
<?cs if:Page.AllClasses ?>
<p><a href="<?cs var:Base ?>/streams">Потоки</a> — группы из учеников нескольких классов.</p>
<?cs /if ?>
<?cs else ?>
<p class="meta"><a href="<?cs var:Base ?>/class?id=<?cs var:url_escape(Class.id) ?>">← <?cs var:Class.name ?> класс</a></p>
<h1>Группы: <?cs var:Class.name ?> класс</h1>
<?cs if:Errors.Any ?><div class="error" role="alert"><p>Не сохранено: исправьте ошибки.</p><ul>
<?cs each:e = Errors ?><?cs if:name(e) != "Any" ?><li><?cs var:e ?></li><?cs /if ?><?cs /each ?>
</ul></div><?cs /if ?>
<table class="grid groups">
  <thead><tr><th>Группа</th><th>Вид</th><th>Предмет</th><th class="num">Учеников</th><th>Учителя</th><?cs if:Page.CanEdit ?><th></th><?cs /if ?></tr></thead>
  <tbody>
  <?cs each:g = Groups ?>
    <tr class="kind-<?cs var:g.kind ?>">
      <td><strong><?cs if:g.kind == "stream" ?><a href="<?cs var:Base ?>/streams?id=<?cs var:url_escape(g.id) ?>"><?cs var:g.name ?></a><?cs else ?><?cs var:g.name ?><?cs /if ?></strong></td>
      <td><?cs call:group_kind(g.kind) ?></td>
      <td><?cs var:g.subject ?></td>
      <td class="num"><?cs var:g.here ?><?cs if:g.members != g.here ?> <span class="meta">из <?cs var:g.members ?></span><?cs /if ?></td>
      <td><?cs alt:g.teachers ?><span class="meta">нет</span><?cs /alt ?></td>
      <?cs if:Page.CanEdit ?><td><?cs if:g.kind != "class" && g.used == "0" ?>
        <form method="post" action="<?cs var:Base ?>/groups" class="inline">
          <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
          <input type="hidden" name="class" value="<?cs var:Class.id ?>">
          <input type="hidden" name="action" value="delete">
          <input type="hidden" name="group" value="<?cs var:g.id ?>">
          <button type="submit" class="small"><?cs if:g.kind == "subgroup" ?>Удалить разделение<?cs else ?>Удалить<?cs /if ?></button>
        </form><?cs /if ?></td><?cs /if ?>
    </tr>
    <?cs if:g.kind != "class" ?>
    <tr class="members"><td colspan="<?cs if:Page.CanEdit ?>6<?cs else ?>5<?cs /if ?>"><span class="meta">Состав<?cs if:g.kind == "stream" ?> (из этого класса)<?cs /if ?>:</span>
      <?cs set:first = 1 ?><?cs each:s = Students ?><?cs if:s.In[g.id] ?><?cs if:!first ?>, <?cs /if ?><?cs var:s.name ?><?cs set:first = 0 ?><?cs /if ?><?cs /each ?></td></tr>
    <?cs /if ?>
  <?cs /each ?>
  </tbody>
</table>
<?cs if:subcount(Groups) == 0 ?><p class="hint">У класса ещё нет групп.</p><?cs /if ?>
<?cs if:Page.CanEdit ?>
<?cs set:has_whole = 0 ?><?cs each:g = Groups ?><?cs if:g.kind == "class" ?><?cs set:has_whole = 1 ?><?cs /if ?><?cs /each ?>
<?cs if:!has_whole ?>
<form method="post" action="<?cs var:Base ?>/groups">
  <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
  <input type="hidden" name="class" value="<?cs var:Class.id ?>">
  <input type="hidden" name="action" value="whole">
  <button type="submit">Создать группу «весь класс»</button>
</form>
<?cs /if ?>

<?cs each:sp = Splits ?>
<section class="card split">
  <h2>Разделение: <?cs var:sp.subject ?></h2>
  <form method="post" action="<?cs var:Base ?>/groups" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="class" value="<?cs var:Class.id ?>">
    <input type="hidden" name="action" value="split">
    <input type="hidden" name="subject" value="<?cs var:sp.subject_id ?>">
    <div class="pair">
      <label>Подгруппа 1 <input type="text" name="name_a" maxlength="150" required value="<?cs var:sp.a_name ?>"></label>
      <label>Подгруппа 2 <input type="text" name="name_b" maxlength="150" required value="<?cs var:sp.b_name ?>"></label>
    </div>
    <table class="grid split-members">
      <thead><tr><th>Ученик</th><th>1</th><th>2</th></tr></thead>
      <tbody>
      <?cs each:s = Students ?>
        <tr><td><?cs var:s.name ?></td>
          <td><input type="checkbox" name="a" value="<?cs var:s.id ?>" aria-label="подгруппа 1"<?cs if:s.In[sp.a] ?> checked<?cs /if ?>></td>
          <td><input type="checkbox" name="b" value="<?cs var:s.id ?>" aria-label="подгруппа 2"<?cs if:s.In[sp.b] ?> checked<?cs /if ?>></td></tr>
      <?cs /each ?>
      </tbody>
    </table>
    <button type="submit">Сохранить состав</button>
  </form>
</section>
<?cs /each ?>

<section class="card split">
  <h2>Разделить класс на подгруппы</h2>
  <p class="hint">Каждый ученик должен быть ровно в одной из двух подгрупп.</p>
  <form method="post" action="<?cs var:Base ?>/groups" class="form" id="new-split">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="class" value="<?cs var:Class.id ?>">
    <input type="hidden" name="action" value="split">
    <label for="split-subject">Предмет</label>
    <select id="split-subject" name="subject" required><?cs call:subject_options(Form.subject) ?></select>
    <?cs if:Errors.subject && Form.action == "split" ?><p class="field-error"><?cs var:Errors.subject ?></p><?cs /if ?>
    <div class="pair">
      <label>Подгруппа 1 <input type="text" name="name_a" maxlength="150" required value="<?cs alt:Form.name_a ?><?cs var:Class.name ?> — 1<?cs /alt ?>"></label>
      <label>Подгруппа 2 <input type="text" name="name_b" maxlength="150" required value="<?cs alt:Form.name_b ?><?cs var:Class.name ?> — 2<?cs /alt ?>"></label>
    </div>
    <?cs if:Errors.members ?><p class="field-error"><?cs var:Errors.members ?></p><?cs /if ?>
    <table class="grid split-members">
      <thead><tr><th>Ученик</th><th>1</th><th>2</th></tr></thead>
      <tbody>
      <?cs each:s = Students ?>
        <tr><td><?cs var:s.name ?></td>
          <td><input type="checkbox" name="a" value="<?cs var:s.id ?>" aria-label="подгруппа 1"<?cs if:Form.A[s.id] ?> checked<?cs /if ?>></td>
          <td><input type="checkbox" name="b" value="<?cs var:s.id ?>" aria-label="подгруппа 2"<?cs if:Form.B[s.id] ?> checked<?cs /if ?>></td></tr>
      <?cs /each ?>
      </tbody>
    </table>
    <button type="submit">Создать подгруппы</button>
  </form>
</section>

<section class="card narrow-left">
  <h2>Индивидуальная группа</h2>
  <p class="hint">Для ученика, который занимается предметом по индивидуальному учебному плану.</p>
  <form method="post" action="<?cs var:Base ?>/groups" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="class" value="<?cs var:Class.id ?>">
    <input type="hidden" name="action" value="individual">
    <label for="ind-student">Ученик</label>
    <select id="ind-student" name="student" required><option value="">— ученик —</option><?cs each:s = Students ?><option value="<?cs var:s.id ?>"<?cs if:s.id == Form.student ?> selected<?cs /if ?>><?cs var:s.name ?></option><?cs /each ?></select>
    <?cs if:Errors.student ?><p class="field-error"><?cs var:Errors.student ?></p><?cs /if ?>
    <label for="ind-subject">Предмет</label>
    <select id="ind-subject" name="subject" required><?cs call:subject_options(Form.subject) ?></select>
    <label for="ind-name">Название</label>
    <input id="ind-name" type="text" name="name" maxlength="150" required value="<?cs alt:Form.name ?><?cs var:Class.name ?> — инд.<?cs /alt ?>">
    <?cs if:Errors.name ?><p class="field-error"><?cs var:Errors.name ?></p><?cs /if ?>
    <button type="submit">Создать</button>
  </form>
</section>

<?cs each:g = Groups ?><?cs if:g.kind == "stream" ?>
<section class="card narrow-left">
  <h2>Поток «<?cs var:g.name ?>»: ученики этого класса</h2>
  <form method="post" action="<?cs var:Base ?>/groups" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="class" value="<?cs var:Class.id ?>">
    <input type="hidden" name="action" value="members">
    <input type="hidden" name="group" value="<?cs var:g.id ?>">
    <?cs each:s = Students ?><label class="check"><input type="checkbox" name="m" value="<?cs var:s.id ?>"<?cs if:s.In[g.id] ?> checked<?cs /if ?>> <?cs var:s.name ?></label><?cs /each ?>
    <button type="submit">Сохранить состав</button>
  </form>
</section>
<?cs /if ?><?cs /each ?>
<?cs /if ?>
<?cs /if ?>
<?cs include:"footer.cs" ?>
