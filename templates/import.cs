<?cs include:"header.cs" ?>
<?cs include:"macros.cs" ?>
<?cs def:kind_hidden() ?>
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="kind" value="<?cs var:Form.kind ?>">
    <?cs if:Form.kind == "students" ?>
    <input type="hidden" name="order" value="<?cs var:Form.order ?>">
    <input type="hidden" name="joined_on" value="<?cs var:Form.joined_on ?>">
    <?cs /if ?>
<?cs /def ?>
<h1>Импорт из CSV</h1>

<?cs if:Result.Show ?>
<section class="card import-result">
  <h2>Загружено</h2>
  <?cs if:Result.staff ?>
  <p>Добавлено сотрудников: <strong><?cs var:Result.total ?></strong>.
  Логины выдаются на странице <a href="<?cs var:Base ?>/staff">«Сотрудники»</a>.</p>
  <?cs else ?>
  <p>Зачислено учеников: <strong><?cs var:Result.total ?></strong>,
  законных представителей добавлено: <strong><?cs var:Result.guardians ?></strong>
  (по <a href="<?cs var:Base ?>/order?id=<?cs var:url_escape(Result.order) ?>">приказу</a>).</p>
  <ul class="class-list">
    <?cs each:c = Result.Classes ?><li><a href="<?cs var:Base ?>/class?id=<?cs var:url_escape(c.id) ?>"><?cs var:c.name ?></a>: <?cs var:c.count ?></li><?cs /each ?>
  </ul>
  <p class="hint">Логины семьям выдаются на странице класса (печать листков).</p>
  <?cs /if ?>
  <p class="meta">Время обработки: <?cs var:Result.secs ?> с.</p>
  <p><a href="<?cs var:Base ?>/import">Загрузить ещё один файл</a></p>
</section>
<?cs else ?>

<?cs if:Preview.Show ?>
<?cs call:csv_preview_head() ?>
  <?cs if:!Preview.fatal ?>
  <dl class="import-facts">
    <dt>Строк с данными</dt><dd><?cs var:Preview.total ?></dd>
    <dt>Кодировка</dt><dd><?cs var:Preview.encoding ?></dd>
    <dt>Разделитель</dt><dd><?cs var:Preview.sep ?></dd>
    <dt>Столбцы</dt><dd><?cs each:c = Preview.Columns ?><span class="tag"><?cs var:c ?></span><?cs /each ?></dd>
    <?cs if:subcount(Preview.Ignored) > 0 ?><dt>Не используются</dt><dd><?cs each:c = Preview.Ignored ?><span class="tag ignored"><?cs var:c ?></span><?cs /each ?></dd><?cs /if ?>
    <?cs if:Form.kind == "students" && Preview.guardians > 0 ?><dt>Представителей</dt><dd><?cs var:Preview.guardians ?></dd><?cs /if ?>
    <dt>Контрольная сумма</dt><dd><code class="checksum"><?cs var:Preview.checksum ?></code></dd>
  </dl>
  <?cs call:csv_preview_lists() ?>
  <div class="table-wrap">
  <table class="grid import-rows">
    <thead><tr><th>Строка</th><th>ФИО</th><th>Пол</th><th>Дата рождения</th>
    <?cs if:Form.kind == "students" ?><th>Класс</th><th>Представитель</th><?cs else ?><th>Должность</th><th>Дата приёма</th><?cs /if ?></tr></thead>
    <tbody>
    <?cs each:row = Preview.Rows ?>
      <tr<?cs if:row.error ?> class="bad"<?cs /if ?>>
        <td><?cs var:row.line ?></td><td><?cs var:row.name ?></td><td><?cs var:row.sex ?></td><td><?cs var:row.birth ?></td>
        <?cs if:Form.kind == "students" ?><td><?cs var:row.class ?></td><td><?cs var:row.guardian ?><?cs if:row.shared ?> <span class="meta">(тот же, что выше)</span><?cs /if ?></td>
        <?cs else ?><td><?cs var:row.position ?></td><td><?cs var:row.hired ?></td><?cs /if ?>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs if:Preview.more ?><p class="meta">…и ещё строк: <?cs var:Preview.more ?> (в таблице показаны первые 50, ошибки — все).</p><?cs /if ?>
  <?cs if:Preview.nerrors == 0 ?>
  <form method="post" action="<?cs var:Base ?>/import" enctype="multipart/form-data" class="form import-commit" data-busy>
    <?cs call:kind_hidden() ?>
    <input type="hidden" name="action" value="commit">
    <input type="hidden" name="checksum" value="<?cs var:Preview.checksum ?>">
    <p>Ошибок нет. Чтобы загрузить, выберите <strong>тот же файл</strong> ещё раз:
    сервер не хранит файл между проверкой и загрузкой, контрольная сумма подтвердит, что это он.</p>
    <label for="commit-file">Файл</label>
    <input id="commit-file" name="file" type="file" accept=".csv,text/csv" required>
    <button type="submit">Загрузить <?cs var:Preview.total ?> <?cs if:Form.kind == "students" ?>учеников<?cs else ?>сотрудников<?cs /if ?></button>
    <p class="busy" data-busy-text hidden>Идёт загрузка… Не закрывайте страницу.</p>
    <div class="upload-progress" data-progress hidden><progress max="100" value="0"></progress> <span data-progress-text></span></div>
  </form>
  <?cs /if ?>
  <?cs /if ?>
