<?php
$pw = $_POST['pw'];
$hashed = crypt($pw, '$2y$10$abcdefghijklmnopqrstuv');
echo "<code>" . $hashed . "</code>";
