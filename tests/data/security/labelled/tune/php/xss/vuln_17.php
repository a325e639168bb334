<?php
$year = $_GET['year'];
if (!ctype_digit($year)) {
    header('HTTP/1.1 400 Bad Request');
}
echo "<h2>Archive " . $year . "</h2>";
