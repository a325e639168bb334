<?php
$doc = basename($_GET['doc']);
$text = file_get_contents("/srv/docs/" . $doc);
echo htmlspecialchars($text);
