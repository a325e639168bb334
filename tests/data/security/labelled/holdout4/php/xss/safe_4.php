<?php
$width = hexdec($_GET['w']);
echo "<div style='width: {$width}px'>bar</div>";
