<?php
/* Safe sample: input from $_GET, cast to int before the shell command */
$tainted = $_GET['UserData'];
$tainted = (int) $tainted;
$query = "ls " . $tainted;
$ret = shell_exec($query);
echo $ret;
