<?cs include:"header.cs" ?>
<?cs include:"macros.cs" ?>
<h1>Импорт расписания из CSV</h1>
<?cs if:Result.Show ?>
<section class="card import-result">
  <h2>Загружено</h2>
  <p>Уроков в неделю: <strong><?cs var:Result.total ?></strong>, классов: <strong><?cs var:Result.classes ?></strong>,
  расписание действует с <?cs var:Result.from ?>. Прежних записей закрыто или удалено: <?cs var:Result.ended ?>.</p>
  <p class="meta">Время обработки: <?cs var:Result.secs ?> с.</p>
  <p><a href="<?cs var:Base ?>/timetable">Редактор расписания</a> · <a href="<?cs var:Base ?>/ttimport">Загрузить ещё один файл</a></p>
</section>
<?cs else ?>
<?cs if:Preview.Show ?>
<?cs call:csv_preview_head() ?>
  <?cs if:!Preview.fatal ?>
  <dl class="facts">
    <dt>Уроков в файле</dt><dd><?cs var:Preview.total ?></dd>
    <dt>Классов</dt><dd><?cs var:Preview.classes ?></dd>
    <dt>Действует</dt><dd>с <?cs var:Form.valid_from ?> по <?cs var:Preview.to ?></dd>
    <dt>Кодировка</dt><dd><?cs var:Preview.encoding ?></dd>
    <dt>Разделитель</dt><dd><?cs var:Preview.sep ?></dd>
  </dl>
  <?cs call:csv_preview_lists() ?>
  <div class="table-wrap">
  <table class="grid import-rows">
    <thead><tr><th>Строка</th><th>Класс</th><th>День</th><th>Урок</th><th>Группа</th><th>Предмет</th><th>Учитель</th><th>Кабинет</th></tr></thead>
    <tbody>
    <?cs each:row = Preview.Rows ?>
      <tr<?cs if:row.error ?> class="bad"<?cs /if ?>><td><?cs var:row.line ?></td><td><?cs var:row.class ?></td><td><?cs var:row.weekday ?></td><td><?cs var:row.number ?></td><td><?cs var:row.group ?></td><td><?cs var:row.subject ?></td><td><?cs var:row.teacher ?></td><td><?cs var:row.room ?></td></tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs if:Preview.more ?><p class="meta">…и ещё строк: <?cs var:Preview.more ?> (ошибки показаны все).</p><?cs /if ?>
  <?cs if:Preview.nerrors == 0 ?>
  <form method="post" action="<?cs var:Base ?>/ttimport" enctype="multipart/form-data" class="form import-commit">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="action" value="commit">
    <input type="hidden" name="valid_from" value="<?cs var:Form.valid_from ?>">
    <input type="hidden" name="checksum" value="<?cs var:Preview.checksum ?>">
    <p>Ошибок нет. Чтобы загрузить, выберите <strong>тот же файл</strong> ещё раз: контрольная сумма подтвердит, что это он.
    Расписание классов из файла с <?cs var:Form.valid_from ?> заменится этим.</p>
    <label for="commit-file">Файл</label>
    <input id="commit-file" name="file" type="file" accept=".csv,text/csv" required>
    <button type="submit">Загрузить <?cs var:Preview.total ?> уроков</button>
  </form>
  <?cs /if ?>
  <?cs /if ?>
</section>
<?cs /if ?>
<?cs call:csv_file_form("ttimport", 0) ?>
    <label for="valid_from">Расписание действует с</label>
    <input id="valid_from" name="valid_from" type="date" required value="<?cs var:Form.valid_from ?>">
    <?cs if:Errors.valid_from ?><p class="field-error"><?cs var:Errors.valid_from ?></p><?cs /if ?>
    <label for="file">Файл CSV</label>
    <input id="file" name="file" type="file" accept=".csv,text/csv" required>
    <?cs if:Errors.file ?><p class="field-error"><?cs var:Errors.file ?></p><?cs /if ?>
    <p class="hint">До <?cs var:Page.MaxKB ?> КБ. Кодировка UTF-8 или Windows-1251, разделитель «;» или «,».</p>
    <button type="submit">Проверить файл</button>
  </form>
</section>
<section class="card import-help">
  <h2>Какие нужны столбцы</h2>
  <p><strong>Класс; День недели; Номер урока; Предмет; Учитель; Кабинет</strong>, по желанию <strong>Группа</strong>
  (подгруппа, когда у учителя обе подгруппы класса). День: пн…сб или 1…6. Учитель: «Иванова Анна Борисовна» или «Иванова А.Б.».
  В столбце «Класс» можно написать название потока или индивидуальной группы.</p>
  <p>Файл — расписание своих классов с указанной даты до конца года: прежнее расписание этих классов закрывается днём раньше.</p>
  <pre class="code">Класс;День недели;Номер урока;Предмет;Учитель;Кабинет;Группа
5А;пн;1;Русский язык;Зайцева Ю.В.;112;
5А;пн;2;Иностранный язык (английский);Шубина К.К.;119;5 А — англ. 1</pre>
</section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
