<?cs include:"header.cs" ?><?cs include:"macros.cs" ?>
<p class="meta"><a href="<?cs var:Base ?>/class?id=<?cs var:url_escape(Class.id) ?>">← <?cs var:Class.name ?> класс</a></p>
<h1>Законный представитель</h1>
<p>Ученик: <strong><?cs var:Student.name ?></strong>, <?cs var:Class.name ?> класс.</p>
<?cs if:Errors.Any ?><p class="error" role="alert">Не сохранено: исправьте ошибки ниже.</p><?cs /if ?>
<?cs def:kind_select(id) ?>
    <label for="<?cs var:id ?>">Кем приходится ученику</label>
    <select id="<?cs var:id ?>" name="kind" required>
      <option value="parent"<?cs if:Form.kind == "parent" ?> selected<?cs /if ?>>родитель</option>
      <option value="adoptive"<?cs if:Form.kind == "adoptive" ?> selected<?cs /if ?>>усыновитель</option>
      <option value="guardian"<?cs if:Form.kind == "guardian" ?> selected<?cs /if ?>>опекун (попечитель)</option>
    </select>
    <?cs if:Errors.kind ?><p class="field-error"><?cs var:Errors.kind ?></p><?cs /if ?>
<?cs /def ?>
<?cs if:subcount(Candidates) > 0 ?>
<section class="card narrow-left">
  <h2>Уже есть в школе</h2>
  <p class="hint">Если это родитель брата или сестры ученика, выберите его: у представителя останется один логин для всех детей.</p>
  <form method="post" action="<?cs var:Base ?>/guardian?student=<?cs var:url_escape(Student.id) ?>&amp;class=<?cs var:url_escape(Class.id) ?>" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <label for="existing">Представитель</label>
    <select id="existing" name="existing" required>
      <?cs each:c = Candidates ?><option value="<?cs var:c.id ?>"<?cs if:Form.existing == c.id ?> selected<?cs /if ?>><?cs var:c.name ?> — <?cs var:c.children ?></option><?cs /each ?>
    </select>
    <?cs if:Errors.existing ?><p class="field-error"><?cs var:Errors.existing ?></p><?cs /if ?>
    <?cs call:kind_select("kind1") ?>
    <button type="submit">Указать</button>
  </form>
</section>
<?cs /if ?>
<section class="card narrow-left">
  <h2>Новый представитель</h2>
  <form method="post" action="<?cs var:Base ?>/guardian?student=<?cs var:url_escape(Student.id) ?>&amp;class=<?cs var:url_escape(Class.id) ?>" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <?cs call:person_fields() ?>
    <?cs call:kind_select("kind2") ?>
    <button type="submit">Добавить</button>
  </form>
  <p class="hint">Логин представителю выдаётся после того, как он подпишет согласие на обработку персональных данных.</p>
</section>
<?cs include:"footer.cs" ?>
