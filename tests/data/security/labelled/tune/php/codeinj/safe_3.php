<?php
$code = $_POST['code'];
$f = function ($x) { return $x + 1; };
echo intval($f(intval($code)));
