<?php
// The same query with the name bound as a parameter.
$conn = pg_connect(getenv('PG_DSN'));
$customer = $_GET['customer'];
pg_send_query_params($conn, 'SELECT id, total FROM orders WHERE customer = $1', [$customer]);
$res = pg_get_result($conn);
