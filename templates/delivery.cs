<?cs include:"header.cs" ?>
<h1>Как получать новости дневника</h1>
<?cs if:Page.Saved ?><p class="state ok-state" role="status">Выбор сохранён.</p><?cs /if ?>
<section class="card narrow-left">
  <?cs if:Delivery.chosen_at ?><p class="meta">Текущий выбор сделан <?cs var:Delivery.chosen_at ?>.</p><?cs /if ?>
  <?cs if:Errors.Any ?><p class="error" role="alert">Выбор не сохранён: исправьте ошибки ниже.</p><?cs /if ?>
  <form method="post" action="<?cs var:Base ?>/delivery" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <fieldset class="choice">
      <legend>Способ</legend>
      <label><input type="radio" name="mode" value="web"<?cs if:Delivery.mode == "web" ?> checked<?cs /if ?>> только электронный дневник на сайте</label>
      <label><input type="radio" name="mode" value="email_daily"<?cs if:Delivery.mode == "email_daily" ?> checked<?cs /if ?>> письмо каждый день: новые отметки, пропуски и домашние задания</label>
      <label><input type="radio" name="mode" value="email_weekly"<?cs if:Delivery.mode == "email_weekly" ?> checked<?cs /if ?>> письмо раз в неделю</label>
      <label><input type="radio" name="mode" value="paper"<?cs if:Delivery.mode == "paper" ?> checked<?cs /if ?>> бумажная выписка раз в неделю (выдаёт классный руководитель)</label>
    </fieldset>
    <?cs if:Errors.mode ?><p class="field-error"><?cs var:Errors.mode ?></p><?cs /if ?>
    <label for="email">Электронная почта для писем</label>
    <input id="email" name="email" type="email" maxlength="254" value="<?cs var:Delivery.email ?>">
    <?cs if:Errors.email ?><p class="field-error"><?cs var:Errors.email ?></p><?cs /if ?>
    <p class="hint">В каждом письме есть ссылка, чтобы отписаться без входа в дневник.</p>
    <button type="submit">Сохранить</button>
  </form>
</section>
<?cs include:"footer.cs" ?>
