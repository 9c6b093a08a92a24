<?cs include:"header.cs" ?>
<?cs def:scale_kind(k) ?><?cs if:k == "five" ?>пятибалльная<?cs elif:k == "pass" ?>зачёт/незачёт<?cs elif:k == "ten" ?>десятибалльная<?cs else ?>своя шкала школы<?cs /if ?><?cs /def ?>
<?cs def:scale_values(s) ?>
  <table class="grid scale-values">
    <thead><tr><th>Код</th><th>Название</th><th class="num">Число</th><th>Удовлетворительная</th></tr></thead>
    <tbody>
    <?cs each:v = s.Values ?>
      <tr<?cs if:v.is_plus_minus == "1" ?> class="plus-minus"<?cs /if ?>><td><code class="mark-code"><?cs var:v.code ?></code></td><td><?cs var:v.name ?></td><td class="num"><?cs if:v.num ?><?cs var:v.num ?><?cs else ?>—<?cs /if ?></td><td><?cs if:v.is_pass == "1" ?>да<?cs else ?>нет<?cs /if ?></td></tr>
    <?cs /each ?>
    </tbody>
  </table>
<?cs /def ?>
<?cs if:Scale.id ?>
<p class="meta"><a href="<?cs var:Base ?>/scales">← Все шкалы</a></p>
<h1>Шкала «<?cs var:Scale.name ?>»</h1>
<section class="card">
  <p class="meta"><?cs call:scale_kind(Scale.kind) ?><?cs if:Scale.is_builtin == "1" ?>, встроенная<?cs /if ?></p>
  <?cs call:scale_values(Scale) ?>
  <h2>Где используется</h2>
  <?cs if:subcount(Scale.Usage) == 0 ?>
  <p class="hint">Ни одному предмету эта шкала не назначена.</p>
  <?cs else ?>
  <ul class="scale-usage">
  <?cs each:u = Scale.Usage ?><li><?cs var:u.subject ?>: <?cs var:u.grades ?> кл.</li><?cs /each ?>
  </ul>
  <?cs /if ?>
</section>
<?cs else ?>
<h1>Шкалы оценивания</h1>
<?cs if:Errors.delete ?><p class="error" role="alert"><?cs var:Errors.delete ?></p><?cs /if ?>
<?cs if:Errors.builtin ?><p class="error" role="alert"><?cs var:Errors.builtin ?></p><?cs /if ?>
<section class="card">
  <h2>«+» и «−» в пятибалльной шкале</h2>
  <p>Сейчас: <strong><?cs if:Page.PlusMinus == "1" ?>включены<?cs else ?>выключены<?cs /if ?></strong>. <span class="hint">Отметки с «+» и «−», уже выставленные, сохраняются и при выключенной настройке.</span></p>
  <?cs if:Page.CanWrite ?>
  <form method="post" action="<?cs var:Base ?>/scales" class="inline-form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="action" value="plus_minus">
    <input type="hidden" name="plus_minus" value="<?cs if:Page.PlusMinus == "1" ?>0<?cs else ?>1<?cs /if ?>">
    <button type="submit"><?cs if:Page.PlusMinus == "1" ?>Выключить «+» и «−»<?cs else ?>Включить «+» и «−»<?cs /if ?></button>
  </form>
  <?cs /if ?>
</section>
<?cs if:Page.BuiltinMissing ?>
<section class="card">
  <p class="state none-state">У школы нет части встроенных шкал (пятибалльная, зачёт/незачёт, десятибалльная): не хватает <?cs var:Page.BuiltinMissing ?>.</p>
  <?cs if:Page.CanWrite ?>
  <form method="post" action="<?cs var:Base ?>/scales" class="inline-form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="action" value="builtin">
    <button type="submit">Добавить встроенные шкалы</button>
  </form>
  <?cs /if ?>
</section>
<?cs /if ?>
<?cs each:s = Scales ?>
<section class="card scale" id="scale-<?cs var:s.id ?>">
  <h2><a href="<?cs var:Base ?>/scales?id=<?cs var:url_escape(s.id) ?>"><?cs var:s.name ?></a></h2>
  <p class="meta"><?cs call:scale_kind(s.kind) ?><?cs if:s.is_builtin == "1" ?>, встроенная<?cs /if ?>; назначена в ячейках «предмет × класс»: <?cs var:s.used ?></p>
  <?cs call:scale_values(s) ?>
  <?cs if:Page.CanWrite && s.is_builtin != "1" ?>
  <form method="post" action="<?cs var:Base ?>/scales" class="inline-form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="action" value="delete">
    <input type="hidden" name="id" value="<?cs var:s.id ?>">
    <button type="submit" class="small"<?cs if:s.used != "0" ?> disabled title="Шкала назначена предметам"<?cs /if ?>>Удалить шкалу</button>
  </form>
  <?cs /if ?>
</section>
<?cs /each ?>
<?cs if:subcount(Scales) == 0 ?><p class="hint">У школы пока нет шкал.</p><?cs /if ?>
<?cs if:Page.CanWrite ?>
<section class="card narrow-left">
  <h2>Новая шкала</h2>
  <?cs if:Errors.name || Errors.values ?><p class="error" role="alert">Шкала не создана: исправьте ошибки ниже.</p><?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/scales" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="action" value="create">
    <label for="name">Название</label>
    <input id="name" name="name" type="text" maxlength="100" required value="<?cs var:Form.name ?>">
    <?cs if:Errors.name ?><p class="field-error"><?cs var:Errors.name ?></p><?cs /if ?>
    <label for="values">Значения, по одному в строке: код;название;число;удовлетворительная</label>
    <textarea id="values" name="values" rows="7" required placeholder="отл;отлично;5;да&#10;хор;хорошо;4;да&#10;уд;удовлетворительно;3;да&#10;неуд;неудовлетворительно;2;нет"><?cs var:Form.values ?></textarea>
    <?cs if:Errors.values ?><p class="field-error"><?cs var:Errors.values ?></p><?cs /if ?>
    <p class="hint">Код (до 8 символов, без пробелов) ставится в журнал; число идёт в средний балл (пустое — не учитывается); последнее поле — «да», если отметка удовлетворительная, иначе «нет». Коды «н» и «н/а» заняты.</p>
    <button type="submit">Создать шкалу</button>
  </form>
</section>
<?cs /if ?>
<?cs /if ?>
<?cs include:"footer.cs" ?>
