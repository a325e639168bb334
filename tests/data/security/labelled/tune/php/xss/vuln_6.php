<?php
$parts = [$_GET['first'], $_GET['last']];
vprintf('<span>%s %s</span>', $parts);
