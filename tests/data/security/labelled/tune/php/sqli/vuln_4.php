<?php
$parts = [];
$parts[] = "x";
$parts[] = $_REQUEST['q'];
$q = "SELECT * FROM t WHERE a = '" . $parts[1] . "'";
mysqli_query($link, $q);
