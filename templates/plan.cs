<?cs include:"header.cs" ?><?cs include:"macros.cs" ?>
<?cs def:plan_hidden() ?>
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="group" value="<?cs var:Plan.group_id ?>">
    <input type="hidden" name="subject" value="<?cs var:Plan.subject_id ?>">
    <input type="hidden" name="teacher" value="<?cs var:Plan.teacher_id ?>">
<?cs /def ?>
<?cs def:diff(d10, dabs) ?><?cs if:#d10 > 0 ?>+<?cs var:dabs ?> ч (больше нормы)<?cs elif:#d10 < 0 ?>−<?cs var:dabs ?> ч (меньше нормы)<?cs else ?>совпадает<?cs /if ?><?cs /def ?>
<?cs def:pace(a, aabs) ?><?cs if:#a > 0 ?>опережение, тем: <?cs var:aabs ?><?cs elif:#a < 0 ?>отставание, тем: <?cs var:aabs ?><?cs else ?>по плану<?cs /if ?><?cs /def ?>
<?cs if:Page.List ?>
<h1>Тематическое планирование (КТП)</h1>
<p class="meta">Часы плана сравниваются с нагрузкой: часы в неделю × 34 учебные недели. Тема пройдена, когда урок журнала ссылается на неё.</p>
<?cs if:subcount(Plans) == 0 ?>
<p class="state none-state">Нет планов для просмотра: у вас нет нагрузки в текущем учебном году.</p>
<?cs else ?>
<div class="table-wrap">
<table class="grid plan-list">
  <thead><tr><th>Класс</th><th>Группа</th><th>Предмет</th><th>Учитель</th><th>Ч/нед</th><th>Часов в плане</th><th>Норма</th><th>Разница</th><th>Тем пройдено</th><th>Темп</th></tr></thead>
  <tbody>
  <?cs each:p = Plans ?>
    <tr<?cs if:p.mine == "1" ?> class="mine"<?cs /if ?>>
      <td><?cs var:p.class ?></td>
      <td><a href="<?cs var:Base ?>/plan?group=<?cs var:url_escape(p.group_id) ?>&amp;subject=<?cs var:url_escape(p.subject_id) ?>&amp;teacher=<?cs var:url_escape(p.teacher_id) ?>"><?cs var:p.group ?></a></td>
      <td><?cs var:p.subject ?></td><td><?cs var:p.teacher ?></td><td><?cs var:p.weekly ?></td>
      <td><?cs if:p.topics == "0" ?><span class="bad-state">плана нет</span><?cs else ?><?cs var:p.hours ?><?cs /if ?></td>
      <td><?cs var:p.required ?></td>
      <td><?cs if:p.topics != "0" ?><?cs call:diff(p.diff10, p.diff_abs) ?><?cs /if ?></td>
      <td><?cs var:p.done ?> из <?cs var:p.topics ?></td>
      <td><?cs if:p.topics != "0" ?><?cs call:pace(p.ahead, p.ahead_abs) ?><?cs /if ?></td>
    </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs /if ?>
<?cs else ?>
<p class="meta"><a href="<?cs var:Base ?>/plan">← все планы</a></p>
<h1>КТП: <?cs var:Plan.subject ?>, <?cs var:Plan.group ?></h1>
<p class="meta">Учитель: <?cs var:Plan.teacher ?>. Учебный год <?cs var:Plan.year ?>.<?cs if:subcount(Plan.Teachers) > 1 ?> Планы других учителей этой группы:
<?cs each:t = Plan.Teachers ?><?cs if:t.id != Plan.teacher_id ?> <a href="<?cs var:Base ?>/plan?group=<?cs var:url_escape(Plan.group_id) ?>&amp;subject=<?cs var:url_escape(Plan.subject_id) ?>&amp;teacher=<?cs var:url_escape(t.id) ?>"><?cs var:t.name ?></a><?cs /if ?><?cs /each ?><?cs /if ?></p>
<?cs if:Page.Refused ?><p class="error" role="alert"><?cs var:Page.Refused ?></p><?cs /if ?>

