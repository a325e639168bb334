<?php
$tainted = $_COOKIE['userid'];
$tainted = intval($tainted);
$query = "SELECT * FROM student where id=" . $tainted;
$conn = mysqli_connect('localhost', 'mysql_user', 'mysql_password');
$res = mysqli_query($conn, $query);
