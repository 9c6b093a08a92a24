<?cs include:"header.cs" ?>
<h1>Отписаться от писем дневника</h1>
<section class="card narrow-left">
<?cs if:Page.Done ?>
  <p class="state ok-state" role="status">Готово: писем больше не будет. Отметки и задания по-прежнему видны в электронном дневнике на сайте.</p>
<?cs elif:Link.g ?>
  <p>Письма с новыми отметками, пропусками и домашними заданиями перестанут приходить на вашу почту. Электронный дневник на сайте останется доступен.</p>
  <form method="post" action="<?cs var:Base ?>/unsubscribe" class="form">
    <input type="hidden" name="g" value="<?cs var:Link.g ?>">
    <input type="hidden" name="t" value="<?cs var:Link.t ?>">
    <button type="submit">Отписаться</button>
  </form>
<?cs elif:Page.BadLink ?>
  <p class="error" role="alert">Ссылка неполная или повреждена. Скопируйте её из письма целиком или войдите в дневник и выберите «Рассылка».</p>
<?cs else ?>
  <p>Чтобы отписаться, перейдите по ссылке в конце письма или войдите в дневник и выберите «Рассылка».</p>
<?cs /if ?>
</section>
<?cs include:"footer.cs" ?>
