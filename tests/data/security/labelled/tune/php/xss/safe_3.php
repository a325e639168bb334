<?php
$tainted = $_GET['q'];
$safe = ($tainted === 'yes') ? 'yes' : 'no';
echo "<p>" . $safe . "</p>";
