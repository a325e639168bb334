<?php
$pdo = new PDO('sqlite:/var/app/users.db');
$digest = crypt($_POST['password'], '$6$rounds=5000$saltsaltsalt$');
$pdo->query("SELECT id FROM accounts WHERE pw = '" . $digest . "'");
