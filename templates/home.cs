<?cs include:"header.cs" ?>
<?cs include:"macros.cs" ?>
<h1>Здравствуйте, <?cs var:User.Name ?>!</h1>
<?cs if:subcount(User.Roles) == 0 ?><p class="hint">Вашей учётной записи пока не назначены роли. Обратитесь к администратору школы.</p><?cs /if ?>
<?cs each:f = Family ?>
<section class="card family" id="child-<?cs var:f.id ?>">
  <h2><?cs if:f.self ?>Мой день<?cs if:MyClass.name ?> <span class="meta"><?cs var:MyClass.name ?> класс</span><?cs /if ?><?cs else ?><?cs var:f.name ?> <span class="meta"><?cs var:f.class ?> класс</span><?cs /if ?></h2>
  <h3><?cs if:FamilySince ?>Отметки с <?cs var:FamilySince ?> <span class="meta">(с прошлого входа)</span><?cs else ?>Отметки за сегодня<?cs /if ?></h3>
  <?cs if:subcount(f.Marks) == 0 ?><p class="meta">Новых отметок нет.</p><?cs else ?>
  <ul class="list news-marks">
  <?cs each:m = f.Marks ?>
    <li><b class="mark" title="<?cs var:m.what ?>"><?cs var:m.code ?></b> <?cs var:m.subject ?> <span class="meta"><?cs var:m.what ?>, урок <?cs var:m.day ?></span><?cs if:m.comment ?> — <?cs var:m.comment ?><?cs /if ?></li>
  <?cs /each ?>
  </ul>
  <?cs /if ?>
  <?cs if:subcount(f.Absences) > 0 ?>
  <h3>Пропуски сегодня</h3>
  <ul class="list news-absences">
  <?cs each:a = f.Absences ?>
    <li><b class="absent">н</b> <?cs var:a.subject ?><?cs if:a.what ?> <span class="meta"><?cs var:a.what ?></span><?cs /if ?></li>
  <?cs /each ?>
  </ul>
  <?cs /if ?>
  <?cs if:f.Next.date ?>
  <h3 class="next-day">На <?cs var:f.Next.label ?></h3>
  <p class="meta">Уроков: <?cs var:f.Next.count ?>, первый — <?cs if:f.Next.first_number ?><?cs var:f.Next.first_number ?>-й, <?cs /if ?><?cs var:f.Next.first_subject ?></p>
  <?cs if:subcount(f.Homework) == 0 ?><p class="meta">Домашних заданий нет.</p><?cs else ?>
  <ul class="list next-homework">
  <?cs each:h = f.Homework ?>
    <li><strong><?cs var:h.subject ?></strong><?cs if:h.own ?> <span class="meta">лично</span><?cs /if ?>: <?cs var:h.text ?> <span class="meta">(задано <?cs var:h.given ?>)</span></li>
  <?cs /each ?>
  </ul>
  <?cs /if ?>
  <?cs else ?>
  <p class="meta">Ближайших уроков по расписанию нет.</p>
  <?cs /if ?>
  <p><a href="<?cs var:Base ?>/diary?student=<?cs var:url_escape(f.id) ?>">Дневник</a> · <a href="<?cs var:Base ?>/marks?student=<?cs var:url_escape(f.id) ?>">Все отметки</a></p>
</section>
<?cs /each ?>
<?cs if:subcount(MyJournals) > 0 ?>
<section class="card">
  <h2>Мои журналы</h2>
  <ul class="list journals">
  <?cs each:j = MyJournals ?>
    <li><a href="<?cs var:Base ?>/journal?group=<?cs var:url_escape(j.group_id) ?>&amp;subject=<?cs var:url_escape(j.subject_id) ?>"><?cs var:j.subject ?> — <?cs var:j.group ?></a><?cs if:j.substitute == "1" ?> <span class="meta">замена</span><?cs /if ?></li>
  <?cs /each ?>
  </ul>
  <?cs if:#Missing.total > 0 ?>
  <div class="missing" id="missing">
    <p class="bad-state">Не заполнено: <?cs call:n_lessons(Missing.total) ?> по расписанию</p>
    <ul class="list">
    <?cs each:m = Missing.List ?>
      <li><a href="<?cs var:Base ?>/journal?group=<?cs var:url_escape(m.group_id) ?>&amp;subject=<?cs var:url_escape(m.subject_id) ?>"><?cs var:m.day ?> — <?cs var:m.subject ?>, <?cs var:m.group ?></a><?cs if:#m.count > 1 ?> <span class="meta"><?cs call:n_lessons(m.count) ?></span><?cs /if ?></li>
    <?cs /each ?>
    <?cs if:#Missing.more > 0 ?><li class="meta">и ещё дней: <?cs var:Missing.more ?></li><?cs /if ?>
    </ul>
  </div>
  <?cs /if ?>
</section>
<?cs /if ?>
<?cs call:class_journals(ClassJournals) ?>
<?cs if:subcount(LedClasses) > 0 ?>
<section class="card">
  <h2>Классное руководство</h2>
  <ul class="list">
  <?cs each:c = LedClasses ?>
    <li><a href="<?cs var:Base ?>/class?id=<?cs var:url_escape(c.id) ?>"><?cs var:c.name ?> класс</a> <span class="meta">учеников: <?cs var:c.students ?></span><?cs if:c.unconfirmed > 0 ?> · <a href="<?cs var:Base ?>/pdcheck?class=<?cs var:url_escape(c.id) ?>">не подтверждены персональные данные: <?cs var:c.unconfirmed ?></a><?cs /if ?></li>
  <?cs /each ?>
  </ul>
</section>
<?cs /if ?>
<?cs if:Mail.problem || Mail.abandoned > 0 || Mail.overdue > 0 ?>
<section class="card warnings" id="mail-trouble">
  <h2>Рассылка писем родителям</h2>
  <?cs if:Mail.overdue > 0 ?>
  <p class="error" role="alert">Письма не формируются: семей, выбравших рассылку по почте, которым письмо уже положено: <?cs var:Mail.overdue ?>, а новых писем в очереди давно нет. Похоже, journal-digest не запускается — проверьте задание cron (README, «E-mail digests»).</p>
  <?cs /if ?>
  <?cs if:Mail.problem ?>
  <p class="error" role="alert">Писем ждут отправки: <?cs var:Mail.waiting ?>. Причина: <?cs var:Mail.problem ?>. Письма уйдут при следующем запуске journal-digest, когда почта будет настроена (README, «E-mail digests»).</p>
  <?cs /if ?>
  <?cs if:Mail.abandoned > 0 ?>
  <p>Не доставлено за 30 дней и больше не отправляется: <?cs var:Mail.abandoned ?>.</p>
  <ul>
  <?cs each:a = Mail.Abandoned ?>
    <li><?cs var:a.created ?> — <?cs var:a.name ?>, <?cs var:a.email ?>: попыток <?cs var:a.attempts ?>, последняя ошибка «<?cs var:a.last_error ?>»</li>
  <?cs /each ?>
  </ul>
  <?cs /if ?>
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
  <p>Логин: <code><?cs var:User.Login ?></code>. <a href="<?cs var:Base ?>/password">Сменить пароль</a></p>
</section>
<?cs include:"footer.cs" ?>
