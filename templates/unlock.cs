<?cs include:"header.cs" ?><?cs include:"macros.cs" ?>
<p class="meta"><a href="<?cs var:Base ?>/journal?group=<?cs var:url_escape(Mark.group_id) ?>&amp;subject=<?cs var:url_escape(Mark.subject_id) ?>">← Журнал: <?cs var:Mark.subject ?>, <?cs var:Mark.group ?></a></p>
<h1>Исправление отметки</h1>
<section class="card narrow-left">
  <p><?cs var:Mark.student ?>: «<?cs var:Mark.code ?>» за <?cs var:Mark.date ?> (<?cs var:Mark.work ?>), выставлена <?cs var:Mark.set_at ?>.</p>
  <?cs if:Mark.unlocked_until ?><p class="meta">Исправление разрешено до <?cs var:Mark.unlocked_until ?>.</p><?cs /if ?>
  <?cs if:Mark.locked == "0" ?><p class="hint">Учитель пока может исправить эту отметку сам.</p><?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/unlock" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <input type="hidden" name="mark" value="<?cs var:Mark.id ?>">
    <label for="reason">Причина</label>
    <input id="reason" name="reason" type="text" maxlength="255" required value="">
    <?cs if:Errors.reason ?><p class="field-error"><?cs var:Errors.reason ?></p><?cs /if ?>
    <button type="submit">Разрешить исправление на сутки</button>
  </form>
</section>
<?cs include:"footer.cs" ?>
