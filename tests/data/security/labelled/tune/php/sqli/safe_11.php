<?php
$conn = mysqli_connect('localhost', 'u', 'p', 'db');
$uid = $_COOKIE['uid'];
ctype_digit($uid) or die('bad cookie');
mysqli_query($conn, "UPDATE users SET seen = NOW() WHERE id = $uid");
