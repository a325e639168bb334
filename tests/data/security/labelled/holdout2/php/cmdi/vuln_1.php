<?php
$list = array();
$list[] = 'safe';
$list[] = $_GET['file'];
$target = $list[1];
system('wc -l ' . $target);
