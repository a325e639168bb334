<?php
// The search word read with filter_input and no filter, put into the statement text.
$pdo = new PDO(getenv('DSN'));
$word = filter_input(INPUT_GET, 'q', FILTER_UNSAFE_RAW);
$rows = $pdo->query("SELECT title FROM books WHERE title LIKE '%" . $word . "%'");
