<?php
$res = sscanf($_GET['size'], "%dx%d");
echo "<img width='" . $res[0] . "' height='" . $res[1] . "'>";
