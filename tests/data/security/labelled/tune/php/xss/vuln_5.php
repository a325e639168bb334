<?php
$all = getallheaders();
$ref = $all['Referer'];
print("<a href='" . $ref . "'>back</a>");
