<?cs include:"header.cs" ?>
<?cs include:"macros.cs" ?>
<h1>Мои журналы</h1>
<?cs if:subcount(MyJournals) > 0 ?>
<section class="card">
  <h2>Журналы, которые я веду</h2>
  <ul class="list journals">
  <?cs each:j = MyJournals ?>
    <li><a href="<?cs var:Base ?>/journal?group=<?cs var:url_escape(j.group_id) ?>&amp;subject=<?cs var:url_escape(j.subject_id) ?>"><?cs var:j.subject ?> — <?cs var:j.group ?></a><?cs if:j.substitute == "1" ?> <span class="meta">замена</span><?cs /if ?></li>
  <?cs /each ?>
  </ul>
</section>
<?cs elif:Page.Teacher ?>
<section class="card">
  <p class="hint">У вас пока нет журналов в этом учебном году. Журнал появляется, когда администратор назначит вам учебную нагрузку: группу и предмет (экран «Учебный план и нагрузка»).</p>
</section>
<?cs /if ?>
<?cs call:class_journals(ClassJournals) ?>
<?cs if:!Page.Teacher && subcount(ClassJournals) == 0 ?>
<section class="card">
  <p class="hint">Своих журналов у вас нет: журнал ведёт учитель группы по предмету.<?cs if:Page.Check ?> Журналы класса открываются с экрана <a href="<?cs var:Base ?>/classcheck">«Проверка журнала класса»</a>.<?cs /if ?></p>
</section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
