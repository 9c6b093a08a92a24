<?cs include:"header.cs" ?>
<?cs def:group_kind(k) ?><?cs if:k == "class" ?>весь класс<?cs elif:k == "subgroup" ?>подгруппа<?cs elif:k == "stream" ?>поток<?cs else ?>индивидуальная<?cs /if ?><?cs /def ?>
<?cs def:subject_options(sel) ?><option value="">— предмет —</option><?cs each:s = Subjects ?><option value="<?cs var:s.id ?>"<?cs if:s.id == sel ?> selected<?cs /if ?>><?cs var:s.name ?></option><?cs /each ?><?cs /def ?>
<?cs def:member_box(s) ?><label class="check"><input type="checkbox" name="m" value="<?cs var:s.id ?>"<?cs if:Form.Posted ?><?cs if:Form.M[s.id] ?> checked<?cs /if ?><?cs elif:s.member == "1" ?> checked<?cs /if ?>> <?cs var:s.name ?></label><?cs /def ?>
<?cs def:class_boxes(note) ?><fieldset class="stream-classes"><legend>Классы<?cs var:note ?></legend>
<?cs each:c = Classes ?><label class="check"><input type="checkbox" name="stream_classes" value="<?cs var:c.id ?>"<?cs if:Form.Chosen[c.id] ?> checked<?cs /if ?>> <?cs var:c.name ?></label><?cs /each ?>
</fieldset><?cs /def ?>
<?cs if:Stream.id ?>
<p class="meta"><a href="<?cs var:Base ?>/groups">← Группы и потоки</a></p>
<h1>Поток «<?cs var:Stream.name ?>»</h1>
<?cs if:Errors.Any ?><div class="error" role="alert"><p>Не сохранено: исправьте ошибки.</p><ul>
<?cs each:e = Errors ?><?cs if:name(e) != "Any" ?><li><?cs var:e ?></li><?cs /if ?><?cs /each ?>
</ul></div><?cs /if ?>
<dl class="stream-facts">
  <dt>Предмет</dt><dd><?cs alt:Stream.subject ?><span class="meta">не указан</span><?cs /alt ?></dd>
  <dt>Учебный год</dt><dd><?cs var:Stream.year ?></dd>
  <dt>Учеников</dt><dd><?cs var:Stream.members ?></dd>
  <dt>Учителя</dt><dd><?cs alt:Stream.teachers ?><span class="meta">нет</span><?cs /alt ?></dd>
</dl>
<h2>Состав по классам</h2>
<?cs set:any = 0 ?>
<?cs each:c = Members ?><?cs if:c.members != "0" ?><?cs set:any = 1 ?>
<section class="stream-class">
  <h3><a href="<?cs var:Base ?>/groups?class=<?cs var:url_escape(c.id) ?>"><?cs var:c.name ?></a> <span class="meta">— <?cs var:c.members ?> уч.</span></h3>
  <ol class="stream-members"><?cs each:s = c.Students ?><?cs if:s.member == "1" ?><li><?cs var:s.name ?></li><?cs /if ?><?cs /each ?></ol>
</section>
<?cs /if ?><?cs /each ?>
<?cs if:!any ?><p class="hint">В потоке нет учеников.</p><?cs /if ?>
<?cs if:Page.CanEdit ?>
<section class="card stream-edit">
  <h2>Изменить состав</h2>
  <p class="hint">Снимите отметку, чтобы исключить ученика; чтобы добавить учеников другого класса, сначала покажите этот класс (форма ниже).</p>
  <form method="post" action="<?cs var:Base ?>/groups" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="stream" value="<?cs var:Stream.id ?>">
    <input type="hidden" name="action" value="stream_members">
    <?cs if:Form.stream_classes ?><input type="hidden" name="stream_classes" value="<?cs var:Form.stream_classes ?>"><?cs /if ?>
    <?cs if:Errors.members ?><p class="field-error"><?cs var:Errors.members ?></p><?cs /if ?>
    <div class="stream-pick">
    <?cs each:c = Members ?>
      <fieldset><legend><?cs var:c.name ?></legend>
      <?cs each:s = c.Students ?><?cs call:member_box(s) ?><?cs /each ?>
      </fieldset>
    <?cs /each ?>
    </div>
    <button type="submit">Сохранить состав</button>
  </form>
  <form method="get" action="<?cs var:Base ?>/groups" class="form">
    <input type="hidden" name="stream" value="<?cs var:Stream.id ?>">
    <?cs call:class_boxes(": показать учеников") ?>
    <button type="submit" class="small">Показать учеников отмеченных классов</button>
  </form>
</section>
<section class="card narrow-left">
  <h2>Переименовать</h2>
  <form method="post" action="<?cs var:Base ?>/groups" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="stream" value="<?cs var:Stream.id ?>">
    <input type="hidden" name="action" value="stream_rename">
    <label for="stream-name">Название</label>
    <input id="stream-name" type="text" name="name" maxlength="150" required value="<?cs alt:Form.name ?><?cs var:Stream.name ?><?cs /alt ?>">
    <?cs if:Errors.name ?><p class="field-error"><?cs var:Errors.name ?></p><?cs /if ?>
    <button type="submit">Сохранить название</button>
  </form>
