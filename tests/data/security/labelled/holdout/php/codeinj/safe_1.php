<?php
$tainted = $_REQUEST['expr'];
$value = (float) $tainted;
eval('$result = ' . $value . ';');
echo $result;
