<?cs include:"header.cs" ?>
<?cs def:mode_text(m) ?><?cs if:m == "write" ?>просмотр и изменение<?cs elif:m == "read" ?>просмотр<?cs elif:m == "deny" ?>закрыт<?cs else ?>—<?cs /if ?><?cs /def ?>
<h1>Права доступа</h1>
<p class="hint">По умолчанию права определяются ролью (таблица ниже). Администратор может расширить или сузить их для всей роли или для одного пользователя, в том числе временно — до указанной даты. Инспектор всегда имеет доступ только на чтение.</p>

<section class="card">
  <h2>Новое правило</h2>
  <?cs if:Errors.Any ?><p class="error" role="alert">Правило не сохранено: исправьте ошибки ниже.</p><?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/rights" class="form rights-form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="action" value="add">
    <label for="screen">Раздел</label>
    <select id="screen" name="screen" required>
      <option value="">— выберите —</option>
      <?cs each:s = Screens ?><option value="<?cs var:s.name ?>"<?cs if:Form.screen == s.name ?> selected<?cs /if ?>><?cs var:s.title ?></option><?cs /each ?>
    </select>
    <?cs if:Errors.screen ?><p class="field-error"><?cs var:Errors.screen ?></p><?cs /if ?>
    <label for="role">Для роли</label>
    <select id="role" name="role">
      <option value="">—</option>
      <?cs each:k = RoleList ?><option value="<?cs var:k.code ?>"<?cs if:Form.role == k.code ?> selected<?cs /if ?>><?cs var:k.name ?></option><?cs /each ?>
    </select>
    <?cs if:Errors.role ?><p class="field-error"><?cs var:Errors.role ?></p><?cs /if ?>
    <label for="login">или для пользователя (логин)</label>
    <input id="login" name="login" type="text" autocapitalize="none" spellcheck="false" value="<?cs var:Form.login ?>">
    <?cs if:Errors.login ?><p class="field-error"><?cs var:Errors.login ?></p><?cs /if ?>
    <label for="mode">Доступ</label>
    <select id="mode" name="mode" required>
      <option value="read"<?cs if:Form.mode == "read" ?> selected<?cs /if ?>>открыть для просмотра</option>
      <option value="write"<?cs if:Form.mode == "write" ?> selected<?cs /if ?>>открыть для просмотра и изменения</option>
      <option value="deny"<?cs if:Form.mode == "deny" ?> selected<?cs /if ?>>закрыть</option>
    </select>
    <?cs if:Errors.mode ?><p class="field-error"><?cs var:Errors.mode ?></p><?cs /if ?>
    <label for="expires_on">Действует по (включительно; пусто — бессрочно)</label>
    <input id="expires_on" name="expires_on" type="date" value="<?cs var:Form.expires_on ?>">
    <?cs if:Errors.expires_on ?><p class="field-error"><?cs var:Errors.expires_on ?></p><?cs /if ?>
    <label for="reason">Основание</label>
    <input id="reason" name="reason" type="text" maxlength="255" required placeholder="Заявление от 01.10.2026 № 15" value="<?cs var:Form.reason ?>">
    <?cs if:Errors.reason ?><p class="field-error"><?cs var:Errors.reason ?></p><?cs /if ?>
    <button type="submit">Добавить правило</button>
  </form>
</section>

<section class="card">
  <h2>Правила</h2>
  <?cs if:subcount(Rules) == 0 ?><p class="hint">Правил нет: действуют права по умолчанию.</p><?cs else ?>
  <table class="grid">
    <thead><tr><th>Раздел</th><th>Кому</th><th>Доступ</th><th>По</th><th>Основание</th><th>Внесено</th><th></th></tr></thead>
    <tbody>
    <?cs each:u = Rules ?>
      <tr<?cs if:u.expired == "1" ?> class="expired"<?cs /if ?>>
        <td><?cs var:u.screen ?></td>
        <td><?cs if:u.login ?><?cs var:u.who ?> (<code><?cs var:u.login ?></code>)<?cs else ?>роль «<?cs var:u.role ?>»<?cs /if ?></td>
        <td><?cs call:mode_text(u.mode) ?></td>
        <td><?cs alt:u.expires ?>бессрочно<?cs /alt ?><?cs if:u.expired == "1" ?> <span class="meta">(истекло)</span><?cs /if ?></td>
        <td><?cs var:u.reason ?></td>
        <td><?cs var:u.at ?><?cs if:u.by ?>, <?cs var:u.by ?><?cs /if ?></td>
        <td><form method="post" action="<?cs var:Base ?>/rights"><input type="hidden" name="csrf" value="<?cs var:CSRF ?>"><input type="hidden" name="action" value="delete"><input type="hidden" name="rule" value="<?cs var:u.id ?>"><button type="submit" class="small">Удалить</button></form></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs /if ?>
</section>

<section class="card">
  <h2>Права ролей по умолчанию</h2>
  <div class="scroll">
  <table class="grid matrix">
    <thead><tr><th>Раздел</th><?cs each:k = RoleList ?><th><?cs var:k.name ?></th><?cs /each ?></tr></thead>
    <tbody>
    <?cs each:s = Screens ?>
      <tr><td><?cs var:s.title ?> <span class="meta">/<?cs var:s.name ?></span></td><?cs each:m = s.Roles ?><td class="m-<?cs alt:m ?>none<?cs /alt ?>"><?cs if:m == "write" ?>изменение<?cs elif:m == "read" ?>просмотр<?cs else ?>—<?cs /if ?></td><?cs /each ?></tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
</section>
<?cs include:"footer.cs" ?>
