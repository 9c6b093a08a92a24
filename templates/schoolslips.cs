<?cs include:"header.cs" ?>
<h1>Логины и пароли: вся школа</h1>
<?cs if:Form.Error ?><p class="error" role="alert"><?cs var:Form.Error ?></p><?cs /if ?>
<p class="hint">Одной кнопкой выдаются логины всем, у кого их ещё нет: ученикам и законным представителям из семей, давших согласие на обработку персональных данных, и сотрудникам. Семьи без согласия получают бумажные выписки. Отметьте классы, которым нужно выдать <strong>новые</strong> пароли всем (прежние перестанут действовать). Пароли хранятся только в зашифрованном виде: распечатайте листки сразу.</p>
<form method="post" action="<?cs var:Base ?>/schoolslips" class="form" data-busy>
  <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
  <table class="grid school-slips">
    <thead><tr><th>Класс</th><th class="num">Ученики без логина</th><th class="num">с логином</th><th class="num">Представители без логина</th><th class="num">с логином</th><th>Новые пароли всем</th></tr></thead>
    <tbody>
    <?cs each:c = Classes ?>
      <tr><td><a href="<?cs var:Base ?>/slips?class=<?cs var:url_escape(c.id) ?>"><?cs var:c.name ?></a></td>
        <td class="num"><?cs alt:c.people ?>0<?cs /alt ?></td><td class="num"><?cs alt:c.people_login ?>0<?cs /alt ?></td>
        <td class="num"><?cs alt:c.parents ?>0<?cs /alt ?></td><td class="num"><?cs alt:c.parents_login ?>0<?cs /alt ?></td>
        <td><label><input type="checkbox" name="reset" value="<?cs var:c.id ?>"> <?cs var:c.name ?></label></td></tr>
    <?cs /each ?>
      <tr class="staff"><td><a href="<?cs var:Base ?>/staff">Сотрудники</a></td>
        <td class="num"><?cs alt:Staff.people ?>0<?cs /alt ?></td><td class="num"><?cs alt:Staff.people_login ?>0<?cs /alt ?></td>
        <td class="num">—</td><td class="num">—</td>
        <td><label><input type="checkbox" name="reset_staff" value="1"> сотрудники (кроме вас)</label></td></tr>
    </tbody>
  </table>
  <p>Без логина сейчас: <strong><?cs var:Page.Todo ?></strong>.</p>
  <button type="submit">Выдать и распечатать</button>
  <p class="hint" data-busy-text hidden>Выдаём логины и пароли… Для всей школы это может занять несколько секунд.</p>
</form>
<script src="<?cs var:Static ?>/import.js" defer></script>
<?cs include:"footer.cs" ?>
