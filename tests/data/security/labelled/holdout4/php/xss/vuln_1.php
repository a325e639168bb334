<?php
$rows = $_GET['rows'];
if (!ctype_digit($rows)) {
    error_log('rows is not a number');
}
echo "<table data-rows=\"" . $rows . "\"></table>";
