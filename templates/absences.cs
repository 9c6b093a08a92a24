<?cs include:"header.cs" ?>
<?cs def:reason_name(x) ?><?cs if:x == "ill" ?>болезнь<?cs elif:x == "excused" ?>уважительная<?cs elif:x == "unexcused" ?>неуважительная<?cs else ?>не указана<?cs /if ?><?cs /def ?>
<?cs if:Week.class_id ?>
<h1>Причины пропусков: <?cs var:Week.class ?></h1>
<p class="meta"><a href="<?cs var:Base ?>/absences?class=<?cs var:url_escape(Week.class_id) ?>&amp;week=<?cs var:url_escape(Week.prev) ?>">← предыдущая неделя</a> · <?cs var:Week.from ?> — <?cs var:Week.to ?> · <a href="<?cs var:Base ?>/absences?class=<?cs var:url_escape(Week.class_id) ?>&amp;week=<?cs var:url_escape(Week.next) ?>">следующая неделя →</a> · <a href="<?cs var:Base ?>/classcheck?class=<?cs var:url_escape(Week.class_id) ?>&amp;week=<?cs var:url_escape(Week.monday) ?>">проверка журнала класса</a></p>
<?cs if:Page.saved ?><p class="ok" role="status">Сохранено изменений: <?cs var:Page.saved ?>.</p><?cs /if ?>
<?cs if:Errors.note ?><p class="error" role="alert"><?cs var:Errors.note ?></p><?cs /if ?>
<?cs if:subcount(Absences) == 0 ?>
<p class="hint">За эту неделю пропусков нет.</p>
<?cs else ?>
<?cs if:Page.CanWrite ?><form method="post" action="<?cs var:Base ?>/absences" class="absences-form">
  <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
  <input type="hidden" name="class" value="<?cs var:Week.class_id ?>">
  <input type="hidden" name="week" value="<?cs var:Week.monday ?>"><?cs /if ?>
  <table class="grid absences">
    <thead><tr><th>Ученик</th><th>Дата</th><th>Урок</th><th>Предмет</th><th>Причина</th><th>Примечание</th></tr></thead>
    <tbody>
    <?cs each:a = Absences ?>
      <tr<?cs if:a.reason == "" ?> class="unexplained"<?cs /if ?>>
        <th scope="row"><?cs var:a.name ?></th>
        <td><?cs var:a.day ?></td>
        <td class="num"><?cs var:a.number ?></td>
        <td><?cs var:a.subject ?></td>
        <?cs if:Page.CanWrite ?>
        <td><input type="hidden" name="at" value="<?cs var:a.lesson ?>:<?cs var:a.student ?>"><select name="reason" aria-label="<?cs var:a.name ?>, <?cs var:a.day ?>: причина">
          <option value=""<?cs if:a.reason == "" ?> selected<?cs /if ?>>не указана</option>
          <option value="ill"<?cs if:a.reason == "ill" ?> selected<?cs /if ?>>болезнь</option>
          <option value="excused"<?cs if:a.reason == "excused" ?> selected<?cs /if ?>>уважительная</option>
          <option value="unexcused"<?cs if:a.reason == "unexcused" ?> selected<?cs /if ?>>неуважительная</option>
        </select></td>
        <td><input type="text" name="note" maxlength="255" aria-label="<?cs var:a.name ?>, <?cs var:a.day ?>: примечание" value="<?cs var:a.note ?>"></td>
        <?cs else ?>
        <td><?cs call:reason_name(a.reason) ?></td>
        <td><?cs var:a.note ?></td>
        <?cs /if ?>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
<?cs if:Page.CanWrite ?>  <button type="submit">Сохранить причины</button>
</form><?cs /if ?>
<?cs /if ?>
<?cs else ?>
<h1>Причины пропусков</h1>
<?cs if:subcount(Classes) == 0 ?><p class="hint">Нет классов, доступных вам.</p><?cs else ?>
<ul class="links">
<?cs each:c = Classes ?><li><a href="<?cs var:Base ?>/absences?class=<?cs var:url_escape(c.id) ?>"><?cs var:c.name ?></a></li><?cs /each ?>
</ul>
<?cs /if ?>
<?cs /if ?>
<?cs include:"footer.cs" ?>
