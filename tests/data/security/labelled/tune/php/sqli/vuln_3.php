<?php
$tainted = $_GET['name'];
$tainted = addslashes($tainted);
$query = "SELECT * FROM users WHERE id=" . $tainted;
$pdo = new PDO('sqlite:app.db');
$pdo->query($query);
