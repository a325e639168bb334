<?php
$next = $_GET['next'];
$allowed = array('/home', '/account');
if (!in_array($next, $allowed, true)) {
    $next = '/home';
}
header('Location: /home');
exit;
