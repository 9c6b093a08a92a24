<?cs # Macros shared by several pages (call: name(args)). ?>
<?cs def:guardian_kind(k) ?><?cs if:k == "adoptive" ?>усыновитель<?cs elif:k == "guardian" ?>опекун (попечитель)<?cs else ?>родитель<?cs /if ?><?cs /def ?>
<?cs def:consent_state(g) ?><?cs if:g.status == "consent" ?><span class="state ok-state">согласие от <?cs var:g.signed ?><?cs if:g.document ?>, № <?cs var:g.document ?><?cs /if ?></span><?cs elif:g.status == "refusal" ?><span class="state bad-state">отказ от <?cs var:g.signed ?><?cs if:g.document ?>, № <?cs var:g.document ?><?cs /if ?></span><?cs else ?><span class="state none-state">нет заявления</span><?cs /if ?><?cs /def ?>
<?cs def:login_state(p) ?><?cs if:p.login && p.active == "1" ?><code><?cs var:p.login ?></code><?cs elif:p.login ?><span class="meta">вход закрыт (<code><?cs var:p.login ?></code>)</span><?cs else ?><span class="meta">нет входа</span><?cs /if ?><?cs /def ?>
<?cs def:person_fields() ?>
    <label for="last_name">Фамилия</label>
    <input id="last_name" name="last_name" type="text" maxlength="100" required value="<?cs var:Form.last_name ?>">
    <?cs if:Errors.last_name ?><p class="field-error"><?cs var:Errors.last_name ?></p><?cs /if ?>
    <label for="first_name">Имя</label>
    <input id="first_name" name="first_name" type="text" maxlength="100" required value="<?cs var:Form.first_name ?>">
    <?cs if:Errors.first_name ?><p class="field-error"><?cs var:Errors.first_name ?></p><?cs /if ?>
    <label for="middle_name">Отчество</label>
    <input id="middle_name" name="middle_name" type="text" maxlength="100" value="<?cs var:Form.middle_name ?>">
    <?cs if:Errors.middle_name ?><p class="field-error"><?cs var:Errors.middle_name ?></p><?cs /if ?>
    <fieldset class="choice">
      <legend>Пол</legend>
      <label><input type="radio" name="sex" value="f"<?cs if:Form.sex == "f" ?> checked<?cs /if ?>> женский</label>
      <label><input type="radio" name="sex" value="m"<?cs if:Form.sex == "m" ?> checked<?cs /if ?>> мужской</label>
    </fieldset>
    <?cs if:Errors.sex ?><p class="field-error"><?cs var:Errors.sex ?></p><?cs /if ?>
<?cs /def ?>
<?cs def:n_lessons(n) ?><?cs var:n ?> <?cs if:#n % 10 == 1 && #n % 100 != 11 ?>урок<?cs elif:#n % 10 >= 2 && #n % 10 <= 4 && (#n % 100 < 12 || #n % 100 > 14) ?>урока<?cs else ?>уроков<?cs /if ?><?cs /def ?>
<?cs # The journals of the classes a class teacher leads (/home, /journal). ?>
<?cs def:class_journals(js) ?><?cs if:subcount(js) > 0 ?>
<section class="card">
  <h2>Журналы моего класса</h2>
  <ul class="list journals">
  <?cs each:j = js ?>
    <li><a href="<?cs var:Base ?>/journal?group=<?cs var:url_escape(j.group_id) ?>&amp;subject=<?cs var:url_escape(j.subject_id) ?>"><?cs var:j.subject ?> — <?cs var:j.group ?></a> <span class="meta"><?cs var:j.class ?></span></li>
  <?cs /each ?>
  </ul>
</section>
<?cs /if ?><?cs /def ?>
<?cs # The CSV imports' preview (lib/csvimport.h): its heading with the file
   refused as a whole, and the lists of row errors and warnings. ?>
<?cs def:csv_preview_head() ?>
<section class="card import-preview">
  <h2>Проверка файла</h2>
  <?cs if:Preview.refused ?><p class="error" role="alert">Ничего не загружено: в файле есть ошибки.</p><?cs /if ?>
  <?cs if:Preview.fatal ?><p class="error" role="alert"><?cs var:Preview.fatal ?></p><?cs /if ?>
<?cs /def ?>
<?cs def:csv_preview_lists() ?>
  <?cs if:Preview.nerrors > 0 ?>
  <h3 class="error">Строк с ошибками: <?cs var:Preview.nerrors ?></h3>
  <ul class="import-errors">
    <?cs each:e = Preview.Errors ?><li><?cs var:e ?></li><?cs /each ?>
  </ul>
  <p>Исправьте файл и проверьте его снова: загружаются все строки сразу или ни одной.</p>
  <?cs /if ?>
  <?cs if:subcount(Preview.Warnings) > 0 ?>
  <h3>Обратите внимание (загрузке не мешает)</h3>
  <ul class="import-warnings">
    <?cs each:w = Preview.Warnings ?><li><?cs var:w ?></li><?cs /each ?>
  </ul>
  <?cs /if ?>
<?cs /def ?>
<?cs # The start of an import's file form, up to its own fields (the page
   closes the form): posted to the screen as a preview. ?>
<?cs def:csv_file_form(screen, busy) ?>
<section class="card import-form">
  <h2><?cs if:Preview.Show ?>Проверить другой файл<?cs else ?>Файл<?cs /if ?></h2>
  <?cs if:Errors.Any ?><p class="error" role="alert">Файл не проверен: исправьте ошибки ниже.</p><?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/<?cs var:screen ?>" enctype="multipart/form-data" class="form"<?cs if:busy ?> data-busy<?cs /if ?>>
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="action" value="preview">
<?cs /def ?>
