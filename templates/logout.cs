<?cs include:"header.cs" ?>
<section class="card narrow">
  <h1>Выход</h1>
  <p>Завершить работу с журналом на этом устройстве?</p>
  <form method="post" action="<?cs var:Base ?>/logout" class="form">
    <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
    <button type="submit">Выйти</button>
  </form>
</section>
<?cs include:"footer.cs" ?>
