<?php
$conn = mysqli_connect('localhost', 'u', 'p', 'db');
$uid = $_COOKIE['uid'];
strlen($uid) or die('empty cookie');
mysqli_query($conn, "UPDATE users SET seen = NOW() WHERE id = $uid");
