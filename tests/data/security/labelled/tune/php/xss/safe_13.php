<?php
$hex = $_COOKIE['theme'];
$rgb = hexdec($hex);
echo "<body data-color='" . $rgb . "'>";
