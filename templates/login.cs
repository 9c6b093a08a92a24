<?cs include:"header.cs" ?>
<section class="card narrow">
  <h1>Вход в журнал</h1>
  <?cs if:Form.Error ?><p class="error" role="alert"><?cs var:Form.Error ?></p><?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/login" class="form">
    <input type="hidden" name="csrf" value="<?cs var:Form.CSRF ?>">
    <label for="login">Логин</label>
    <input id="login" name="login" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus value="<?cs var:Form.Login ?>">
    <label for="password">Пароль</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <button type="submit">Войти</button>
  </form>
  <p class="hint">Логин и пароль выдаёт классный руководитель (ученикам и родителям) или администратор школы (сотрудникам).</p>
</section>
<?cs include:"footer.cs" ?>