<section class="card plan-totals">
  <h2>Итоги</h2>
  <ul class="list">
    <li>Часов в плане: <strong class="plan-hours"><?cs var:Plan.Total.hours ?></strong>; по нагрузке: <strong class="plan-required"><?cs var:Plan.Total.required ?></strong> (<?cs var:Plan.weekly ?> ч в неделю × <?cs var:Plan.Total.weeks ?> недели<?cs if:Plan.curriculum ?>; по учебному плану класса <?cs var:Plan.curriculum ?> ч в неделю<?cs /if ?>).
      Разница: <strong class="plan-diff <?cs if:Plan.Total.diff10 == "0" ?>ok-state<?cs else ?>bad-state<?cs /if ?>"><?cs call:diff(Plan.Total.diff10, Plan.Total.diff_abs) ?></strong>.</li>
    <li>Тем: <?cs var:Plan.Total.topics ?>, из них контрольных: <?cs var:Plan.Total.tests ?><?cs if:Plan.Total.undated != "0" ?>, без даты: <?cs var:Plan.Total.undated ?><?cs /if ?>.</li>
    <li>Пройдено тем: <strong class="plan-done"><?cs var:Plan.Total.done ?></strong>; по плану к <?cs var:Plan.today ?> — <span class="plan-due"><?cs var:Plan.Total.due ?></span>:
      <strong class="plan-pace <?cs if:#Plan.Total.ahead < 0 ?>bad-state<?cs else ?>ok-state<?cs /if ?>"><?cs call:pace(Plan.Total.ahead, Plan.Total.ahead_abs) ?></strong></li>
    <li>Следующая тема: <?cs if:Plan.Next.id ?><strong class="plan-next"><?cs var:Plan.Next.topic ?></strong> (её предложит журнал для следующего урока)<?cs else ?><span class="meta">все темы пройдены или план пуст</span><?cs /if ?></li>
  </ul>
</section>

<section class="card">
  <h2>Темы</h2>
  <?cs if:subcount(Plan.Topics) == 0 ?>
  <p class="state none-state">В плане нет тем.<?cs if:Page.CanEdit ?> Добавьте их ниже или загрузите из файла CSV.<?cs /if ?></p>
  <?cs else ?>
  <div class="table-wrap">
  <table class="grid plan-topics">
    <thead><tr><th>№</th><th>Тема</th><th>Часы</th><th>Дата</th><th>К/р</th><th>Проведено</th><?cs if:Page.CanEdit ?><th>Действия</th><?cs /if ?></tr></thead>
    <tbody>
    <?cs each:t = Plan.Topics ?>
      <tr id="t<?cs var:t.id ?>"<?cs if:t.overdue ?> class="bad"<?cs /if ?>>
        <td><?cs var:t.number ?></td><td><?cs var:t.topic ?></td><td><?cs var:t.hours ?></td><td><?cs var:t.planned ?></td>
        <td><?cs if:t.is_test == "1" ?>к/р<?cs /if ?></td>
        <td><?cs if:t.done_on ?><?cs var:t.done_on ?><?cs if:t.lessons != "1" ?> (уроков: <?cs var:t.lessons ?>)<?cs /if ?><?cs elif:t.overdue ?><span class="bad-state">не пройдена</span><?cs /if ?></td>
        <?cs if:Page.CanEdit ?>
        <td class="plan-actions">
          <form method="post" action="<?cs var:Base ?>/plan" class="inline"><?cs call:plan_hidden() ?><input type="hidden" name="id" value="<?cs var:t.id ?>"><input type="hidden" name="action" value="up"><button type="submit" title="Выше">↑</button></form>
          <form method="post" action="<?cs var:Base ?>/plan" class="inline"><?cs call:plan_hidden() ?><input type="hidden" name="id" value="<?cs var:t.id ?>"><input type="hidden" name="action" value="down"><button type="submit" title="Ниже">↓</button></form>
          <a href="<?cs var:Base ?><?cs var:Page.Url ?>&amp;edit=<?cs var:url_escape(t.id) ?>#edit">изменить</a>
          <?cs if:t.lessons == "0" ?><form method="post" action="<?cs var:Base ?>/plan" class="inline"><?cs call:plan_hidden() ?><input type="hidden" name="id" value="<?cs var:t.id ?>"><input type="hidden" name="action" value="delete"><button type="submit">удалить</button></form><?cs /if ?>
        </td>
        <?cs /if ?>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs if:Page.CanEdit ?>
  <form method="post" action="<?cs var:Base ?>/plan" class="form"><?cs call:plan_hidden() ?><input type="hidden" name="action" value="renumber"><button type="submit">Перенумеровать по порядку</button></form>
  <?cs /if ?>
  <?cs /if ?>
</section>

