<?cs include:"header.cs" ?>
<?cs include:"macros.cs" ?>
<h1>Здравствуйте, <?cs var:User.Name ?>!</h1>
<?cs if:subcount(User.Roles) == 0 ?><p class="hint">Вашей учётной записи пока не назначены роли. Обратитесь к администратору школы.</p><?cs /if ?>
<?cs if:subcount(Children) > 0 ?>
<section class="card">
  <h2>Ваши дети</h2>
  <ul class="list">
  <?cs each:c = Children ?>
    <li><span class="who"><?cs var:c.name ?></span><?cs if:c.class ?> <span class="meta"><?cs var:c.class ?> класс</span><?cs /if ?></li>
  <?cs /each ?>
  </ul>
</section>
<?cs /if ?>
<?cs if:MyClass.name ?>
<section class="card">
  <h2>Ваш класс</h2>
  <p><?cs var:MyClass.name ?> класс</p>
</section>
<?cs /if ?>
<?cs if:subcount(MyJournals) > 0 ?>
<section class="card">
  <h2>Мои журналы</h2>
  <ul class="list journals">
  <?cs each:j = MyJournals ?>
    <li><a href="/journal?group=<?cs var:url_escape(j.group_id) ?>&amp;subject=<?cs var:url_escape(j.subject_id) ?>"><?cs var:j.subject ?> — <?cs var:j.group ?></a><?cs if:j.substitute == "1" ?> <span class="meta">замена</span><?cs /if ?></li>
  <?cs /each ?>
  </ul>
  <?cs if:#Missing.total > 0 ?>
  <div class="missing" id="missing">
    <p class="bad-state">Не заполнено: <?cs call:n_lessons(Missing.total) ?> по расписанию</p>
    <ul class="list">
    <?cs each:m = Missing.List ?>
      <li><a href="/journal?group=<?cs var:url_escape(m.group_id) ?>&amp;subject=<?cs var:url_escape(m.subject_id) ?>"><?cs var:m.day ?> — <?cs var:m.subject ?>, <?cs var:m.group ?></a><?cs if:#m.count > 1 ?> <span class="meta"><?cs call:n_lessons(m.count) ?></span><?cs /if ?></li>
    <?cs /each ?>
    <?cs if:#Missing.more > 0 ?><li class="meta">и ещё дней: <?cs var:Missing.more ?></li><?cs /if ?>
    </ul>
  </div>
  <?cs /if ?>
</section>
<?cs /if ?>
<?cs if:subcount(ClassJournals) > 0 ?>
<section class="card">
  <h2>Журналы моего класса</h2>
  <ul class="list journals">
  <?cs each:j = ClassJournals ?>
    <li><a href="/journal?group=<?cs var:url_escape(j.group_id) ?>&amp;subject=<?cs var:url_escape(j.subject_id) ?>"><?cs var:j.subject ?> — <?cs var:j.group ?></a> <span class="meta"><?cs var:j.class ?></span></li>
  <?cs /each ?>
  </ul>
</section>
<?cs /if ?>
<?cs if:subcount(LedClasses) > 0 ?>
<section class="card">
  <h2>Классное руководство</h2>
  <ul class="list">
  <?cs each:c = LedClasses ?>
    <li><a href="/class?id=<?cs var:url_escape(c.id) ?>"><?cs var:c.name ?> класс</a> <span class="meta">учеников: <?cs var:c.students ?></span><?cs if:c.unconfirmed > 0 ?> · <a href="/pdcheck?class=<?cs var:url_escape(c.id) ?>">не подтверждены персональные данные: <?cs var:c.unconfirmed ?></a><?cs /if ?></li>
  <?cs /each ?>
  </ul>
</section>
<?cs /if ?>
<?cs if:Counts.classes ?>
<section class="card">
  <h2>Школа в текущем учебном году</h2>
  <dl class="counts">
    <dt>Классов</dt><dd><?cs var:Counts.classes ?></dd>
    <dt>Учеников</dt><dd><?cs var:Counts.students ?></dd>
    <dt>Сотрудников</dt><dd><?cs var:Counts.staff ?></dd>
  </dl>
</section>
<?cs /if ?>
<section class="card">
  <h2>Учётная запись</h2>
  <p>Логин: <code><?cs var:User.Login ?></code>. <a href="/password">Сменить пароль</a></p>
</section>
<?cs include:"footer.cs" ?>
