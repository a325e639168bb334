<?php
$pdo = new PDO('mysql:host=localhost;dbname=app', 'u', 'p');
$limit = $_GET['limit'];
$pdo->query(sprintf("SELECT * FROM news ORDER BY day DESC LIMIT %d", $limit));
