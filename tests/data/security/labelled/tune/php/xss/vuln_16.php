<?php
$v = $_GET['v'];
if (gettype($v) != "array") {
    $v = (string) $v;
}
echo "<em>" . $v . "</em>";
