<?cs include:"header.cs" ?>
<div class="noprint">
<h1>Еженедельные выписки из электронного дневника</h1>
<p class="hint">Неделя <?cs var:Page.Span ?>. Выписок: <?cs alt:Page.Count ?><?cs var:subcount(S) ?><?cs /alt ?>. Каждая печатается на отдельном листе A4.</p>
<p><button type="button" data-print>Печать</button></p>
</div>
<?cs if:subcount(S) == 0 ?><p class="state none-state">Семей, получающих бумажные выписки, здесь нет.</p><?cs /if ?>
<?cs each:s = S ?>
<article class="statement">
  <header>
    <p class="meta"><?cs var:School.Name ?></p>
    <h2>Выписка из электронного дневника за неделю <?cs var:Page.Span ?></h2>
    <p><strong><?cs var:s.Student.name ?></strong>, <?cs var:s.Student.class ?> класс</p>
  </header>
  <table class="grid statement-week">
    <thead><tr><th>День</th><th>Урок</th><th>Тема</th><th>Отметки</th><th>Домашнее задание</th></tr></thead>
    <tbody>
    <?cs each:d = s.Days ?>
      <?cs if:d.holiday ?>
      <tr><th><?cs var:d.name ?>, <?cs var:d.label ?></th><td colspan="4"><?cs var:d.holiday ?></td></tr>
      <?cs else ?>
      <?cs each:l = d.Lessons ?>
      <tr><?cs if:name(l) == "0" ?><th rowspan="<?cs var:subcount(d.Lessons) ?>"><?cs var:d.name ?>, <?cs var:d.label ?></th><?cs /if ?>
        <td><?cs var:l.number ?>. <?cs var:l.subject ?><?cs if:l.note ?> <span class="meta">(<?cs var:l.note ?>)</span><?cs /if ?></td>
        <td><?cs var:l.topic ?></td>
        <td><?cs each:m = l.Marks ?><?cs var:m.code ?> <span class="meta"><?cs var:m.work ?></span> <?cs /each ?><?cs if:l.absent ?>н<?cs if:l.absent_reason ?> <span class="meta"><?cs var:l.absent_reason ?></span><?cs /if ?><?cs /if ?></td>
        <td><?cs each:h = l.Homework ?><?cs if:h.own ?>лично: <?cs /if ?><?cs var:h.text ?> <span class="meta">(задано <?cs var:h.given ?>)</span><br><?cs /each ?><?cs each:h = l.Given ?><?cs if:h.own ?>лично <?cs /if ?><?cs if:h.due ?>к <?cs var:h.due ?><?cs else ?>к следующему уроку<?cs /if ?>: <?cs var:h.text ?><br><?cs /each ?></td></tr>
      <?cs /each ?>
      <?cs /if ?>
    <?cs /each ?>
    </tbody>
  </table>
  <p class="signature">Классный руководитель ____________________ &nbsp; Подпись родителя ____________________</p>
</article>
<?cs /each ?>
<?cs include:"footer.cs" ?>
