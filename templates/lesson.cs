<?cs include:"header.cs" ?><?cs include:"macros.cs" ?>
<p class="meta"><a href="<?cs var:Base ?>/journal?group=<?cs var:url_escape(Journal.group_id) ?>&amp;subject=<?cs var:url_escape(Journal.subject_id) ?>">← Журнал: <?cs var:Journal.subject ?>, <?cs var:Journal.group ?></a></p>
<h1><?cs if:Form.id ?>Урок <?cs var:Form.on_date ?><?cs else ?>Новый урок<?cs /if ?></h1>
<?cs if:!Page.CanWrite ?>
<section class="card">
  <p><strong>Тема:</strong> <?cs var:Form.topic ?></p>
  <p><strong>Что пройдено:</strong> <?cs var:Form.covered ?></p>
  <p><strong>Домашнее задание:</strong> <?cs var:Form.homework ?></p>
  <p class="hint">Вносить уроки в этот журнал в этот день вы не можете.</p>
</section>
<?cs else ?>
<section class="card narrow-left">
  <?cs if:Errors.Any ?><p class="error" role="alert">Урок не сохранён: исправьте ошибки ниже.</p><?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/lesson" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <?cs if:Form.id ?><input type="hidden" name="id" value="<?cs var:Form.id ?>"><?cs else ?>
    <input type="hidden" name="group" value="<?cs var:Journal.group_id ?>">
    <input type="hidden" name="subject" value="<?cs var:Journal.subject_id ?>"><?cs /if ?>
    <label for="on_date">Дата</label>
    <input id="on_date" name="on_date" type="date" required value="<?cs var:Form.on_date ?>">
    <?cs if:Errors.on_date ?><p class="field-error"><?cs var:Errors.on_date ?></p><?cs /if ?>
    <label for="number">Номер урока в день</label>
    <input id="number" name="number" type="number" min="1" max="10" value="<?cs var:Form.number ?>">
    <?cs if:Errors.number ?><p class="field-error"><?cs var:Errors.number ?></p><?cs /if ?>
    <label for="topic">Тема</label>
    <input id="topic" name="topic" type="text" maxlength="255" required value="<?cs var:Form.topic ?>">
    <?cs if:Form.plan_topic ?><input type="hidden" name="plan_topic" value="<?cs var:Form.plan_topic ?>"><p class="hint">Тема предложена по тематическому плану (КТП); урок будет отмечен как её прохождение.</p><?cs /if ?>
    <?cs if:Errors.topic ?><p class="field-error"><?cs var:Errors.topic ?></p><?cs /if ?>
    <label for="covered">Что пройдено</label>
    <textarea id="covered" name="covered" rows="2"><?cs var:Form.covered ?></textarea>
    <?cs if:Errors.covered ?><p class="field-error"><?cs var:Errors.covered ?></p><?cs /if ?>
    <label for="homework">Домашнее задание для группы</label>
    <textarea id="homework" name="homework" rows="2"><?cs var:Form.homework ?></textarea>
    <?cs if:Errors.homework ?><p class="field-error"><?cs var:Errors.homework ?></p><?cs /if ?>
    <?cs if:!Page.NoMarks ?>
    <fieldset class="choice">
      <legend>Формы работы (каждая — отдельная колонка отметок)</legend>
      <?cs each:k = Kinds ?><label><input type="checkbox" name="work" value="<?cs var:k.id ?>"<?cs if:Form.Work[k.id] ?> checked<?cs /if ?>> <?cs var:k.name ?><?cs if:k.needs_topic == "1" ?> <span class="meta">(нужна тема)</span><?cs /if ?></label><?cs /each ?>
    </fieldset>
    <?cs /if ?>
    <details>
      <summary>Индивидуальное домашнее задание</summary>
      <?cs each:s = Students ?>
      <input type="hidden" name="hw_student" value="<?cs var:s.id ?>">
      <label for="hw<?cs var:s.id ?>"><?cs var:s.name ?></label>
      <input id="hw<?cs var:s.id ?>" name="hw_text" type="text" value="<?cs var:Form.Hw[s.id] ?>">
      <?cs /each ?>
    </details>
    <button type="submit">Сохранить урок</button>
  </form>
  <?cs if:Page.NoMarks ?><p class="hint">В <?cs var:Journal.grade ?> классе отметки не ставятся: в журнале у урока одна колонка для пропусков.</p><?cs else ?><p class="hint">Без выбранной формы работы у урока одна колонка «Ответ на уроке». Колонку с отметками убрать нельзя.</p><?cs /if ?>
</section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
