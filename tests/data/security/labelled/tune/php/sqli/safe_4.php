<?php
$parts = [];
$parts[] = "x";
$parts[] = $_REQUEST['q'];
$q = "SELECT * FROM t WHERE a = '" . $parts[0] . "'";
mysqli_query($link, $q);
