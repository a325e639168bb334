<?php
// ODBC: the filter is bound to a prepared statement.
$conn = odbc_connect(getenv('ODBC_DSN'), 'report', getenv('ODBC_PASS'));
$region = $_GET['region'];
$stmt = odbc_prepare($conn, 'SELECT name, total FROM sales WHERE region = ?');
odbc_execute($stmt, [$region]);
while (odbc_fetch_row($stmt)) {
    echo htmlspecialchars(odbc_result($stmt, 'name'));
}
