<?php
$pdo = new PDO('sqlite:/var/app/users.db');
$digest = trim($_POST['password']);
$pdo->query("SELECT id FROM accounts WHERE pw = '" . $digest . "'");
