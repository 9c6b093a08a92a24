<?cs include:"header.cs" ?>
<p class="meta"><a href="<?cs var:Base ?>/years">← Учебные годы</a></p>
<h1>Учебный год <?cs var:Year.name ?></h1>
<p class="meta">С <?cs var:Year.starts ?> по <?cs var:Year.ends ?>; <?cs if:Year.is_open == "1" ?><span class="state ok-state">открыт</span><?cs else ?><span class="state none-state">закрыт, только чтение</span><?cs /if ?></p>
<?cs if:Page.Message ?><p class="error" role="alert"><?cs var:Page.Message ?></p><?cs /if ?>

<section class="card coverage">
  <h2>Проверка календаря</h2>
  <?cs if:subcount(Warnings) == 0 ?>
  <p class="ok">Каждый день года у каждого класса (1–11) приходится на учебный период или каникулы.</p>
  <?cs else ?>
  <ul class="list warnings">
  <?cs each:w = Warnings ?>
    <li class="warning"><strong><?cs var:w.grades ?>:</strong> <?cs var:w.text ?></li>
  <?cs /each ?>
  </ul>
  <p class="hint">Это предупреждения: периоды можно добавлять по одному. Дни вне периодов и каникул нужно закрыть периодом или каникулами.</p>
  <?cs /if ?>
</section>

<section class="card">
  <h2>Учебные периоды</h2>
  <?cs if:subcount(Ranges) == 0 ?>
  <p class="hint">Периодов пока нет.</p>
  <?cs /if ?>
  <?cs each:g = Ranges ?>
  <h3><?cs var:g.label ?></h3>
  <table class="grid periods">
    <thead><tr><th class="num">№</th><th>Период</th><th>Вид</th><th>Начало</th><th>Окончание</th><?cs if:Page.CanEdit ?><th></th><?cs /if ?></tr></thead>
    <tbody>
    <?cs each:p = g.Periods ?>
      <tr>
        <td class="num"><?cs var:p.sort ?></td>
        <td><?cs var:p.name ?></td>
        <td><?cs var:p.kind_name ?></td>
        <td><?cs var:p.starts ?></td>
        <td><?cs var:p.ends ?></td>
        <?cs if:Page.CanEdit ?>
        <td>
          <form method="post" action="<?cs var:Base ?>/year" class="inline">
            <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
            <input type="hidden" name="id" value="<?cs var:Year.id ?>">
            <input type="hidden" name="action" value="period_delete">
            <input type="hidden" name="period" value="<?cs var:p.id ?>">
            <button type="submit" class="link-button">Удалить</button>
          </form>
        </td>
        <?cs /if ?>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs /each ?>
  <?cs if:Page.CanEdit ?>
  <h3 id="period-form">Добавить период</h3>
  <?cs if:Page.Form == "period_add" ?><p class="error" role="alert">Период не добавлен: исправьте ошибки ниже.</p><?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/year" class="form year-form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="id" value="<?cs var:Year.id ?>">
    <input type="hidden" name="action" value="period_add">
    <label for="p_name">Название</label>
    <input id="p_name" name="name" type="text" maxlength="50" required placeholder="1 четверть" value="<?cs if:Page.Form == "period_add" ?><?cs var:Form.name ?><?cs /if ?>">
    <?cs if:Page.Form == "period_add" && Errors.name ?><p class="field-error"><?cs var:Errors.name ?></p><?cs /if ?>
    <label for="p_kind">Вид</label>
    <select id="p_kind" name="kind">
      <option value="quarter"<?cs if:Form.kind == "quarter" ?> selected<?cs /if ?>>четверть</option>
      <option value="trimester"<?cs if:Form.kind == "trimester" ?> selected<?cs /if ?>>триместр</option>
      <option value="half"<?cs if:Form.kind == "half" ?> selected<?cs /if ?>>полугодие</option>
      <option value="year"<?cs if:Form.kind == "year" ?> selected<?cs /if ?>>учебный год</option>
    </select>
    <?cs if:Page.Form == "period_add" && Errors.kind ?><p class="field-error"><?cs var:Errors.kind ?></p><?cs /if ?>
    <span class="label">Классы</span>
    <span class="grades">с <input name="grade_from" type="number" min="1" max="11" required aria-label="с класса" value="<?cs if:Page.Form == "period_add" ?><?cs var:Form.grade_from ?><?cs /if ?>"> по <input name="grade_to" type="number" min="1" max="11" required aria-label="по класс" value="<?cs if:Page.Form == "period_add" ?><?cs var:Form.grade_to ?><?cs /if ?>"></span>
    <?cs if:Page.Form == "period_add" && Errors.grades ?><p class="field-error"><?cs var:Errors.grades ?></p><?cs /if ?>
    <label for="p_starts">Начало</label>
    <input id="p_starts" name="starts_on" type="date" required min="<?cs var:Year.starts_on ?>" max="<?cs var:Year.ends_on ?>" value="<?cs if:Page.Form == "period_add" ?><?cs var:Form.starts_on ?><?cs /if ?>">
    <?cs if:Page.Form == "period_add" && Errors.starts_on ?><p class="field-error"><?cs var:Errors.starts_on ?></p><?cs /if ?>
    <label for="p_ends">Окончание</label>
    <input id="p_ends" name="ends_on" type="date" required min="<?cs var:Year.starts_on ?>" max="<?cs var:Year.ends_on ?>" value="<?cs if:Page.Form == "period_add" ?><?cs var:Form.ends_on ?><?cs /if ?>">
    <?cs if:Page.Form == "period_add" && Errors.ends_on ?><p class="field-error"><?cs var:Errors.ends_on ?></p><?cs /if ?>
    <button type="submit">Добавить период</button>
  </form>
  <p class="hint">Обычно: четверти для 1–9 классов, полугодия для 10–11. Периоды классов, чьи диапазоны пересекаются, не должны накладываться по датам.</p>
  <?cs /if ?>
