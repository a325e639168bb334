<?php
$id = $_GET['id'];
$link = mysqli_connect('localhost', 'app', getenv('DB_PASS'), 'shop');
$query = "SELECT name FROM products WHERE id = '" . $id . "'";
$result = mysqli_query($link, $query);