</section>
<?cs /if ?>

<?cs call:csv_file_form("import", 1) ?>
    <fieldset class="choice">
      <legend>Кого загружаем</legend>
      <?cs if:Page.CanStudents ?><label><input type="radio" name="kind" value="students"<?cs if:Form.kind == "students" ?> checked<?cs /if ?>> учеников (и их представителей)</label><?cs /if ?>
      <?cs if:Page.CanStaff ?><label><input type="radio" name="kind" value="staff"<?cs if:Form.kind == "staff" ?> checked<?cs /if ?>> сотрудников</label><?cs /if ?>
    </fieldset>
    <?cs if:Page.CanStudents ?>
    <label for="order">Приказ о зачислении (для учеников)</label>
    <select id="order" name="order">
      <option value="">—</option>
      <?cs each:o = Orders ?><option value="<?cs var:o.id ?>"<?cs if:Form.order == o.id ?> selected<?cs /if ?>>№ <?cs var:o.number ?> от <?cs var:o.dated ?> — <?cs var:o.title ?></option><?cs /each ?>
    </select>
    <?cs if:Errors.order ?><p class="field-error"><?cs var:Errors.order ?></p><?cs /if ?>
    <?cs if:subcount(Orders) == 0 ?><p class="hint">Приказов о зачислении нет: сначала внесите приказ в <a href="<?cs var:Base ?>/orders">книгу приказов</a>.</p><?cs /if ?>
    <label for="joined_on">Дата зачисления</label>
    <input id="joined_on" name="joined_on" type="date" value="<?cs var:Form.joined_on ?>">
    <?cs if:Errors.joined_on ?><p class="field-error"><?cs var:Errors.joined_on ?></p><?cs /if ?>
    <?cs /if ?>
    <label for="file">Файл CSV</label>
    <input id="file" name="file" type="file" accept=".csv,text/csv" required>
    <?cs if:Errors.file ?><p class="field-error"><?cs var:Errors.file ?></p><?cs /if ?>
    <p class="hint">До <?cs var:Page.MaxKB ?> КБ и <?cs var:Page.MaxRows ?> строк; больший файл разделите на части.
    Кодировка UTF-8 или Windows-1251, разделитель «;» или «,» — как сохраняет Excel.</p>
    <button type="submit">Проверить файл</button>
    <p class="busy" data-busy-text hidden>Идёт проверка…</p>
    <div class="upload-progress" data-progress hidden><progress max="100" value="0"></progress> <span data-progress-text></span></div>
  </form>
</section>

<section class="card import-help">
  <h2>Какие нужны столбцы</h2>
  <p>Первая строка — названия столбцов (регистр не важен), дальше по человеку в строке. Лишние столбцы пропускаются.</p>
  <?cs if:Page.CanStudents ?>
  <h3>Ученики</h3>
  <p><strong>Фамилия; Имя; Отчество; Пол; Дата рождения; Класс</strong> (или один столбец «ФИО» вместо трёх).
  Пол: м или ж. Дата: ДД.ММ.ГГГГ или ГГГГ-ММ-ДД. Класс текущего учебного года: «5А», «5 А» или «5-А».</p>
  <p>Законный представитель в той же строке (по желанию): <strong>Фамилия представителя; Имя представителя; Отчество представителя; Кем приходится</strong>
  (мать, отец, опекун, усыновитель). Представитель с тем же ФИО у нескольких детей файла — один человек.</p>
  <pre class="code">Фамилия;Имя;Отчество;Пол;Дата рождения;Класс;Фамилия представителя;Имя представителя;Отчество представителя;Кем приходится
Иванов;Пётр;Сергеевич;м;01.03.2015;3А;Иванова;Мария;Петровна;мать</pre>
  <?cs /if ?>
  <?cs if:Page.CanStaff ?>
  <h3>Сотрудники</h3>
  <p><strong>Фамилия; Имя; Отчество; Должность</strong>, по желанию <strong>Пол; Дата рождения; Дата приёма</strong>.</p>
  <pre class="code">Фамилия;Имя;Отчество;Должность;Дата приёма
Смирнова;Ольга;Ивановна;учитель математики;01.09.2020</pre>
  <?cs /if ?>
</section>
<?cs /if ?>
<script src="<?cs var:Static ?>/import.js" defer></script>
<?cs include:"footer.cs" ?>
