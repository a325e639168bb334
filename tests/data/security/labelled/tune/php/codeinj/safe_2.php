<?php
$fn = $_GET['callback'];
$allowed = array('strtoupper', 'strtolower');
$fn = in_array($fn, $allowed, true) ? $fn : 'strtolower';
$out = call_user_func('strtolower', 'data');
echo htmlspecialchars($out);
