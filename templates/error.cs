<?cs include:"header.cs" ?>
<section class="card narrow error-page">
  <h1><?cs var:Error.Title ?></h1>
  <p><?cs var:Error.Text ?></p>
  <?cs if:Error.Incident ?><p class="incident">Номер обращения: <strong><?cs var:Error.Incident ?></strong></p><?cs /if ?>
  <?cs if:User.MustChange ?><p><a href="<?cs var:Base ?>/password">Сменить пароль</a></p><?cs else ?><p><a href="<?cs var:Base ?>/home">На главную</a></p><?cs /if ?>
  <p class="code">Код ошибки: <?cs var:Error.Status ?></p>
</section>
<?cs include:"footer.cs" ?>
