<?php
// ODBC: a report filter from the query string goes into the statement text.
$conn = odbc_connect(getenv('ODBC_DSN'), 'report', getenv('ODBC_PASS'));
$region = $_GET['region'];
$rows = odbc_exec($conn, "SELECT name, total FROM sales WHERE region = '" . $region . "'");
while (odbc_fetch_row($rows)) {
    echo htmlspecialchars(odbc_result($rows, 'name'));
}
