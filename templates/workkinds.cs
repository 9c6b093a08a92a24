<?cs include:"header.cs" ?>
<?cs def:kind_fields(name, short, weight, topic, test, sort, arch, show_arch) ?>
    <label for="name">Название</label>
    <input id="name" name="name" type="text" maxlength="100" required value="<?cs var:name ?>">
    <?cs if:Errors.name ?><p class="field-error"><?cs var:Errors.name ?></p><?cs /if ?>
    <label for="short_name">Сокращение (заголовок столбца журнала)</label>
    <input id="short_name" name="short_name" type="text" maxlength="12" required value="<?cs var:short ?>">
    <?cs if:Errors.short_name ?><p class="field-error"><?cs var:Errors.short_name ?></p><?cs /if ?>
    <label for="weight">Вес в средневзвешенном балле</label>
    <input id="weight" name="weight" type="text" inputmode="decimal" maxlength="4" required value="<?cs var:weight ?>">
    <?cs if:Errors.weight ?><p class="field-error"><?cs var:Errors.weight ?></p><?cs /if ?>
    <label for="sort">Порядок в списке</label>
    <input id="sort" name="sort" type="number" min="0" max="9999" value="<?cs var:sort ?>">
    <?cs if:Errors.sort ?><p class="field-error"><?cs var:Errors.sort ?></p><?cs /if ?>
    <label class="check"><input type="checkbox" name="needs_topic" value="1"<?cs if:topic == "1" ?> checked<?cs /if ?>> требует темы (например, «Контрольная работа по теме „Дроби“»)</label>
    <label class="check"><input type="checkbox" name="is_test" value="1"<?cs if:test == "1" ?> checked<?cs /if ?>> контрольная (попадает в график контрольных работ)</label>
    <?cs if:show_arch ?><label class="check"><input type="checkbox" name="archived" value="1"<?cs if:arch == "1" ?> checked<?cs /if ?>> в архиве (больше не предлагается на уроках)</label><?cs /if ?>
    <?cs if:Errors.flags ?><p class="field-error"><?cs var:Errors.flags ?></p><?cs /if ?>
<?cs /def ?>
<?cs if:Kind.id ?>
<p class="meta"><a href="<?cs var:Base ?>/workkinds">← Все формы работы</a></p>
<h1><?cs var:Kind.name ?></h1>
<?cs if:Errors.delete ?><p class="error" role="alert"><?cs var:Errors.delete ?></p><?cs /if ?>
<?cs if:Page.CanWrite ?>
<section class="card narrow-left">
  <h2>Изменить форму работы</h2>
  <?cs if:Errors.Any && !Errors.delete ?><p class="error" role="alert">Изменения не сохранены: исправьте ошибки ниже.</p><?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/workkinds" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="action" value="update">
    <input type="hidden" name="id" value="<?cs var:Kind.id ?>">
    <?cs if:Form.Sent ?><?cs call:kind_fields(Form.name, Form.short_name, Form.weight, Form.needs_topic, Form.is_test, Form.sort, Form.archived, 1) ?><?cs else ?><?cs call:kind_fields(Kind.name, Kind.short_name, Kind.weight_ru, Kind.needs_topic, Kind.is_test, Kind.sort, Kind.is_archived, 1) ?><?cs /if ?>
    <button type="submit">Сохранить</button>
  </form>
  <?cs if:Kind.used == "0" ?>
  <form method="post" action="<?cs var:Base ?>/workkinds" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="action" value="delete">
    <input type="hidden" name="id" value="<?cs var:Kind.id ?>">
    <button type="submit" class="danger">Удалить (на уроках её не выбирали)</button>
  </form>
  <?cs else ?>
  <p class="hint">Выбрана на уроках: <?cs var:Kind.used ?>. Удалить нельзя — только отправить в архив.</p>
  <?cs /if ?>
</section>
<?cs else ?>
<section class="card">
  <p>Сокращение: <?cs var:Kind.short_name ?>; вес <?cs var:Kind.weight_ru ?><?cs if:Kind.needs_topic == "1" ?>; требует темы<?cs /if ?><?cs if:Kind.is_test == "1" ?>; контрольная<?cs /if ?><?cs if:Kind.is_archived == "1" ?>; в архиве<?cs /if ?>.</p>
</section>
<?cs /if ?>
<?cs else ?>
<h1>Формы работы</h1>
<p class="hint">Каждая форма работы на уроке — отдельный столбец отметок. Вес учитывается в средневзвешенном балле и прогнозе четвертной отметки.</p>
<table class="grid work-kinds">
  <thead><tr><th>Название</th><th>Сокр.</th><th>Вес</th><th>Тема</th><th>Контрольная</th><th>Порядок</th><th>На уроках</th></tr></thead>
  <tbody>
  <?cs each:k = Kinds ?>
    <tr<?cs if:k.is_archived == "1" ?> class="archived"<?cs /if ?>>
      <th scope="row"><a href="<?cs var:Base ?>/workkinds?id=<?cs var:url_escape(k.id) ?>"><?cs var:k.name ?></a><?cs if:k.is_archived == "1" ?> <span class="meta">в архиве</span><?cs /if ?></th>
      <td><?cs var:k.short_name ?></td>
      <td class="num"><?cs var:k.weight_ru ?></td>
      <td><?cs if:k.needs_topic == "1" ?>требует<?cs else ?>—<?cs /if ?></td>
      <td><?cs if:k.is_test == "1" ?>да<?cs else ?>—<?cs /if ?></td>
      <td class="num"><?cs var:k.sort ?></td>
      <td class="num"><?cs var:k.used ?></td>
    </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs if:Page.CanWrite ?>
<section class="card narrow-left">
  <h2>Новая форма работы</h2>
  <?cs if:Errors.Any ?><p class="error" role="alert">Форма работы не создана: исправьте ошибки ниже.</p><?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/workkinds" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="action" value="create">
    <?cs if:Form.Sent ?><?cs call:kind_fields(Form.name, Form.short_name, Form.weight, Form.needs_topic, Form.is_test, Form.sort, "0", 0) ?><?cs else ?><?cs call:kind_fields("", "", "1", "0", "0", "", "0", 0) ?><?cs /if ?>
    <button type="submit">Добавить</button>
  </form>
</section>
<?cs /if ?>
<?cs /if ?>
<?cs include:"footer.cs" ?>
