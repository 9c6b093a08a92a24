<?cs include:"header.cs" ?>
<?cs if:Class.id ?>
<p class="meta"><a href="<?cs var:Base ?>/class?id=<?cs var:url_escape(Class.id) ?>">← <?cs var:Class.name ?> класс</a></p>
<h1>Проверка персональных данных: <?cs var:Class.name ?> класс</h1>
<p class="meta">Период: <?cs var:Since.name ?>, с <?cs var:Since.since_ru ?>. Классный руководитель проверяет данные каждого ученика не реже раза в четверть.</p>
<?cs if:subcount(Students) == 0 ?>
<p class="ok" role="status">Данные всех учеников подтверждены в этом периоде.</p>
<?cs else ?>
<p>Не подтверждены в этом периоде: <strong class="pd-count"><?cs var:subcount(Students) ?></strong>.</p>
<table class="grid pdcheck">
  <thead><tr><th class="num">№</th><th>Ученик</th><th>Последняя проверка</th><th></th></tr></thead>
  <tbody>
  <?cs each:s = Students ?>
    <tr>
      <td class="num"><?cs var:name(s) + 1 ?></td>
      <td><a href="<?cs var:Base ?>/person?id=<?cs var:url_escape(s.id) ?>&amp;class=<?cs var:url_escape(Class.id) ?>"><?cs var:s.name ?></a></td>
      <td><?cs alt:s.last ?><span class="none-state">ни разу</span><?cs /alt ?></td>
      <td><?cs if:Page.CanConfirm ?><form method="post" action="<?cs var:Base ?>/pdcheck" class="pd-confirm">
        <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
        <input type="hidden" name="class" value="<?cs var:Class.id ?>">
        <input type="hidden" name="student" value="<?cs var:s.id ?>">
        <button type="submit" class="small">подтвердить</button>
      </form><?cs /if ?></td>
    </tr>
  <?cs /each ?>
  </tbody>
</table>
<p class="hint">«Подтвердить» — данные проверены и верны. Если что-то изменилось, откройте личное дело и исправьте: исправление тоже засчитывается как проверка.</p>
<?cs /if ?>
<?cs else ?>
<h1>Проверка персональных данных</h1>
<?cs if:subcount(Classes) == 0 ?>
<p class="hint">У вас нет класса в текущем учебном году.</p>
<?cs else ?>
<p>Выберите класс:</p>
<ul class="list pd-classes">
  <?cs each:c = Classes ?><li><a href="<?cs var:Base ?>/pdcheck?class=<?cs var:url_escape(c.id) ?>"><?cs var:c.name ?></a><?cs if:c.teacher ?> <span class="meta"><?cs var:c.teacher ?></span><?cs /if ?></li><?cs /each ?>
</ul>
<?cs /if ?>
<?cs /if ?>
<?cs include:"footer.cs" ?>
