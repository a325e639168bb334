<?php
// SQL Server: the login name bound as a parameter of the prepared statement.
$conn = sqlsrv_connect('db', ['Database' => 'auth']);
$login = $_POST['login'];
$stmt = sqlsrv_prepare($conn, 'SELECT id FROM accounts WHERE login = ?', [$login]);
sqlsrv_execute($stmt);
