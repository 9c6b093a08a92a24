<?cs include:"header.cs" ?><?cs include:"macros.cs" ?>
<p class="meta"><a href="<?cs var:Base ?>/class?id=<?cs var:url_escape(Class.id) ?>">← <?cs var:Class.name ?> класс</a></p>
<h1>Логины и пароли: <?cs var:Class.name ?> класс</h1>
<?cs if:Form.Error ?><p class="error" role="alert"><?cs var:Form.Error ?></p><?cs /if ?>
<p class="hint">Отмеченным будут выданы новые пароли (прежние перестанут действовать), и откроется страница для печати. Пароли хранятся только в зашифрованном виде: распечатайте их сразу.</p>
<form method="post" action="<?cs var:Base ?>/slips" class="form">
  <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
  <input type="hidden" name="class" value="<?cs var:Class.id ?>">
  <table class="grid">
    <thead><tr><th></th><th>Кому</th><th>Логин</th><th>Выдан</th></tr></thead>
    <tbody>
    <?cs each:s = Students ?><?cs if:s.eligible == "1" ?>
      <tr class="student"><td><input type="checkbox" name="person" value="<?cs var:s.id ?>" id="p<?cs var:s.id ?>"<?cs if:!s.issued || s.active != "1" ?> checked<?cs /if ?>></td><td><label for="p<?cs var:s.id ?>"><strong><?cs var:s.name ?></strong> <span class="meta">ученик</span></label></td><td><?cs call:login_state(s) ?></td><td><?cs var:s.issued ?></td></tr>
      <?cs each:g = s.Guardians ?><?cs if:g.status == "consent" ?>
      <tr class="guardian"><td><input type="checkbox" name="person" value="<?cs var:g.id ?>" id="p<?cs var:g.id ?>-<?cs var:s.id ?>"<?cs if:!g.issued || g.active != "1" ?> checked<?cs /if ?>></td><td><label for="p<?cs var:g.id ?>-<?cs var:s.id ?>"><?cs var:g.name ?> <span class="meta"><?cs call:guardian_kind(g.kind) ?></span></label></td><td><?cs call:login_state(g) ?></td><td><?cs var:g.issued ?></td></tr>
      <?cs /if ?><?cs /each ?>
    <?cs /if ?><?cs /each ?>
    </tbody>
  </table>
  <button type="submit">Выдать и распечатать</button>
</form>
<section class="card paper">
  <h2>Без согласия — бумажная выписка</h2>
  <p class="hint">Семьям без согласия на обработку персональных данных логины не выдаются; они получают еженедельную бумажную выписку.</p>
  <ul class="list">
  <?cs each:s = Students ?><?cs if:s.eligible != "1" ?>
    <li><strong><?cs var:s.name ?></strong><?cs each:g = s.Guardians ?>; <?cs var:g.name ?> — <?cs call:consent_state(g) ?><?cs /each ?></li>
  <?cs /if ?><?cs /each ?>
  </ul>
</section>
<?cs include:"footer.cs" ?>
