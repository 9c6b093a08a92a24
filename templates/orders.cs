<?cs include:"header.cs" ?><?cs include:"macros.cs" ?>
<?cs def:order_kind(k) ?><?cs if:k == "enrolment" ?>о зачислении<?cs elif:k == "transfer" ?>о переводе<?cs elif:k == "withdrawal" ?>об отчислении<?cs elif:k == "dismissal" ?>об увольнении<?cs elif:k == "promotion" ?>о переводе в следующий класс<?cs else ?>прочие<?cs /if ?><?cs /def ?>
<h1>Книга приказов</h1>
<form method="get" action="<?cs var:Base ?>/orders" class="filters">
  <label for="f-kind">Вид</label>
  <select id="f-kind" name="kind">
    <option value="">все</option>
    <option value="enrolment"<?cs if:Filter.kind == "enrolment" ?> selected<?cs /if ?>>о зачислении</option>
    <option value="transfer"<?cs if:Filter.kind == "transfer" ?> selected<?cs /if ?>>о переводе</option>
    <option value="withdrawal"<?cs if:Filter.kind == "withdrawal" ?> selected<?cs /if ?>>об отчислении</option>
    <option value="dismissal"<?cs if:Filter.kind == "dismissal" ?> selected<?cs /if ?>>об увольнении</option>
    <option value="promotion"<?cs if:Filter.kind == "promotion" ?> selected<?cs /if ?>>о переводе в следующий класс</option>
    <option value="other"<?cs if:Filter.kind == "other" ?> selected<?cs /if ?>>прочие</option>
  </select>
  <label for="f-year">Год</label>
  <select id="f-year" name="year">
    <option value="">все</option>
    <?cs each:y = Years ?><option value="<?cs var:y.year ?>"<?cs if:Filter.year == y.year ?> selected<?cs /if ?>><?cs var:y.year ?></option><?cs /each ?>
  </select>
  <button type="submit">Показать</button>
</form>
<?cs if:subcount(Orders) == 0 ?>
<p class="hint">Приказов<?cs if:Filter.kind || Filter.year ?> с такими условиями<?cs /if ?> в книге нет.</p>
<?cs else ?>
<table class="grid orders">
  <thead><tr><th>№</th><th>Дата</th><th>Вид</th><th>Заголовок</th><th class="num">Человек</th></tr></thead>
  <tbody>
  <?cs each:o = Orders ?>
    <tr>
      <td><a href="<?cs var:Base ?>/order?id=<?cs var:url_escape(o.id) ?>"><?cs var:o.number ?></a></td>
      <td><?cs var:o.dated ?></td>
      <td><?cs call:order_kind(o.kind) ?></td>
      <td><?cs var:o.title ?></td>
      <td class="num"><?cs var:o.people ?></td>
    </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs /if ?>
<?cs if:Page.CanWrite ?>
<section class="card narrow-left">
  <h2>Новый приказ</h2>
  <?cs if:Errors.Any ?><p class="error" role="alert">Приказ не внесён: исправьте ошибки ниже.</p><?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/orders" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <label for="number">Номер</label>
    <input id="number" name="number" type="text" maxlength="20" required value="<?cs var:Form.number ?>" placeholder="12-у">
    <?cs if:Errors.number ?><p class="field-error"><?cs var:Errors.number ?></p><?cs /if ?>
    <label for="dated">Дата</label>
    <input id="dated" name="dated" type="date" required value="<?cs var:Form.dated ?>">
    <?cs if:Errors.dated ?><p class="field-error"><?cs var:Errors.dated ?></p><?cs /if ?>
    <label for="kind">Вид</label>
    <select id="kind" name="kind" required>
      <option value="">—</option>
      <option value="enrolment"<?cs if:Form.kind == "enrolment" ?> selected<?cs /if ?>>о зачислении</option>
      <option value="transfer"<?cs if:Form.kind == "transfer" ?> selected<?cs /if ?>>о переводе</option>
      <option value="withdrawal"<?cs if:Form.kind == "withdrawal" ?> selected<?cs /if ?>>об отчислении</option>
      <option value="dismissal"<?cs if:Form.kind == "dismissal" ?> selected<?cs /if ?>>об увольнении</option>
      <option value="promotion"<?cs if:Form.kind == "promotion" ?> selected<?cs /if ?>>о переводе в следующий класс</option>
      <option value="other"<?cs if:Form.kind == "other" ?> selected<?cs /if ?>>прочие</option>
    </select>
    <?cs if:Errors.kind ?><p class="field-error"><?cs var:Errors.kind ?></p><?cs /if ?>
    <label for="title">Заголовок</label>
    <input id="title" name="title" type="text" maxlength="255" required value="<?cs var:Form.title ?>" placeholder="О зачислении в 1 класс">
    <?cs if:Errors.title ?><p class="field-error"><?cs var:Errors.title ?></p><?cs /if ?>
    <label for="text">Текст</label>
    <textarea id="text" name="text" rows="5" maxlength="1000"><?cs var:Form.text ?></textarea>
    <?cs if:Errors.text ?><p class="field-error"><?cs var:Errors.text ?></p><?cs /if ?>
    <button type="submit">Внести в книгу</button>
  </form>
  <p class="hint">Номер приказа повторяться не может в пределах календарного года. Людей (зачисляемых, переводимых, отчисляемых, увольняемых) добавляют на странице приказа.</p>
</section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
