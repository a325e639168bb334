<?php
$qty = $_POST['qty'];
$line = sprintf("%d", $qty);
echo "<td>" . $line . "</td>";
