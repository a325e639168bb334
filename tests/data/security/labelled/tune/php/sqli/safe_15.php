<?php
// The page number read with filter_input as an integer.
$pdo = new PDO(getenv('DSN'));
$page = filter_input(INPUT_GET, 'page', FILTER_VALIDATE_INT);
$rows = $pdo->query("SELECT title FROM books LIMIT 20 OFFSET " . ($page * 20));
