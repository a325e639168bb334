<?php
$expr = $_GET['expr'];
eval('$result = ' . $expr . ';');
echo $result;
