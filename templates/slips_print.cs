<?cs include:"header.cs" ?>
<?cs def:slip(s, cname) ?>
  <section class="slip">
    <p class="slip-school"><?cs var:School.Name ?> · <?cs var:App.Name ?></p>
    <p class="slip-name"><?cs var:s.name ?></p>
    <p class="slip-role"><?cs if:s.role == "staff" ?>Сотрудник школы<?cs elif:s.role == "parent" ?>Законный представитель: <?cs var:s.children ?>, <?cs var:cname ?> класс<?cs else ?>Ученик, <?cs var:cname ?> класс<?cs /if ?></p>
    <dl>
      <dt>Адрес:</dt><dd><?cs var:Page.LoginUrl ?></dd>
      <dt>Логин:</dt><dd><code><?cs var:s.login ?></code></dd>
      <dt>Пароль:</dt><dd><code><?cs var:s.password ?></code></dd>
    </dl>
    <p class="slip-note">После первого входа смените пароль (меню «Смена пароля»). Никому не сообщайте пароль.</p>
  </section>
<?cs /def ?>
<div class="noprint">
  <p class="meta"><a href="<?cs var:Base ?><?cs var:Page.Back ?>">← назад</a></p>
  <h1>Выдано: <?cs if:Page.Issued ?><?cs var:Page.Issued ?><?cs else ?><?cs var:subcount(Slips) ?><?cs /if ?></h1>
  <?cs if:Page.Secs ?><p class="meta">Выдано за <?cs var:Page.Secs ?> с.</p><?cs /if ?>
  <p class="ok" role="status">Пароли выданы. Распечатайте эту страницу сейчас: показать пароли ещё раз будет нельзя, только выдать новые.</p>
  <p><button type="button" data-print>Печать</button></p>
</div>
<?cs if:subcount(Groups) > 0 ?>
<?cs each:g = Groups ?>
<section class="slips-group">
  <h2 class="slips-class"><?cs var:g.name ?></h2>
  <div class="slips">
  <?cs each:s = g.Slips ?><?cs call:slip(s, g.class) ?><?cs /each ?>
  </div>
</section>
<?cs /each ?>
<?cs else ?>
<div class="slips">
<?cs each:s = Slips ?><?cs call:slip(s, Class.name) ?><?cs /each ?>
</div>
<?cs /if ?>
<?cs include:"footer.cs" ?>
