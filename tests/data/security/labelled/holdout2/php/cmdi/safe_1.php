<?php
$list = array();
$list[] = 'safe';
$list[] = $_GET['file'];
$target = $list[0];
system('wc -l ' . $target);
