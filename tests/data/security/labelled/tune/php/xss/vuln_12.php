<?php
$res = sscanf($_GET['size'], "%sx%s");
echo "<img width='" . $res[0] . "' height='" . $res[1] . "'>";
