<?cs include:"header.cs" ?><?cs include:"macros.cs" ?>
<h1>График контрольных работ<?cs if:Page.class_name ?>: <?cs var:Page.class_name ?> класс<?cs /if ?></h1>
<form method="get" action="<?cs var:Base ?>/tests" class="form tests-pick">
  <label for="class">Класс</label>
  <select id="class" name="class">
  <?cs each:c = Classes ?><option value="<?cs var:c.id ?>"<?cs if:c.id == Page.class ?> selected<?cs /if ?>><?cs var:c.name ?></option><?cs /each ?>
  </select>
  <label for="from">С недели, где день</label>
  <input id="from" name="from" type="date" value="<?cs var:Page.from ?>">
  <label for="weeks">Недель</label>
  <input id="weeks" name="weeks" type="number" min="1" max="10" value="<?cs alt:Page.weeks ?>2<?cs /alt ?>">
  <button type="submit">Показать</button>
</form>
<?cs if:Page.class ?>
<p class="meta">С <?cs var:Page.from_ru ?> по <?cs var:Page.to_ru ?>.
  <a href="<?cs var:Base ?>/tests?class=<?cs var:url_escape(Page.class) ?>&amp;from=<?cs var:url_escape(Page.prev) ?>&amp;weeks=<?cs var:url_escape(Page.weeks) ?>">← раньше</a>
  <a href="<?cs var:Base ?>/tests?class=<?cs var:url_escape(Page.class) ?>&amp;from=<?cs var:url_escape(Page.next) ?>&amp;weeks=<?cs var:url_escape(Page.weeks) ?>">позже →</a>
  Норма школы: не больше <?cs var:Page.max ?> в день; считаются предметы (две подгруппы одного предмета — одна работа для ученика).</p>
<?cs if:Tests.over != "0" ?><p class="error tests-over-summary" role="alert">Дней с превышением нормы: <?cs var:Tests.over ?>.</p><?cs /if ?>
<?cs if:Tests.days == "0" ?>
<p class="state none-state">В эти недели контрольных работ нет ни проведённых, ни запланированных.</p>
<?cs else ?>
<div class="table-wrap">
<table class="grid tests">
  <thead><tr><th>День</th><th>Предмет</th><th>Группа</th><th>Работа</th><th>Учитель</th><th></th></tr></thead>
  <tbody>
  <?cs each:d = Tests.Days ?>
    <?cs each:it = d.Items ?>
    <tr<?cs if:d.over ?> class="bad"<?cs /if ?>>
      <?cs if:name(it) == "0" ?><td rowspan="<?cs var:subcount(d.Items) ?>"><?cs var:d.date ?>, <?cs var:d.dow ?><?cs if:d.over ?><br><strong class="bad-state tests-over">Больше <?cs var:Page.max ?> в день: <?cs var:d.count ?></strong><?cs /if ?></td><?cs /if ?>
      <td><?cs var:it.subject ?></td><td><?cs var:it.group ?></td><td><?cs var:it.what ?></td><td><?cs var:it.teacher ?></td>
      <td><?cs if:it.kind == "held" ?>проведена<?cs else ?>по плану<?cs /if ?></td>
    </tr>
    <?cs /each ?>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs /if ?>
<?cs else ?>
<p class="hint">Выберите класс.</p>
<?cs /if ?>
<?cs include:"footer.cs" ?>
