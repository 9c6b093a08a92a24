<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs var:Page.Title ?> — <?cs var:App.Name ?></title>
<?cs if:CSRF ?><meta name="csrf" content="<?cs var:CSRF ?>"><?cs /if ?>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="<?cs var:Static ?>/style.css">
<script src="<?cs var:Static ?>/app.js" defer></script>
</head>
<body class="screen-<?cs var:Page.Screen ?>">
<header class="top">
  <div class="brand">
    <a href="<?cs var:Base ?>/home"><?cs var:App.Name ?></a>
    <?cs if:School.Name ?><span class="school"><?cs var:School.Name ?></span><?cs /if ?>
  </div>
  <?cs if:User.Name ?>
  <div class="user">
    <span class="name"><?cs var:User.Name ?></span>
    <span class="roles"><?cs each:role = User.Roles ?><?cs if:name(role) != "0" ?>, <?cs /if ?><?cs var:role.Name ?><?cs /each ?></span>
    <form method="post" action="<?cs var:Base ?>/logout" class="logout">
      <input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
      <button type="submit">Выйти</button>
    </form>
  </div>
  <?cs /if ?>
</header>
<?cs if:subcount(Menu) > 0 ?>
<nav class="menu" aria-label="Разделы">
  <ul>
  <?cs each:item = Menu ?>
    <li><a href="<?cs var:Base ?><?cs var:item.Href ?>"<?cs if:item.Current ?> aria-current="page"<?cs /if ?>><?cs var:item.Title ?></a></li>
  <?cs /each ?>
  </ul>
</nav>
<?cs /if ?>
<main>
