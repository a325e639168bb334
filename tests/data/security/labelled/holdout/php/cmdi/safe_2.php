<?php
$tainted = $_POST['userData'];
$allowed = array('a.txt', 'b.txt');
if (in_array($tainted, $allowed, true)) {
    $file = $tainted;
} else {
    $file = 'a.txt';
}
exec('cat /var/www/' . escapeshellarg($file), $output);
