<?cs include:"header.cs" ?>
<section class="card narrow">
  <h1>Смена пароля</h1>
  <?cs if:User.MustChange ?><p class="notice" role="status">Вы вошли с паролем, выданным на листке или администратором. Придумайте свой пароль: до его смены другие страницы журнала не открываются.</p><?cs /if ?>
  <?cs if:Form.Done ?><p class="ok" role="status">Пароль изменён. Другие сеансы входа с вашей учётной записью завершены. <a href="<?cs var:Base ?>/home">На главную</a></p><?cs /if ?>
  <?cs if:Errors.Any ?><p class="error" role="alert">Пароль не изменён: исправьте ошибки ниже.</p><?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/password" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <label for="current">Текущий пароль</label>
    <input id="current" name="current" type="password" autocomplete="current-password" required>
    <?cs if:Errors.current ?><p class="field-error"><?cs var:Errors.current ?></p><?cs /if ?>
    <label for="new">Новый пароль</label>
    <input id="new" name="new" type="password" autocomplete="new-password" minlength="12" required>
    <?cs if:Errors.new ?><p class="field-error"><?cs var:Errors.new ?></p><?cs /if ?>
    <label for="new2">Новый пароль ещё раз</label>
    <input id="new2" name="new2" type="password" autocomplete="new-password" minlength="12" required>
    <?cs if:Errors.new2 ?><p class="field-error"><?cs var:Errors.new2 ?></p><?cs /if ?>
    <button type="submit">Сменить пароль</button>
  </form>
  <p class="hint">Не короче 12 символов, не совпадает с логином и не из списка распространённых. Удобно взять фразу из нескольких слов.</p>
</section>
<?cs include:"footer.cs" ?>
