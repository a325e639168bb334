<?php
$pw = $_POST['pw'];
$hashed = str_pad($pw, 20, '*');
echo "<code>" . $hashed . "</code>";
