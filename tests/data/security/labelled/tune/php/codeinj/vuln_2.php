<?php
$fn = $_GET['callback'];
$out = call_user_func($fn, 'data');
echo intval($out);
