<?cs include:"header.cs" ?>
<h1>Классы</h1>
<?cs if:subcount(Classes) == 0 ?>
<p class="hint">В открытом учебном году классов нет.</p>
<?cs else ?>
<table class="grid">
  <thead><tr><th>Класс</th><th>Классный руководитель</th><th class="num">Учеников</th></tr></thead>
  <tbody>
  <?cs each:c = Classes ?>
    <tr<?cs if:c.own == "1" ?> class="own"<?cs /if ?>>
      <td><?cs if:Page.AllClasses || c.own == "1" ?><a href="/class?id=<?cs var:url_escape(c.id) ?>"><?cs var:c.name ?></a><?cs else ?><?cs var:c.name ?><?cs /if ?></td>
      <td><?cs var:c.teacher ?></td>
      <td class="num"><?cs var:c.students ?></td>
    </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs /if ?>
<?cs include:"footer.cs" ?>
