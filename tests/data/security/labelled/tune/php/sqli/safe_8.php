<?php
$pdo = new PDO('mysql:host=localhost;dbname=app', 'u', 'p');
$cat = $_GET['cat'];
if (is_numeric($cat) === false) {
    throw new InvalidArgumentException('cat');
}
$pdo->query(sprintf("SELECT * FROM products WHERE category = %s", $cat));
