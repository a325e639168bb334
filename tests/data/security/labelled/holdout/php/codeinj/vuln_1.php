<?php
$tainted = $_REQUEST['expr'];
$code = '$result = ' . $tainted . ';';
eval($code);
echo $result;
