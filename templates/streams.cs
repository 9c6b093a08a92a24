<?cs include:"header.cs" ?>
<?cs def:member_box(s) ?><label class="check"><input type="checkbox" name="m" value="<?cs var:s.id ?>"<?cs if:Form.Posted ?><?cs if:Form.M[s.id] ?> checked<?cs /if ?><?cs elif:s.member == "1" ?> checked<?cs /if ?>> <?cs var:s.name ?></label><?cs /def ?>
<?cs def:class_boxes(note) ?><fieldset class="stream-classes"><legend>Классы<?cs var:note ?></legend>
<?cs each:c = Classes ?><label class="check"><input type="checkbox" name="stream_classes" value="<?cs var:c.id ?>"<?cs if:Form.Chosen[c.id] ?> checked<?cs /if ?>> <?cs var:c.name ?></label><?cs /each ?>
</fieldset><?cs /def ?>
<?cs if:Stream.id ?>
<p class="meta"><a href="<?cs var:Base ?>/streams">← Потоки</a></p>
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
  <form method="post" action="<?cs var:Base ?>/streams" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="id" value="<?cs var:Stream.id ?>">
    <input type="hidden" name="action" value="members">
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
  <form method="get" action="<?cs var:Base ?>/streams" class="form">
    <input type="hidden" name="id" value="<?cs var:Stream.id ?>">
    <?cs call:class_boxes(": показать учеников") ?>
    <button type="submit" class="small">Показать учеников отмеченных классов</button>
  </form>
</section>
<section class="card narrow-left">
  <h2>Переименовать</h2>
  <form method="post" action="<?cs var:Base ?>/streams" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="id" value="<?cs var:Stream.id ?>">
    <input type="hidden" name="action" value="rename">
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
  <form method="post" action="<?cs var:Base ?>/streams" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="id" value="<?cs var:Stream.id ?>">
    <input type="hidden" name="action" value="delete">
    <button type="submit">Удалить поток</button>
  </form>
  <?cs /if ?>
</section>
<?cs /if ?>
<?cs elif:Page.FromClass ?>
<h1>Потоки</h1>
<p class="hint">Поток с учеником вашего класса открывается со страницы групп класса.</p>
<?cs else ?>
<h1>Потоки</h1>
<p class="hint">Поток — группа из учеников нескольких классов: элективный курс, профильная группа.</p>
<?cs if:subcount(Streams) > 0 ?>
<table class="grid streams">
  <thead><tr><th>Поток</th><th>Предмет</th><th>Классы</th><th class="num">Учеников</th></tr></thead>
  <tbody>
  <?cs each:g = Streams ?>
    <tr><td><a href="<?cs var:Base ?>/streams?id=<?cs var:url_escape(g.id) ?>"><?cs var:g.name ?></a></td><td><?cs var:g.subject ?></td><td><?cs var:g.classes ?></td><td class="num"><?cs var:g.members ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs else ?><p class="hint">Потоков в этом учебном году нет.</p><?cs /if ?>
<?cs if:Page.CanEdit ?>
<section class="card stream-new" id="new-stream">
  <h2>Создать поток</h2>
  <form method="get" action="<?cs var:Base ?>/streams" class="form">
    <?cs call:class_boxes(": 1. отметьте классы, из которых набирается поток") ?>
    <button type="submit" class="small">Выбрать учеников</button>
  </form>
  <?cs if:subcount(Pick) > 0 ?>
  <?cs if:Errors.Any ?><div class="error" role="alert"><p>Не сохранено: исправьте ошибки.</p><ul>
<?cs each:e = Errors ?><?cs if:name(e) != "Any" ?><li><?cs var:e ?></li><?cs /if ?><?cs /each ?>
</ul></div><?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/streams" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="action" value="create">
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
<?cs /if ?>
<?cs include:"footer.cs" ?>
