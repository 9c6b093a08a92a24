<?cs include:"header.cs" ?><?cs include:"macros.cs" ?>
<p class="meta"><a href="<?cs var:Base ?>/class?id=<?cs var:url_escape(Class.id) ?>">← <?cs var:Class.name ?> класс</a></p>
<h1>Согласие на обработку персональных данных</h1>
<section class="card">
  <h2><?cs var:Guardian.name ?></h2>
  <p>Законный представитель: <?cs each:c = Children ?><?cs if:name(c) != "0" ?>, <?cs /if ?><?cs var:c.name ?><?cs if:c.class ?> (<?cs var:c.class ?>)<?cs /if ?><?cs /each ?>.</p>
  <?cs if:subcount(History) == 0 ?>
  <p class="state none-state">Заявлений нет. Пока нет согласия, доступа к электронному дневнику у семьи нет: нужна бумажная выписка.</p>
  <?cs else ?>
  <table class="grid">
    <thead><tr><th>Заявление</th><th>Дата</th><th>Номер</th><th>Внесено</th></tr></thead>
    <tbody>
    <?cs each:h = History ?>
      <tr><td><?cs if:h.status == "consent" ?>согласие<?cs else ?>отказ<?cs /if ?><?cs if:name(h) == "0" ?> <span class="meta">(действующее)</span><?cs /if ?></td><td><?cs var:h.signed ?></td><td><?cs var:h.document ?></td><td><?cs var:h.recorded_at ?><?cs if:h.recorded_by ?>, <?cs var:h.recorded_by ?><?cs /if ?></td></tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs /if ?>
</section>
<?cs if:Page.CanRecord ?>
<section class="card narrow-left">
  <h2>Новое заявление</h2>
  <?cs if:Errors.Any ?><p class="error" role="alert">Заявление не сохранено: исправьте ошибки ниже.</p><?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/consent" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="guardian" value="<?cs var:Guardian.id ?>">
    <input type="hidden" name="class" value="<?cs var:Class.id ?>">
    <fieldset class="choice">
      <legend>Заявление</legend>
      <label><input type="radio" name="status" value="consent"<?cs if:Form.status == "consent" ?> checked<?cs /if ?>> согласие</label>
      <label><input type="radio" name="status" value="refusal"<?cs if:Form.status == "refusal" ?> checked<?cs /if ?>> отказ</label>
    </fieldset>
    <?cs if:Errors.status ?><p class="field-error"><?cs var:Errors.status ?></p><?cs /if ?>
    <label for="signed_on">Дата заявления</label>
    <input id="signed_on" name="signed_on" type="date" required value="<?cs var:Form.signed_on ?>">
    <?cs if:Errors.signed_on ?><p class="field-error"><?cs var:Errors.signed_on ?></p><?cs /if ?>
    <label for="document">Номер в журнале регистрации</label>
    <input id="document" name="document" type="text" maxlength="64" value="<?cs var:Form.document ?>">
    <?cs if:Errors.document ?><p class="field-error"><?cs var:Errors.document ?></p><?cs /if ?>
    <button type="submit">Сохранить</button>
  </form>
  <p class="hint">Отказ сразу закрывает вход в дневник этому представителю, а также детям, у которых не остаётся представителя с согласием.</p>
</section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
