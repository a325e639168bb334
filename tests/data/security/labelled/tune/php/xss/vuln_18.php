<?php
$qty = $_POST['qty'];
$line = sprintf("%5s", $qty);
echo "<td>" . $line . "</td>";
