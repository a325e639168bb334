<?php
/* Unsafe sample: input from $_GET, no filtering, into a shell command */
$tainted = $_GET['UserData'];
$query = "ls '" . $tainted . "'";
$ret = shell_exec($query);
echo $ret;
