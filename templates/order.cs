<?cs include:"header.cs" ?><?cs include:"macros.cs" ?>
<?cs def:order_kind(k) ?><?cs if:k == "enrolment" ?>о зачислении<?cs elif:k == "transfer" ?>о переводе<?cs elif:k == "withdrawal" ?>об отчислении<?cs elif:k == "dismissal" ?>об увольнении<?cs elif:k == "promotion" ?>о переводе в следующий класс<?cs else ?>прочие<?cs /if ?><?cs /def ?>
<?cs def:class_link(id, name) ?><?cs if:id ?><a href="<?cs var:Base ?>/class?id=<?cs var:url_escape(id) ?>"><?cs var:name ?></a><?cs /if ?><?cs /def ?>
<p class="meta"><a href="<?cs var:Base ?>/orders">← Книга приказов</a></p>
<h1>Приказ № <?cs var:Order.number ?> от <?cs var:Order.dated ?></h1>
<section class="card order">
  <h2><?cs var:Order.title ?></h2>
  <p class="meta">Вид: <?cs call:order_kind(Order.kind) ?>. Внесён <?cs var:Order.created_at ?><?cs if:Order.created_by ?>, <?cs var:Order.created_by ?><?cs /if ?>.</p>
  <?cs if:Order.text ?><p class="order-text"><?cs var:Order.text ?></p><?cs /if ?>
</section>
<?cs if:Order.kind != "other" ?>
<section class="card">
  <h2><?cs if:Order.kind == "dismissal" ?>Сотрудники<?cs else ?>Ученики<?cs /if ?> по приказу</h2>
  <?cs if:subcount(Movements) == 0 ?>
  <p class="hint">Пока никого.</p>
  <?cs else ?>
  <table class="grid movements">
    <thead><tr><th>ФИО</th><?cs if:Order.kind == "dismissal" ?><th>Должность</th><?cs else ?><th>Дата рождения</th><th>Из класса</th><th>В класс</th><?cs /if ?><th>С какого числа</th><th>Основание</th></tr></thead>
    <tbody>
    <?cs each:m = Movements ?>
      <tr>
        <td><?cs var:m.name ?></td>
        <?cs if:Order.kind == "dismissal" ?><td><?cs var:m.position ?></td><?cs else ?>
        <td><?cs var:m.birth ?></td>
        <?cs if:m.kind == "group_transfer" ?><td><?cs var:m.from_group ?></td><td><?cs var:m.to_group ?></td>
        <?cs else ?><td><?cs call:class_link(m.from_id, m.from_class) ?></td>
        <td><?cs call:class_link(m.to_id, m.to_class) ?><?cs if:m.kind == "repetition" ?> (оставлен на повторное обучение)<?cs elif:m.kind == "graduation" ?>выпуск<?cs /if ?></td><?cs /if ?><?cs /if ?>
        <td><?cs var:m.on_date ?></td>
        <td><?cs var:m.note ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs /if ?>
</section>
<?cs /if ?>
<?cs if:Page.CanWrite && Order.kind == "promotion" ?>
<section class="card">
  <p><a class="button" href="<?cs var:Base ?>/promotion?order=<?cs var:url_escape(Order.id) ?>">Перевести классы в следующий учебный год</a></p>
  <?cs if:Errors.Conflict ?><p class="error" role="alert"><?cs var:Errors.Conflict ?></p><?cs /if ?>