</section>
<section class="card narrow-left">
  <h2>Удалить поток</h2>
  <?cs if:Errors.delete ?><p class="field-error"><?cs var:Errors.delete ?></p><?cs /if ?>
  <?cs if:Stream.used != "0" ?><p class="hint">У потока есть нагрузка учителей: чтобы удалить поток, сначала снимите её на странице <a href="<?cs var:Base ?>/load">«Учебный план и нагрузка»</a>.</p>
  <?cs else ?>
  <form method="post" action="<?cs var:Base ?>/groups" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="stream" value="<?cs var:Stream.id ?>">
    <input type="hidden" name="action" value="stream_delete">
    <button type="submit">Удалить поток</button>
  </form>
  <?cs /if ?>
</section>
<?cs /if ?>
<?cs elif:!Class.id ?>
<h1>Группы</h1>
<p class="hint">Выберите класс.</p>
<ul class="class-list">
<?cs each:c = Classes ?><?cs if:Page.AllClasses || c.own == "1" ?>
  <li><a href="<?cs var:Base ?>/groups?class=<?cs var:url_escape(c.id) ?>"><?cs var:c.name ?></a></li>
<?cs /if ?><?cs /each ?>
</ul>
<?cs if:Page.AllClasses ?>
<h2>Потоки</h2>
<p class="hint">Поток — группа из учеников нескольких классов: элективный курс, профильная группа.</p>
<?cs if:subcount(Streams) > 0 ?>
<table class="grid streams">
  <thead><tr><th>Поток</th><th>Предмет</th><th>Классы</th><th class="num">Учеников</th></tr></thead>
  <tbody>
  <?cs each:g = Streams ?>
    <tr><td><a href="<?cs var:Base ?>/groups?stream=<?cs var:url_escape(g.id) ?>"><?cs var:g.name ?></a></td><td><?cs var:g.subject ?></td><td><?cs var:g.classes ?></td><td class="num"><?cs var:g.members ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs else ?><p class="hint">Потоков в этом учебном году нет.</p><?cs /if ?>
<?cs /if ?>
<?cs if:Page.CanEdit ?>
<section class="card stream-new" id="new-stream">
  <h2>Создать поток</h2>
  <form method="get" action="<?cs var:Base ?>/groups" class="form">
    <?cs call:class_boxes(": 1. отметьте классы, из которых набирается поток") ?>
    <button type="submit" class="small">Выбрать учеников</button>
  </form>
  <?cs if:subcount(Pick) > 0 ?>
  <?cs if:Errors.Any ?><div class="error" role="alert"><p>Не сохранено: исправьте ошибки.</p><ul>
<?cs each:e = Errors ?><?cs if:name(e) != "Any" ?><li><?cs var:e ?></li><?cs /if ?><?cs /each ?>
</ul></div><?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/groups" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="action" value="stream_create">
    <input type="hidden" name="stream_classes" value="<?cs var:Form.stream_classes ?>">
    <p class="meta">2. Название, предмет и ученики.</p>
    <label for="new-stream-name">Название</label>
    <input id="new-stream-name" type="text" name="name" maxlength="150" required value="<?cs var:Form.name ?>">
    <?cs if:Errors.name ?><p class="field-error"><?cs var:Errors.name ?></p><?cs /if ?>
    <label for="new-stream-subject">Предмет <span class="meta">(необязательно)</span></label>
    <select id="new-stream-subject" name="subject"><option value="">— без предмета —</option><?cs each:s = Subjects ?><option value="<?cs var:s.id ?>"<?cs if:s.id == Form.subject ?> selected<?cs /if ?>><?cs var:s.name ?></option><?cs /each ?></select>
    <?cs if:Errors.subject ?><p class="field-error"><?cs var:Errors.subject ?></p><?cs /if ?>
    <?cs if:Errors.members ?><p class="field-error"><?cs var:Errors.members ?></p><?cs /if ?>
    <div class="stream-pick">
    <?cs each:c = Pick ?>
      <fieldset><legend><?cs var:c.name ?></legend>
      <?cs each:s = c.Students ?><?cs call:member_box(s) ?><?cs /each ?>
      </fieldset>
    <?cs /each ?>
    </div>
    <button type="submit">Создать поток</button>
  </form>
  <?cs elif:Form.stream_classes ?><p class="hint">В отмеченных классах нет учеников этого учебного года.</p><?cs /if ?>
</section>
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
      <td><strong><?cs if:g.kind == "stream" ?><a href="<?cs var:Base ?>/groups?stream=<?cs var:url_escape(g.id) ?>"><?cs var:g.name ?></a><?cs else ?><?cs var:g.name ?><?cs /if ?></strong></td>
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
