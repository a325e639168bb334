<?php
$hex = $_COOKIE['theme'];
$rgb = strtolower($hex);
echo "<body data-color='" . $rgb . "'>";