</section>
<?cs elif:Page.CanWrite ?>
<section class="card narrow-left">
  <h2><?cs if:Order.kind == "enrolment" ?>Зачислить ученика<?cs elif:Order.kind == "transfer" ?>Перевести ученика<?cs elif:Order.kind == "withdrawal" ?>Отчислить ученика<?cs else ?>Уволить сотрудника<?cs /if ?></h2>
  <?cs if:Errors.Conflict ?><p class="error" role="alert"><?cs var:Errors.Conflict ?></p><?cs elif:Errors.Any ?><p class="error" role="alert">Не сохранено: исправьте ошибки ниже.</p><?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/order?id=<?cs var:url_escape(Order.id) ?>" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <?cs if:Order.kind == "enrolment" ?>
    <label for="last_name">Фамилия</label>
    <input id="last_name" name="last_name" type="text" maxlength="100" required value="<?cs var:Form.last_name ?>">
    <?cs if:Errors.last_name ?><p class="field-error"><?cs var:Errors.last_name ?></p><?cs /if ?>
    <label for="first_name">Имя</label>
    <input id="first_name" name="first_name" type="text" maxlength="100" required value="<?cs var:Form.first_name ?>">
    <?cs if:Errors.first_name ?><p class="field-error"><?cs var:Errors.first_name ?></p><?cs /if ?>
    <label for="middle_name">Отчество (если есть)</label>
    <input id="middle_name" name="middle_name" type="text" maxlength="100" value="<?cs var:Form.middle_name ?>">
    <?cs if:Errors.middle_name ?><p class="field-error"><?cs var:Errors.middle_name ?></p><?cs /if ?>
    <fieldset class="choice">
      <legend>Пол</legend>
      <label><input type="radio" name="sex" value="m"<?cs if:Form.sex == "m" ?> checked<?cs /if ?>> мужской</label>
      <label><input type="radio" name="sex" value="f"<?cs if:Form.sex == "f" ?> checked<?cs /if ?>> женский</label>
    </fieldset>
    <?cs if:Errors.sex ?><p class="field-error"><?cs var:Errors.sex ?></p><?cs /if ?>
    <label for="birth_date">Дата рождения</label>
    <input id="birth_date" name="birth_date" type="date" required value="<?cs var:Form.birth_date ?>">
    <?cs if:Errors.birth_date ?><p class="field-error"><?cs var:Errors.birth_date ?></p><?cs /if ?>
    <?cs /if ?>
    <?cs if:Order.kind == "transfer" || Order.kind == "withdrawal" ?>
    <label for="student">Ученик</label>
    <select id="student" name="student" required>
      <option value="">—</option>
      <?cs each:s = Students ?><option value="<?cs var:s.id ?>"<?cs if:Form.student == s.id ?> selected<?cs /if ?>><?cs var:s.class ?> — <?cs var:s.name ?></option><?cs /each ?>
    </select>
    <?cs if:Errors.student ?><p class="field-error"><?cs var:Errors.student ?></p><?cs /if ?>
    <?cs /if ?>
    <?cs if:Order.kind == "enrolment" || Order.kind == "transfer" ?>
    <label for="class"><?cs if:Order.kind == "transfer" ?>В класс<?cs else ?>Класс<?cs /if ?></label>
    <select id="class" name="class" required>
      <option value="">—</option>
      <?cs each:c = Classes ?><option value="<?cs var:c.id ?>"<?cs if:Form.class == c.id ?> selected<?cs /if ?>><?cs var:c.name ?></option><?cs /each ?>
    </select>
    <?cs if:Errors.class ?><p class="field-error"><?cs var:Errors.class ?></p><?cs /if ?>
    <?cs /if ?>
    <?cs if:Order.kind == "dismissal" ?>
    <label for="staff">Сотрудник</label>
    <select id="staff" name="staff" required>
      <option value="">—</option>
      <?cs each:s = Staff ?><option value="<?cs var:s.id ?>"<?cs if:Form.staff == s.id ?> selected<?cs /if ?>><?cs var:s.name ?> — <?cs var:s.position ?></option><?cs /each ?>
    </select>
    <?cs if:Errors.staff ?><p class="field-error"><?cs var:Errors.staff ?></p><?cs /if ?>
    <?cs /if ?>
    <label for="on_date">С какого числа</label>
    <input id="on_date" name="on_date" type="date" required value="<?cs var:Form.on_date ?>">
    <?cs if:Errors.on_date ?><p class="field-error"><?cs var:Errors.on_date ?></p><?cs /if ?>
    <label for="note">Основание</label>
    <input id="note" name="note" type="text" maxlength="255" value="<?cs var:Form.note ?>" placeholder="заявление родителя от …">
    <?cs if:Errors.note ?><p class="field-error"><?cs var:Errors.note ?></p><?cs /if ?>
    <button type="submit">Добавить в приказ</button>
  </form>
  <?cs if:Order.kind == "enrolment" ?><p class="hint">Логин и пароль ученику выдаются потом, на странице «Логины и пароли» класса, когда семья даст согласие на обработку персональных данных.</p>
  <?cs elif:Order.kind == "withdrawal" ?><p class="hint">Отчисление сразу закрывает вход в дневник ученику и тем представителям, у которых в школе не остаётся других детей. Отметки и вся история сохраняются.</p>
  <?cs elif:Order.kind == "dismissal" ?><p class="hint">Увольнение сразу закрывает вход сотруднику. Записи, которые он сделал, сохраняются.</p><?cs /if ?>
</section>
<?cs if:Order.kind == "transfer" ?>
<section class="card narrow-left">
  <h2>Перевести ученика в другую группу</h2>
  <p class="hint">Например, из «англ. 1» в «англ. 2» того же класса: обе группы — подгруппы класса ученика по одному предмету.</p>
  <form method="post" action="<?cs var:Base ?>/order?id=<?cs var:url_escape(Order.id) ?>" class="form group-transfer">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <label for="g-student">Ученик</label>
    <select id="g-student" name="student" required>
      <option value="">—</option>
      <?cs each:s = Students ?><option value="<?cs var:s.id ?>"<?cs if:Form.student == s.id ?> selected<?cs /if ?>><?cs var:s.class ?> — <?cs var:s.name ?></option><?cs /each ?>
    </select>
    <label for="from_group">Из группы</label>
    <select id="from_group" name="from_group" required>
      <option value="">—</option>
      <?cs each:g = Groups ?><option value="<?cs var:g.id ?>"<?cs if:Form.from_group == g.id ?> selected<?cs /if ?>><?cs var:g.name ?></option><?cs /each ?>
    </select>
    <?cs if:Errors.from_group ?><p class="field-error"><?cs var:Errors.from_group ?></p><?cs /if ?>
    <label for="to_group">В группу</label>
    <select id="to_group" name="to_group" required>
      <option value="">—</option>
      <?cs each:g = Groups ?><option value="<?cs var:g.id ?>"<?cs if:Form.to_group == g.id ?> selected<?cs /if ?>><?cs var:g.name ?></option><?cs /each ?>
    </select>
    <?cs if:Errors.to_group ?><p class="field-error"><?cs var:Errors.to_group ?></p><?cs /if ?>
    <label for="g-on_date">С какого числа</label>
    <input id="g-on_date" name="on_date" type="date" required value="<?cs var:Form.on_date ?>">
    <label for="g-note">Основание</label>
    <input id="g-note" name="note" type="text" maxlength="255" value="<?cs var:Form.note ?>">
    <button type="submit">Перевести в группу</button>
  </form>
</section>
<?cs /if ?>
<?cs /if ?>
<?cs include:"footer.cs" ?>