<?cs if:Page.CanEdit ?>
<section class="card narrow-left" id="edit">
  <h2><?cs if:Edit.id ?>Изменить тему № <?cs var:Edit.number ?><?cs else ?>Новая тема<?cs /if ?></h2>
  <?cs if:Errors.Any && !Errors.file ?><p class="error" role="alert">Тема не сохранена: исправьте ошибки ниже.</p><?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/plan" class="form">
    <?cs call:plan_hidden() ?>
    <?cs if:Edit.id ?><input type="hidden" name="action" value="edit"><input type="hidden" name="id" value="<?cs var:Edit.id ?>">
    <?cs else ?><input type="hidden" name="action" value="add">
    <label for="number">Номер (пусто — в конец)</label>
    <input id="number" name="number" type="number" min="1" value="<?cs var:Form.number ?>">
    <?cs if:Errors.number ?><p class="field-error"><?cs var:Errors.number ?></p><?cs /if ?>
    <?cs /if ?>
    <label for="topic">Тема</label>
    <input id="topic" name="topic" type="text" maxlength="500" required value="<?cs if:Errors.Any ?><?cs var:Form.topic ?><?cs else ?><?cs var:Edit.topic ?><?cs /if ?>">
    <?cs if:Errors.topic ?><p class="field-error"><?cs var:Errors.topic ?></p><?cs /if ?>
    <label for="hours">Часы</label>
    <input id="hours" name="hours" type="text" inputmode="decimal" value="<?cs if:Errors.Any ?><?cs var:Form.hours ?><?cs elif:Edit.id ?><?cs var:Edit.hours ?><?cs else ?>1<?cs /if ?>">
    <?cs if:Errors.hours ?><p class="field-error"><?cs var:Errors.hours ?></p><?cs /if ?>
    <label for="planned_on">Дата по плану</label>
    <input id="planned_on" name="planned_on" type="date" value="<?cs if:Errors.Any ?><?cs var:Form.planned_on ?><?cs else ?><?cs var:Edit.planned_on ?><?cs /if ?>">
    <?cs if:Errors.planned_on ?><p class="field-error"><?cs var:Errors.planned_on ?></p><?cs /if ?>
    <label><input type="checkbox" name="is_test" value="1"<?cs if:Errors.Any ?><?cs if:Form.is_test ?> checked<?cs /if ?><?cs elif:Edit.is_test == "1" ?> checked<?cs /if ?>> контрольная работа (попадёт в график контрольных)</label>
    <button type="submit">Сохранить</button>
    <?cs if:Edit.id ?><a href="<?cs var:Base ?><?cs var:Page.Url ?>">отмена</a><?cs /if ?>
  </form>
</section>

<section class="card narrow-left">
  <h2>Загрузить план из CSV</h2>
  <p class="hint">Столбцы: «№; Тема; Часы», по желанию «Дата» (ДД.ММ.ГГГГ) и «Контрольная» («да» или пусто); первая строка — заголовки. Excel: «Сохранить как» → «CSV (разделители — точки с запятой)»; подходит UTF-8 и Windows-1251. Файл заменяет весь план и принимается, только пока ни один урок журнала не ссылается на его темы.</p>
  <?cs if:Errors.file ?><p class="error" role="alert"><?cs var:Errors.file ?></p><?cs /if ?>
  <?cs if:Preview.Show ?>
  <div class="plan-preview">
  <?cs if:Preview.refused ?><p class="error" role="alert">План не загружен: в файле есть ошибки, ничего не записано.</p><?cs /if ?>
  <?cs if:Preview.fatal ?><p class="error"><?cs var:Preview.fatal ?></p>
  <?cs else ?>
  <p>Тем в файле: <?cs var:Preview.total ?>, часов: <?cs var:Preview.hours ?> (норма <?cs var:Plan.Total.required ?>). Кодировка: <?cs var:Preview.encoding ?>, разделитель <?cs var:Preview.sep ?>. Ошибок: <?cs var:Preview.nerrors ?>.</p>
  <?cs if:subcount(Preview.Errors) > 0 ?><ul class="list plan-errors"><?cs each:e = Preview.Errors ?><li class="error"><?cs var:e ?></li><?cs /each ?></ul><?cs /if ?>
  <?cs if:Preview.nerrors == "0" ?>
  <form method="post" action="<?cs var:Base ?>/plan" enctype="multipart/form-data" class="form">
    <?cs call:plan_hidden() ?>
    <input type="hidden" name="action" value="import">
    <input type="hidden" name="checksum" value="<?cs var:Preview.checksum ?>">
    <p>Ошибок нет. Чтобы заменить план, выберите <strong>тот же файл</strong> ещё раз.</p>
    <label for="commit-file">Файл</label>
    <input id="commit-file" name="file" type="file" accept=".csv,text/csv" required>
    <button type="submit">Заменить план (<?cs var:Preview.total ?> тем)</button>
  </form>
  <?cs /if ?>
  <?cs /if ?>
  </div>
  <?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/plan" enctype="multipart/form-data" class="form">
    <?cs call:plan_hidden() ?>
    <input type="hidden" name="action" value="preview">
    <label for="file">Файл CSV</label>
    <input id="file" name="file" type="file" accept=".csv,text/csv" required>
    <button type="submit">Проверить файл</button>
  </form>
</section>
<?cs /if ?>
<?cs /if ?>
<?cs include:"footer.cs" ?>
