<?cs include:"header.cs" ?><?cs include:"macros.cs" ?>
<?cs def:role_names(codes) ?><?cs if:!codes ?>нет ролей<?cs else ?><?cs each:k = RoleList ?><?cs if:string.find("," + codes + ",", "," + k.code + ",") >= 0 ?><span class="tag"><?cs var:k.name ?></span><?cs /if ?><?cs /each ?><?cs /if ?><?cs /def ?>
<h1>Сотрудники</h1>
<?cs if:Errors.Any ?><p class="error" role="alert">Не сохранено: исправьте ошибки ниже.</p><?cs /if ?>
<?cs if:Errors.person ?><p class="field-error"><?cs var:Errors.person ?></p><?cs /if ?>
<?cs if:Errors.roles ?><p class="field-error"><?cs var:Errors.roles ?></p><?cs /if ?>
<form method="post" action="<?cs var:Base ?>/staff" id="issue-form">
  <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
  <input type="hidden" name="action" value="issue">
</form>
<table class="grid staff">
  <thead><tr><?cs if:Page.IsAdmin ?><th></th><?cs /if ?><th>Сотрудник</th><th>Должность</th><th>Роли</th><th>Логин</th></tr></thead>
  <tbody>
  <?cs each:p = Staff ?>
    <tr<?cs if:p.dismissed ?> class="expired"<?cs /if ?>>
      <?cs if:Page.IsAdmin ?><td><?cs if:!p.dismissed ?><input type="checkbox" name="person" value="<?cs var:p.id ?>" form="issue-form" id="s<?cs var:p.id ?>"<?cs if:!p.login ?> checked<?cs /if ?>><?cs /if ?></td><?cs /if ?>
      <td><label for="s<?cs var:p.id ?>"><?cs var:p.name ?></label><?cs if:p.dismissed ?> <span class="meta">уволен(а) <?cs var:p.dismissed ?></span><?cs /if ?></td>
      <td><?cs var:p.position ?></td>
      <td>
        <?cs if:Page.IsAdmin && p.login && !p.dismissed ?>
        <details>
          <summary><?cs call:role_names(p.roles) ?></summary>
          <form method="post" action="<?cs var:Base ?>/staff" class="roles-form">
            <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
            <input type="hidden" name="action" value="roles">
            <input type="hidden" name="person" value="<?cs var:p.id ?>">
            <?cs each:k = RoleList ?><label><input type="checkbox" name="role" value="<?cs var:k.code ?>"<?cs if:string.find("," + p.roles + ",", "," + k.code + ",") >= 0 ?> checked<?cs /if ?>> <?cs var:k.name ?></label><?cs /each ?>
            <button type="submit" class="small">Сохранить роли</button>
          </form>
        </details>
        <?cs else ?><?cs call:role_names(p.roles) ?><?cs /if ?>
      </td>
      <td><?cs if:p.login && p.active == "1" ?><code><?cs var:p.login ?></code><?cs elif:p.login ?><span class="meta">вход закрыт</span><?cs else ?><span class="meta">нет входа</span><?cs /if ?></td>
    </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs if:Page.IsAdmin ?><p><button type="submit" form="issue-form">Выдать логины отмеченным и распечатать</button></p>
<p class="hint">Отмеченным будут выданы новые пароли (прежние перестанут действовать). Роли сотруднику назначаются после выдачи логина.</p><?cs /if ?>

<?cs if:Page.CanAdd ?>
<section class="card narrow-left">
  <h2>Новый сотрудник</h2>
  <form method="post" action="<?cs var:Base ?>/staff" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="action" value="create">
    <?cs call:person_fields() ?>
    <label for="position">Должность</label>
    <input id="position" name="position" type="text" maxlength="150" required placeholder="учитель математики" value="<?cs var:Form.position ?>">
    <?cs if:Errors.position ?><p class="field-error"><?cs var:Errors.position ?></p><?cs /if ?>
    <label for="hired_on">Принят(а) на работу</label>
    <input id="hired_on" name="hired_on" type="date" value="<?cs var:Form.hired_on ?>">
    <?cs if:Errors.hired_on ?><p class="field-error"><?cs var:Errors.hired_on ?></p><?cs /if ?>
    <button type="submit">Добавить</button>
  </form>
</section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
