<?php
$db = mysqli_connect('localhost', 'app', 'secret', 'shop');
$uid = $_GET['uid'];
if (strlen($uid) > 64) {
    http_response_code(400);
    exit();
}
$res = mysqli_query($db, "SELECT name FROM customers WHERE id = $uid");
