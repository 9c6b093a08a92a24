<?cs include:"header.cs" ?>
<?cs if:Week.class_id ?>
<h1>Проверка журнала: <?cs var:Week.class ?></h1>
<p class="meta"><a href="<?cs var:Base ?>/classcheck?class=<?cs var:url_escape(Week.class_id) ?>&amp;week=<?cs var:url_escape(Week.prev) ?>">← предыдущая неделя</a> · <?cs var:Week.from ?> — <?cs var:Week.to ?> · <a href="<?cs var:Base ?>/classcheck?class=<?cs var:url_escape(Week.class_id) ?>&amp;week=<?cs var:url_escape(Week.next) ?>">следующая неделя →</a> · <a href="<?cs var:Base ?>/absences?class=<?cs var:url_escape(Week.class_id) ?>&amp;week=<?cs var:url_escape(Week.monday) ?>">причины пропусков</a></p>
<p class="hint">За неделю: уроки по расписанию, не записанные в журнал (до вчерашнего дня), уроки без темы и без домашнего задания, пропуски без причины<?cs if:Week.period ?>; ученики класса без единой отметки за <?cs var:Week.period ?><?cs /if ?>.</p>
<?cs if:subcount(Journals) == 0 ?>
<p class="hint">У класса нет журналов: нагрузка не распределена.</p>
<?cs else ?>
<table class="grid class-check">
  <thead><tr><th>Предмет</th><th>Группа</th><th>Учитель</th><th>Уроков</th><th>Не заполнено</th><th>Без темы</th><th>Без ДЗ</th><th>Пропуски без причины</th><th>Без отметок<?cs if:Week.period ?> за <?cs var:Week.period ?><?cs /if ?></th></tr></thead>
  <tbody>
  <?cs each:j = Journals ?>
    <tr data-group="<?cs var:j.group_id ?>" data-subject="<?cs var:j.subject_id ?>">
      <th scope="row"><a href="<?cs var:Base ?>/journal?group=<?cs var:url_escape(j.group_id) ?>&amp;subject=<?cs var:url_escape(j.subject_id) ?>"><?cs var:j.subject ?></a></th>
      <td><?cs var:j.group ?></td>
      <td><?cs var:j.teachers ?></td>
      <td class="num c-lessons"><?cs var:j.lessons ?></td>
      <td class="c-missing<?cs if:j.missing != "0" ?> bad<?cs /if ?>"><span class="num"><?cs var:j.missing ?></span><?cs if:j.missing_days ?> <span class="meta"><?cs var:j.missing_days ?></span><?cs /if ?></td>
      <td class="num c-no-topic<?cs if:j.no_topic != "0" ?> bad<?cs /if ?>"><?cs var:j.no_topic ?></td>
      <td class="num c-no-homework<?cs if:j.no_homework != "0" ?> bad<?cs /if ?>"><?cs var:j.no_homework ?></td>
      <td class="num c-unexplained<?cs if:j.unexplained != "0" ?> bad<?cs /if ?>"><?cs var:j.unexplained ?></td>
      <td class="c-unmarked<?cs if:j.unmarked != "0" ?> bad<?cs /if ?>"><span class="num"><?cs var:j.unmarked ?></span><?cs if:j.unmarked_names ?> <span class="meta"><?cs var:j.unmarked_names ?></span><?cs /if ?></td>
    </tr>
  <?cs /each ?>
  </tbody>
  <tfoot><tr><th scope="row" colspan="3">Всего</th><td class="num t-lessons"><?cs var:Totals.lessons ?></td><td class="num t-missing"><?cs var:Totals.missing ?></td><td class="num t-no-topic"><?cs var:Totals.no_topic ?></td><td class="num t-no-homework"><?cs var:Totals.no_homework ?></td><td class="num t-unexplained"><?cs var:Totals.unexplained ?></td><td class="num t-unmarked"><?cs var:Totals.unmarked ?></td></tr></tfoot>
</table>
<?cs /if ?>
<?cs else ?>
<h1>Проверка журнала класса</h1>
<?cs if:subcount(Classes) == 0 ?><p class="hint">Нет классов, доступных вам.</p><?cs else ?>
<ul class="links">
<?cs each:c = Classes ?><li><a href="<?cs var:Base ?>/classcheck?class=<?cs var:url_escape(c.id) ?>"><?cs var:c.name ?></a></li><?cs /each ?>
</ul>
<?cs /if ?>
<?cs /if ?>
<?cs include:"footer.cs" ?>
