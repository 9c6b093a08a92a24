<?cs include:"header.cs" ?>
<link rel="stylesheet" href="<?cs var:Static ?>/print.css">
<?cs if:!Group.id ?>
<h1>Итоговые отметки</h1>
<?cs if:subcount(Mine) == 0 ?><p class="hint">У вас нет своих журналов в этом учебном году. Итоговые отметки класса открываются из журнала группы по предмету.</p><?cs else ?>
<ul class="links">
<?cs each:j = Mine ?><li><a href="<?cs var:Base ?>/periodmarks?group=<?cs var:url_escape(j.group_id) ?>&amp;subject=<?cs var:url_escape(j.subject_id) ?>"><?cs var:j.subject ?>, <?cs var:j.group ?></a></li><?cs /each ?>
</ul>
<?cs /if ?>
<?cs else ?>
<p class="meta"><a href="<?cs var:Base ?>/journal?group=<?cs var:url_escape(Group.id) ?>&amp;subject=<?cs var:url_escape(Subject.id) ?>">← Журнал</a></p>
<h1>Итоговые отметки: <?cs var:Subject.name ?>, <?cs var:Group.name ?></h1>
<p class="hint"><?cs var:Year.name ?> учебный год. Четвертные (полугодовые), годовые, экзаменационные и итоговые отметки выставляются отдельно от текущих. В клетке — отметка шкалы<?cs if:subcount(Scale) ?> (<?cs each:v = Scale ?><?cs var:v.code ?><?cs if:!last(v) ?>, <?cs /if ?><?cs /each ?>)<?cs /if ?>, «н/а» (только если текущих отметок меньше <?cs var:Page.na_max_marks ?> и пропущено больше <?cs var:Page.na_share ?>% уроков) или дата отсрочки по болезни. Прогноз — по средневзвешенному баллу текущих отметок.</p>
<?cs if:Page.closed ?><p class="hint">Учебный год закрыт: отметки только для чтения.</p><?cs /if ?>
<?cs if:Page.no_marks ?><p class="hint">В <?cs var:Page.grade ?> классе отметок не ставят.</p><?cs /if ?>
<?cs if:Page.no_scale && !Page.no_marks ?><p class="hint">У предмета в <?cs var:Page.grade ?> классе нет шкалы оценивания: её назначают в разделе «Предметы».</p><?cs /if ?>
<?cs if:Errors.Any ?><div class="error" role="alert"><p><?cs var:Errors.cells ?></p><ul><?cs each:e = CellErrors ?><li><?cs var:e ?></li><?cs /each ?></ul></div><?cs /if ?>
<?cs if:Page.CanWrite ?><form method="post" action="<?cs var:Base ?>/periodmarks" class="period-marks-form">
  <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
  <input type="hidden" name="group" value="<?cs var:Group.id ?>">
  <input type="hidden" name="subject" value="<?cs var:Subject.id ?>"><?cs /if ?>
  <div class="table-scroll">
  <table class="grid period-marks" data-print-split="1">
    <thead><tr><th>Ученик</th><?cs each:c = Columns ?><th><?cs var:c.name ?><?cs if:c.due ?><br><span class="meta">до <?cs var:c.due ?></span><?cs if:c.late ?> <span class="state bad-state">просрочено: не выставлено <?cs var:c.missing ?></span><?cs /if ?><?cs /if ?></th><?cs /each ?></tr></thead>
    <tbody>
    <?cs each:s = Students ?>
      <tr>
        <th scope="row"><?cs var:s.name ?></th>
        <?cs each:c = s.Cells ?>
        <td class="pm-cell" data-at="<?cs var:c.at ?>">
          <?cs if:Page.CanWrite ?>
          <input type="hidden" name="at" value="<?cs var:c.at ?>">
          <input type="text" name="val" size="3" maxlength="8" aria-label="<?cs var:s.name ?>: отметка" value="<?cs if:Typed[c.tkey].sent ?><?cs var:Typed[c.tkey].v ?><?cs else ?><?cs var:c.code ?><?cs /if ?>">
          <input type="date" name="until" aria-label="<?cs var:s.name ?>: отсрочка до" title="отсрочка по болезни до" value="<?cs if:Typed[c.tkey].sent ?><?cs var:Typed[c.tkey].u ?><?cs else ?><?cs var:c.until ?><?cs /if ?>">
          <?cs else ?>
          <span class="pm-mark"><?cs if:c.text ?><?cs var:c.text ?><?cs else ?>—<?cs /if ?></span>
          <?cs /if ?>
          <?cs if:?c.marks ?><span class="meta pm-stat">прогноз <?cs if:c.forecast ?><b class="pm-forecast"><?cs var:c.forecast ?></b> (<?cs var:c.wavg ?>)<?cs else ?>—<?cs /if ?>; отметок <span class="pm-count"><?cs var:c.marks ?></span><?cs if:c.missed ?>; пропущено <span class="pm-missed"><?cs var:c.missed ?>%</span><?cs /if ?></span><?cs /if ?>
        </td>
        <?cs /each ?>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
<?cs if:Page.CanWrite ?>  <button type="submit">Сохранить отметки</button>
</form><?cs /if ?>
<?cs /if ?>
<script src="<?cs var:Static ?>/print.js" defer></script>
<?cs include:"footer.cs" ?>