</section>

<section class="card">
  <h2>Каникулы</h2>
  <?cs if:subcount(Holidays) == 0 ?>
  <p class="hint">Каникул пока нет.</p>
  <?cs else ?>
  <table class="grid holidays">
    <thead><tr><th>Каникулы</th><th>Классы</th><th>Начало</th><th>Окончание</th><th class="num">Дней</th><?cs if:Page.CanEdit ?><th></th><?cs /if ?></tr></thead>
    <tbody>
    <?cs each:h = Holidays ?>
      <tr>
        <td><?cs var:h.name ?></td>
        <td><?cs var:h.grades ?></td>
        <td><?cs var:h.starts ?></td>
        <td><?cs var:h.ends ?></td>
        <td class="num"><?cs var:h.days ?></td>
        <?cs if:Page.CanEdit ?>
        <td>
          <form method="post" action="<?cs var:Base ?>/year" class="inline">
            <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
            <input type="hidden" name="id" value="<?cs var:Year.id ?>">
            <input type="hidden" name="action" value="holiday_delete">
            <input type="hidden" name="holiday" value="<?cs var:h.id ?>">
            <button type="submit" class="link-button">Удалить</button>
          </form>
        </td>
        <?cs /if ?>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs /if ?>
  <?cs if:Page.CanEdit ?>
  <h3 id="holiday-form">Добавить каникулы</h3>
  <?cs if:Page.Form == "holiday_add" ?><p class="error" role="alert">Каникулы не добавлены: исправьте ошибки ниже.</p><?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/year" class="form year-form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="id" value="<?cs var:Year.id ?>">
    <input type="hidden" name="action" value="holiday_add">
    <label for="h_name">Название</label>
    <input id="h_name" name="name" type="text" maxlength="100" required placeholder="Осенние каникулы" value="<?cs if:Page.Form == "holiday_add" ?><?cs var:Form.name ?><?cs /if ?>">
    <?cs if:Page.Form == "holiday_add" && Errors.name ?><p class="field-error"><?cs var:Errors.name ?></p><?cs /if ?>
    <span class="label">Классы</span>
    <span class="grades">с <input name="grade_from" type="number" min="1" max="11" placeholder="1" aria-label="с класса" value="<?cs if:Page.Form == "holiday_add" ?><?cs var:Form.grade_from ?><?cs /if ?>"> по <input name="grade_to" type="number" min="1" max="11" placeholder="11" aria-label="по класс" value="<?cs if:Page.Form == "holiday_add" ?><?cs var:Form.grade_to ?><?cs /if ?>"></span>
    <?cs if:Page.Form == "holiday_add" && Errors.grades ?><p class="field-error"><?cs var:Errors.grades ?></p><?cs /if ?>
    <label for="h_starts">Начало</label>
    <input id="h_starts" name="starts_on" type="date" required min="<?cs var:Year.starts_on ?>" max="<?cs var:Year.ends_on ?>" value="<?cs if:Page.Form == "holiday_add" ?><?cs var:Form.starts_on ?><?cs /if ?>">
    <?cs if:Page.Form == "holiday_add" && Errors.starts_on ?><p class="field-error"><?cs var:Errors.starts_on ?></p><?cs /if ?>
    <label for="h_ends">Окончание</label>
    <input id="h_ends" name="ends_on" type="date" required min="<?cs var:Year.starts_on ?>" max="<?cs var:Year.ends_on ?>" value="<?cs if:Page.Form == "holiday_add" ?><?cs var:Form.ends_on ?><?cs /if ?>">
    <?cs if:Page.Form == "holiday_add" && Errors.ends_on ?><p class="field-error"><?cs var:Errors.ends_on ?></p><?cs /if ?>
    <button type="submit">Добавить каникулы</button>
  </form>
  <p class="hint">Без классов — для всех (1–11). Дополнительные каникулы первоклассников: с 1 по 1 класс.</p>
  <?cs /if ?>
