<?cs include:"header.cs" ?>
<div class="noprint">
  <p class="meta"><a href="<?cs var:Page.Back ?>">← назад</a></p>
  <h1>Выдано: <?cs var:subcount(Slips) ?></h1>
  <p class="ok" role="status">Пароли выданы. Распечатайте эту страницу сейчас: показать пароли ещё раз будет нельзя, только выдать новые.</p>
  <p><button type="button" data-print>Печать</button></p>
</div>
<div class="slips">
<?cs each:s = Slips ?>
  <section class="slip">
    <p class="slip-school"><?cs var:School.Name ?> · <?cs var:App.Name ?></p>
    <p class="slip-name"><?cs var:s.name ?></p>
    <p class="slip-role"><?cs if:s.role == "staff" ?>Сотрудник школы<?cs elif:s.role == "parent" ?>Законный представитель: <?cs var:s.children ?>, <?cs var:Class.name ?> класс<?cs else ?>Ученик, <?cs var:Class.name ?> класс<?cs /if ?></p>
    <dl>
      <dt>Адрес:</dt><dd><?cs var:Page.LoginUrl ?></dd>
      <dt>Логин:</dt><dd><code><?cs var:s.login ?></code></dd>
      <dt>Пароль:</dt><dd><code><?cs var:s.password ?></code></dd>
    </dl>
    <p class="slip-note">После первого входа смените пароль (меню «Смена пароля»). Никому не сообщайте пароль.</p>
  </section>
<?cs /each ?>
</div>
<?cs include:"footer.cs" ?>
