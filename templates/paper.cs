<?cs include:"header.cs" ?>
<h1>Бумажные выписки</h1>
<?cs if:Page.CanPrint ?><p><a href="<?cs var:Base ?>/statement">Распечатать выписки за прошлую неделю для всех этих семей</a></p><?cs /if ?>
<h2>Семьи без согласия на обработку персональных данных</h2>
<p class="hint">У этих семей нет входа в электронный дневник: они получают еженедельную бумажную выписку (не реже раза в неделю). Когда представитель подпишет согласие, отметьте его на странице класса и выдайте логины.</p>
<p><strong>Учеников: <?cs var:Page.Count ?></strong></p>
<?cs if:Page.Count > 0 ?>
<table class="grid">
  <thead><tr><th>Класс</th><th>Ученик</th><th>Законные представители</th></tr></thead>
  <tbody>
  <?cs each:f = Families ?>
    <tr><td><a href="<?cs var:Base ?>/class?id=<?cs var:url_escape(f.class_id) ?>"><?cs var:f.class ?></a></td><td><?cs var:f.name ?></td><td><?cs alt:f.guardians ?><span class="meta">не указаны</span><?cs /alt ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs /if ?>
<h2>Выбрали бумажную выписку</h2>
<p class="hint">Эти семьи сами выбрали еженедельную бумажную выписку вместо писем (вход в дневник у них есть).</p>
<p><strong>Учеников: <?cs var:Page.Chosen ?></strong></p>
<?cs if:Page.Chosen > 0 ?>
<table class="grid" id="chosen-paper">
  <thead><tr><th>Класс</th><th>Ученик</th><th>Выбрали</th></tr></thead>
  <tbody>
  <?cs each:f = Chosen ?>
    <tr><td><a href="<?cs var:Base ?>/class?id=<?cs var:url_escape(f.class_id) ?>"><?cs var:f.class ?></a></td><td><?cs var:f.name ?></td><td><?cs var:f.guardians ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs /if ?>
<?cs include:"footer.cs" ?>
