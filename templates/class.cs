<?cs include:"header.cs" ?><?cs include:"macros.cs" ?>
<h1><?cs var:Class.name ?> класс</h1>
<p class="meta">Классный руководитель: <?cs alt:Class.teacher ?>не назначен<?cs /alt ?>. Учеников: <?cs var:subcount(Students) ?>.</p>
<?cs if:Page.CanEdit ?>
<form method="post" action="<?cs var:Base ?>/class?id=<?cs var:url_escape(Class.id) ?>" class="inline-form">
  <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
  <label for="teacher">Классный руководитель:</label>
  <select id="teacher" name="teacher">
    <option value="">— не назначен —</option>
    <?cs each:t = Teachers ?><option value="<?cs var:t.id ?>"<?cs if:t.name == Class.teacher ?> selected<?cs /if ?>><?cs var:t.name ?></option><?cs /each ?>
  </select>
  <button type="submit" class="small">Назначить</button>
  <?cs if:Errors.teacher ?><span class="field-error"><?cs var:Errors.teacher ?></span><?cs /if ?>
</form>
<?cs /if ?>
<?cs if:Page.CanIssue ?><p><a class="button" href="<?cs var:Base ?>/slips?class=<?cs var:url_escape(Class.id) ?>">Логины и пароли для печати</a></p><?cs /if ?>
<table class="grid roster">
  <thead><tr><th class="num">№</th><th>Ученик, законные представители</th><th>Дата рождения</th><th>Согласие на обработку ПДн</th><th>Логин</th></tr></thead>
  <tbody>
  <?cs each:s = Students ?>
    <tr class="student">
      <td class="num"><?cs var:name(s) + 1 ?></td>
      <td><strong><?cs if:Page.CanOpenPerson ?><a href="<?cs var:Base ?>/person?id=<?cs var:url_escape(s.id) ?>&amp;class=<?cs var:url_escape(Class.id) ?>"><?cs var:s.name ?></a><?cs else ?><?cs var:s.name ?><?cs /if ?></strong><?cs if:Page.CanOpenMarks ?> <a class="meta" href="<?cs var:Base ?>/marks?student=<?cs var:url_escape(s.id) ?>">отметки</a><?cs /if ?></td>
      <td><?cs var:s.birth ?></td>
      <td><?cs if:s.eligible == "1" ?><span class="state ok-state">есть</span><?cs else ?><span class="state bad-state">нет — бумажная выписка</span><?cs /if ?></td>
      <td><?cs call:login_state(s) ?><?cs if:Page.CanAddGuardian ?> <a class="meta" href="<?cs var:Base ?>/guardian?student=<?cs var:url_escape(s.id) ?>&amp;class=<?cs var:url_escape(Class.id) ?>">+ представитель</a><?cs /if ?></td>
    </tr>
    <?cs each:g = s.Guardians ?>
    <tr class="guardian">
      <td></td>
      <td><?cs if:Page.CanOpenPerson ?><a href="<?cs var:Base ?>/person?id=<?cs var:url_escape(g.id) ?>&amp;class=<?cs var:url_escape(Class.id) ?>"><?cs var:g.name ?></a><?cs else ?><?cs var:g.name ?><?cs /if ?> <span class="meta">(<?cs call:guardian_kind(g.kind) ?>)</span></td>
      <td></td>
      <td><?cs call:consent_state(g) ?><?cs if:Page.CanRecordConsent ?> <a href="<?cs var:Base ?>/consent?guardian=<?cs var:url_escape(g.id) ?>&amp;class=<?cs var:url_escape(Class.id) ?>">изменить</a><?cs elif:Page.CanViewConsent ?> <a href="<?cs var:Base ?>/consent?guardian=<?cs var:url_escape(g.id) ?>&amp;class=<?cs var:url_escape(Class.id) ?>">история</a><?cs /if ?></td>
      <td><?cs call:login_state(g) ?></td>
    </tr>
    <?cs /each ?>
  <?cs /each ?>
  </tbody>
</table>
<?cs include:"footer.cs" ?>
