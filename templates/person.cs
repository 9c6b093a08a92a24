<?cs include:"header.cs" ?>
<?cs if:Class.id ?><p class="meta"><a href="<?cs var:Base ?>/class?id=<?cs var:url_escape(Class.id) ?>">← <?cs var:Class.name ?> класс</a><?cs if:Page.IsStudent ?> · <a href="<?cs var:Base ?>/pdcheck?class=<?cs var:url_escape(Class.id) ?>">проверка данных класса</a><?cs /if ?></p><?cs /if ?>
<h1>Личное дело</h1>
<?cs if:Page.Saved ?><p class="ok" role="status">Изменения сохранены.</p><?cs /if ?>
<?cs if:Errors.Any ?><p class="error" role="alert">Не сохранено: исправьте ошибки ниже.</p><?cs /if ?>
<section class="card pfile">
  <h2><?cs var:Person.name ?></h2>
  <dl class="pfile-facts">
    <?cs if:Page.IsStudent ?><dt>Ученик</dt><dd><?cs if:Person.class ?><?cs var:Person.class ?> класс<?cs else ?>не учится в школе сейчас<?cs /if ?></dd><?cs /if ?>
    <?cs if:Page.IsGuardian ?><dt>Законный представитель</dt><dd><?cs var:Person.children ?></dd><?cs /if ?>
    <?cs if:Page.IsStaff ?><dt>Сотрудник</dt><dd><?cs var:Person.position ?></dd><?cs /if ?>
    <?cs if:!Page.Edit.basic ?><dt>Дата рождения</dt><dd><?cs alt:Person.birth ?>не указана<?cs /alt ?></dd><?cs /if ?>
    <?cs if:Page.IsStudent ?><dt>Данные подтверждены</dt><dd><?cs alt:Person.checked_on ?><span class="none-state">ни разу</span><?cs /alt ?></dd><?cs /if ?>
    <?cs if:Person.updated_at ?><dt>Изменено</dt><dd><?cs var:Person.updated_at ?></dd><?cs /if ?>
  </dl>
</section>
<?cs def:shown(title, v) ?><dt><?cs var:title ?></dt><dd><?cs alt:v ?><span class="meta">не указано</span><?cs /alt ?></dd><?cs /def ?>
<?cs def:err(k) ?><?cs if:Errors[k] ?><p class="field-error"><?cs var:Errors[k] ?></p><?cs /if ?><?cs /def ?>
<?cs if:Page.See.contacts && !Page.Edit.contacts ?>
<section class="card pfile">
  <h2>Контакты</h2>
  <dl class="pfile-data">
    <?cs call:shown("Телефон", Person.File.phone) ?>
    <?cs call:shown("Электронная почта", Person.File.email) ?>
    <?cs call:shown("Адрес регистрации", Person.File.address_reg) ?>
    <?cs call:shown("Адрес проживания", Person.File.address_live) ?>
  </dl>
</section>
<?cs /if ?>
<?cs if:Page.See.documents && !Page.Edit.documents ?>
<section class="card pfile">
  <h2>Документы</h2>
  <dl class="pfile-data">
    <?cs call:shown("Документы", Person.File.documents) ?>
    <?cs call:shown("СНИЛС", Person.File.snils) ?>
  </dl>
</section>
<?cs /if ?>
<?cs if:Page.See.health && !Page.Edit.health ?>
<section class="card pfile">
  <h2>Здоровье</h2>
  <dl class="pfile-data">
    <?cs call:shown("Группа здоровья", Person.File.health_group) ?>
    <?cs call:shown("Заметки медицинского работника", Person.File.health_notes) ?>
  </dl>
</section>
<?cs /if ?>
<?cs if:Page.CanEdit ?>
<section class="card narrow-left pfile">
  <h2>Изменить</h2>
  <form method="post" action="<?cs var:Base ?>/person?id=<?cs var:url_escape(Person.id) ?><?cs if:Class.id ?>&amp;class=<?cs var:url_escape(Class.id) ?><?cs /if ?>" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <?cs if:Page.Edit.basic ?>
    <label for="birth_date">Дата рождения</label>
    <input id="birth_date" name="birth_date" type="date" value="<?cs var:Form.birth_date ?>">
    <?cs call:err("birth_date") ?>
    <?cs /if ?>
    <?cs if:Page.Edit.contacts ?>
    <fieldset class="pfile-group"><legend>Контакты</legend>
    <label for="phone">Телефон</label>
    <input id="phone" name="phone" type="text" inputmode="tel" maxlength="20" placeholder="+7 912 345-67-89" value="<?cs var:Form.phone ?>">
    <?cs call:err("phone") ?>
    <label for="email">Электронная почта</label>
    <input id="email" name="email" type="text" inputmode="email" maxlength="254" value="<?cs var:Form.email ?>">
    <?cs call:err("email") ?>
    <label for="address_reg">Адрес регистрации</label>
    <input id="address_reg" name="address_reg" type="text" maxlength="255" value="<?cs var:Form.address_reg ?>">
    <?cs call:err("address_reg") ?>
    <label for="address_live">Адрес проживания</label>
    <input id="address_live" name="address_live" type="text" maxlength="255" value="<?cs var:Form.address_live ?>">
    <?cs call:err("address_live") ?>
    </fieldset>
    <?cs /if ?>
    <?cs if:Page.Edit.documents ?>
    <fieldset class="pfile-group"><legend>Документы</legend>
    <label for="documents">Документы (свидетельство о рождении, паспорт: серия, номер, кем и когда выдан)</label>
    <textarea id="documents" name="documents" rows="3" maxlength="1000"><?cs var:Form.documents ?></textarea>
    <?cs call:err("documents") ?>
    <label for="snils">СНИЛС</label>
    <input id="snils" name="snils" type="text" maxlength="14" placeholder="123-456-789 01" value="<?cs var:Form.snils ?>">
    <?cs call:err("snils") ?>
    </fieldset>
    <?cs /if ?>
    <?cs if:Page.Edit.health ?>
    <fieldset class="pfile-group"><legend>Здоровье</legend>
    <label for="health_group">Группа здоровья</label>
    <select id="health_group" name="health_group">
      <option value="">— не указана —</option>
      <?cs loop:g = 1, 5, 1 ?><option value="<?cs var:g ?>"<?cs if:Form.health_group == g ?> selected<?cs /if ?>><?cs var:g ?></option><?cs /loop ?>
    </select>
    <?cs call:err("health_group") ?>
    <label for="health_notes">Заметки медицинского работника</label>
    <textarea id="health_notes" name="health_notes" rows="3" maxlength="1000"><?cs var:Form.health_notes ?></textarea>
    <?cs call:err("health_notes") ?>
    </fieldset>
    <?cs /if ?>
    <button type="submit">Сохранить</button>
  </form>
  <p class="hint">Каждое изменение записывается в журнал изменений; номера документов и СНИЛС в нём хранятся только последними четырьмя знаками.</p>
</section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
