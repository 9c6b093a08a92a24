<?cs include:"header.cs" ?>
<p class="meta"><a href="<?cs var:Base ?>/order?id=<?cs var:url_escape(Order.id) ?>">← Приказ № <?cs var:Order.number ?> от <?cs var:Order.dated ?></a></p>
<h1>Перевод в следующий класс</h1>
<?cs if:Form.Error ?><p class="error" role="alert"><?cs var:Form.Error ?></p><?cs /if ?>
<?cs if:!Page.NextStarts ?>
<p class="error" role="alert">Следующий учебный год ещё не создан: сначала создайте его на странице <a href="<?cs var:Base ?>/years">«Учебные годы»</a>.</p>
<?cs /if ?>
<p class="hint">Отмеченные ученики переводятся в следующий класс (та же буква) следующего учебного года<?cs if:Page.NextStarts ?>, с <?cs var:Page.NextStarts ?><?cs /if ?>; недостающие классы создаются. Снимите отметку с ученика, оставленного на повторное обучение: он перейдёт в класс той же параллели. Отмеченные ученики 11 классов и 9-классники, отмеченные как выбывающие, выпускаются: вход в дневник закрывается, история сохраняется.</p>
<?cs if:subcount(Classes) == 0 ?><p class="hint">В текущем учебном году нет классов.</p><?cs else ?>
<form method="post" action="<?cs var:Base ?>/promotion?order=<?cs var:url_escape(Order.id) ?>" class="form promotion">
  <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
  <?cs each:c = Classes ?>
  <fieldset class="promotion-class">
    <legend><label><input type="checkbox" name="class" value="<?cs var:c.id ?>" checked> <?cs var:c.name ?> класс<?cs if:c.grade == 11 ?> — выпуск<?cs /if ?></label></legend>
    <?cs if:subcount(c.Students) == 0 ?><p class="hint">Учеников нет.</p><?cs /if ?>
    <ul class="list">
    <?cs each:s = c.Students ?>
      <li><label><input type="checkbox" name="promote" value="<?cs var:s.id ?>" checked> <?cs var:s.name ?></label><?cs if:c.grade == 9 ?> <label class="meta"><input type="checkbox" name="leave" value="<?cs var:s.id ?>"> выбывает после 9 класса</label><?cs /if ?></li>
    <?cs /each ?>
    </ul>
  </fieldset>
  <?cs /each ?>
  <button type="submit">Перевести по приказу</button>
</form>
<?cs /if ?>
<?cs include:"footer.cs" ?>
