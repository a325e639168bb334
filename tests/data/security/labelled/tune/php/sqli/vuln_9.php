<?php
$pdo = new PDO('mysql:host=localhost;dbname=app', 'u', 'p');
$order = $_GET['order'];
$pdo->query(sprintf("SELECT * FROM news ORDER BY %s LIMIT %d", $order, 10));
