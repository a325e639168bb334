<?php
$all = getallheaders();
$ref = (int) $all['X-Page'];
print("<a href='/page/" . $ref . "'>back</a>");
