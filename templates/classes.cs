<?cs include:"header.cs" ?>
<h1>Классы</h1>
<?cs if:subcount(Classes) == 0 ?>
<p class="hint">В открытом учебном году классов нет.</p>
<?cs else ?>
<table class="grid">
  <thead><tr><th>Класс</th><th>Классный руководитель</th><th class="num">Учеников</th></tr></thead>
  <tbody>
  <?cs each:c = Classes ?>
    <tr<?cs if:c.own == "1" ?> class="own"<?cs /if ?>>
      <td><?cs if:Page.AllClasses || c.own == "1" ?><a href="<?cs var:Base ?>/class?id=<?cs var:url_escape(c.id) ?>"><?cs var:c.name ?></a><?cs else ?><?cs var:c.name ?><?cs /if ?></td>
      <td><?cs var:c.teacher ?></td>
      <td class="num"><?cs var:c.students ?></td>
    </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs /if ?>
<?cs if:Page.CanCreate ?>
<section class="card narrow-left">
  <h2>Новый класс</h2>
  <?cs if:Errors.Any ?><p class="error" role="alert">Класс не создан: исправьте ошибки ниже.</p><?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/classes" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <label for="grade">Параллель</label>
    <select id="grade" name="grade" required>
      <option value="">—</option>
      <?cs loop:g = 1, 11, 1 ?><option value="<?cs var:g ?>"<?cs if:Form.grade == g ?> selected<?cs /if ?>><?cs var:g ?></option><?cs /loop ?>
    </select>
    <?cs if:Errors.grade ?><p class="field-error"><?cs var:Errors.grade ?></p><?cs /if ?>
    <label for="letter">Буква</label>
    <input id="letter" name="letter" type="text" maxlength="4" required placeholder="А" value="<?cs var:Form.letter ?>">
    <?cs if:Errors.letter ?><p class="field-error"><?cs var:Errors.letter ?></p><?cs /if ?>
    <label for="teacher">Классный руководитель</label>
    <select id="teacher" name="teacher">
      <option value="">— пока не назначен —</option>
      <?cs each:t = Teachers ?><option value="<?cs var:t.id ?>"<?cs if:Form.teacher == t.id ?> selected<?cs /if ?>><?cs var:t.name ?></option><?cs /each ?>
    </select>
    <?cs if:Errors.teacher ?><p class="field-error"><?cs var:Errors.teacher ?></p><?cs /if ?>
    <button type="submit">Создать класс</button>
  </form>
</section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
