<?php
$strict = false;
$n = $_GET['n'];
if (!ctype_digit($n) || $strict) {
    exit;
}
echo "<p>" . $n . "</p>";
