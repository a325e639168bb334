<?php
$tainted = $_GET['name'];
$pdo = new PDO('sqlite:app.db');
$stmt = $pdo->prepare("SELECT * FROM users WHERE name = :name");
$stmt->execute(array(':name' => $tainted));
