<?php
$width = ltrim($_GET['w'], '0');
echo "<div style='width: {$width}px'>bar</div>";
