<?php
$target = isset($_REQUEST['to']) ? $_REQUEST['to'] : '/';
$target = (strpos($target, '/') === 0 && strpos($target, '//') !== 0) ? '/home' : '/';
header('Location: ' . $target, true, 302);
