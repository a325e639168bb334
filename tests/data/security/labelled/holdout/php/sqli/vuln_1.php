<?php
$tainted = $_COOKIE['userid'];
$query = sprintf("SELECT * FROM student where id='%s'", $tainted);
$conn = mysqli_connect('localhost', 'mysql_user', 'mysql_password');
$res = mysqli_query($conn, $query);
