<?cs include:"header.cs" ?>
<h1>Учебные годы</h1>
<?cs if:Page.Message ?><p class="error" role="alert"><?cs var:Page.Message ?></p><?cs /if ?>
<?cs if:subcount(Years) == 0 ?>
<p class="hint">Учебных годов пока нет.</p>
<?cs else ?>
<table class="grid years">
  <thead><tr><th>Учебный год</th><th>Начало</th><th>Окончание</th><th class="num">Периодов</th><th>Состояние</th><?cs if:Page.CanEdit ?><th></th><?cs /if ?></tr></thead>
  <tbody>
  <?cs each:y = Years ?>
    <tr>
      <td><a href="<?cs var:Base ?>/year?id=<?cs var:url_escape(y.id) ?>"><?cs var:y.name ?></a></td>
      <td><?cs var:y.starts ?></td>
      <td><?cs var:y.ends ?></td>
      <td class="num"><?cs var:y.periods ?></td>
      <td><?cs if:y.is_open == "1" ?><span class="state ok-state">открыт</span><?cs else ?><span class="state none-state">закрыт (только чтение)</span><?cs /if ?></td>
      <?cs if:Page.CanEdit ?>
      <td>
        <form method="post" action="<?cs var:Base ?>/years" class="inline">
          <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
          <input type="hidden" name="id" value="<?cs var:y.id ?>">
          <?cs if:y.is_open == "1" ?>
          <input type="hidden" name="action" value="close">
          <button type="submit">Закрыть год</button>
          <?cs else ?>
          <input type="hidden" name="action" value="open">
          <button type="submit">Открыть снова</button>
          <?cs /if ?>
        </form>
      </td>
      <?cs /if ?>
    </tr>
  <?cs /each ?>
  </tbody>
</table>
<p class="hint">Закрытый год доступен только для чтения: его периоды, каникулы и звонки изменить нельзя.</p>
<?cs /if ?>
<?cs if:Page.CanEdit ?>
<section class="card narrow-left">
  <h2>Новый учебный год</h2>
  <?cs if:Errors.Any ?><p class="error" role="alert">Год не создан: исправьте ошибки ниже.</p><?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/years" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="action" value="create">
    <label for="name">Учебный год</label>
    <input id="name" name="name" type="text" maxlength="9" required placeholder="2027/2028" pattern="[0-9]{4}/[0-9]{4}" value="<?cs var:Form.name ?>">
    <?cs if:Errors.name ?><p class="field-error"><?cs var:Errors.name ?></p><?cs /if ?>
    <label for="starts_on">Начало</label>
    <input id="starts_on" name="starts_on" type="date" required value="<?cs var:Form.starts_on ?>">
    <?cs if:Errors.starts_on ?><p class="field-error"><?cs var:Errors.starts_on ?></p><?cs /if ?>
    <label for="ends_on">Окончание</label>
    <input id="ends_on" name="ends_on" type="date" required value="<?cs var:Form.ends_on ?>">
    <?cs if:Errors.ends_on ?><p class="field-error"><?cs var:Errors.ends_on ?></p><?cs /if ?>
    <button type="submit">Создать год</button>
  </form>
  <p class="hint">Учебный год начинается 1 сентября; его структуру (периоды, каникулы, звонки) задают до 5 сентября.</p>
</section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
