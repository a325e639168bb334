<?php
// Orders of a customer, the name taken from the query string, sent asynchronously to PostgreSQL.
$conn = pg_connect(getenv('PG_DSN'));
$customer = $_GET['customer'];
$sql = "SELECT id, total FROM orders WHERE customer = '" . $customer . "'";
pg_send_query($conn, $sql);
$res = pg_get_result($conn);