</section>

<section class="card">
  <h2>Расписание звонков</h2>
  <?cs if:Bells.0.count == "0" && Bells.1.count == "0" ?><p class="hint">Звонки не заданы.</p><?cs /if ?>
  <?cs each:s = Bells ?>
  <?cs if:s.count != "0" || Page.CanEdit ?>
  <h3><?cs var:s.shift ?> смена</h3>
  <?cs if:Page.CanEdit ?>
  <?cs if:Page.Form == "bells_set" && Form.shift == s.shift && Errors.bells ?><p class="error" role="alert">Звонки не сохранены: <?cs var:Errors.bells ?></p><?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/year" class="bells-form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="id" value="<?cs var:Year.id ?>">
    <input type="hidden" name="action" value="bells_set">
    <input type="hidden" name="shift" value="<?cs var:s.shift ?>">
    <table class="grid bells">
      <thead><tr><th class="num">Урок</th><th>Начало</th><th>Конец</th></tr></thead>
      <tbody>
      <?cs each:b = s.Rows ?>
        <tr><td class="num"><?cs var:b.number ?></td><td><input name="starts_at" type="time" aria-label="начало урока <?cs var:b.number ?>" value="<?cs var:b.starts_at ?>"></td><td><input name="ends_at" type="time" aria-label="конец урока <?cs var:b.number ?>" value="<?cs var:b.ends_at ?>"></td></tr>
      <?cs /each ?>
      </tbody>
    </table>
    <button type="submit">Сохранить звонки <?cs var:s.shift ?> смены</button>
  </form>
  <?cs else ?>
  <table class="grid bells">
    <thead><tr><th class="num">Урок</th><th>Начало</th><th>Конец</th></tr></thead>
    <tbody>
    <?cs each:b = s.Rows ?><?cs if:b.starts_at ?>
      <tr><td class="num"><?cs var:b.number ?></td><td><?cs var:b.starts_at ?></td><td><?cs var:b.ends_at ?></td></tr>
    <?cs /if ?><?cs /each ?>
    </tbody>
  </table>
  <?cs /if ?>
  <?cs /if ?>
  <?cs /each ?>
  <?cs if:Page.CanEdit ?><p class="hint">Пустые строки — уроков с такими номерами нет. Время в виде ЧЧ:ММ.</p><?cs /if ?>
</section>
<?cs include:"footer.cs" ?>
