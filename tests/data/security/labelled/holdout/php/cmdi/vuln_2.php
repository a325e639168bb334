<?php
$array = array();
$array[] = 'safe';
$array[] = $_POST['userData'];
$array[] = 'safe';
$tainted = $array[1];
exec('cat /var/www/' . $tainted, $output);
