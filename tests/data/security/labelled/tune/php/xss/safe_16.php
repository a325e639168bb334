<?php
$v = $_GET['v'];
if (gettype($v) != "integer") {
    die("bad");
}
echo "<em>" . $v . "</em>";
