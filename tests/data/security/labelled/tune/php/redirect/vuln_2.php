<?php
$target = isset($_REQUEST['to']) ? $_REQUEST['to'] : '/';
header('Location: ' . $target, true, 302);
