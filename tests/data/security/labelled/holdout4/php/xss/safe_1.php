<?php
$rows = $_GET['rows'];
if (!ctype_digit($rows)) {
    die('rows must be a number');
}
echo "<table data-rows=\"" . $rows . "\"></table>";
