<?php
$expr = intval($_GET['expr']);
eval('$result = ' . $expr . ';');
echo $result;
